package vn.congdoan.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;

/**
 * Periodic statistics (DOMAIN.md §8, QĐ 1454/QĐ-TLĐ): a unit opens its report for a template and period (computed
 * indicators prefilled from the registers as of the period end, over the tree of that date), fills the manual ones
 * and submits; the parent unit accepts or returns it with a comment; an accepted report is locked.
 */
public interface StatisticsReports {

    String SUBMIT = "report.submit";
    String REVIEW = "report.review";
    String READ = "report.read";

    /**
     * Which child units of the unit (as of the period end) have not submitted their report for the period. With a
     * null period: the latest period (by end date, already ended) for which some report exists in the unit's
     * subtree; empty when there is none. The unit must be in the caller's {@link #READ} scope, otherwise {@link
     * vn.congdoan.shared.NotFoundException}.
     */
    Optional<Outstanding> outstanding(long unitId, @Nullable Period period, AccessScope scope);

    /**
     * A reporting period of a template: HALF_YEAR of year Y is 01/01–30/06/Y, YEAR is 01/01–31/12/Y, TET_QUICK (Tết
     * quick report) is 01/12/(Y−1)–last day of February Y (Tết always falls inside).
     */
    record Period(String templateCode, String templateName, String kind, int year, LocalDate from, LocalDate to) {}

    /** A child unit and the state of its report (null when it has not opened one). */
    record ChildStatus(
            long unitId,
            String unitCode,
            String unitName,
            @Nullable Long reportId,
            @Nullable String status) {}

    /**
     * @param expected child units that should report (those existing at the period end)
     * @param notSubmitted children without a submitted or accepted report (never opened, draft or returned)
     */
    record Outstanding(long unitId, Period period, int expected, List<ChildStatus> notSubmitted) {}
}
