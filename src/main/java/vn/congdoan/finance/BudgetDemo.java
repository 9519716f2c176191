package vn.congdoan.finance;

/**
 * Seeds the demo's 2025 budgets and settlements, their disclosures (one overdue) and a charity drive; the demo loader
 * calls it once, after the dues and the union fund.
 */
public interface BudgetDemo {

    /**
     * @param unitA the grassroots union of the demo accounts cs1 and ketoan (its 2026 estimate is approved, so the
     *     demo can prepare 2027)
     * @param unitB its sibling (cs2): its 2025 settlement disclosure is overdue
     */
    void seed(long unitA, long unitB);
}
