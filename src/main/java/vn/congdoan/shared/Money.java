package vn.congdoan.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of Vietnamese đồng, always whole (SQL {@code numeric(18,0)}). There is no currency field: everything is
 * VND. No {@code float} or {@code double} comes near money.
 *
 * <p>Rounding is a finance decision taken once, here: a rate applied to an amount rounds half-up to the whole đồng
 * ({@link #ROUNDING}); a split gives the grassroots share rounded half-up and the rest to the upper level, so the two
 * parts always sum to the whole.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("VND amounts are whole đồng: " + amount.toPlainString());
        }
        amount = amount.setScale(0, RoundingMode.UNNECESSARY);
    }

    public static Money of(long dong) {
        return new Money(BigDecimal.valueOf(dong));
    }

    public static Money of(BigDecimal dong) {
        return new Money(dong);
    }

    /** The amount in đồng as a {@code long} (numeric(18,0) always fits). */
    public long toLong() {
        return amount.longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    /** This amount times a fraction ({@code 0.005} for 0.5 %), rounded half-up to the whole đồng. */
    public Money times(BigDecimal fraction) {
        return new Money(amount.multiply(fraction).setScale(0, ROUNDING));
    }

    /** The smaller of the two amounts. */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Splits this amount by a share in {@code [0, 1]}: the first part is {@code this × share} rounded half-up, the
     * second is the rest, so {@code first + second == this} exactly.
     */
    public Money[] split(BigDecimal share) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share outside [0, 1]: " + share.toPlainString());
        }
        Money first = times(share);
        return new Money[] {first, minus(first)};
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Vietnamese display: {@code 1.234.567 đ}. */
    public String format() {
        return digits() + " đ";
    }

    /** Vietnamese grouping without the unit: {@code 1.234.567}. */
    public String digits() {
        DecimalFormat format =
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        return format.format(amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
