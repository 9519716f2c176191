package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.finance.internal.ledger.LedgerWriter;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.NotFoundException;

/**
 * The ledger on the demo world: a receipt split to the unit's parent by the rule of its entry date (QĐ 1408/QĐ-TLĐ
 * Art. 28), idempotency, reversal once with a reason, totals derived from entries, scope.
 */
@FullApplicationTest
class LedgerIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerWriter writer;

    @Autowired
    TransactionTemplate tx;

    AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    long unitOf(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    long parentOf(long unit) {
        return jdbc.sql("select parent_id from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(Long.class)
                .single();
    }

    Actor actor(String user) {
        return scope(user).actor("127.0.0.1");
    }

    Ledger.Receipt dues(String key, long unit, long amount, LocalDate on) {
        return new Ledger.Receipt(
                key, unit, FeeRules.DUES, Money.of(amount), on, YearMonth.from(on), "Đoàn phí tháng", null, null);
    }

    @Test
    void aReceiptIsSplitToTheParentAndPostedOnce() {
        long a = unitOf("ketoan");
        Ledger.PostingView first = ledger.receive(
                dues("test-split-1", a, 50_000, LocalDate.of(2025, 7, 15)), scope("ketoan"), actor("ketoan"));
        assertThat(first.duplicate()).isFalse();
        assertThat(first.splitRule().documentNo()).isEqualTo("QĐ 1408/QĐ-TLĐ");
        Map<String, Money> byAccount = new java.util.HashMap<>();
        first.entries().forEach(e -> byAccount.merge(e.account(), e.amount(), Money::plus));
        assertThat(byAccount)
                .containsEntry(Ledger.SHARE_KEPT, Money.of(35_000))
                .containsEntry(Ledger.SHARE_UPPER, Money.of(15_000));
        assertThat(first.entries().stream()
                        .filter(e -> e.account().equals(Ledger.SHARE_UPPER))
                        .findFirst()
                        .orElseThrow()
                        .counterpartyUnitId())
                .isEqualTo(parentOf(a));

        Ledger.PostingView again = ledger.receive(
                dues("test-split-1", a, 50_000, LocalDate.of(2025, 7, 15)), scope("ketoan"), actor("ketoan"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> ledger.receive(
                        dues("test-split-1", a, 60_000, LocalDate.of(2025, 7, 15)), scope("ketoan"), actor("ketoan")))
                .isInstanceOf(FinanceRejectedException.class);
        assertThat(jdbc.sql("select count(*) from finance.posting where idempotency_key = 'test-split-1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReversalNegatesOnceAndTotalsFollowTheEntries() {
        long a = unitOf("ketoan");
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 3, 2);
        Ledger.Totals before = ledger.totals(a, from, to, scope("ketoan"));
        Ledger.PostingView p = ledger.receive(dues("test-rev-1", a, 100_001, from), scope("ketoan"), actor("ketoan"));
        Ledger.PostingView s = ledger.spend(
                new Ledger.Spending("test-spend-1", a, "MEMBER_CARE", Money.of(20_000), from, "Thăm hỏi", null, null),
                scope("ketoan"),
                actor("ketoan"));
        Ledger.Totals mid = ledger.totals(a, from, to, scope("ketoan"));
        assertThat(mid.kept().get(FeeRules.DUES).minus(before.kept().getOrDefault(FeeRules.DUES, Money.ZERO)))
                .isEqualTo(Money.of(70_001));
        assertThat(mid.balance().minus(before.balance())).isEqualTo(Money.of(50_001));

        Ledger.PostingView r =
                ledger.reverse(p.id(), "Nhập nhầm số tiền", "test-rev-1-r", scope("ketoan"), actor("ketoan"));
        assertThat(r.kind()).isEqualTo(Ledger.REVERSAL);
        assertThat(r.amount()).isEqualTo(Money.of(-100_001));
        assertThat(ledger.posting(p.id(), scope("ketoan")).reversedById()).isEqualTo(r.id());
        assertThat(ledger.reverse(p.id(), "Nhập nhầm số tiền", "test-rev-1-r", scope("ketoan"), actor("ketoan"))
                        .duplicate())
                .isTrue();
        assertThatThrownBy(() -> ledger.reverse(p.id(), "Lần nữa", "test-rev-1-r2", scope("ketoan"), actor("ketoan")))
                .isInstanceOf(FinanceRejectedException.class);
        assertThat(s.entries()).singleElement().satisfies(e -> assertThat(e.amount())
                .isEqualTo(Money.of(-20_000)));
    }

    @Test
    void outsideTheSubtreeTheBooksDoNotExistAndInspectorsCannotPost() {
        long a = unitOf("ketoan");
        long b = unitOf("cs2");
        assertThatThrownBy(() -> ledger.receive(
                        dues("test-scope-1", b, 50_000, LocalDate.of(2025, 7, 1)), scope("ketoan"), actor("ketoan")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.totals(b, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), scope("ketoan")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ledger.receive(
                        dues("test-scope-2", a, 50_000, LocalDate.of(2025, 7, 1)), scope("kiemtra"), actor("kiemtra")))
                .isInstanceOf(vn.congdoan.shared.ForbiddenException.class);
        assertThat(ledger.totals(a, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), scope("kiemtra")))
                .isNotNull();
    }

    @Test
    void aBatchPostsEveryKeyOnceAndSkipsKnownKeys() {
        long a = unitOf("ketoan");
        List<Ledger.Receipt> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(dues("test-batch-" + i, a, 10_000 + i, LocalDate.of(2025, 6, 1 + i % 28)));
        }
        Integer first = tx.execute(s -> writer.receiveAll(batch, Actor.system()));
        Integer second = tx.execute(s -> writer.receiveAll(batch, Actor.system()));
        assertThat(first).isEqualTo(300);
        assertThat(second).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from finance.posting p
                         where p.idempotency_key like 'test-batch-%'
                           and p.amount = (select sum(e.amount) from finance.ledger_entry e where e.posting_id = p.id)""").query(Long.class).single()).isEqualTo(300);
    }
}
