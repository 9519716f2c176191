package vn.congdoan.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The access log of sensitive personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP; DOMAIN.md §10.3): every display
 * or export of ethnicity, religion, Party membership, health, salary or bank data, and every "show CCCD", leaves one
 * entry — who, whose, which fields, and why for exports. Never the values. Writes join the caller's transaction.
 */
public interface AccessLog {

    int PAGE_SIZE = 50;

    void record(Access access);

    /** Entries about records in the caller's {@link AuditTrail#READ} subtrees, newest first. */
    List<AccessEntry> search(int page, AccessScope scope);

    /**
     * One access.
     *
     * @param action {@code VIEW}, {@code EXPORT}, {@code IMPORT}, {@code SHOW_CCCD} or {@code CARD_PRINT}
     * @param channel {@code PAGE}, {@code API} or {@code FILE}
     * @param memberIds whose data
     * @param fields which fields (names, never values)
     * @param purpose why (required for exports)
     * @param scopePath tree path of the unit the records belong to (who may read the entry)
     */
    record Access(
            Actor actor,
            String action,
            String channel,
            List<Long> memberIds,
            List<String> fields,
            @Nullable String purpose,
            @Nullable String scopePath) {}

    /** An entry as the log page shows it. */
    record AccessEntry(
            long id,
            Instant occurredAt,
            String actorName,
            String action,
            String channel,
            int rowCount,
            List<Long> memberIds,
            List<String> fields,
            @Nullable String purpose) {}
}
