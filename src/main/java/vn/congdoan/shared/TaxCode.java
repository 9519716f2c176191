package vn.congdoan.shared;

import java.text.Normalizer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The enterprise tax code (mã số thuế, MST), DOMAIN.md §11.2: ten digits for an enterprise, or ten digits, a hyphen
 * and three digits for a dependent unit (branch). The tenth digit is a check digit over the first nine, with weights
 * 31, 29, 23, 19, 17, 13, 7, 5, 3: N10 = 10 − (S mod 11); S mod 11 = 10 gives 0, and S mod 11 = 0 gives no digit, so
 * such a base is invalid. The branch suffix is not checked.
 *
 * <p>Normalisation, decided here once: NFC; every kind of white space removed (officers copy codes written as "0100
 * 109 106"); the dashes U+2010–U+2015 and U+2212 typed by word processors read as the ASCII hyphen; a branch written as
 * thirteen digits without the hyphen is accepted and stored with it. Nothing else is forgiven: a letter, a dot or a
 * hyphen in another place is refused with its own reason.
 */
public final class TaxCode {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    /** Why a tax code was refused; each has its own message key, with the typed value as argument {0}. */
    public enum Problem {
        /** Nothing typed. */
        EMPTY("taxCode.empty"),
        /** A letter or another character that is neither a digit nor the branch hyphen. */
        CHARACTERS("taxCode.characters"),
        /** Not 10 digits, nor 10 + hyphen + 3 ({1} = how many digits were typed). */
        LENGTH("taxCode.length"),
        /** The tenth digit does not match the first nine. */
        CHECKSUM("taxCode.checksum");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * The outcome of checking a typed code.
     *
     * @param value the normalised code ({@code 0100109106} or {@code 0100109106-001}); for a refused code, the cleaned
     *     input
     * @param problem why it was refused, or null when valid
     */
    public record Check(String value, @Nullable Problem problem) {

        public boolean valid() {
            return problem == null;
        }

        /** Message arguments: the typed value and the number of digits in it. */
        public Object[] args() {
            return new Object[] {value, value.chars().filter(Character::isDigit).count()};
        }
    }

    private TaxCode() {}

    /** Checks and normalises a typed tax code. */
    public static Check check(@Nullable String raw) {
        String s = normalise(raw);
        if (s.isEmpty()) {
            return new Check(s, Problem.EMPTY);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-') {
                return new Check(s, Problem.CHARACTERS);
            }
        }
        String code;
        if (s.matches("[0-9]{10}")) {
            code = s;
        } else if (s.matches("[0-9]{10}-[0-9]{3}")) {
            code = s;
        } else if (s.matches("[0-9]{13}")) {
            code = s.substring(0, 10) + "-" + s.substring(10);
        } else {
            return new Check(s, Problem.LENGTH);
        }
        int expected = checkDigit(code.substring(0, 9));
        if (expected < 0 || code.charAt(9) - '0' != expected) {
            return new Check(code, Problem.CHECKSUM);
        }
        return new Check(code, null);
    }

    /** The problem with a typed code, if any. */
    public static Optional<Problem> problem(@Nullable String raw) {
        return Optional.ofNullable(check(raw).problem());
    }

    /**
     * The check digit for nine digits, or −1 when none exists (S mod 11 = 0).
     *
     * @throws IllegalArgumentException unless exactly nine ASCII digits are given
     */
    public static int checkDigit(String nineDigits) {
        if (!nineDigits.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        int r = sum % 11;
        if (r == 0) {
            return -1;
        }
        return r == 10 ? 0 : 10 - r;
    }

    /** Input as the checks see it: NFC, no white space, typographic dashes read as '-'. */
    static String normalise(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            out.append((c >= '\u2010' && c <= '\u2015') || c == '\u2212' ? '-' : c);
        }
        return out.toString();
    }
}
