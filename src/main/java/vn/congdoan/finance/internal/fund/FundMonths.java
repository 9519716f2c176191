package vn.congdoan.finance.internal.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import vn.congdoan.finance.UnionFund;
import vn.congdoan.shared.Money;

/**
 * The arithmetic of one enterprise month, plain Java (the arrears SQL in {@link FundService} does the same sums and
 * is tested against it):
 *
 * <ul>
 *   <li>due date: KPCĐ is paid monthly together with BHXH (DOMAIN.md §4.3; Law 50/2024/QH15 Art. 29, guideline of
 *       the Vietnam General Confederation of Labour cited there), so a month is due by the last day of the following
 *       month, the BHXH deadline (Law 41/2024/QH15 Art. 34 — unverified);
 *   <li>EXEMPTION (dissolution, bankruptcy; Law 50/2024/QH15 Art. 30): what is unpaid is waived, nothing is owed;
 *   <li>REDUCTION: the obligation is lowered by the decided fraction, rounded half-up to the đồng ({@link Money});
 *   <li>DEFERRAL (at most 12 months): the months covered are due by the end of the month after the last one.
 * </ul>
 */
final class FundMonths {

    private FundMonths() {}

    /** The last day of the month after {@code month}. */
    static LocalDate normalDueOn(YearMonth month) {
        return month.plusMonths(1).atEndOfMonth();
    }

    record Relief(
            String kind,
            YearMonth from,
            YearMonth to,
            @Nullable BigDecimal rate) {}

    /** What is due, owed and when, for a declared obligation (or none), what was paid and the relief in force. */
    record Computed(Money relief, Money due, Money owed, LocalDate dueOn, boolean inArrears) {}

    static Computed compute(
            YearMonth month, @Nullable Money obligation, Money paid, @Nullable Relief relief, LocalDate today) {
        LocalDate dueOn = normalDueOn(month);
        Money base = obligation == null ? Money.ZERO : obligation;
        Money reliefAmount = Money.ZERO;
        if (relief != null) {
            switch (relief.kind()) {
                case UnionFund.RELIEF_EXEMPTION -> reliefAmount = max0(base.minus(paid));
                case UnionFund.RELIEF_REDUCTION ->
                    reliefAmount = base.times(java.util.Objects.requireNonNull(relief.rate()));
                case UnionFund.RELIEF_DEFERRAL -> dueOn = normalDueOn(relief.to());
                default -> throw new IllegalStateException(relief.kind());
            }
        }
        Money due = base.minus(reliefAmount);
        Money owed = max0(due.minus(paid));
        return new Computed(reliefAmount, due, owed, dueOn, owed.isPositive() && today.isAfter(dueOn));
    }

    private static Money max0(Money m) {
        return m.isNegative() ? Money.ZERO : m;
    }
}
