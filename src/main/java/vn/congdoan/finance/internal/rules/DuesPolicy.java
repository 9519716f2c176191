package vn.congdoan.finance.internal.rules;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Money;

/**
 * The arithmetic of one month's dues, apart from where the parameters come from (the dated rule tables).
 *
 * <p>Dues = rate × basis, rounded half-up to the whole đồng; when the group has a cap, at most {@code capFraction} ×
 * base salary (QĐ 1908/QĐ-TLĐ Art. 23: 1 % of the salary, at most 10 % of the base salary; QĐ 61/QĐ-TLĐ: 0.5 % from
 * 01/07/2025, same cap for the enterprise groups). The flat group pays rate × base salary (QĐ 61/QĐ-TLĐ: at least
 * 0.5 % of the base salary), so its basis is the base salary itself.
 */
public final class DuesPolicy {

    private DuesPolicy() {}

    /** The dues figure and whether the cap bit. */
    public record Dues(Money amount, @Nullable Money cap, boolean capped) {}

    /**
     * @param basis what the rate applies to (salary basis, or the base salary for the flat group)
     * @param rate a fraction ({@code 0.005} for 0.5 %)
     * @param capFraction cap as a fraction of the base salary, null when the group has none
     * @param baseSalary the base salary in force in the month
     */
    public static Dues dues(Money basis, BigDecimal rate, @Nullable BigDecimal capFraction, Money baseSalary) {
        Money amount = basis.times(rate);
        Money cap = capFraction == null ? null : baseSalary.times(capFraction);
        if (cap != null && amount.compareTo(cap) > 0) {
            return new Dues(cap, cap, true);
        }
        return new Dues(amount, cap, false);
    }
}
