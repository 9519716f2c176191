package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Bulk writes for the synthetic demo world: a few statements for the whole register, never one per member. No checks
 * beyond the database's constraints, no audit entries; the events are written with the actor name {@code demo}.
 */
public interface MemberRegister {

    /** The actor name on demo events and transfers. */
    String DEMO_ACTOR = "demo";

    /**
     * Registers demo members, each admitted into its unit on its join date (an open membership period and an {@code
     * ADMITTED} event), with their sensitive part.
     *
     * @return the new members' ids, in the order given
     */
    List<Long> admitDemo(List<NewMember> members);

    /**
     * Writes later history in this order: transfers (accepted ones move the member, pending ones leave them in the
     * sending unit), then leavers (their open period ends on the day they leave), then Party referrals (an admitted
     * one makes the member a Party member from its outcome date). Every date must lie after the start of the member's
     * open period.
     */
    void recordDemoHistory(List<DemoTransfer> transfers, List<DemoLeaving> leavers, List<DemoReferral> referrals);

    /** Sets the employer of each grassroots unit's members, active or left from there: unit id → enterprise id. */
    void linkDemoEnterprises(Map<Long, Long> enterpriseByUnit);

    /** Links an account to a member record (self-service). */
    void linkDemoAccount(long memberId, long accountId);

    /** A transfer released on {@code releasedOn}; accepted on {@code acceptedOn}, or pending when it is null. */
    record DemoTransfer(
            long memberId,
            long toUnitId,
            LocalDate releasedOn,
            @Nullable LocalDate acceptedOn,
            @Nullable String note) {}

    /**
     * A member leaving.
     *
     * @param reason {@code RETIRED}, {@code VOLUNTARY}, {@code DECEASED} (status LEFT) or {@code REMOVED}, {@code
     *     EXPELLED} (status REMOVED, with a decision)
     */
    record DemoLeaving(
            long memberId,
            String reason,
            LocalDate on,
            @Nullable String decision,
            @Nullable String note) {}

    /**
     * An introduction to the Party.
     *
     * @param outcome {@code PENDING} (no outcome date), {@code ADMITTED} or {@code NOT_ADMITTED}
     */
    record DemoReferral(
            long memberId,
            long unitId,
            LocalDate introducedOn,
            String outcome,
            @Nullable LocalDate outcomeOn) {}
}
