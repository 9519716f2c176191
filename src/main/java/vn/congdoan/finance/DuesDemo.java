package vn.congdoan.finance;

/**
 * Twelve months of member dues for the synthetic demo world (01/2025–12/2025, across the 01/07/2025 rate change):
 * profiles, a few exemptions and unknown salaries, one unit's higher rate by resolution, charges, monthly batch
 * receipts with their ledger postings, some arrears and a few reversals. Set-based SQL: a few statements for the whole
 * world, never one per member. Called once by the demo loader, after the members and enterprises exist.
 */
public interface DuesDemo {

    /** @param higherRateUnit the grassroots union given a higher rate by its own resolution (1 %, from 01/2025) */
    void seed(long higherRateUnit);
}
