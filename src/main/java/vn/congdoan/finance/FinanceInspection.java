package vn.congdoan.finance;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * The inspection committee's read-only view of a subtree's finances (DOMAIN.md §4.7, UBKT): per unit the year's
 * ledger totals, budget and settlement status, and overdue disclosures. Needs {@link FeeRules#INSPECT}; every view of
 * one unit's books is written to the audit trail.
 */
public interface FinanceInspection {

    /** The units of the caller's inspected subtrees with their budget status for a year, overdue ones first. */
    Overview overview(int year, int page, AccessScope scope);

    /** One unit's books for a year; logged as an inspection view. */
    UnitBooks unit(long unitId, int year, AccessScope scope, Actor actor);

    record UnitRow(
            long unitId,
            String unitName,
            String typeName,
            @Nullable String estimateStatus,
            @Nullable String settlementStatus,
            long overdueDisclosures) {}

    record Overview(
            int year,
            List<UnitRow> units,
            int page,
            int pageSize,
            long total,
            List<Disclosures.DisclosureView> overdue) {}

    record UnitBooks(
            long unitId,
            String unitName,
            int year,
            Money collected,
            Money kept,
            Money upperPayable,
            Money fromLower,
            Money spent,
            Money balance,
            List<Budgets.BudgetView> budgets,
            List<Disclosures.DisclosureView> disclosures) {}
}
