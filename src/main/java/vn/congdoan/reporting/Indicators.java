package vn.congdoan.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The indicators of targets and periodic statistics (DOMAIN.md §8), kept as data. A computed indicator is read from
 * the registers over a unit's subtree for a period, in the tree of the period's last day (see {@link
 * vn.congdoan.organisation.UnitStatistics} and {@link vn.congdoan.membership.MemberStatistics} for how flows are
 * placed after a restructuring); a manual one is entered by hand.
 */
public interface Indicators {

    /** All indicators in their display order. */
    List<Indicator> all();

    /**
     * Values of the computed indicators among {@code codes} for the unit's subtree over [{@code from}, {@code to}],
     * as of {@code to}. Manual codes are left out. The caller checks the reader's scope.
     */
    Map<String, Long> compute(long unitId, LocalDate from, LocalDate to, Collection<String> codes);

    /** One indicator. */
    record Indicator(
            String code,
            String name,
            String nameEn,
            String unitOfMeasure,
            boolean computed,
            boolean lowerIsBetter,
            boolean aggregateOnly) {}
}
