package vn.congdoan.finance.internal.dues;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.DuesDemo;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.ledger.LedgerWriter;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * The demo world's dues in a handful of statements (≤ 4 s for the ~23,000 demo members). Payments are monthly batches
 * per grassroots union — a payroll-deduction list where the union has an employer, a union group's cash collection
 * otherwise — received on the 25th of the month; each batch is one ledger posting per revenue kind with the split
 * of the entry date (grassroots share rounded half-up, QĐ 1408/QĐ-TLĐ Art. 28) and the upper share payable to the
 * unit's parent on that date, exactly as {@code Ledger.receive} writes them. Arrears: deterministic members skip the
 * last months; members with a self-service account owe 11 and 12/2025. Three April batches are reversed.
 */
@Component
class DuesDemoSeeder implements DuesDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DuesDemoSeeder.class);
    static final YearMonth FIRST = YearMonth.of(2025, 1);
    static final YearMonth LAST = YearMonth.of(2025, 12);
    private static final Actor DEMO = Actor.system();

    private final JdbcClient jdbc;
    private final DuesCharges charges;
    private final MessageSource messages;
    private final LedgerWriter writer;

    DuesDemoSeeder(JdbcClient jdbc, DuesCharges charges, MessageSource messages, LedgerWriter writer) {
        this.jdbc = jdbc;
        this.charges = charges;
        this.messages = messages;
        this.writer = writer;
    }

    @Override
    @Transactional
    public void seed(long commune, long higherRateUnit) {
        long t0 = System.nanoTime();
        Locale vi = Locale.forLanguageTag("vi");
        // Profiles from the register: the employer's ownership decides the group; 2 % of enterprise members have no
        // known salary (they owe the flat amount, shown so). SOE members: the register's salary stands in for the
        // take-home pay the rule names (demo simplification).
        jdbc.sql("""
                        insert into finance.dues_profile (member_id, member_group, salary_basis, valid_from, created_by)
                        select m.id,
                               case when e.ownership_code in ('STATE', 'STATE_CONTROLLED') then 'SOE'
                                    when e.ownership_code = 'PUBLIC_SERVICE_UNIT' then 'PUBLIC_UNIT'
                                    when e.ownership_code is not null then 'NON_STATE'
                                    when s.salary_basis is not null then 'STATE_FUNDED'
                                    else 'FLAT' end,
                               case when e.ownership_code is not null and m.id % 50 = 3 then null else s.salary_basis end,
                               date '2024-01-01', 'demo'
                          from membership.member m
                          left join membership.member_sensitive s on s.member_id = m.id
                          left join enterprises.enterprise e on e.id = m.enterprise_id""").update();
        jdbc.sql("""
                        insert into finance.dues_exemption (member_id, reason, valid_from, valid_to, document_no, created_by)
                        select id, 'BHXH_BENEFIT', date '2025-03-01', date '2025-06-01', null, 'demo'
                          from membership.member where id % 211 = 11""").update();
        jdbc.sql("""
                        insert into finance.unit_dues_rate (org_unit_id, rate, valid_from, resolution_no, resolution_date,
                                                            created_by)
                        values (:u, 0.01, date '2025-01-01', :no, date '2024-12-20', 'demo')""")
                .param("u", higherRateUnit)
                .param("no", messages.getMessage("dues.demo.resolution", null, vi))
                .update();
        // Fresh tables have no statistics: without them the planner loops over every profile for every month.
        for (String table : List.of(
                "finance.dues_profile",
                "finance.dues_exemption",
                "membership.membership_period",
                "membership.member")) {
            jdbc.sql("analyze " + table).update();
        }
        List<Long> units = jdbc.sql("""
                        select id from organisation.org_unit
                         where path <@ (select path from organisation.org_unit where id = :c)""").param("c", commune).query(Long.class).list();
        int added = charges.generate(units, FIRST, LAST);
        jdbc.sql("analyze finance.dues_charge").update();
        long tCharges = (System.nanoTime() - t0) / 1_000_000;
        // One batch per unit and month, ids drawn up front so postings, receipts and lines can point at each other.
        jdbc.sql("""
                        create temporary table demo_dues_batch on commit drop as
                        select b.*, nextval(pg_get_serial_sequence('finance.dues_receipt', 'id')) as receipt_id,
                               'dues-demo:' || b.org_unit_id || ':' || to_char(b.period, 'YYYY-MM') as key,
                               cast(b.period + interval '24 days' as date) as received_on
                          from (select c.org_unit_id, c.period, sum(c.standard_amount) as standard,
                                       sum(c.extra_amount) as extra,
                                       bool_or(m.enterprise_id is not null) as payroll
                                  from finance.dues_charge c join membership.member m on m.id = c.member_id
                                 where c.period between :f and :l and c.standard_amount + c.extra_amount > 0
                                   and not (m.id % 23 = 0 and c.period >= date '2025-10-01')
                                   and not (m.id % 61 = 7 and c.period >= date '2025-06-01')
                                   and not (m.account_id is not null and c.period >= date '2025-11-01')
                                 group by c.org_unit_id, c.period) b""").param("f", FIRST.atDay(1)).param("l", LAST.atDay(1)).update();
        String payroll = messages.getMessage("dues.demo.payroll", null, vi);
        String cash = messages.getMessage("dues.demo.groupCash", null, vi);
        // The postings go through the ledger's own writer (split of the entry date, parent of the entry date).
        List<Ledger.Receipt> receipts = new ArrayList<>();
        jdbc.sql("select org_unit_id, period, standard, extra, payroll, receipt_id, received_on from demo_dues_batch")
                .query((ResultSet rs) -> {
                    long unit = rs.getLong(1);
                    YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
                    LocalDate on = rs.getObject(7, LocalDate.class);
                    String key = key(unit, month);
                    String text = (rs.getBoolean(5) ? payroll : cash) + " " + DuesService.format(month);
                    long receipt = rs.getLong(6);
                    receipts.add(new Ledger.Receipt(
                            key,
                            unit,
                            FeeRules.DUES,
                            Money.of(rs.getBigDecimal(3)),
                            on,
                            month,
                            text,
                            DuesService.SOURCE,
                            receipt));
                    Money extra = Money.of(rs.getBigDecimal(4));
                    if (extra.isPositive()) {
                        receipts.add(new Ledger.Receipt(
                                key + ":extra",
                                unit,
                                FeeRules.DUES_EXTRA,
                                extra,
                                on,
                                month,
                                text,
                                DuesService.SOURCE,
                                receipt));
                    }
                });
        writer.receiveAll(receipts, DEMO);
        jdbc.sql("""
                        insert into finance.dues_receipt (id, receipt_no, org_unit_id, method, received_on, reference,
                               standard_total, extra_total, posting_id, extra_posting_id, idempotency_key, created_by)
                        select b.receipt_id,
                               'PT' || to_char(b.received_on, 'YYYY') || '-'
                                   || lpad(nextval('finance.dues_receipt_seq')::text, 6, '0'),
                               b.org_unit_id, case when b.payroll then 'PAYROLL' else 'GROUP_CASH' end, b.received_on,
                               (case when b.payroll then :payroll else :cash end) || ' ' || to_char(b.period, 'MM/YYYY'),
                               b.standard, b.extra,
                               (select p.id from finance.posting p where p.idempotency_key = b.key),
                               (select p.id from finance.posting p where p.idempotency_key = b.key || ':extra'),
                               b.key, 'demo'
                          from demo_dues_batch b order by b.received_on, b.org_unit_id""").param("payroll", payroll).param("cash", cash).update();
        jdbc.sql("""
                        insert into finance.dues_payment (receipt_id, charge_id, standard_part, extra_part)
                        select b.receipt_id, c.id, c.standard_amount, c.extra_amount
                          from finance.dues_charge c
                          join membership.member m on m.id = c.member_id
                          join demo_dues_batch b on b.org_unit_id = c.org_unit_id and b.period = c.period
                         where c.standard_amount + c.extra_amount > 0
                           and not (m.id % 23 = 0 and c.period >= date '2025-10-01')
                           and not (m.id % 61 = 7 and c.period >= date '2025-06-01')
                           and not (m.account_id is not null and c.period >= date '2025-11-01')""").update();
        reverseThreeAprilBatches(messages.getMessage("dues.demo.reversal", null, vi));
        log.info(
                "Demo dues: {} charges in {} ms, receipts and postings at {} ms",
                added,
                tCharges,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** "The list had the wrong amounts": three April batches are reversed, their months owed again. */
    private void reverseThreeAprilBatches(String reason) {
        LocalDate on = LocalDate.of(2025, 5, 12);
        List<long[]> picked = jdbc.sql("""
                        select r.id, r.posting_id from finance.dues_receipt r
                         where r.idempotency_key like 'dues-demo:%' and r.extra_posting_id is null
                           and r.received_on = date '2025-04-25'
                         order by r.org_unit_id limit 3""")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] p : picked) {
            long reversal = writer.reverse(p[1], reason, "dues-reversal:" + p[0], on, DEMO)
                    .id();
            jdbc.sql("""
                            insert into finance.dues_receipt_reversal (receipt_id, reason, reversal_posting_id,
                                                                       reversed_at, reversed_by)
                            values (:r, :why, :p, timestamptz '2025-05-12 09:00+07', 'demo')""")
                    .param("r", p[0])
                    .param("why", reason)
                    .param("p", reversal)
                    .update();
        }
    }

    private static String key(long unit, YearMonth month) {
        return "dues-demo:" + unit + ":" + month;
    }
}
