package vn.congdoan.finance;

import java.util.List;

/**
 * Demo data of the union fund, called by the demo loader after the enterprises exist: the collection bank accounts
 * (invented numbers), twelve months of KPCĐ (01–12/2025) for the demo enterprises with ten or more workers —
 * declarations, payments posted to the ledger, arrears, one exemption, one reduction, one deferral and two reversed
 * double entries. Set-based, a second or two.
 */
public interface FundDemo {

    /**
     * @param ownDuesAccounts grassroots unions that get a dues account of their own (the others collect through the
     *     province's)
     * @return payments recorded
     */
    int load(List<Long> ownDuesAccounts);
}
