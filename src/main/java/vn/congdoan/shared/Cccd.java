package vn.congdoan.shared;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The 12-digit personal ID number printed on the citizen identity card (số CCCD, since 01/07/2024 the "thẻ căn cước"
 * of Law 26/2023/QH15, same number), DOMAIN.md §11.1. Its structure is fixed by Decree 137/2015/NĐ-CP Art. 13 and
 * Thông tư 07/2016/TT-BCA:
 *
 * <ul>
 *   <li>digits 1–3: the province where the birth was registered ({@code 012} Lai Châu);
 *   <li>digit 4: century of birth and sex: 0/1 = 1900–1999 male/female, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 =
 *       2200–2299, 8/9 = 2300–2399; even is male, odd is female;
 *   <li>digits 5–6: the last two digits of the year of birth;
 *   <li>digits 7–12: a random serial.
 * </ul>
 *
 * <p>There is no check digit, so a typo is caught only by the cross-checks against the date of birth and the sex
 * entered on the same form. A mismatch is a validation error whose message names both fields: usually one of them was
 * typed wrong. Overriding it when the card itself is known to be wrong is the caller's business (a permission and a
 * recorded reason), not this class's.
 *
 * <p>The province table is the 63 pre-2025 provinces; codes for births registered after the 2025 mergers are not
 * known (unverified). {@link #DEMO_PREFIX} {@code 099} belongs to no province and marks synthetic demo numbers
 * (DOMAIN.md §2.5); it is accepted only when the caller says demo data is allowed.
 */
public final class Cccd {

    /** The province prefix of synthetic demo numbers; no province has it. */
    public static final String DEMO_PREFIX = "099";

    /**
     * The 63 pre-2025 province codes (Thông tư 07/2016/TT-BCA, the province codes of the administrative unit list with
     * a leading zero): 001 Hà Nội, 002 Hà Giang, 004 Cao Bằng, 006 Bắc Kạn, 008 Tuyên Quang, 010 Lào Cai, 011 Điện
     * Biên, 012 Lai Châu, 014 Sơn La, 015 Yên Bái, 017 Hòa Bình, 019 Thái Nguyên, 020 Lạng Sơn, 022 Quảng Ninh, 024 Bắc
     * Giang, 025 Phú Thọ, 026 Vĩnh Phúc, 027 Bắc Ninh, 030 Hải Dương, 031 Hải Phòng, 033 Hưng Yên, 034 Thái Bình, 035 Hà
     * Nam, 036 Nam Định, 037 Ninh Bình, 038 Thanh Hóa, 040 Nghệ An, 042 Hà Tĩnh, 044 Quảng Bình, 045 Quảng Trị, 046
     * Thừa Thiên Huế, 048 Đà Nẵng, 049 Quảng Nam, 051 Quảng Ngãi, 052 Bình Định, 054 Phú Yên, 056 Khánh Hòa, 058 Ninh
     * Thuận, 060 Bình Thuận, 062 Kon Tum, 064 Gia Lai, 066 Đắk Lắk, 067 Đắk Nông, 068 Lâm Đồng, 070 Bình Phước, 072 Tây
     * Ninh, 074 Bình Dương, 075 Đồng Nai, 077 Bà Rịa – Vũng Tàu, 079 Hồ Chí Minh City, 080 Long An, 082 Tiền Giang, 083
     * Bến Tre, 084 Trà Vinh, 086 Vĩnh Long, 087 Đồng Tháp, 089 An Giang, 091 Kiên Giang, 092 Cần Thơ, 093 Hậu Giang, 094
     * Sóc Trăng, 095 Bạc Liêu, 096 Cà Mau.
     */
    static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    /** Why a number was refused; {@link #args} gives the arguments of every message. */
    public enum Problem {
        /** Nothing typed. */
        EMPTY("cccd.empty"),
        /** Not exactly 12 digits, or something other than digits. */
        FORMAT("cccd.format"),
        /** The first three digits are not a province code (nor the demo prefix where allowed). */
        PROVINCE("cccd.province"),
        /** Digit 4 (century) and digits 5–6 give a year other than the year of the date of birth. */
        BIRTH_YEAR("cccd.birthYear"),
        /** Digit 4 gives the other sex than the sex field. */
        SEX("cccd.sex");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private Cccd() {}

    /** NFC, with white space, dots and hyphens (ASCII and typographic) removed; {@code ""} for null. */
    public static String normalize(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            boolean dash = c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
            if (!space && !dash && c != '.') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Checks a normalised number; an empty list means valid. The birth-year and sex cross-checks run only when the
     * date of birth and the sex are given, and only on a number of the right format.
     *
     * @param normalized the output of {@link #normalize}
     * @param birthDate the date of birth entered on the same form, if any
     * @param sex {@code "M"} or {@code "F"} as entered on the same form; anything else skips the sex check
     * @param demoPrefixAllowed whether the demo prefix {@link #DEMO_PREFIX} counts as a province (demo profile only)
     */
    public static List<Problem> check(
            String normalized, @Nullable LocalDate birthDate, @Nullable String sex, boolean demoPrefixAllowed) {
        if (normalized.isEmpty()) {
            return List.of(Problem.EMPTY);
        }
        if (!isTwelveDigits(normalized)) {
            return List.of(Problem.FORMAT);
        }
        List<Problem> problems = new ArrayList<>(3);
        String province = normalized.substring(0, 3);
        if (!PROVINCE_CODES.contains(province) && !(demoPrefixAllowed && DEMO_PREFIX.equals(province))) {
            problems.add(Problem.PROVINCE);
        }
        if (birthDate != null && birthYear(normalized) != birthDate.getYear()) {
            problems.add(Problem.BIRTH_YEAR);
        }
        if (sex != null && (sex.equals("M") || sex.equals("F")) && !sex.equals(sex(normalized))) {
            problems.add(Problem.SEX);
        }
        return List.copyOf(problems);
    }

    /**
     * The arguments of every {@link Problem} message: {0} the number, {1} the year of birth it implies, {2} the date of
     * birth entered ({@code dd/MM/yyyy}), {3} the sex it implies ("nam" / "nữ"), {4} the sex entered ("nam" / "nữ").
     * Years are passed as text so that MessageFormat does not print "1,985". A number of the wrong format implies
     * nothing: {1} and {3} are then empty.
     */
    public static Object[] args(String cccd, @Nullable LocalDate birthDate, @Nullable String sex) {
        boolean readable = isTwelveDigits(cccd);
        return new Object[] {
            cccd,
            readable ? String.valueOf(birthYear(cccd)) : "",
            Dates.format(birthDate),
            readable ? sexWord(sex(cccd)) : "",
            sexWord(sex)
        };
    }

    /** Six asterisks and the last six digits ({@code ******123456}); {@code ""} for null or fewer than 12 characters. */
    public static String mask(@Nullable String cccd) {
        String s = normalize(cccd);
        if (s.length() < 12) {
            return "";
        }
        return "******" + s.substring(s.length() - 6);
    }

    /**
     * The year of birth a number implies: the century from digit 4 plus digits 5–6.
     *
     * @throws IllegalArgumentException unless twelve ASCII digits are given
     */
    public static int birthYear(String cccd) {
        requireTwelveDigits(cccd);
        return centuryStart(cccd.charAt(3) - '0') + Integer.parseInt(cccd.substring(4, 6));
    }

    /**
     * The sex a number implies, {@code "M"} for an even digit 4 and {@code "F"} for an odd one.
     *
     * @throws IllegalArgumentException unless twelve ASCII digits are given
     */
    public static String sex(String cccd) {
        requireTwelveDigits(cccd);
        return (cccd.charAt(3) - '0') % 2 == 0 ? "M" : "F";
    }

    /** The first year of the century that digit 4 stands for: 0/1 → 1900, 2/3 → 2000, … 8/9 → 2300. */
    public static int centuryStart(int centuryDigit) {
        if (centuryDigit < 0 || centuryDigit > 9) {
            throw new IllegalArgumentException("a digit expected: " + centuryDigit);
        }
        return 1900 + centuryDigit / 2 * 100;
    }

    /**
     * Digit 4 for a year of birth and a sex.
     *
     * @throws IllegalArgumentException for a year outside 1900–2399 or a sex other than "M" / "F"
     */
    public static int centuryDigit(int birthYear, String sex) {
        if (birthYear < 1900 || birthYear > 2399) {
            throw new IllegalArgumentException("no century digit for the year " + birthYear);
        }
        if (!"M".equals(sex) && !"F".equals(sex)) {
            throw new IllegalArgumentException("sex must be M or F: " + sex);
        }
        return (birthYear - 1900) / 100 * 2 + ("F".equals(sex) ? 1 : 0);
    }

    /**
     * A synthetic number for demo data: the demo prefix, the right century and sex digit, the year digits, and {@code
     * serial} modulo 1,000,000 as the last six digits. It passes {@link #check} with {@code demoPrefixAllowed} and
     * fails it with {@link Problem#PROVINCE} otherwise, so it can never pass for a real person's number.
     *
     * @throws IllegalArgumentException for a year of birth outside 1900–2399 or a sex other than "M" / "F"
     */
    public static String demoNumber(LocalDate birthDate, String sex, long serial) {
        int year = birthDate.getYear();
        return DEMO_PREFIX
                + centuryDigit(year, sex)
                + String.format("%02d", year % 100)
                + String.format("%06d", Math.floorMod(serial, 1_000_000L));
    }

    private static String sexWord(@Nullable String sex) {
        if ("M".equals(sex)) {
            return "nam";
        }
        return "F".equals(sex) ? "n\u1EEF" : "";
    }

    private static boolean isTwelveDigits(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void requireTwelveDigits(String s) {
        if (!isTwelveDigits(s)) {
            throw new IllegalArgumentException("twelve digits expected");
        }
    }
}
