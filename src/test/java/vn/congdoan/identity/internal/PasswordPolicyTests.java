package vn.congdoan.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = PasswordPolicy.withBundledList();

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThat(policy.violation("nui cao suoi sau", "tinh")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(policy.violation("Ab1!xyz", "tinh")).hasValue("identity.password.tooShort");
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(policy.violation("a".repeat(60) + "b".repeat(69), "tinh")).hasValue("identity.password.tooLong");
    }

    @Test
    void countsVietnameseLettersAsOneCharacterEach() {
        String decomposed = java.text.Normalizer.normalize("mườngtè", java.text.Normalizer.Form.NFD);
        assertThat(decomposed.length()).isGreaterThan(7);
        assertThat(policy.violation(decomposed, "tinh")).hasValue("identity.password.tooShort");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.violation("MatKhau123", "tinh")).hasValue("identity.password.common");
        assertThat(policy.violation("congdoan2025", "tinh")).hasValue("identity.password.common");
        assertThat(policy.violation("87654321", "tinh")).hasValue("identity.password.common");
        assertThat(policy.violation("zzzzzzzzzz", "tinh")).hasValue("identity.password.common");
    }

    @Test
    void refusesThePasswordContainingTheUsername() {
        assertThat(policy.violation("ketoan-cua-toi", "ketoan")).hasValue("identity.password.containsUsername");
    }
}
