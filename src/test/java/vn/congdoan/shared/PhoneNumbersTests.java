package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0912345678",
                "0912 345 678",
                "0912.345.678",
                "0912-345-678",
                "(091) 234-5678",
                "+84912345678",
                "+84 912 345 678",
                "+84 (0) 912 345 678",
                "84912345678",
                "0084 912 345 678",
                "\u00A00912\u2013345\u2013678 "
            })
    void theUsualWaysOfWritingANumberGiveTheTenDigitForm(String typed) {
        assertThat(PhoneNumbers.normalize(typed)).contains("0912345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0321234567", "0561234567", "0701234567", "0811234567", "0991234567"})
    void everyMobilePrefixIsAccepted(String number) {
        assertThat(PhoneNumbers.normalize(number)).contains(number);
    }

    @ParameterizedTest
    @CsvSource({
        "01621234567, 0321234567",
        "01691234567, 0391234567",
        "01201234567, 0701234567",
        "01211234567, 0791234567",
        "01221234567, 0771234567",
        "01261234567, 0761234567",
        "01281234567, 0781234567",
        "01231234567, 0831234567",
        "01241234567, 0841234567",
        "01251234567, 0851234567",
        "01271234567, 0811234567",
        "01291234567, 0821234567",
        "01861234567, 0561234567",
        "01881234567, 0581234567",
        "01991234567, 0591234567",
        "+84 166 123 4567, 0361234567"
    })
    void oldElevenDigitNumbersAreConverted(String old, String current) {
        assertThat(PhoneNumbers.normalize(old)).contains(current);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "091234567",
                "09123456789",
                "0212345678",
                "0412345678",
                "0612345678",
                "1912345678",
                "02431234567",
                "01301234567",
                "0912a45678",
                "0912/345/678",
                "+1 912 345 678"
            })
    void landlinesWrongLengthsAndLettersAreRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed)).isEmpty();
        assertThat(PhoneNumbers.isValid(typed)).isFalse();
    }

    @Test
    void nullIsNotANumber() {
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }

    @Test
    void theDemoPatternIsFixed() {
        assertThat(PhoneNumbers.demoNumber(42)).isEqualTo("0399000042");
        assertThat(PhoneNumbers.demoNumber(1_000_042)).isEqualTo("0399000042");
        assertThat(PhoneNumbers.demoNumber(-1)).isEqualTo("0399999999");
        assertThat(PhoneNumbers.INVALID).isEqualTo("phone.invalid");
    }

    @Property
    void everyDemoNumberIsValidAndNormalisedAlready(@ForAll long serial) {
        String number = PhoneNumbers.demoNumber(serial);
        assertThat(number).startsWith(PhoneNumbers.DEMO_PREFIX);
        assertThat(PhoneNumbers.normalize(number)).contains(number);
        assertThat(PhoneNumbers.normalize("+84" + number.substring(1))).contains(number);
    }
}
