package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congdoan.shared.Cccd.Problem;

class CccdTests {

    private static final LocalDate BORN_1985 = LocalDate.of(1985, 3, 14);

    @Test
    void aLaiChauWomanBornIn1985IsValid() {
        // 012 Lai Châu, 1 = 20th century and female, 85 = 1985.
        assertThat(Cccd.check("012185000123", BORN_1985, "F", false)).isEmpty();
    }

    @Test
    void withoutDateOfBirthAndSexOnlyTheNumberItselfIsChecked() {
        assertThat(Cccd.check("012285000123", null, null, false)).isEmpty();
    }

    @Test
    void eachRefusalHasItsOwnReason() {
        assertThat(Cccd.check("", BORN_1985, "F", false)).containsExactly(Problem.EMPTY);
        assertThat(Cccd.check("01218500012", BORN_1985, "F", false)).containsExactly(Problem.FORMAT);
        assertThat(Cccd.check("0121850001234", BORN_1985, "F", false)).containsExactly(Problem.FORMAT);
        assertThat(Cccd.check("01218500012O", BORN_1985, "F", false)).containsExactly(Problem.FORMAT);
        assertThat(Cccd.check("003185000123", BORN_1985, "F", false)).containsExactly(Problem.PROVINCE);
        assertThat(Cccd.check("012285000123", BORN_1985, "M", false)).containsExactly(Problem.BIRTH_YEAR);
        assertThat(Cccd.check("012184000123", BORN_1985, "F", false)).containsExactly(Problem.BIRTH_YEAR);
        assertThat(Cccd.check("012085000123", BORN_1985, "F", false)).containsExactly(Problem.SEX);
    }

    @Test
    void severalProblemsAreReportedTogether() {
        assertThat(Cccd.check("099284000123", BORN_1985, "F", false))
                .containsExactly(Problem.PROVINCE, Problem.BIRTH_YEAR, Problem.SEX);
    }

    @Test
    void onlyMaleAndFemaleAreCrossChecked() {
        assertThat(Cccd.check("012185000123", null, "", false)).isEmpty();
        assertThat(Cccd.check("012185000123", null, "X", false)).isEmpty();
    }

