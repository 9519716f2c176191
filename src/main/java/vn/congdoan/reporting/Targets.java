package vn.congdoan.reporting;

import java.util.List;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Yearly targets (chỉ tiêu, DOMAIN.md §8) that an upper level assigns to its child units per indicator. The actual
 * of a computed indicator is read live from the registers over the year (as of the year's end, or today while the
 * year runs); a manual indicator's actual is entered by hand (who and when are kept). A target is met when the
 * actual reaches it (or, for an indicator where lower is better, stays at or under it).
 */
public interface Targets {

    /** Assigning targets to the child units of a unit needs this over the parent. */
    String MANAGE = "target.manage";
    /** Reading targets and actuals of a unit's subtree. */
    String READ = "report.read";

    /**
     * How many targets are met, for the unit and year: those assigned to the unit itself by its parent, and those
     * the unit assigned to its own children (each child × indicator counts once). The unit must be in the caller's
     * {@link #READ} scope, otherwise {@link vn.congdoan.shared.NotFoundException}.
     */
    TargetScore score(long unitId, int year, AccessScope scope);

    /** The target page of a unit and year: its own targets, and its children's with their actuals and roll-up. */
    TargetSheet sheet(long unitId, int year, AccessScope scope);

    /**
     * Sets (or clears, with a null value) the targets of one child unit for a year. The caller needs {@link #MANAGE}
     * over the child's parent. {@code version} is the child's target-set version (0 when none exists yet).
     */
    TargetSheet assign(
            long childUnitId, int year, int version, List<TargetInput> targets, AccessScope scope, Actor actor);

    /** Records the actual of a manual indicator for a unit and year (who and when are kept). */
    TargetSheet recordActual(
            long unitId, int year, String indicatorCode, int version, long value, AccessScope scope, Actor actor);

    /** Met of total. */
    record Tally(int met, int total) {
        public static final Tally NONE = new Tally(0, 0);

        public Tally plus(Tally other) {
            return new Tally(met + other.met, total + other.total);
        }
    }

    /**
     * @param own targets assigned to the unit by its parent
     * @param children targets the unit assigned to its child units, one per child and indicator
     * @param rolledUp indicators assigned to the children, summed over them: met when the summed actual reaches the
     *     summed target
     */
    record TargetScore(long unitId, int year, Tally own, Tally children, Tally rolledUp) {}

    /** One target to set: the indicator and the value (null clears it). */
    record TargetInput(
            String indicatorCode,
            @org.jspecify.annotations.Nullable Long value) {}

    /** One target with its actual. */
    record TargetLine(
            String indicatorCode,
            String indicatorName,
            String unitOfMeasure,
            boolean computed,
            boolean lowerIsBetter,
            long target,
            @org.jspecify.annotations.Nullable Long actual,
            @org.jspecify.annotations.Nullable Integer percent,
            boolean met,
            @org.jspecify.annotations.Nullable String actualRecordedBy,
            java.time.@org.jspecify.annotations.Nullable Instant actualRecordedAt) {}

    /** The targets of one unit. */
    record UnitTargets(
            long unitId, String unitCode, String unitName, int version, List<TargetLine> lines, Tally tally) {}

    /**
     * The page of a unit and year.
     *
     * @param own the unit's own targets (from its parent); empty lines when none
     * @param children each child unit's targets
     * @param rollUp per indicator, the children's targets and actuals summed
     * @param canAssign whether the caller may assign targets to the children
     */
    record TargetSheet(
            long unitId,
            String unitName,
            int year,
            UnitTargets own,
            List<UnitTargets> children,
            List<TargetLine> rollUp,
            TargetScore score,
            boolean canAssign) {}
}
