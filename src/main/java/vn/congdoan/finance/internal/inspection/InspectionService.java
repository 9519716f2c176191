package vn.congdoan.finance.internal.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Disclosures;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceInspection;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;

/**
 * {@link FinanceInspection}: read-only, over the subtrees where the caller holds {@link FeeRules#INSPECT} (the
 * inspection committee, UBKT — DOMAIN.md §4.7, §4.8). Each unit's books opened here are written to the audit trail
 * through {@link FinanceAccess#logInspection}.
 */
@Service
class InspectionService implements FinanceInspection {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final FinanceAccess access;
    private final OrgTree tree;
    private final Ledger ledger;
    private final Budgets budgets;
    private final Disclosures disclosures;
    private final Clock clock;

    InspectionService(
            JdbcClient jdbc,
            FinanceAccess access,
            OrgTree tree,
            Ledger ledger,
            Budgets budgets,
            Disclosures disclosures,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.tree = tree;
        this.ledger = ledger;
        this.budgets = budgets;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview(int year, int page, AccessScope scope) {
        scope.require(FeeRules.INSPECT);
        String paths = SqlArrays.ofLabels(scope.paths(FeeRules.INSPECT));
        LocalDate today = Dates.today(clock);
        int p = Math.max(0, page);
        long total = jdbc.sql("select count(*) from organisation.org_unit u where u.path <@ cast(:paths as ltree[])"
                        + " and u.valid_to is null")
                .param("paths", paths)
                .query(Long.class)
                .single();
        List<UnitRow> rows = jdbc.sql("""
                        select * from (
                        select u.id, u.name, t.name as type_name, nlevel(u.path) as depth,
                               (select b.status from finance.budget b
                                 where b.org_unit_id = u.id and b.year = :y and b.kind = 'ESTIMATE') as estimate,
                               (select b.status from finance.budget b
                                 where b.org_unit_id = u.id and b.year = :y and b.kind = 'SETTLEMENT') as settlement,
                               (select count(*) from finance.disclosure d
                                 where d.org_unit_id = u.id and d.published_on is null and d.due_on < :today) as overdue
                          from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code
                         where u.path <@ cast(:paths as ltree[]) and u.valid_to is null) x
                         order by overdue desc, (estimate is null and settlement is null), depth, name, id
                         limit :limit offset :offset""")
                .param("y", year)
                .param("today", today)
                .param("paths", paths)
                .param("limit", PAGE_SIZE)
                .param("offset", p * PAGE_SIZE)
                .query((rs, n) -> new UnitRow(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("type_name"),
                        rs.getString("estimate"),
                        rs.getString("settlement"),
                        rs.getLong("overdue")))
                .list();
        List<Disclosures.DisclosureView> below = disclosures.overdueBelow(scope);
        Set<Long> inspected = access.holdsOver(
                scope,
                FeeRules.INSPECT,
                below.stream().map(Disclosures.DisclosureView::unitId).toList());
        List<Disclosures.DisclosureView> overdue =
                below.stream().filter(d -> inspected.contains(d.unitId())).toList();
        return new Overview(year, rows, p, PAGE_SIZE, total, overdue);
    }

    @Override
    @Transactional
    public UnitBooks unit(long unitId, int year, AccessScope scope, Actor actor) {
        if (!access.holds(scope, FeeRules.INSPECT, unitId)) {
            throw new FinanceNotFoundException("unit", unitId);
        }
        OrgUnitView unit = tree.find(unitId).orElseThrow(() -> new FinanceNotFoundException("unit", unitId));
        access.logInspection(scope, actor, unitId, "INSPECTION " + year, unit.name());
        Ledger.Totals t = ledger.totals(unitId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), scope);
        List<Budgets.BudgetView> list = budgets.ofUnit(unitId, scope);
        return new UnitBooks(
                unitId,
                unit.name(),
                year,
                sum(t.collected().values()),
                sum(t.kept().values()),
                sum(t.upperPayable().values()),
                sum(t.fromLower().values()),
                sum(t.spent().values()),
                t.balance(),
                list,
                disclosures.list(false, unitId, scope));
    }

    private static Money sum(java.util.Collection<Money> values) {
        return values.stream().reduce(Money.ZERO, Money::plus);
    }
}
