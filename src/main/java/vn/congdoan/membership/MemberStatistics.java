package vn.congdoan.membership;

import java.time.LocalDate;

/**
 * Member figures of a unit's subtree for a period [{@code from}, {@code to}], read from the dated memberships and
 * placed in the tree of {@code to} (DOMAIN.md §8). Aggregates only (ethnicity and Party data leave the system only
 * like this, DOMAIN.md §10); the caller checks the reader's scope.
 *
 * <p>Stocks count the members whose membership covers {@code to}, in the unit they belong to on that day. Flows are
 * attributed as follows, then placed with {@link vn.congdoan.organisation.UnitStatistics#placement(String)}:
 *
 * <ul>
 *   <li>admitted in the period: where the member stands on {@code to}; if they have no unit then (left, or their
 *       union closed), the last unit they belonged to;
 *   <li>left in the period (a membership with a unit ends and no other follows on the same day): the unit they
 *       left;
 *   <li>introduced to the Party in the period: the unit that introduced them.
 * </ul>
 *
 * The workplace (and so the ownership type) is the member's current one: the register does not date it.
 */
public interface MemberStatistics {

    MemberFigures figures(long unitId, LocalDate from, LocalDate to);

    /**
     * @param total members on {@code to}
     * @param female of whom women
     * @param ethnicMinority of whom of an ethnic minority (a recorded ethnicity other than Kinh)
     * @param inState working in a state enterprise (wholly state-owned or state-controlled)
     * @param inNonState in a domestic non-state enterprise, cooperative or household business
     * @param inFdi in a foreign-invested enterprise
     * @param admitted admitted in the period
     * @param left left or removed in the period
     * @param partyReferrals introduced to the Party in the period
     */
    record MemberFigures(
            long total,
            long female,
            long ethnicMinority,
            long inState,
            long inNonState,
            long inFdi,
            long admitted,
            long left,
            long partyReferrals) {}
}
