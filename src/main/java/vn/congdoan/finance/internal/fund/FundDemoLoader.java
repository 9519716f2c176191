package vn.congdoan.finance.internal.fund;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FundDemo;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.accounts.CollectionAccounts;
import vn.congdoan.finance.internal.ledger.LedgerWriter;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * {@link FundDemo}: set-based SQL for declarations and payments, the ledger's batch writer for the postings (so the
 * splits are the ledger's own). Which enterprises fall behind is decided from their id, so every load gives the same
 * world: about one in seven stops paying for its last one to six months of 2025, a few pay one month short.
 */
@Service
class FundDemoLoader implements FundDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FundDemoLoader.class);
    static final YearMonth FIRST = YearMonth.of(2025, 1);
    static final YearMonth LAST = YearMonth.of(2025, 12);

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final CollectionAccounts accounts;
    private final LedgerWriter ledger;

    FundDemoLoader(JdbcClient jdbc, OrgTree tree, CollectionAccounts accounts, LedgerWriter ledger) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public int load(List<Long> ownDuesAccounts) {
        long t0 = System.nanoTime();
        long province = tree.findByCode("LCU").orElseThrow().id();
        // Bank BINs are the banks' public NAPAS identifiers; the account numbers are invented.
        accounts.seed(
                province,
                CollectionAccounts.FUND,
                "970418",
                "BIDV - Chi nh\u00e1nh Lai Ch\u00e2u",
                "8880123456789",
                "LIEN DOAN LAO DONG TINH LAI CHAU");
        accounts.seed(
                province,
                CollectionAccounts.DUES,
                "970405",
                "Agribank - Chi nh\u00e1nh Lai Ch\u00e2u",
                "8800201000123",
                "LIEN DOAN LAO DONG TINH LAI CHAU");
        int n = 0;
        for (long unit : ownDuesAccounts) {
            accounts.seed(
                    unit,
                    CollectionAccounts.DUES,
                    "970415",
                    "VietinBank - Chi nh\u00e1nh Lai Ch\u00e2u",
                    "10600" + String.format("%07d", 1000 + 37 * (++n)),
                    "CONG DOAN CO SO " + unit);
        }
        int declared = jdbc.sql(DECLARATIONS).update();
        int paid = jdbc.sql(PAYMENTS).update();
        // Postings through the ledger's batch writer: the split of each payment is the ledger's.
        List<Ledger.Receipt> receipts = jdbc.sql("""
                        select p.id, p.org_unit_id, p.amount, p.paid_on, p.period, e.tax_code
                          from finance.fund_payment p join enterprises.enterprise e on e.id = p.enterprise_id
                         where p.posting_id is null and p.idempotency_key like 'demo-fund:%'
                         order by p.id
                        """)
                .query((rs, i) -> new Ledger.Receipt(
                        "fund-payment:" + rs.getLong("id"),
                        rs.getLong("org_unit_id"),
                        FeeRules.FUND,
                        Money.of(rs.getBigDecimal("amount")),
                        rs.getDate("paid_on").toLocalDate(),
                        YearMonth.from(rs.getDate("period").toLocalDate()),
                        "KPCD "
                                + FundService.MONTH.format(
                                        YearMonth.from(rs.getDate("period").toLocalDate())) + " MST "
                                + rs.getString("tax_code"),
                        "FUND_PAYMENT",
                        rs.getLong("id")))
                .list();
        Actor demo = new Actor(null, "demo", null);
        ledger.receiveAll(receipts, demo);
        jdbc.sql("""
                        update finance.fund_payment p set posting_id = x.id
                          from finance.posting x
                         where x.idempotency_key = 'fund-payment:' || p.id and p.posting_id is null
                        """).update();
        int reliefs = jdbc.sql(RELIEFS).update();
        reverseDoubleEntries(demo);
        log.info(
                "Demo fund: {} declarations, {} payments, {} relief decisions in {} ms",
                declared,
                paid,
                reliefs,
                (System.nanoTime() - t0) / 1_000_000);
        return paid;
    }

    /** Two payments entered twice by mistake, each double reversed with a reason (ledger reversal + record). */
    private void reverseDoubleEntries(Actor demo) {
        List<long[]> doubles = jdbc.sql("""
                        select p.id, p.posting_id from finance.fund_payment p
                         where p.idempotency_key like 'demo-fund:%' and p.period = date '2025-03-01'
                           and p.posting_id is not null
                         order by p.enterprise_id limit 2
                        """)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] d : doubles) {
            long copy = jdbc.sql("""
                            insert into finance.fund_payment (enterprise_id, period, amount, paid_on, org_unit_id,
                                                              reference, idempotency_key, recorded_by_name)
                            select enterprise_id, period, amount, paid_on, org_unit_id, reference,
                                   'demo-fund-double:' || id, 'demo'
                              from finance.fund_payment where id = :id
                            returning id
                            """).param("id", d[0]).query(Long.class).single();
            var source = jdbc.sql("""
                            select p.org_unit_id, p.amount, p.paid_on, p.period, e.tax_code from finance.fund_payment p
                              join enterprises.enterprise e on e.id = p.enterprise_id where p.id = :id
                            """)
                    .param("id", copy)
                    .query((rs, i) -> new Ledger.Receipt(
                            "fund-payment:" + copy,
                            rs.getLong(1),
                            FeeRules.FUND,
                            Money.of(rs.getBigDecimal(2)),
                            rs.getDate(3).toLocalDate(),
                            YearMonth.from(rs.getDate(4).toLocalDate()),
                            "KPCD 03/2025 MST " + rs.getString(5),
                            "FUND_PAYMENT",
                            copy))
                    .single();
            long posting = ledger.receive(source, demo).id();
            jdbc.sql("update finance.fund_payment set posting_id = :p where id = :id")
                    .param("p", posting)
                    .param("id", copy)
                    .update();
            String reason = "Nh\u1eadp tr\u00f9ng ch\u1ee9ng t\u1eeb n\u1ed9p KPC\u0110 th\u00e1ng 03/2025";
            long reversal = ledger.reverse(
                            posting, reason, "fund-payment-reversal:" + copy, LocalDate.of(2025, 4, 25), demo)
                    .id();
            jdbc.sql("""
                            insert into finance.fund_payment_reversal (payment_id, reason, posting_id, reversed_at,
                                                                       reversed_by_name)
                            values (:p, :reason, :posting, timestamptz '2025-04-25 09:00:00+07', 'demo')
                            """)
                    .param("p", copy)
                    .param("reason", reason)
                    .param("posting", reversal)
                    .update();
        }
    }

    // Demo enterprises with ten or more workers declare every month of 2025: workers × an insured salary between
    // 5,000,000 and 8,900,000 fixed per enterprise, +2 % from July; the obligation under the fund rule of the month
    // (round() on numeric = half-up for positive amounts, as Money does).
    private static final String DECLARATIONS = """
            insert into finance.fund_declaration (enterprise_id, period, payroll, employees, rate, obligation,
                                                  fund_rule_id, source, declared_by_name, declared_at)
            select e.id, m.period, x.payroll, e.workers_total, r.rate, round(x.payroll * r.rate), r.id, 'DEMO', 'demo',
                   (m.period + interval '1 month 14 days')::timestamptz
              from enterprises.enterprise e
              cross join generate_series(date '2025-01-01', date '2025-12-01', interval '1 month') as g(p)
              cross join lateral (select g.p::date as period) m
              cross join lateral (select (e.workers_total * (5000000 + (e.id * 7919 % 40) * 100000)
                                          * case when m.period >= date '2025-07-01' then 1.02 else 1 end)::numeric(18, 0)
                                         as payroll) x
              join finance.fund_rule r on daterange(r.valid_from, r.valid_to) @> m.period
             where e.demo and e.workers_total >= 10
            on conflict (enterprise_id, period) do nothing
            """;

    // Payments on the 20th of the following month, to the fund unit (covering union open today, else managing
    // unit). Behind: id % 7 = 3 stops paying for the last (id % 6) + 1 months; id % 11 = 5 pays May 30 % short.
    private static final String PAYMENTS = """
            insert into finance.fund_payment (enterprise_id, period, amount, paid_on, org_unit_id, reference,
                                              idempotency_key, recorded_by_name, recorded_at)
            select d.enterprise_id, d.period,
                   case when e.id % 11 = 5 and d.period = date '2025-05-01' then round(d.obligation * 0.7)
                        else d.obligation end,
                   (d.period + interval '1 month 19 days')::date,
                   coalesce(cu.id, e.managing_unit_id),
                   'UNC ' || to_char(d.period, 'MMYYYY') || '-' || e.id,
                   'demo-fund:' || e.id || ':' || to_char(d.period, 'YYYY-MM'), 'demo',
                   (d.period + interval '1 month 20 days')::timestamptz
              from finance.fund_declaration d
              join enterprises.enterprise e on e.id = d.enterprise_id
              left join organisation.org_unit cu on cu.id = e.covering_unit_id and cu.valid_to is null
             where d.source = 'DEMO' and d.obligation > 0
               and not (e.id % 7 = 3 and d.period > date '2025-12-01' - make_interval(months => (e.id % 6)::int + 1))
            on conflict (idempotency_key) do nothing
            """;

    // Relief decisions (Law 50/2024/QH15 Art. 30) with invented document numbers, on enterprises that are behind.
    private static final String RELIEFS = """
            with behind as (
                select e.id, row_number() over (order by e.id) as n
                  from enterprises.enterprise e
                 where e.demo and e.workers_total >= 10 and e.id % 7 = 3 and e.id % 6 >= 2
            )
            insert into finance.fund_relief (enterprise_id, kind, period_from, period_to, reduction_rate, document_no,
                                             document_date, reason, decided_by_name, decided_at)
            select id,
                   case n when 1 then 'EXEMPTION' when 2 then 'REDUCTION' else 'DEFERRAL' end,
                   case n when 1 then date '2025-09-01' when 2 then date '2025-10-01' else date '2025-11-01' end,
                   case n when 1 then date '2025-12-01' when 2 then date '2025-12-01' else date '2026-04-01' end,
                   case n when 2 then 0.200000 end,
                   case n when 1 then '215/Q\u0110-L\u0110L\u0110' when 2 then '231/Q\u0110-L\u0110L\u0110' else '240/Q\u0110-L\u0110L\u0110' end,
                   case n when 1 then date '2025-12-15' when 2 then date '2025-12-20' else date '2025-12-29' end,
                   case n when 1 then 'Doanh nghi\u1ec7p gi\u1ea3i th\u1ec3 theo quy\u1ebft \u0111\u1ecbnh c\u1ee7a ch\u1ee7 s\u1edf h\u1eefu'
                          when 2 then 'Doanh nghi\u1ec7p g\u1eb7p kh\u00f3 kh\u0103n do thi\u00ean tai'
                          else 'Doanh nghi\u1ec7p t\u1ea1m d\u1eebng s\u1ea3n xu\u1ea5t \u0111\u1ec3 s\u1eeda ch\u1eefa nh\u00e0 m\u00e1y' end,
                   'demo', timestamptz '2025-12-30 09:00:00+07'
              from behind where n <= 3
            """;
}
