package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.Money;

/**
 * The acceptance figures of issue 7 computed from the rule rows the migration loads (DOMAIN.md §4), each naming the
 * rule version applied; a new version changes later months only.
 */
@FullApplicationTest
class FeeRulesIT {

    @Autowired
    FeeRules rules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    @Test
    void june2025DuesAre100000UnderQd1908() {
        FeeRules.DuesQuote q = rules.quoteDues("NON_STATE", Money.of(10_000_000), YearMonth.of(2025, 6));
        assertThat(q.amount()).isEqualTo(Money.of(100_000));
        assertThat(q.rule().documentNo()).isEqualTo("QĐ 1908/QĐ-TLĐ");
        assertThat(q.rate()).isEqualByComparingTo("0.01");
    }

    @Test
    void july2025DuesAre50000UnderQd61() {
        FeeRules.DuesQuote q = rules.quoteDues("NON_STATE", Money.of(10_000_000), YearMonth.of(2025, 7));
        assertThat(q.amount()).isEqualTo(Money.of(50_000));
        assertThat(q.rule().documentNo()).isEqualTo("QĐ 61/QĐ-TLĐ");
        assertThat(q.rule().validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void july2025DuesAt60MillionAreCappedAt234000ByTheBaseSalaryOfDecree73() {
        FeeRules.DuesQuote q = rules.quoteDues("NON_STATE", Money.of(60_000_000), YearMonth.of(2025, 7));
        assertThat(q.amount()).isEqualTo(Money.of(234_000));
        assertThat(q.capped()).isTrue();
        assertThat(q.baseSalaryRule().documentNo()).isEqualTo("Nghị định 73/2024/NĐ-CP");
    }

    @Test
    void aJuly2025PaymentOf50000Splits35000To15000UnderQd1408() {
        FeeRules.ShareSplit s = rules.split(FeeRules.DUES, Money.of(50_000), LocalDate.of(2025, 7, 10));
        assertThat(s.grassroots()).isEqualTo(Money.of(35_000));
        assertThat(s.upper()).isEqualTo(Money.of(15_000));
        assertThat(s.rule().documentNo()).isEqualTo("QĐ 1408/QĐ-TLĐ");
    }

    @Test
    void theUnionFundIs2PercentAndSplits75To25() {
        FeeRules.FundQuote f = rules.quoteFund(Money.of(100_000_000), YearMonth.of(2025, 8));
        assertThat(f.amount()).isEqualTo(Money.of(2_000_000));
        FeeRules.ShareSplit s = rules.split(FeeRules.FUND, f.amount(), LocalDate.of(2025, 8, 20));
        assertThat(s.grassroots()).isEqualTo(Money.of(1_500_000));
        assertThat(s.upper()).isEqualTo(Money.of(500_000));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> rules.quoteDues("NOPE", Money.of(1), YearMonth.of(2025, 7)))
                .isInstanceOfSatisfying(
                        FinanceRejectedException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("memberGroup"));
        assertThatThrownBy(() -> rules.quoteDues("NON_STATE", Money.of(-1), YearMonth.of(2025, 7)))
                .isInstanceOfSatisfying(
                        FinanceRejectedException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("salary"));
        assertThatThrownBy(() -> rules.quoteDues("NON_STATE", Money.of(1), YearMonth.of(2010, 7)))
                .isInstanceOfSatisfying(
                        FinanceRejectedException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("month"));
    }

    @Test
    void aNewVersionAppliesFromItsDateAndEarlierMonthsKeepTheirRule() {
        FeeRules.DuesQuote before = rules.quoteDues("NON_STATE", Money.of(60_000_000), YearMonth.of(2089, 12));
        FeeRules.RuleRef added = rules.addVersion(
                new FeeRules.NewRuleVersion(
                        "base_salary",
                        null,
                        Money.of(3_000_000),
                        null,
                        null,
                        null,
                        LocalDate.of(2090, 1, 1),
                        "Nghị định thử 1/2089/NĐ-CP",
                        null,
                        "Phiên bản thử của kiểm thử"),
                scope("admin"),
                scope("admin").actor("127.0.0.1"));
        FeeRules.DuesQuote after = rules.quoteDues("NON_STATE", Money.of(60_000_000), YearMonth.of(2090, 1));
        assertThat(after.amount()).isEqualTo(Money.of(300_000));
        assertThat(after.baseSalaryRule().id()).isEqualTo(added.id());
        assertThat(rules.quoteDues("NON_STATE", Money.of(60_000_000), YearMonth.of(2089, 12)))
                .isEqualTo(before);
        assertThat(rules.quoteDues("NON_STATE", Money.of(60_000_000), YearMonth.of(2025, 7))
                        .amount())
                .isEqualTo(Money.of(234_000));
        // The past cannot be rewritten: a version must start after the latest one.
        assertThatThrownBy(() -> rules.addVersion(
                        new FeeRules.NewRuleVersion(
                                "dues_rule",
                                "NON_STATE",
                                null,
                                new BigDecimal("0.02"),
                                "INSURED_SALARY",
                                new BigDecimal("0.1"),
                                LocalDate.of(2025, 1, 1),
                                "QĐ thử",
                                null,
                                null),
                        scope("admin"),
                        scope("admin").actor("127.0.0.1")))
                .isInstanceOf(FinanceRejectedException.class);
        assertThatThrownBy(() -> rules.addVersion(
                        new FeeRules.NewRuleVersion(
                                "fund_rule",
                                null,
                                null,
                                new BigDecimal("0.03"),
                                null,
                                null,
                                LocalDate.of(2091, 1, 1),
                                "QĐ thử",
                                null,
                                null),
                        scope("tinh"),
                        scope("tinh").actor("127.0.0.1")))
                .isInstanceOf(ForbiddenException.class);
    }
}
