package vn.congdoan.audit;

import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Actor;

/**
 * One fact for the trail. Never carries a password or a sensitive field's value.
 *
 * @param actor who did it
 * @param action what, as a stable code (e.g. {@code LOGIN_FAILURE})
 * @param scopePath tree path of the unit the fact belongs to, as it was then (who may read it); null when unknown
 * @param targetType kind of record touched
 * @param targetId its id
 * @param targetLabel its label as it was then
 * @param detail a short non-personal note
 */
public record AuditRecord(
        Actor actor,
        String action,
        @Nullable String scopePath,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String targetLabel,
        @Nullable String detail) {

    public static AuditRecord of(Actor actor, String action, @Nullable String scopePath) {
        return new AuditRecord(actor, action, scopePath, null, null, null, null);
    }

    public AuditRecord target(String type, Object id, @Nullable String label) {
        return new AuditRecord(actor, action, scopePath, type, String.valueOf(id), label, detail);
    }

    public AuditRecord detail(@Nullable String note) {
        return new AuditRecord(actor, action, scopePath, targetType, targetId, targetLabel, note);
    }
}
