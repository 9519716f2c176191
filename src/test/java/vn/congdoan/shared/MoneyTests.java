package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void ratesRoundHalfUpToTheWholeDong() {
        assertThat(Money.of(2_340_000).times(new BigDecimal("0.005"))).isEqualTo(Money.of(11_700));
        assertThat(Money.of(1_001).times(new BigDecimal("0.005"))).isEqualTo(Money.of(5)); // 5.005 → 5
        assertThat(Money.of(1_100).times(new BigDecimal("0.005"))).isEqualTo(Money.of(6)); // 5.5 → 6
    }

    @Test
    void aSplitAlwaysSumsToTheWhole() {
        Money[] parts = Money.of(50_001).split(new BigDecimal("0.70"));
        assertThat(parts[0]).isEqualTo(Money.of(35_001)); // 35,000.7 → 35,001
        assertThat(parts[0].plus(parts[1])).isEqualTo(Money.of(50_001));
    }

    @Test
    void displaysTheVietnameseWay() {
        assertThat(Money.of(1_234_567).format()).isEqualTo("1.234.567 đ");
        assertThat(Money.of(-15_000).digits()).isEqualTo("-15.000");
    }

    @Test
    void refusesFractionsOfADong() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of(new BigDecimal("12.00"))).isEqualTo(Money.of(12));
    }
}
