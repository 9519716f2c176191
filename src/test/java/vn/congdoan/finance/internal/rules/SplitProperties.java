package vn.congdoan.finance.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import vn.congdoan.shared.Money;

/**
 * Issue 7 acceptance: for any amount and split ratio, the split postings sum exactly to the payment. The ledger splits
 * with {@link Money#split} (grassroots share half-up, the rest upper; QĐ 1408/QĐ-TLĐ Art. 28 ratios), for receipts
 * and, negated, for reversals.
 */
class SplitProperties {

    @Property(tries = 2000)
    void thePartsSumExactlyToTheAmount(
            @ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long amount,
            @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal share) {
        Money total = Money.of(amount);
        Money[] parts = total.split(share);
        assertThat(parts[0].plus(parts[1])).isEqualTo(total);
    }

    @Property(tries = 2000)
    void eachPartLiesBetweenZeroAndThePayment(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long amount,
            @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal share) {
        Money total = Money.of(amount);
        Money[] parts = total.split(share);
        assertThat(parts[0].isNegative() || parts[1].isNegative()).isFalse();
        assertThat(parts[0].compareTo(total)).isLessThanOrEqualTo(0);
        // The kept share is the exact product rounded to the nearest đồng.
        assertThat(new BigDecimal(amount)
                        .multiply(share)
                        .subtract(parts[0].amount())
                        .abs())
                .isLessThanOrEqualTo(new BigDecimal("0.5"));
    }

    @Property(tries = 1000)
    void aReversalNegatesEachPartExactly(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amount,
            @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal share) {
        Money[] parts = Money.of(amount).split(share);
        Money reversed = parts[0].negate().plus(parts[1].negate());
        assertThat(reversed.plus(Money.of(amount))).isEqualTo(Money.ZERO);
    }
}
