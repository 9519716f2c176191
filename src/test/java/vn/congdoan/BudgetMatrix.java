package vn.congdoan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * Budgets, disclosures, charity drives and the inspection view in the authorization matrix (issue 7, items 5, 6, 8).
 * Targets: for each of P, X, A and B an approved 2031 estimate with its disclosure (BUDGET, DISCLOSURE) and a drive
 * (DRIVE). The oracle: a target is in reach when its unit lies in the actor's subtree. Writes carry a stale version
 * (409) or a refused amount (422), so in reach they change nothing; approving and returning need finance.approve over
 * the unit's PARENT, so an officer in reach of the budget's own unit gets 404 there (never one's own unit).
 */
final class BudgetMatrix {

    private static final String READ = "finance.read";
    private static final String POST = "finance.post";
    private static final String APPROVE = "finance.approve";
    private static final String INSPECT = "finance.inspect";

    private BudgetMatrix() {}

    static void add(
            Map<String, Spec> specs,
            JdbcClient jdbc,
            AuthorizationMatrixIT.Fixture fixture,
            Map<Target, ModuleTargets> moduleTargets) {
        Map<String, Long> budgets = new LinkedHashMap<>();
        Map<String, Long> disclosures = new LinkedHashMap<>();
        Map<String, Long> drives = new LinkedHashMap<>();
        for (String key : List.of("P", "X", "A", "B")) {
            long unit = fixture.units().get(key);
            long budget = jdbc.sql("""
                            insert into finance.budget (org_unit_id, year, kind, status, decided_on, decided_by_name,
                                                        created_by_name)
                            values (:u, 2031, 'ESTIMATE', 'APPROVED', date '2026-11-20', 'ma trận', 'ma trận')
                            on conflict (org_unit_id, year, kind) do update set note = null
                            returning id""").param("u", unit).query(Long.class).single();
            jdbc.sql("""
                            insert into finance.budget_line (budget_id, line_code, planned)
                            values (:b, 'R_DUES', 1000000), (:b, 'S_MEMBER_CARE', 500000)
                            on conflict do nothing""").param("b", budget).update();
            long disclosure = jdbc.sql("""
                            insert into finance.disclosure (org_unit_id, kind, budget_id, due_on)
                            values (:u, 'BUDGET', :b, date '2026-12-05')
                            on conflict (budget_id) do update set due_on = excluded.due_on
                            returning id""")
                    .param("u", unit)
                    .param("b", budget)
                    .query(Long.class)
                    .single();
            long drive = jdbc.sql("""
                            insert into finance.charity_drive (org_unit_id, name, collection_starts_on,
                                                               collection_ends_on, money_received, created_by_name)
                            values (:u, 'Cuộc vận động ma trận', date '2026-10-01', date '2026-10-31', 1000000, 'ma trận')
                            returning id""").param("u", unit).query(Long.class).single();
            budgets.put(String.valueOf(budget), unit);
            disclosures.put(String.valueOf(disclosure), unit);
            drives.put(String.valueOf(drive), unit);
        }
        moduleTargets.put(Target.BUDGET, targets(budgets));
        moduleTargets.put(Target.DISCLOSURE, targets(disclosures));
        moduleTargets.put(Target.DRIVE, targets(drives));

        // API (read only)
        specs.put("GET /api/v1/finance/budgets", new Spec(READ, Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/budgets?year=2031")));
        specs.put("GET /api/v1/finance/budgets/{id}", new Spec(READ, Target.BUDGET, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/budgets/" + c.target())));
        specs.put("GET /api/v1/finance/disclosures", new Spec(READ, Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/disclosures?overdue=true")));

        // Budgets
        specs.put("GET /finance/budgets", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/budgets?year=2031")));
        specs.put("GET /finance/budgets/new", new Spec(POST, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/budgets/new")));
        // The 2031 estimate exists for P, X, A and B; ROOT has none but 2031 is beyond next year: refused (422).
        specs.put("POST /finance/budgets", new Spec(POST, Target.UNIT, true, Set.of(422), c -> c.user()
                .post("/finance/budgets", Map.of("unitId", c.target(), "year", "2031", "kind", "ESTIMATE"))));
        specs.put("GET /finance/budgets/{id}", new Spec(READ, Target.BUDGET, true, Set.of(200), c -> c.user()
                .get("/finance/budgets/" + c.target())));
        specs.put("POST /finance/budgets/{id}", new Spec(POST, Target.BUDGET, true, Set.of(409), c -> c.user()
                .post("/finance/budgets/" + c.target(), Map.of("line.R_DUES", "5.000.000", "version", "-1"))));
        specs.put("POST /finance/budgets/{id}/submit", new Spec(POST, Target.BUDGET, true, Set.of(409), c -> c.user()
                .post("/finance/budgets/" + c.target() + "/submit", Map.of("version", "-1"))));
        specs.put(
                "POST /finance/budgets/{id}/approve",
                new Spec(APPROVE, Target.BUDGET, true, Set.of(409, 404), c -> c.user()
                        .post("/finance/budgets/" + c.target() + "/approve", Map.of("version", "-1"))));
        specs.put(
                "POST /finance/budgets/{id}/return",
                new Spec(APPROVE, Target.BUDGET, true, Set.of(409, 404), c -> c.user()
                        .post(
                                "/finance/budgets/" + c.target() + "/return",
                                Map.of("version", "-1", "reason", "Ma trận"))));
        specs.put("GET /finance/budgets/{id}/xlsx", new Spec(READ, Target.BUDGET, true, Set.of(200), c -> c.user()
                .get("/finance/budgets/" + c.target() + "/xlsx")));
        specs.put("GET /finance/budgets/{id}/pdf", new Spec(READ, Target.BUDGET, true, Set.of(200), c -> c.user()
                .get("/finance/budgets/" + c.target() + "/pdf")));

        // Disclosures
        specs.put("GET /finance/disclosures", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/disclosures")));
        specs.put(
                "GET /finance/disclosures/{id}/pdf", new Spec(READ, Target.DISCLOSURE, true, Set.of(200), c -> c.user()
                        .get("/finance/disclosures/" + c.target() + "/pdf")));
        specs.put(
                "POST /finance/disclosures/{id}/publish",
                new Spec(APPROVE, Target.DISCLOSURE, true, Set.of(409), c -> c.user()
                        .post(
                                "/finance/disclosures/" + c.target() + "/publish",
                                Map.of("version", "-1", "publishedOn", "20/11/2026", "publishedWhere", "Bảng tin"))));

        // Charity drives
        specs.put("GET /finance/drives", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/drives")));
        specs.put("GET /finance/drives/new", new Spec(POST, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/drives/new")));
        specs.put("POST /finance/drives", new Spec(POST, Target.UNIT, true, Set.of(422), c -> c.user()
                .post("/finance/drives", drive(c.target(), "2.000.000"))));
        specs.put("GET /finance/drives/{id}", new Spec(READ, Target.DRIVE, true, Set.of(200), c -> c.user()
                .get("/finance/drives/" + c.target())));
        specs.put("POST /finance/drives/{id}", new Spec(POST, Target.DRIVE, true, Set.of(409), c -> c.user()
                .post("/finance/drives/" + c.target(), withVersion(drive(null, "0")))));

        // Inspection
        specs.put("GET /finance/inspection", new Spec(INSPECT, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/inspection?year=2031")));
        specs.put("GET /finance/inspection/units/{id}", new Spec(INSPECT, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/finance/inspection/units/" + c.target() + "?year=2031")));
    }

    /** A drive form; distributing more than was received is refused after the scope check (422). */
    private static Map<String, String> drive(String unit, String distributed) {
        Map<String, String> m = new LinkedHashMap<>();
        if (unit != null) {
            m.put("unitId", unit);
        }
        m.put("name", "Cuộc vận động ma trận");
        m.put("collectionStartsOn", "01/10/2026");
        m.put("collectionEndsOn", "31/10/2026");
        m.put("moneyReceived", "1.000.000");
        m.put("moneyDistributed", distributed);
        return m;
    }

    private static Map<String, String> withVersion(Map<String, String> m) {
        Map<String, String> all = new LinkedHashMap<>(m);
        all.put("version", "-1");
        return all;
    }

    private static ModuleTargets targets(Map<String, Long> unitById) {
        List<String> ids = new ArrayList<>(unitById.keySet());
        return new ModuleTargets() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public long unitOf(String id) {
                return unitById.get(id);
            }

            @Override
            public boolean inScope(String id, LongPredicate withinActorsSubtree) {
                return withinActorsSubtree.test(unitById.get(id));
            }
        };
    }
}
