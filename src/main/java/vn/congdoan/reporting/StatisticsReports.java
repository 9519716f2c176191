package vn.congdoan.reporting;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

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

    /** The periods of every template whose start is not after the date, latest first (at most {@code limit}). */
    List<Period> periods(LocalDate today, int limit);

    /** The period of a template and year; {@link ReportRejectedException} for an unknown template. */
    Period period(String templateCode, int year);

    /**
     * Opens (or returns the already opened) report of the unit for the period, with the computed indicators
     * prefilled from the registers as of the period end. Needs {@link #SUBMIT} over the unit, which must have
     * existed on the period's last day.
     */
    ReportView open(String templateCode, int year, long unitId, AccessScope scope, Actor actor);

    /** One report: reachable by holders over the unit's subtree and by the reviewing parent, else not found. */
    ReportView get(long reportId, AccessScope scope);

    /** The reports of a unit's subtree (and its own), for a period, in the caller's scope. */
    List<ReportView> list(long unitId, Period period, AccessScope scope);

    /** Saves the manual values (a draft or a returned report); null clears a value. */
    ReportView save(
            long reportId, int version, Map<String, @Nullable Long> manualValues, AccessScope scope, Actor actor);

    /** Reads the computed indicators again from the registers (a draft or a returned report). */
    ReportView refresh(long reportId, int version, AccessScope scope, Actor actor);

    /** Submits to the parent; every manual value must be filled. */
    ReportView submit(long reportId, int version, AccessScope scope, Actor actor);

    /** The parent returns a submitted report with a comment (required). Needs {@link #REVIEW} over the parent. */
    ReportView returnForCorrection(long reportId, int version, String comment, AccessScope scope, Actor actor);

    /** The parent accepts a submitted report; it is locked from then on. */
    ReportView accept(long reportId, int version, AccessScope scope, Actor actor);

    /** The roll-up of the unit's children for the period, beside the same figures computed over its subtree. */
    RollUp rollUp(long unitId, Period period, AccessScope scope);

    /** Writes the report as XLSX (formula text escaped) or PDF. */
    void export(long reportId, String format, OutputStream out, AccessScope scope);

    /** One indicator's value in a report. */
    record ReportLine(
            String indicatorCode,
            String name,
            String unitOfMeasure,
            boolean computed,
            @Nullable Long value) {}

    /** A step of the report's life. */
    record ReportStep(String kind, @Nullable String comment, String actorName, Instant at) {}

    /**
     * A unit's report.
     *
     * @param reviewerUnitId the unit that accepts or returns it: the parent on the period's last day, or the unit's
     *     current parent when that one has closed since
     */
    record ReportView(
            long id,
            Period period,
            long unitId,
            String unitCode,
            String unitName,
            long reviewerUnitId,
            String reviewerUnitName,
            String status,
            int version,
            List<ReportLine> lines,
            List<ReportStep> events,
            @Nullable String reviewComment,
            boolean canEdit,
            boolean canReview) {

        public @Nullable Long value(String code) {
            return lines.stream()
                    .filter(l -> l.indicatorCode().equals(code))
                    .findFirst()
                    .map(ReportLine::value)
                    .orElse(null);
        }
    }

    /**
     * One indicator of a roll-up.
     *
     * @param childrenSum sum over the children's reports that were submitted or accepted
     * @param direct for a computed indicator, the figure computed over the unit's subtree (null for manual ones)
     */
    record RollUpLine(
            String indicatorCode,
            String name,
            String unitOfMeasure,
            boolean computed,
            long childrenSum,
            @Nullable Long direct) {}

    /**
     * @param complete whether every expected child has submitted (then computed sums must equal the direct figures)
     */
    record RollUp(
            long unitId,
            String unitName,
            Period period,
            List<ChildStatus> children,
            List<RollUpLine> lines,
            boolean complete) {}

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
