package vn.congdoan.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules of QUALITY.md §4 (OWASP ASVS 5.0 §6.2): 8 to 128 characters, not a known common password, not the
 * username; no composition rules. Returns the message key of the first rule broken.
 */
final class PasswordPolicy {

    static final int MIN = 8;
    static final int MAX = 128;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    static PasswordPolicy withBundledList() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(words);
    }

    Optional<String> violation(String password, String username) {
        String nfc = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = nfc.codePointCount(0, nfc.length());
        if (length < MIN) {
            return Optional.of("identity.password.tooShort");
        }
        if (length > MAX) {
            return Optional.of("identity.password.tooLong");
        }
        String lower = nfc.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isOneRepeatedCharacter(lower) || isRunOfDigits(lower)) {
            return Optional.of("identity.password.common");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("identity.password.containsUsername");
        }
        return Optional.empty();
    }

    private static boolean isOneRepeatedCharacter(String s) {
        return s.codePoints().distinct().count() == 1;
    }

    private static boolean isRunOfDigits(String s) {
        if (!s.chars().allMatch(Character::isDigit)) {
            return false;
        }
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            up &= d == 1 || d == -9;
            down &= d == -1 || d == 9;
        }
        return up || down;
    }
}
