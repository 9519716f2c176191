package vn.congdoan.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, as the audit trail records it.
 *
 * @param userId the account id, or null for anonymous or system actions
 * @param name the username (or the attempted one, for failed logins)
 * @param ip the client address, when the action came over HTTP
 */
public record Actor(
        @Nullable Long userId, String name, @Nullable String ip) {

    public static Actor system() {
        return new Actor(null, "system", null);
    }
}
