package vn.congdoan.membership;

import org.jspecify.annotations.Nullable;

/**
 * What the public verification page may say about a scanned card: whether it is valid and, only if it is, the
 * holder's initials, their masked member code and their unit. Never the name, birth date or CCCD.
 */
public record CardVerification(
        boolean valid,
        @Nullable String initials,
        @Nullable String maskedMemberCode,
        @Nullable String unitName) {

    public static CardVerification invalid() {
        return new CardVerification(false, null, null, null);
    }
}
