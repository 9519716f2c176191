package vn.congdoan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.Fixture;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * Issue 6, targets and periodic statistics in the matrix. A report is reachable over its unit's subtree; the
 * fixture's reports belong to units whose reviewing parent lies in exactly the same actors' subtrees (a grassroots
 * union under X other than A and B; a commune union under P other than X), so one oracle serves the unit's and the
 * reviewer's endpoints. Targets are set over the parent: a TARGET is a unit, in scope when its parent is. Writes that
 * an allowed actor makes carry a stale version (409), so nothing changes.
 */
final class ReportMatrix {

    private ReportMatrix() {}

    static void add(
            Map<String, Spec> specs, JdbcClient jdbc, Fixture fixture, Map<Target, ModuleTargets> moduleTargets) {
        long x = fixture.units().get("X");
        long p = fixture.units().get("P");
        long c = jdbc.sql("""
                        select id from organisation.org_unit
                         where parent_id = :x and valid_to is null and id not in (:a, :b) order by code limit 1
                        """)
                .param("x", x)
                .param("a", fixture.units().get("A"))
                .param("b", fixture.units().get("B"))
                .query(Long.class)
                .single();
        long y = jdbc.sql("""
                        select id from organisation.org_unit
                         where parent_id = :p and valid_to is null and id <> :x and type_code = 'COMMUNE_UNION'
                         order by code limit 1
                        """).param("p", p).param("x", x).query(Long.class).single();
        List<Long> reports = List.of(report(jdbc, c), report(jdbc, y));
        Map<Long, Long> unitOfReport = Map.of(reports.get(0), c, reports.get(1), y);
        moduleTargets.put(Target.REPORT, new ModuleTargets() {
            public List<String> ids() {
                return reports.stream().map(String::valueOf).toList();
            }

            public long unitOf(String id) {
                return unitOfReport.get(Long.parseLong(id));
            }

            public boolean inScope(String id, LongPredicate within) {
                return within.test(unitOf(id));
            }
        });
        List<Long> targetUnits = List.of(c, y, x, fixture.units().get("A"));
        moduleTargets.put(Target.TARGET, new ModuleTargets() {
            public List<String> ids() {
                return targetUnits.stream().map(String::valueOf).toList();
            }

            public long unitOf(String id) {
                return Long.parseLong(id);
            }

            public boolean inScope(String id, LongPredicate within) {
                Long parent = fixture.parents().get(Long.parseLong(id));
                return parent != null && within.test(parent);
            }
        });

        specs.put("GET /reports", new Spec("report.read", Target.NONE, true, Set.of(200), k -> k.user()
                .get("/reports")));
        specs.put("POST /reports/open", new Spec("report.submit", Target.UNIT, true, Set.of(302), k -> k.user()
                .post("/reports/open", Map.of("unitId", k.target(), "template", "BAO_CAO_NHANH_TET", "year", "2026"))));
        specs.put("GET /reports/{id}", new Spec("report.read", Target.REPORT, true, Set.of(200), k -> k.user()
                .get("/reports/" + k.target())));
        specs.put("POST /reports/{id}", new Spec("report.submit", Target.REPORT, true, Set.of(409), k -> k.user()
                .post("/reports/" + k.target(), Map.of("version", "99", "action", "submit", "v_DIALOGUES", "2"))));
        specs.put("POST /reports/{id}/review", new Spec("report.review", Target.REPORT, true, Set.of(409), k -> k.user()
                .post("/reports/" + k.target() + "/review", Map.of("version", "99", "decision", "accept"))));
        specs.put("GET /reports/{id}/export", new Spec("report.read", Target.REPORT, true, Set.of(200), k -> k.user()
                .get("/reports/" + k.target() + "/export?format=xlsx")));
        specs.put("GET /targets", new Spec("report.read", Target.NONE, true, Set.of(200), k -> k.user()
                .get("/targets?year=2025")));
        specs.put("POST /targets/{unitId}", new Spec("target.manage", Target.TARGET, true, Set.of(409), k -> k.user()
                .post("/targets/" + k.target(), Map.of("year", "2025", "version", "99", "t_MEMBERS_NEW", "5"))));
        specs.put(
                "POST /targets/{unitId}/actual",
                new Spec("target.manage", Target.TARGET, true, Set.of(409), k -> k.user()
                        .post(
                                "/targets/" + k.target() + "/actual",
                                Map.of(
                                        "year", "2025",
                                        "version", "99",
                                        "indicatorCode", "DIALOGUES",
                                        "value", "3"))));
        specs.put("GET /api/v1/reports", new Spec("report.read", Target.UNIT, false, Set.of(200), k -> k.user()
                .get("/api/v1/reports?unitId=" + k.target() + "&template=SO_KET_6_THANG&year=2025")));
        specs.put("POST /api/v1/reports", new Spec("report.submit", Target.UNIT, false, Set.of(201), k -> k.user()
                .json(
                        "POST",
                        "/api/v1/reports",
                        "{\"unitId\":" + k.target() + ",\"template\":\"BAO_CAO_NHANH_TET\",\"year\":2026}")));
        specs.put("GET /api/v1/reports/{id}", new Spec("report.read", Target.REPORT, false, Set.of(200), k -> k.user()
                .get("/api/v1/reports/" + k.target())));
        specs.put(
                "PUT /api/v1/reports/{id}/values",
                new Spec("report.submit", Target.REPORT, false, Set.of(409), k -> k.user()
                        .json(
                                "PUT",
                                "/api/v1/reports/" + k.target() + "/values",
                                "{\"version\":99,\"values\":{\"DIALOGUES\":2}}")));
        for (String action : List.of("submit", "return", "accept")) {
            String permission = action.equals("submit") ? "report.submit" : "report.review";
            specs.put(
                    "POST /api/v1/reports/{id}/" + action,
                    new Spec(permission, Target.REPORT, false, Set.of(409), k -> k.user()
                            .json(
                                    "POST",
                                    "/api/v1/reports/" + k.target() + "/" + action,
                                    "{\"version\":99,\"comment\":\"Xem lại\"}")));
        }
        specs.put("GET /api/v1/targets", new Spec("report.read", Target.UNIT, false, Set.of(200), k -> k.user()
                .get("/api/v1/targets?unitId=" + k.target() + "&year=2025")));
        specs.put(
                "PUT /api/v1/targets/{unitId}",
                new Spec("target.manage", Target.TARGET, false, Set.of(409), k -> k.user()
                        .json(
                                "PUT",
                                "/api/v1/targets/" + k.target(),
                                "{\"year\":2025,\"version\":99,\"targets\":[{\"indicatorCode\":\"MEMBERS_NEW\","
                                        + "\"value\":5}]}")));
        specs.put(
                "POST /api/v1/targets/{unitId}/actuals",
                new Spec("target.manage", Target.TARGET, false, Set.of(409), k -> k.user()
                        .json(
                                "POST",
                                "/api/v1/targets/" + k.target() + "/actuals",
                                "{\"year\":2025,\"indicatorCode\":\"DIALOGUES\",\"version\":99,\"value\":3}")));
    }

    /** A draft Tết quick report of 2026 for the unit (the unit existed on 28/02/2026). */
    private static long report(JdbcClient jdbc, long unit) {
        return jdbc.sql("""
                        insert into reporting.statistics_report (template_code, unit_id, period_year, period_from,
                                                                 period_to, opened_by_name)
                        values ('BAO_CAO_NHANH_TET', :u, 2026, date '2025-12-01', date '2026-02-28', 'matrix')
                        on conflict (template_code, unit_id, period_year) do update set opened_by_name = 'matrix'
                        returning id
                        """).param("u", unit).query(Long.class).single();
    }
}
