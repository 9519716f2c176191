package vn.congdoan.shared;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Vietnamese mobile numbers, DOMAIN.md §11.3. The stored form is ten digits starting with 0, the second digit one of
 * the mobile prefixes 3, 5, 7, 8, 9 (landlines, 02x, are refused: a member's phone is for SMS and Zalo).
 *
 * <p>Accepted on input: spaces, dots, hyphens and parentheses anywhere ({@code (091) 234-5678}); the country code as
 * {@code +84}, {@code 0084} or {@code 84}, with or without the trunk 0 after it ({@code +84 (0) 912 …}); and the old
 * 11-digit numbers still found in legacy spreadsheets, converted with the table used by the operators from 15/09/2018
 * to 30/06/2019 (0162–0169 → 032–039; 0120/0121/0122/0126/0128 → 070/079/077/076/078; 0123/0124/0125/0127/0129 →
 * 083/084/085/081/082; 0186/0188 → 056/058; 0199 → 059).
 */
public final class PhoneNumbers {

    /** The message key for a refused number; argument {0} is the number as typed. */
    public static final String INVALID = "phone.invalid";

    /** The prefix of synthetic demo numbers, see {@link #demoNumber}. */
    public static final String DEMO_PREFIX = "0399";

    /** Old four-digit prefixes of 11-digit numbers and the three-digit prefixes that replaced them. */
    private static final Map<String, String> OLD_PREFIXES = Map.ofEntries(
            Map.entry("0162", "032"),
            Map.entry("0163", "033"),
            Map.entry("0164", "034"),
            Map.entry("0165", "035"),
            Map.entry("0166", "036"),
            Map.entry("0167", "037"),
            Map.entry("0168", "038"),
            Map.entry("0169", "039"),
            Map.entry("0120", "070"),
            Map.entry("0121", "079"),
            Map.entry("0122", "077"),
            Map.entry("0126", "076"),
            Map.entry("0128", "078"),
            Map.entry("0123", "083"),
            Map.entry("0124", "084"),
            Map.entry("0125", "085"),
            Map.entry("0127", "081"),
            Map.entry("0129", "082"),
            Map.entry("0186", "056"),
            Map.entry("0188", "058"),
            Map.entry("0199", "059"));

    private PhoneNumbers() {}

    /** The ten-digit form of a valid mobile number, or empty when the input is not one. */
    public static Optional<String> normalize(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = strip(Normalizer.normalize(raw, Normalizer.Form.NFC));
        if (s.startsWith("+84")) {
            s = national(s.substring(3));
        } else if (s.startsWith("0084")) {
            s = national(s.substring(4));
        } else if (s.startsWith("84")) {
            // A national number starts with 0, so a leading 84 can only be the country code.
            s = national(s.substring(2));
        }
        if (!s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        if (s.length() == 11) {
            String replacement = OLD_PREFIXES.get(s.substring(0, 4));
            if (replacement == null) {
                return Optional.empty();
            }
            s = replacement + s.substring(4);
        }
        if (s.length() != 10 || s.charAt(0) != '0' || "35789".indexOf(s.charAt(1)) < 0) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Whether {@link #normalize} accepts the input. */
    public static boolean isValid(@Nullable String raw) {
        return normalize(raw).isPresent();
    }

    /**
     * A synthetic number for demo data: {@link #DEMO_PREFIX} and {@code serial} modulo 1,000,000 as six digits. It is
     * a valid number, so it may belong to a real subscriber: demo mode must keep SMS and Zalo sending switched off
     * (DOMAIN.md §2.5).
     */
    public static String demoNumber(long serial) {
        return DEMO_PREFIX + String.format("%06d", Math.floorMod(serial, 1_000_000L));
    }

    /** After the country code: the national number, with the trunk 0 put back unless it was typed. */
    private static String national(String rest) {
        return rest.startsWith("0") ? rest : "0" + rest;
    }

    private static String strip(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            boolean separator =
                    c == '.' || c == '-' || c == '(' || c == ')' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
            if (!space && !separator) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
