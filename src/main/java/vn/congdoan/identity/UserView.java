package vn.congdoan.identity;

import java.time.Instant;
import java.util.List;

/** An account as the user pages show it. */
public record UserView(
        long id,
        String username,
        String displayName,
        long homeUnitId,
        String homeUnitName,
        boolean enabled,
        Instant createdAt,
        int version,
        List<GrantView> grants) {}
