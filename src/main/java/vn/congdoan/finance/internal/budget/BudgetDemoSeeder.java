package vn.congdoan.finance.internal.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.BudgetDemo;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Disclosures;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.ledger.LedgerWriter;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * The demo's budgets (DOMAIN.md §4.7) for the commune union LCU-X01 and its grassroots unions: 2025 spending posted
 * through the {@link Ledger} (so settlements have actuals), the 2025 estimates and settlements approved by the upper
 * level with their disclosures published — except unit B's settlement disclosure, left overdue — one 2025 settlement
 * still waiting for the commune union's decision, unit A's approved 2026 estimate, and a charity drive with both
 * disclosures published. A few dozen statements: well under a second.
 */
@Component
class BudgetDemoSeeder implements BudgetDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BudgetDemoSeeder.class);

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final Ledger ledger;
    private final BudgetService budgets;
    private final LedgerWriter writer;

    BudgetDemoSeeder(JdbcClient jdbc, OrgTree tree, Ledger ledger, BudgetService budgets, LedgerWriter writer) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.ledger = ledger;
        this.budgets = budgets;
        this.writer = writer;
    }

    @Override
    @Transactional
    public void seed(long unitA, long unitB) {
        long t0 = System.nanoTime();
        long commune = tree.find(unitA).orElseThrow().parentId();
        long province = tree.find(commune).orElseThrow().parentId();
        AccessScope system = systemScope(province);
        Actor actor = Actor.system();
        List<Long> grassroots = jdbc.sql("""
                        select u.id from organisation.org_unit u join organisation.unit_type t on t.code = u.type_code
                         where u.parent_id = :x and u.valid_to is null and t.grassroots
                         order by (u.id in (:a, :b)) desc, u.id limit 12""")
                .param("x", commune)
                .param("a", unitA)
                .param("b", unitB)
                .query(Long.class)
                .list();
        long waiting = grassroots.stream()
                .filter(id -> id != unitA && id != unitB)
                .reduce((a, b) -> b)
                .orElse(unitB);
        List<Ledger.Spending> spending = new java.util.ArrayList<>();
        for (long unit : grassroots) {
            spending.addAll(spend2025(unit, unit == unitB, system));
        }
        writer.spendAll(spending, actor);
        for (long unit : grassroots) {
            String approver = "xa";
            Map<String, Money> estimate = estimateFrom(unit, system);
            long e = budgets.insert(
                    unit, 2025, Budgets.ESTIMATE, Budgets.DRAFT, system, "ketoan", estimate, at("2025-01-08"));
            approve(e, unit, approver, LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 28));
            long s = budgets.insert(
                    unit, 2025, Budgets.SETTLEMENT, Budgets.DRAFT, system, "ketoan", null, at("2026-01-20"));
            if (unit == waiting) {
                jdbc.sql(
                                "update finance.budget set status = 'SUBMITTED', submitted_at = timestamptz '2026-03-10 09:00+07',"
                                        + " submitted_by_name = 'ketoan' where id = :id")
                        .param("id", s)
                        .update();
                event(s, "SUBMITTED", "ketoan", "2026-03-10 09:00+07", null);
            } else if (unit == unitB) {
                // The demo's overdue disclosure: approved 02/03/2026, due 17/03/2026, never posted.
                approve(s, unit, approver, LocalDate.of(2026, 3, 2), null);
            } else {
                approve(s, unit, approver, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 16));
            }
        }
        long a2026 = budgets.insert(
                unitA,
                2026,
                Budgets.ESTIMATE,
                Budgets.DRAFT,
                system,
                "ketoan",
                estimateFrom(unitA, system),
                at("2026-01-05"));
        approve(a2026, unitA, "xa", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 22));
        long drive = jdbc.sql("""
                        insert into finance.charity_drive (org_unit_id, name, purpose, collection_starts_on,
                               collection_ends_on, distribution_ends_on, money_received, money_distributed,
                               goods_received, goods_distributed, created_by_name)
                        values (:u, 'Ủng hộ đồng bào vùng lũ huyện Mường Tè năm 2025',
                                'Hỗ trợ các hộ đoàn viên, người lao động bị thiệt hại do lũ quét tháng 8/2025', '2025-09-01',
                                '2025-09-30', '2025-10-31', 125500000, 125500000, '300 thùng mì, 120 chăn ấm, 2 tấn gạo',
                                'Đã trao cho 86 hộ tại 4 xã', 'xa') returning id""").param("u", commune).query(Long.class).single();
        jdbc.sql("""
                        insert into finance.disclosure (org_unit_id, kind, drive_id, due_on, published_on, published_where,
                                                        published_by_name)
                        values (:u, 'DRIVE_COLLECTION', :d, date '2025-09-30' + :c, '2025-10-08', 'Bảng tin trụ sở', 'xa'),
                               (:u, 'DRIVE_DISTRIBUTION', :d, date '2025-10-31' + :t, '2025-11-20', 'Bảng tin trụ sở', 'xa')""")
                .param("u", commune)
                .param("d", drive)
                .param("c", Disclosures.DAYS_AFTER_COLLECTION)
                .param("t", Disclosures.DAYS_AFTER_DISTRIBUTION)
                .update();
        log.info(
                "Demo budgets: {} grassroots unions, 2025 estimates and settlements in {} ms",
                grassroots.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * 2025 spending in the categories of the spending structure, as shares of the unit's kept dues: within the limits
     * of QĐ 4290/QĐ-TLĐ, except for unit B, whose allowances run at 52 % (the warning the demo shows).
     */
    private List<Ledger.Spending> spend2025(long unit, boolean overAllowance, AccessScope system) {
        List<Ledger.Spending> out = new java.util.ArrayList<>();
        Ledger.Totals t = ledger.totals(unit, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), system);
        Money dues = t.kept().getOrDefault(FeeRules.DUES, Money.ZERO);
        Money fund = t.kept().getOrDefault(FeeRules.FUND, Money.ZERO);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("ALLOWANCE", new BigDecimal(overAllowance ? "0.52" : "0.40"));
        shares.put("MEMBER_CARE", new BigDecimal(overAllowance ? "0.33" : "0.45"));
        shares.put("ADMINISTRATION", new BigDecimal("0.10"));
        int month = 3;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            Money amount = dues.times(e.getValue());
            if (amount.amount().signum() > 0) {
                out.add(new Ledger.Spending(
                        "budget-demo:" + unit + ":2025:" + e.getKey(),
                        unit,
                        e.getKey(),
                        amount,
                        LocalDate.of(2025, month, 15),
                        "Chi năm 2025 (dữ liệu mẫu)",
                        null,
                        null));
            }
            month += 3;
        }
        Money culture = fund.times(new BigDecimal("0.30"));
        if (culture.amount().signum() > 0) {
            out.add(new Ledger.Spending(
                    "budget-demo:" + unit + ":2025:CULTURE_SPORT",
                    unit,
                    "CULTURE_SPORT",
                    culture,
                    LocalDate.of(2025, 9, 2),
                    "Hội thao chào mừng Quốc khánh 2/9 (dữ liệu mẫu)",
                    null,
                    null));
        }
        return out;
    }

    /** The estimate: the year's actuals rounded down to the thousand đồng, as if planned from last year's figures. */
    private Map<String, Money> estimateFrom(long unit, AccessScope system) {
        Ledger.Totals t = ledger.totals(unit, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), system);
        Map<String, Money> plan = new LinkedHashMap<>();
        for (BudgetLines.Line l : BudgetLines.editable()) {
            BigDecimal a = BudgetLines.actual(l, t).amount();
            plan.put(
                    l.code(),
                    Money.of(a.movePointLeft(3)
                            .setScale(0, java.math.RoundingMode.DOWN)
                            .movePointRight(3)));
        }
        return plan;
    }

    private void approve(long id, long unit, String by, LocalDate on, LocalDate publishedOn) {
        jdbc.sql("""
                        update finance.budget set status = 'APPROVED', submitted_at = cast(:on as date) - 5,
                               submitted_by_name = 'ketoan', decided_at = cast(:on as date), decided_on = :on,
                               decided_by_name = :by where id = :id""").param("on", on).param("by", by).param("id", id).update();
        event(id, "SUBMITTED", "ketoan", on.minusDays(5) + " 09:00+07", null);
        event(id, "APPROVED", by, on + " 15:00+07", null);
        String kind = jdbc.sql("select kind from finance.budget where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        jdbc.sql("""
                        insert into finance.disclosure (org_unit_id, kind, budget_id, due_on, published_on, published_where,
                                                        published_by_name)
                        values (:u, :k, :b, :due, :pub, case when :published then 'Bảng tin công đoàn' end,
                                case when :published then 'cs1' end)""")
                .param("u", unit)
                .param("k", Budgets.ESTIMATE.equals(kind) ? Disclosures.BUDGET : Disclosures.SETTLEMENT)
                .param("b", id)
                .param("due", on.plusDays(Disclosures.DAYS_AFTER_APPROVAL))
                .param("pub", publishedOn)
                .param("published", publishedOn != null)
                .update();
    }

    private void event(long id, String action, String by, String at, String note) {
        jdbc.sql("insert into finance.budget_event (budget_id, action, by_name, at, note)"
                        + " values (:b, :a, :by, cast(:at as timestamptz), :n)")
                .param("b", id)
                .param("a", action)
                .param("by", by)
                .param("at", at)
                .param("n", note)
                .update();
    }

    private static java.time.Instant at(String day) {
        return LocalDate.parse(day)
                .atStartOfDay(vn.congdoan.shared.Dates.ZONE)
                .plusHours(9)
                .toInstant();
    }

    private AccessScope systemScope(long province) {
        String path = tree.paths(Set.of(province)).get(province);
        Map<String, Set<Long>> roots = Map.of(
                FeeRules.READ, Set.of(province), FeeRules.POST, Set.of(province), FeeRules.APPROVE, Set.of(province));
        return new AccessScope(0, "system", "system", province, roots, Map.of(province, path));
    }
}
