package vn.congdoan.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token as its owner sees it later: never the secret, only its first characters. */
public record TokenView(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        boolean active) {}
