package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * Issue 7 acceptance: 8 threads × 500 postings, every request sent twice with the same idempotency key (by two threads
 * at about the same moment), leave the ledger total exactly right with no duplicate; UPDATE, DELETE and TRUNCATE on
 * the ledger are refused by the database itself.
 */
@FullApplicationTest
class LedgerConcurrencyIT {

    static final int THREADS = 8;
    static final int PER_THREAD = 500;

    @Autowired
    Ledger ledger;

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

    static long amount(int thread, int i) {
        return 10_000L + thread * 1_000L + i;
    }

    @Test
    void concurrentDoubledRequestsPostEachKeyOnceAndTheTotalIsExact() throws Exception {
        AccessScope scope = scope("ketoan");
        Actor actor = scope.actor("127.0.0.1");
        long unit = scope.homeUnitId();
        LocalDate on = LocalDate.of(2025, 9, 15);
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < PER_THREAD; i++) {
                    // Own key, then the neighbour's key of the same step: each key is sent by two threads at once.
                    for (int owner : new int[] {thread, (thread + THREADS - 1) % THREADS}) {
                        Ledger.PostingView p = ledger.receive(
                                new Ledger.Receipt(
                                        "conc-" + owner + "-" + i,
                                        unit,
                                        FeeRules.DUES,
                                        Money.of(amount(owner, i)),
                                        on,
                                        YearMonth.of(2025, 9),
                                        "Đoàn phí thử tải",
                                        null,
                                        null),
                                scope,
                                actor);
                        if (p.duplicate()) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int keys = THREADS * PER_THREAD;
        System.out.printf(
                "LEDGER-THROUGHPUT: %d requests (%d keys) by %d threads in %.2f s: %.0f requests/s, %.0f postings/s%n",
                2 * keys, keys, THREADS, seconds, 2 * keys / seconds, keys / seconds);

        long expected = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                expected += amount(t, i);
            }
        }
        assertThat(duplicates.get()).isEqualTo(keys);
        assertThat(jdbc.sql("select count(*) from finance.posting where idempotency_key like 'conc-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(keys);
        assertThat(jdbc.sql("select sum(amount) from finance.posting where idempotency_key like 'conc-%'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(jdbc.sql("""
                        select sum(e.amount) from finance.ledger_entry e
                          join finance.posting p on p.id = e.posting_id where p.idempotency_key like 'conc-%'""").query(BigDecimal.class).single()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        // Every posting's entries: 70 % kept (half-up), the rest upper, summing to its amount (QĐ 1408/QĐ-TLĐ Art. 28).
        assertThat(jdbc.sql("""
                        select count(*) from finance.posting p
                         where p.idempotency_key like 'conc-%'
                           and (select sum(amount) from finance.ledger_entry e where e.posting_id = p.id) <> p.amount""").query(Long.class).single()).isZero();
        Ledger.Totals totals = ledger.totals(unit, on, on.plusDays(1), scope);
        assertThat(totals.collected().get(FeeRules.DUES).compareTo(Money.of(expected)))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheLedger() {
        AccessScope scope = scope("ketoan");
        Ledger.PostingView p = ledger.receive(
                new Ledger.Receipt(
                        "append-only-1",
                        scope.homeUnitId(),
                        FeeRules.OTHER,
                        Money.of(12_345),
                        LocalDate.of(2025, 10, 1),
                        null,
                        "Thu khác",
                        null,
                        null),
                scope,
                scope.actor("127.0.0.1"));
        long entry = p.entries().get(0).id();
        for (String sql : List.of(
                "update finance.ledger_entry set amount = 1 where id = " + entry,
                "delete from finance.ledger_entry where id = " + entry,
                "update finance.posting set amount = 1 where id = " + p.id(),
                "delete from finance.posting where id = " + p.id(),
                "truncate finance.ledger_entry",
                "truncate finance.posting cascade")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select amount from finance.ledger_entry where id = :id")
                        .param("id", entry)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("12345");
    }
}
