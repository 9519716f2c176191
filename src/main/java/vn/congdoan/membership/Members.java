package vn.congdoan.membership;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The member register (DOMAIN.md §3): finding, admitting, editing, transferring, leaving and restoring members. Every
 * read is limited to the caller's {@link #READ} subtrees (a member belongs to the subtree of their unit, or of their
 * last unit when they have none); a member outside it is "not found". Sensitive fields (DOMAIN.md §10.1) are only
 * returned with {@link #SENSITIVE}, and each time they are, an access-log entry is written.
 */
public interface Members {

    String READ = "member.read";
    String WRITE = "member.write";
    String SENSITIVE = "member.read-sensitive";
    /** A member's own record (self-service). */
    String SELF = "self.read";

    int PAGE_SIZE = 50;
    /** The most rows one export may hold. */
    int MAX_EXPORT_ROWS = 300_000;

    /** A page of the filtered list, Vietnamese order (given name, then the rest, then date of birth). */
    MemberPage search(MemberFilter filter, AccessScope scope);

    /** Members for a picker or autocomplete (name, CCCD or code), at most {@code limit}. */
    List<MemberRow> suggest(String query, int limit, AccessScope scope);

    /**
     * One member. With {@code withSensitive} and the permission, the sensitive part is included and the read logged.
     *
     * @param channel {@code PAGE} or {@code API}, for the access log
     */
    MemberDetail get(long id, boolean withSensitive, AccessScope scope, Actor actor, String channel);

    /** The unmasked CCCD; the "show" is logged. */
    String revealCccd(long id, AccessScope scope, Actor actor, String channel);

    /** Admits one member into a unit in the caller's {@link #WRITE} subtree; generates the member code. */
    MemberDetail admit(MemberInput input, AccessScope scope, Actor actor);

    /**
     * Admits several people with one decision (Mẫu 5b): all or none. Problems carry the field as {@code
     * rows[i].field}.
     */
    List<MemberDetail> admitBatch(BatchAdmission batch, AccessScope scope, Actor actor);

    /** Saves a changed record; refuses a stale {@code version} with {@link StaleMemberException}. */
    MemberDetail update(long id, int version, MemberInput input, AccessScope scope, Actor actor);

    /**
     * The sending unit releases the member to another unit. The member stays in the sending unit (shown as "being
     * transferred") until the receiving unit accepts; when the caller may write in both, it is accepted at once.
     */
    TransferView transfer(long id, int version, TransferCommand command, AccessScope scope, Actor actor);

    /** The receiving unit accepts: the membership moves on the given date. */
    TransferView acceptTransfer(long transferId, LocalDate on, AccessScope scope, Actor actor);

    /** The sending unit withdraws a pending transfer. */
    TransferView cancelTransfer(long transferId, AccessScope scope, Actor actor);

    /** Pending transfers into the caller's {@link #WRITE} subtrees (the receiving side's inbox). */
    List<TransferView> incomingTransfers(AccessScope scope);

    /** Leaving (retired, own request, deceased) or removal / expulsion by decision. */
    MemberDetail leave(long id, int version, LeaveCommand command, AccessScope scope, Actor actor);

    /** Brings a member who left back, into a unit in the caller's subtree, with the same member code. */
    MemberDetail restore(long id, int version, long unitId, LocalDate on, AccessScope scope, Actor actor);

    /** Records that the member was introduced to the Party (needs {@link #SENSITIVE}). */
    void addPartyReferral(long id, LocalDate introducedOn, long unitId, AccessScope scope, Actor actor);

    /** Records the outcome of an introduction (needs {@link #SENSITIVE}). */
    void setPartyReferralOutcome(long referralId, String outcome, LocalDate on, AccessScope scope, Actor actor);

    /** The dated history: where the member belonged and what happened (also the caller's own, with {@link #SELF}). */
    List<HistoryEntry> history(long id, AccessScope scope);

    /**
     * Writes exactly the filtered list (all pages) as XLSX or CSV. Sensitive columns only with {@code sensitive} and
     * the permission, and then {@code purpose} is required and the export logged.
     */
    void export(
            MemberFilter filter,
            ExportFormat format,
            boolean sensitive,
            @Nullable String purpose,
            OutputStream out,
            AccessScope scope,
            Actor actor);

    /** Counts by ethnicity in a subtree: aggregates, visible to anyone who may read the unit's members. */
    List<Count> countByEthnicity(long unitId, AccessScope scope);

    // Self-service (MEMBER role)

    /** The caller's own record, when their account is linked to a member. */
    Optional<MemberDetail> own(AccessScope scope);

    /** The member asks to correct their phone or residence; the unit confirms. */
    void requestCorrection(String field, String value, AccessScope scope, Actor actor);

    /** Pending self-service corrections of members in the caller's {@link #WRITE} subtrees. */
    List<Correction> pendingCorrections(AccessScope scope);

    /** The unit confirms or rejects a correction. */
    void decideCorrection(long correctionId, boolean confirm, AccessScope scope, Actor actor);

    enum ExportFormat {
        XLSX,
        CSV
    }

    record Count(String key, String label, long count) {}

    record Correction(
            long id,
            long memberId,
            String memberCode,
            String fullName,
            String field,
            String newValue,
            java.time.Instant requestedAt) {}

    record TransferCommand(
            long toUnitId, LocalDate on, @Nullable String note) {}

    /**
     * @param reason {@code RETIRED}, {@code VOLUNTARY}, {@code DECEASED} (status LEFT) or {@code REMOVED}, {@code
     *     EXPELLED} (status REMOVED, decision required)
     */
    record LeaveCommand(
            String reason,
            LocalDate on,
            @Nullable String decision,
            @Nullable String note) {}

    record BatchAdmission(long unitId, String decision, LocalDate joinedOn, List<MemberInput> people) {}
}
