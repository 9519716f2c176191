package vn.congdoan.identity.internal;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** The account or the client address is cooling down after repeated failures; the password was not checked. */
class LoginThrottledException extends AuthenticationException {

    private final Instant until;

    LoginThrottledException(Instant until) {
        super("login throttled");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
