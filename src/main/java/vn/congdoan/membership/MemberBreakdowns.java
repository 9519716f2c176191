package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Members of a unit's subtree on a date, broken down for dashboards (aggregates only, no names). Everything is "as
 * of" the date over the tree of that date ({@code organisation.org_unit_period}, {@code membership.membership_period}).
 *
 * <p><b>The totals rule</b> (the same as {@link MemberCounts#subtree}): the members of unit U on date D are those
 * whose membership on D is in a unit that lies, in the tree of D, under U (U included), plus the members without a
 * unit on D whose last unit lies, in today's tree, under U. The table of children splits that total exactly: each
 * child as of D (its own members and its own members without unit, by the same rule), the members directly in U
 * (and those without a unit whose last unit was U itself), and the members without a unit whose last unit lies
 * under U but under none of D's children (a unit closed since); so {@link Breakdown#total()} always equals the sum of
 * the rows, and each child's row equals the child's own total.
 *
 * <p>Ethnicity is detailed only for a caller holding {@link Members#SENSITIVE} over the unit, and that view is written
 * to the access log (DOMAIN.md §10, Decree 356/2025/NĐ-CP); anyone else gets groups under {@link #SMALL_GROUP}
 * merged into one "*" bucket, as {@link Members#countByEthnicity} does.
 */
public interface MemberBreakdowns {

    /** Groups smaller than this are merged when ethnicity is not detailed. */
    int SMALL_GROUP = 3;

    /** How many month ends the growth series has, the date's own month last. */
    int MONTHS = 12;

    /**
     * The breakdown of the unit on the date, for a caller holding {@code permission} over the unit (in today's tree);
     * otherwise {@link vn.congdoan.shared.NotFoundException}.
     *
     * @param channel {@code PAGE}, {@code API} or {@code FILE}, for the access log of a detailed ethnicity view
     */
    Breakdown breakdown(long unitId, LocalDate asOf, String permission, AccessScope scope, Actor actor, String channel);

    /** One bucket: a code ({@code M}/{@code F}, an age band, an ethnicity or ownership code) and its count. */
    record Bucket(String key, String label, String labelEn, long count) {}

    /**
     * One row of the children table.
     *
     * @param kind {@code CHILD}, {@code DIRECT} (members of the unit itself) or {@code CLOSED} (without a unit, last
     *     unit under none of the date's children)
     * @param withoutUnit of {@code members}, those without a unit on the date
     */
    record Row(
            String kind,
            long unitId,
            String code,
            String name,
            String typeCode,
            long members,
            long female,
            long withoutUnit) {}

    /** A month of the growth series: members at the month end (or the date), admitted and left during the month. */
    record Month(LocalDate end, long members, long admitted, long left) {}

    /**
     * @param ethnicityDetailed whether {@code byEthnicity} is the full detail (else small groups are merged as "*")
     */
    record Breakdown(
            long unitId,
            String unitCode,
            String unitName,
            String unitTypeCode,
            LocalDate asOf,
            long total,
            long female,
            long withoutUnit,
            List<Bucket> bySex,
            List<Bucket> byAge,
            List<Bucket> byEthnicity,
            boolean ethnicityDetailed,
            List<Bucket> byOwnership,
            List<Row> rows,
            List<Month> growth) {}
}