    @Test
    void theCenturyDigitCoversFiveCenturies() {
        assertThat(Cccd.check("012300000001", LocalDate.of(2000, 1, 1), "F", false))
                .isEmpty();
        assertThat(Cccd.check("012299000001", LocalDate.of(2099, 12, 31), "M", false))
                .isEmpty();
        assertThat(Cccd.birthYear("012099000001")).isEqualTo(1999);
        assertThat(Cccd.birthYear("012500000001")).isEqualTo(2100);
        assertThat(Cccd.birthYear("012912000001")).isEqualTo(2312);
        assertThat(Cccd.sex("012912000001")).isEqualTo("F");
        assertThat(Cccd.sex("012812000001")).isEqualTo("M");
        assertThat(Cccd.centuryDigit(1999, "M")).isZero();
        assertThat(Cccd.centuryDigit(2024, "F")).isEqualTo(3);
        assertThat(Cccd.centuryDigit(2399, "F")).isEqualTo(9);
        assertThatThrownBy(() -> Cccd.centuryDigit(1899, "M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cccd.centuryDigit(2000, "X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTableHasTheSixtyThreeProvincesAndNotTheDemoPrefix() {
        assertThat(Cccd.PROVINCE_CODES).hasSize(63).contains("001", "011", "012", "079", "096");
        assertThat(Cccd.PROVINCE_CODES).doesNotContain(Cccd.DEMO_PREFIX, "000", "003", "097", "098");
        assertThat(Cccd.PROVINCE_CODES).allMatch(code -> code.matches("0[0-9]{2}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "012 185 000 123",
                "012.185.000.123",
                "012-185-000-123",
                "\u00A0012185000123 ",
                "012\u2013185000123"
            })
    void separatorsAreRemovedOnInput(String typed) {
        assertThat(Cccd.normalize(typed)).isEqualTo("012185000123");
    }

    @Test
    void normalizeKeepsLettersForTheFormatCheckToRefuse() {
        assertThat(Cccd.normalize(null)).isEmpty();
        assertThat(Cccd.normalize("  ")).isEmpty();
        assertThat(Cccd.normalize("CCCD 012185000123")).isEqualTo("CCCD012185000123");
    }

    @Test
    void maskShowsOnlyTheLastSixDigits() {
        assertThat(Cccd.mask("012185000123")).isEqualTo("******000123");
        assertThat(Cccd.mask("012 185 000 123")).isEqualTo("******000123");
        assertThat(Cccd.mask("12345")).isEmpty();
        assertThat(Cccd.mask(null)).isEmpty();
    }

    @Test
    void argumentsNameTheNumberTheImpliedYearTheDateOfBirthAndTheSexes() {
        assertThat(Cccd.args("012285000123", BORN_1985, "F"))
                .containsExactly("012285000123", "2085", "14/03/1985", "nam", "n\u1EEF");
        assertThat(Cccd.args("0122", null, null)).containsExactly("0122", "", "", "", "");
    }

    @Test
    void everyMessageExistsInBothLanguagesAndReadsItsArguments() throws IOException {
        Properties vi = load("/i18n/members.properties");
        Properties en = load("/i18n/members_en.properties");
        Object[] args = Cccd.args("012285000123", BORN_1985, "F");
        for (Problem p : Problem.values()) {
            assertThat(vi.getProperty(p.messageKey())).as(p.messageKey()).isNotBlank();
            assertThat(en.getProperty(p.messageKey())).as(p.messageKey()).isNotBlank();
        }
        String birth = new MessageFormat(vi.getProperty("cccd.birthYear"), Locale.forLanguageTag("vi")).format(args);
        assertThat(birth).contains("012285000123", "2085", "14/03/1985").doesNotContain("{");
        String sex = new MessageFormat(vi.getProperty("cccd.sex"), Locale.forLanguageTag("vi")).format(args);
        assertThat(sex).contains("012285000123", "nam", "n\u1EEF").doesNotContain("{");
        String en1 = new MessageFormat(en.getProperty("cccd.birthYear"), Locale.ENGLISH).format(args);
        assertThat(en1).contains("2085", "14/03/1985").doesNotContain("{");
    }

    @Test
    void theDemoNumberCarriesCenturySexAndYear() {
        assertThat(Cccd.demoNumber(BORN_1985, "F", 123)).isEqualTo("099185000123");
        assertThat(Cccd.demoNumber(LocalDate.of(2003, 7, 1), "M", 1_234_567)).isEqualTo("099203234567");
        assertThat(Cccd.demoNumber(BORN_1985, "M", -1)).isEqualTo("099085999999");
    }

    @Property
    void aDemoNumberPassesOnlyWhereDemoDataIsAllowed(
            @ForAll("birthDates") LocalDate born, @ForAll("sexes") String sex, @ForAll long serial) {
        String number = Cccd.demoNumber(born, sex, serial);
        assertThat(number).hasSize(12).startsWith(Cccd.DEMO_PREFIX);
        assertThat(Cccd.check(number, born, sex, true)).isEmpty();
        assertThat(Cccd.check(number, born, sex, false)).containsExactly(Problem.PROVINCE);
    }

    @Property
    void aDifferentBirthYearOrTheOtherSexIsCaught(
            @ForAll("birthDates") LocalDate born,
            @ForAll("sexes") String sex,
            @ForAll @IntRange(min = 1, max = 150) int yearsApart) {
        String number = Cccd.demoNumber(born, sex, 42);
        String other = sex.equals("M") ? "F" : "M";
        assertThat(Cccd.check(number, born.minusYears(yearsApart), sex, true)).containsExactly(Problem.BIRTH_YEAR);
        assertThat(Cccd.check(number, born, other, true)).containsExactly(Problem.SEX);
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1900, 1, 1).toEpochDay(),
                        LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> sexes() {
        return Arbitraries.of("M", "F");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CccdTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
