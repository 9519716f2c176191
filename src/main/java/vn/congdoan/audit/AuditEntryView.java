package vn.congdoan.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entry of the trail as the audit page shows it. */
public record AuditEntryView(
        long id,
        Instant occurredAt,
        String actorName,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String targetLabel,
        @Nullable String detail,
        @Nullable String ip) {}
