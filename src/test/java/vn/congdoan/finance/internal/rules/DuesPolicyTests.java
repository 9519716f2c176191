package vn.congdoan.finance.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.congdoan.shared.Money;

/**
 * The acceptance figures of issue 7 on the dues arithmetic, with the parameters of each rule written out (DOMAIN.md
 * §4.2, §4.4, §4.5). {@code FeeRulesIT} checks the same figures against the rule rows the migration loads.
 */
class DuesPolicyTests {

    /** Decree 73/2024/NĐ-CP: base salary 2,340,000 from 01/07/2024. */
    static final Money BASE_SALARY_2024 = Money.of(2_340_000);

    /** QĐ 1908/QĐ-TLĐ Art. 23 (until 30/06/2025): 1 % of the insured salary. */
    static final BigDecimal RATE_QD_1908 = new BigDecimal("0.01");

    /** QĐ 61/QĐ-TLĐ (from 01/07/2025): 0.5 % of the insured salary. */
    static final BigDecimal RATE_QD_61 = new BigDecimal("0.005");

    /** Both rules, enterprise groups: at most 10 % of the base salary. */
    static final BigDecimal CAP = new BigDecimal("0.10");

    @Test
    void nonStateMemberAt10MillionOwes100000ForJune2025UnderQd1908() {
        DuesPolicy.Dues june = DuesPolicy.dues(Money.of(10_000_000), RATE_QD_1908, CAP, BASE_SALARY_2024);
        assertThat(june.amount()).isEqualTo(Money.of(100_000));
        assertThat(june.capped()).isFalse();
    }

    @Test
    void nonStateMemberAt10MillionOwes50000ForJuly2025UnderQd61() {
        DuesPolicy.Dues july = DuesPolicy.dues(Money.of(10_000_000), RATE_QD_61, CAP, BASE_SALARY_2024);
        assertThat(july.amount()).isEqualTo(Money.of(50_000));
    }

    @Test
    void at60MillionTheJuly2025DuesAreCappedAt234000() {
        // 0.5 % × 60,000,000 = 300,000 > 10 % × 2,340,000 = 234,000 (QĐ 61/QĐ-TLĐ, Decree 73/2024/NĐ-CP).
        DuesPolicy.Dues july = DuesPolicy.dues(Money.of(60_000_000), RATE_QD_61, CAP, BASE_SALARY_2024);
        assertThat(july.amount()).isEqualTo(Money.of(234_000));
        assertThat(july.cap()).isEqualTo(Money.of(234_000));
        assertThat(july.capped()).isTrue();
    }

    @Test
    void theCapBitesOnlyAbove46800000AtHalfAPercent() {
        assertThat(DuesPolicy.dues(Money.of(46_800_000), RATE_QD_61, CAP, BASE_SALARY_2024)
                        .capped())
                .isFalse();
        assertThat(DuesPolicy.dues(Money.of(46_800_200), RATE_QD_61, CAP, BASE_SALARY_2024)
                        .capped())
                .isTrue();
    }

    @Test
    void aJuly2025PaymentOf50000SplitsInto35000KeptAnd15000Upper() {
        // QĐ 1408/QĐ-TLĐ Art. 28: the grassroots union keeps 70 % of dues (the 50,000 owed on 10,000,000 in July 2025).
        Money[] parts = Money.of(50_000).split(new BigDecimal("0.70"));
        assertThat(parts[0]).isEqualTo(Money.of(35_000));
        assertThat(parts[1]).isEqualTo(Money.of(15_000));
    }

    @Test
    void theFlatGroupPaysHalfAPercentOfTheBaseSalary() {
        // QĐ 61/QĐ-TLĐ: at least 0.5 % of the base salary, 11,700 at 2,340,000.
        assertThat(DuesPolicy.dues(BASE_SALARY_2024, RATE_QD_61, null, BASE_SALARY_2024)
                        .amount())
                .isEqualTo(Money.of(11_700));
    }

    @Test
    void halfAnDongRoundsUp() {
        assertThat(DuesPolicy.dues(Money.of(100), RATE_QD_61, null, BASE_SALARY_2024)
                        .amount())
                .isEqualTo(Money.of(1));
        assertThat(DuesPolicy.dues(Money.of(99), RATE_QD_61, null, BASE_SALARY_2024)
                        .amount())
                .isEqualTo(Money.ZERO);
    }
}
