package vn.congdoan.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.membership.MemberBreakdowns;
import vn.congdoan.organisation.UnitTypeCount;

/**
 * What a dashboard shows.
 *
 * @param members the member breakdowns and the table of children (see {@link MemberBreakdowns} for the totals rule)
 * @param unitsByType units below the unit on the date, by type (the unit itself not counted)
 * @param targets targets met for the date's year ({@link Targets#score}); null when this build has no targets
 * @param reports children that have not submitted the latest periodic report ({@link StatisticsReports#outstanding});
 *     null when this build has no statistics or no period has reports yet
 */
public record Dashboard(
        MemberBreakdowns.Breakdown members,
        List<UnitTypeCount> unitsByType,
        Targets.@Nullable TargetScore targets,
        StatisticsReports.@Nullable Outstanding reports) {

    /** Units below the unit on the date. */
    public long unitsTotal() {
        return unitsByType.stream().mapToLong(UnitTypeCount::count).sum();
    }
}
