package vn.congdoan.finance.internal.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congdoan.finance.Budgets.Warning;
import vn.congdoan.finance.Ledger;
import vn.congdoan.shared.Money;

/**
 * The grassroots spending structure of QĐ 4290/QĐ-TLĐ (01/03/2022; DOMAIN.md §4.6): of the dues share kept at the
 * grassroots union, officers' allowances at most 45 %, visiting and supporting members at least 40 %.
 */
class SpendingStructurePolicyTests {

    @Test
    void allowancesOfExactly45PercentAndCareOfExactly40PercentPass() {
        assertThat(SpendingStructurePolicy.check(Money.of(10_000_000), Money.of(4_500_000), Money.of(4_000_000)))
                .isEmpty();
    }

    @Test
    void allowancesOneDongAbove45PercentAreFlaggedWithTheirShare() {
        List<Warning> w = SpendingStructurePolicy.check(Money.of(10_000_000), Money.of(4_500_001), Money.of(4_000_000));
        assertThat(w).containsExactly(new Warning("budgets.warning.allowance", "45", "45"));
        assertThat(SpendingStructurePolicy.check(Money.of(12_000_000), Money.of(6_000_000), Money.of(6_000_000)))
                .containsExactly(new Warning("budgets.warning.allowance", "45", "50"));
    }

    @Test
    void memberCareBelow40PercentIsFlaggedWithOneDecimal() {
        assertThat(SpendingStructurePolicy.check(Money.of(12_000_000), Money.of(0), Money.of(4_000_000)))
                .containsExactly(new Warning("budgets.warning.memberCare", "40", "33,3"));
    }

    @Test
    void bothBreachesAreReportedTogether() {
        assertThat(SpendingStructurePolicy.check(Money.of(1_000_000), Money.of(520_000), Money.of(330_000)))
                .extracting(Warning::messageKey)
                .containsExactly("budgets.warning.allowance", "budgets.warning.memberCare");
    }

    @Test
    void withoutKeptDuesOnlyAllowanceSpendingIsFlagged() {
        assertThat(SpendingStructurePolicy.check(Money.ZERO, Money.ZERO, Money.ZERO))
                .isEmpty();
        assertThat(SpendingStructurePolicy.check(Money.ZERO, Money.of(1), Money.ZERO))
                .extracting(Warning::messageKey)
                .containsExactly("budgets.warning.noDues");
    }

    @Test
    void revenueLinesTakeTheUnitsOwnShareAndSpendingLinesTheSpentCategory() {
        Ledger.Totals t = new Ledger.Totals(
                1L,
                java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2026, 1, 1),
                Map.of("DUES", Money.of(1_000_000)),
                Map.of("DUES", Money.of(700_000)),
                Map.of("DUES", Money.of(300_000)),
                Map.of("DUES", Money.of(50_000)),
                Map.of("MEMBER_CARE", Money.of(400_000)),
                Money.of(350_000));
        assertThat(BudgetLines.actual(BudgetLines.of("R_DUES"), t)).isEqualTo(Money.of(750_000));
        assertThat(BudgetLines.actual(BudgetLines.of("R_FUND"), t)).isEqualTo(Money.ZERO);
        assertThat(BudgetLines.actual(BudgetLines.of("S_MEMBER_CARE"), t)).isEqualTo(Money.of(400_000));
        assertThat(BudgetLines.actual(BudgetLines.of("M_COLLECTED"), t)).isEqualTo(Money.of(1_000_000));
        assertThat(BudgetLines.actual(BudgetLines.of("M_UPPER"), t)).isEqualTo(Money.of(300_000));
    }
}
