package vn.congdoan.enterprises;

import java.time.LocalDate;

/**
 * Enterprise figures of a unit's subtree on a date (DOMAIN.md §8). The enterprise register holds the current state
 * (workers, ownership, covering union) without history; units are placed in the tree of the date like {@link
 * vn.congdoan.organisation.UnitStatistics} describes. Aggregates only; the caller checks the reader's scope.
 */
public interface EnterpriseStatistics {

    EnterpriseFigures figures(long unitId, LocalDate asOf);

    /**
     * @param grassrootsInNonState grassroots unions existing on the date that cover at least one non-state
     *     enterprise (domestic private, FDI, cooperative, household business)
     * @param largeWithoutUnion enterprises with at least 25 workers and no covering union, founded by the date,
     *     counted under their managing unit
     */
    record EnterpriseFigures(long grassrootsInNonState, long largeWithoutUnion) {}
}
