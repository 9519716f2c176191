package vn.congdoan.finance;

/**
 * Twelve months of member dues for the synthetic demo world (01/2025–12/2025, across the 01/07/2025 rate change):
 * dues profiles for every member (group from the employer, salary from the register, a few unknown salaries), a few
 * exemptions, one unit's higher rate by resolution; then, for the grassroots unions of one commune union, the charges,
 * monthly batch receipts with their ledger postings, some arrears and a few reversals. Charges for the whole world
 * (~200,000 rows) would cost ~15 s in every test context; other units' treasurers draw up a month with one click.
 * Set-based SQL: a few statements, never one per member. Called once by the demo loader.
 */
public interface DuesDemo {

    /**
     * @param commune the commune union whose grassroots unions get twelve months of dues
     * @param higherRateUnit the grassroots union given a higher rate by its own resolution (1 %, from 01/2025)
     */
    void seed(long commune, long higherRateUnit);
}
