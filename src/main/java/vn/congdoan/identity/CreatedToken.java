package vn.congdoan.identity;

import java.time.Instant;

/** A freshly created token: the only time its secret is shown. */
public record CreatedToken(long id, String name, String secret, Instant expiresAt) {}
