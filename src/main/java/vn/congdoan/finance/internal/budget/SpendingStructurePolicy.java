package vn.congdoan.finance.internal.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.congdoan.finance.Budgets.Warning;
import vn.congdoan.shared.Money;

/**
 * The grassroots spending structure of the dues share kept at the grassroots union (QĐ 4290/QĐ-TLĐ, 01/03/2022;
 * DOMAIN.md §4.6): allowances for union officers at most 45 %, visiting and supporting members at least 40 %. A breach
 * is a warning on the budget, not a refusal: the upper level decides. The ledger does not tag spending by funding
 * source, so the whole year's spending in a category is compared with the year's kept dues share.
 */
public final class SpendingStructurePolicy {

    /** QĐ 4290/QĐ-TLĐ: allowances at most 45 % of the kept dues share. */
    static final BigDecimal ALLOWANCE_MAX = new BigDecimal("0.45");
    /** QĐ 4290/QĐ-TLĐ: member care (visits, support) at least 40 % of the kept dues share. */
    static final BigDecimal MEMBER_CARE_MIN = new BigDecimal("0.40");

    private SpendingStructurePolicy() {}

    /** The warnings for a grassroots union's dues share and its allowance and member-care spending. */
    public static List<Warning> check(Money duesKept, Money allowances, Money memberCare) {
        List<Warning> warnings = new ArrayList<>();
        if (duesKept.amount().signum() <= 0) {
            if (allowances.amount().signum() > 0) {
                warnings.add(new Warning("budgets.warning.noDues", percent(ALLOWANCE_MAX), "—"));
            }
            return warnings;
        }
        // Compared exactly (part against whole × limit); the share is rounded for display only.
        BigDecimal dues = duesKept.amount();
        if (allowances.amount().compareTo(dues.multiply(ALLOWANCE_MAX)) > 0) {
            warnings.add(new Warning(
                    "budgets.warning.allowance", percent(ALLOWANCE_MAX), percent(share(allowances, duesKept))));
        }
        if (memberCare.amount().compareTo(dues.multiply(MEMBER_CARE_MIN)) < 0) {
            warnings.add(new Warning(
                    "budgets.warning.memberCare", percent(MEMBER_CARE_MIN), percent(share(memberCare, duesKept))));
        }
        return warnings;
    }

    private static BigDecimal share(Money part, Money whole) {
        return part.amount().divide(whole.amount(), 6, RoundingMode.HALF_UP);
    }

    /** "45" or "47,5": a fraction as a percentage with at most one decimal, Vietnamese decimal comma. */
    static String percent(BigDecimal fraction) {
        BigDecimal p =
                fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (p.scale() < 0) {
            p = p.setScale(0);
        }
        return p.toPlainString().replace('.', ',');
    }
}
