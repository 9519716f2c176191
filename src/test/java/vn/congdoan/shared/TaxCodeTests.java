package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congdoan.shared.TaxCode.Problem;

class TaxCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"0100109106", "0100109106-001", "0300588569", "0100233583", "0100107518", "0101245486"})
    void publishedCodesAreValid(String code) {
        TaxCode.Check c = TaxCode.check(code);
        assertThat(c.problem()).isNull();
        assertThat(c.value()).isEqualTo(code);
    }

    @Test
    void theWorkedExampleOfTheDomainGuide() {
        // 0100109106: S = 114, 114 mod 11 = 4, 10 − 4 = 6.
        assertThat(TaxCode.checkDigit("010010910")).isEqualTo(6);
    }

    @Test
    void spacesAndTypographicDashesAreForgivenAndABranchWithoutHyphenGetsOne() {
        assertThat(TaxCode.check(" 0100 109 106 ").value()).isEqualTo("0100109106");
        assertThat(TaxCode.check("0100109106\u2013002").value()).isEqualTo("0100109106-002");
        assertThat(TaxCode.check("0100109106002").value()).isEqualTo("0100109106-002");
        assertThat(TaxCode.check("0100109106002").valid()).isTrue();
    }

    @Test
    void eachRefusalHasItsOwnReason() {
        assertThat(TaxCode.check("").problem()).isEqualTo(Problem.EMPTY);
        assertThat(TaxCode.check("   ").problem()).isEqualTo(Problem.EMPTY);
        assertThat(TaxCode.check(null).problem()).isEqualTo(Problem.EMPTY);
        assertThat(TaxCode.check("01001O9106").problem()).isEqualTo(Problem.CHARACTERS);
        assertThat(TaxCode.check("0100.109.106").problem()).isEqualTo(Problem.CHARACTERS);
        assertThat(TaxCode.check("MST0100109106").problem()).isEqualTo(Problem.CHARACTERS);
        assertThat(TaxCode.check("010010910").problem()).isEqualTo(Problem.LENGTH);
        assertThat(TaxCode.check("01001091061").problem()).isEqualTo(Problem.LENGTH);
        assertThat(TaxCode.check("0100109106-01").problem()).isEqualTo(Problem.LENGTH);
        assertThat(TaxCode.check("01001-09106").problem()).isEqualTo(Problem.LENGTH);
        assertThat(TaxCode.check("0100109107").problem()).isEqualTo(Problem.CHECKSUM);
        assertThat(TaxCode.check("0100109107-001").problem()).isEqualTo(Problem.CHECKSUM);
    }

    @Test
    void theMessageArgumentsCarryTheValueAndItsDigitCount() {
        assertThat(TaxCode.check("12345").args()).containsExactly("12345", 5L);
    }

    @Test
    void aBaseWhoseSumIsAMultipleOfElevenHasNoCheckDigit() {
        // 000000000 has S = 0; 100000000 has S = 31 (31 mod 11 = 9, digit 1).
        assertThat(TaxCode.checkDigit("000000000")).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            assertThat(TaxCode.check("000000000" + d).problem()).isEqualTo(Problem.CHECKSUM);
        }
        assertThat(TaxCode.checkDigit("100000000")).isEqualTo(1);
    }

    @Property
    void anyNineDigitsWithADefinedCheckDigitMakeAValidCode(
            @ForAll @NumericChars @StringLength(9) String base, @ForAll @IntRange(min = 0, max = 999) int branch) {
        int digit = TaxCode.checkDigit(base);
        Assume.that(digit >= 0);
        assertThat(TaxCode.check(base + digit).valid()).isTrue();
        assertThat(TaxCode.check(base + digit + "-" + "%03d".formatted(branch)).valid())
                .isTrue();
    }

    @Property
    void changingTheCheckDigitMakesItInvalid(
            @ForAll @NumericChars @StringLength(9) String base, @ForAll @IntRange(min = 1, max = 9) int shift) {
        int digit = TaxCode.checkDigit(base);
        Assume.that(digit >= 0);
        int wrong = (digit + shift) % 10;
        assertThat(TaxCode.check(base + wrong).problem()).isEqualTo(Problem.CHECKSUM);
    }
}
