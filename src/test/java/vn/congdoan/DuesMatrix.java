package vn.congdoan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * Member dues in the authorization matrix. Targets: units (month page, arrears, drawing up a month), members (a
 * member's dues, payments, statement matching), receipts of A, B and a grassroots union under P outside X
 * ({@link Target#DUES}), and payroll imports of the same three units ({@link Target#DUES_IMPORT}). The oracle is the
 * matrix's own: reading needs {@code finance.read} over the unit, writing {@code finance.post} (the unit's
 * accountant only); anything else answers 404, and a member reaches only their own dues under {@code self.read}.
 * Writes in reach are sent refusable (a blank reason, no month chosen, a stale version, a file that is no XLSX), so
 * they answer 422 and change nothing; drawing up a month (a harmless December 2024) answers 302 / 200.
 */
final class DuesMatrix {

    private static final String READ = "finance.read";
    private static final String POST = "finance.post";

    private DuesMatrix() {}

    static void add(
            Map<String, Spec> specs,
            JdbcClient jdbc,
            AuthorizationMatrixIT.Fixture fixture,
            Map<Target, ModuleTargets> moduleTargets) {
        long outside = jdbc.sql("""
                        select u.id from organisation.org_unit u
                         where u.type_code = 'GRASSROOTS_UNION' and u.valid_to is null
                           and u.path <@ (select path from organisation.org_unit where id = :p)
                           and not u.path <@ (select path from organisation.org_unit where id = :x)
                         order by u.id limit 1""")
                .param("p", fixture.units().get("P"))
                .param("x", fixture.units().get("X"))
                .query(Long.class)
                .single();
        List<Long> units = List.of(fixture.units().get("A"), fixture.units().get("B"), outside);
        List<String> receipts = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        for (long unit : units) {
            receipts.add(String.valueOf(
                    jdbc.sql("""
                            insert into finance.dues_receipt (receipt_no, org_unit_id, method, received_on, standard_total,
                                   extra_total, idempotency_key, created_by)
                            values ('MATRIX-' || :u, :u, 'CASH', date '2025-01-25', 1000, 0, 'matrix-dues:' || :u, 'matrix')
                            returning id""").param("u", unit).query(Long.class).single()));
            imports.add(String.valueOf(
                    jdbc.sql("""
                            insert into finance.dues_import (org_unit_id, period, file_name, received_on, created_by)
                            values (:u, date '2025-01-01', 'ma-tran.xlsx', date '2025-01-25', 'matrix') returning id""").param("u", unit).query(Long.class).single()));
        }
        moduleTargets.put(Target.DUES, targets(jdbc, receipts, "finance.dues_receipt"));
        moduleTargets.put(Target.DUES_IMPORT, targets(jdbc, imports, "finance.dues_import"));

        // Pages
        specs.put("GET /finance/dues", new Spec(READ, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/finance/dues?unitId=" + c.target() + "&month=2025-07")));
        specs.put("POST /finance/dues/charges", new Spec(POST, Target.UNIT, true, Set.of(302), c -> c.user()
                .post("/finance/dues/charges", Map.of("unitId", c.target(), "month", "2024-12"))));
        specs.put("POST /finance/dues/units/{id}/rate", new Spec(POST, Target.UNIT, true, Set.of(302), c -> c.user()
                .post(
                        "/finance/dues/units/" + c.target() + "/rate",
                        Map.of("rate", "50", "from", "01/2027", "resolutionNo", "1/NQ-MT"))));
        specs.put("GET /finance/dues/arrears", new Spec(READ, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/finance/dues/arrears?unitId=" + c.target() + "&upTo=2025-12")));
        specs.put("GET /finance/dues/members/{id}", new Spec(READ, Target.MEMBER, true, Set.of(200), c -> c.user()
                .get("/finance/dues/members/" + c.target())));
        specs.put(
                "POST /finance/dues/members/{id}/payments",
                new Spec(POST, Target.MEMBER, true, Set.of(422), c -> c.user()
                        .post(
                                "/finance/dues/members/" + c.target() + "/payments",
                                Map.of("receivedOn", "05/01/2026", "method", "CASH", "token", "matrix"))));
        specs.put(
                "POST /finance/dues/members/{id}/profile",
                new Spec(POST, Target.MEMBER, true, Set.of(422), c -> c.user()
                        .post(
                                "/finance/dues/members/" + c.target() + "/profile",
                                Map.of("memberGroup", "MATRIX", "salaryBasis", "1000000", "from", "01/2027"))));
        specs.put(
                "POST /finance/dues/members/{id}/exemptions",
                new Spec(POST, Target.MEMBER, true, Set.of(422), c -> c.user()
                        .post(
                                "/finance/dues/members/" + c.target() + "/exemptions",
                                Map.of("reason", "MATRIX", "from", "01/2027", "to", "02/2027"))));
        specs.put("GET /finance/dues/receipts/{id}", new Spec(READ, Target.DUES, true, Set.of(200), c -> c.user()
                .get("/finance/dues/receipts/" + c.target())));
        specs.put(
                "POST /finance/dues/receipts/{id}/reverse", new Spec(POST, Target.DUES, true, Set.of(422), c -> c.user()
                        .post("/finance/dues/receipts/" + c.target() + "/reverse", Map.of("reason", " "))));
        specs.put("GET /finance/dues/statement", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/dues/statement")));
        specs.put("POST /finance/dues/statement", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .post(
                        "/finance/dues/statement",
                        Map.of("action", "check", "lines", "FT-MATRIX;01/02/2025;1;DP DV0000000001 01/2025"))));
        specs.put("GET /finance/dues/import", new Spec(POST, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/dues/import")));
        specs.put("GET /finance/dues/import/template", new Spec(READ, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/finance/dues/import/template?unitId=" + c.target() + "&month=2025-07")));
        specs.put("POST /finance/dues/import", new Spec(POST, Target.UNIT, true, Set.of(422), c -> c.user()
                .postFile(
                        "/finance/dues/import?unitId=" + c.target() + "&month=01/2025&receivedOn=25/01/2025",
                        "file",
                        "khong-phai.xlsx",
                        "không phải XLSX".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        specs.put("GET /finance/dues/import/{id}", new Spec(READ, Target.DUES_IMPORT, true, Set.of(200), c -> c.user()
                .get("/finance/dues/import/" + c.target())));
        specs.put(
                "POST /finance/dues/import/{id}/commit",
                new Spec(POST, Target.DUES_IMPORT, true, Set.of(422), c -> c.user()
                        .post("/finance/dues/import/" + c.target() + "/commit", Map.of("version", "-1"))));
        specs.put("GET /me/dues", new Spec("self.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/me/dues")));
        specs.put("GET /me/dues/qr.png", new Spec("self.read", Target.NONE, true, Set.of(200, 404), c -> c.user()
                .get("/me/dues/qr.png")));

        // API
        specs.put("GET /api/v1/finance/dues/units/{id}", new Spec(READ, Target.UNIT, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/dues/units/" + c.target() + "?month=2025-07")));
        specs.put(
                "POST /api/v1/finance/dues/units/{id}/charges",
                new Spec(POST, Target.UNIT, false, Set.of(200), c -> c.user()
                        .json("POST", "/api/v1/finance/dues/units/" + c.target() + "/charges?month=2024-12", "{}")));
        specs.put(
                "GET /api/v1/finance/dues/members/{id}", new Spec(READ, Target.MEMBER, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/dues/members/" + c.target())));
        specs.put("POST /api/v1/finance/dues/payments", new Spec(POST, Target.MEMBER, false, Set.of(422), c -> c.user()
                .json("POST", "/api/v1/finance/dues/payments", """
                        {"idempotencyKey": "matrix-%s", "memberId": %s, "chargeIds": [], "receivedOn": "2026-01-05"}
                        """.formatted(c.target(), c.target()))));
        specs.put(
                "GET /api/v1/finance/dues/receipts/{id}", new Spec(READ, Target.DUES, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/dues/receipts/" + c.target())));
        specs.put(
                "POST /api/v1/finance/dues/receipts/{id}/reversal",
                new Spec(POST, Target.DUES, false, Set.of(422), c -> c.user()
                        .json(
                                "POST",
                                "/api/v1/finance/dues/receipts/" + c.target() + "/reversal",
                                "{\"reason\": \"\"}")));
        specs.put("GET /api/v1/finance/dues/arrears", new Spec(READ, Target.UNIT, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/dues/arrears?unitId=" + c.target() + "&upTo=2025-12")));
        specs.put(
                "POST /api/v1/finance/dues/statement-lines",
                new Spec(READ, Target.MEMBER, false, Set.of(200), c -> c.user()
                        .json("POST", "/api/v1/finance/dues/statement-lines", """
                                {"bankReference": "FT-MATRIX", "content": "DP %s 01/2025", "amount": 1,
                                 "valueDate": "2025-02-01", "record": false}
                                """.formatted(
                                        codeOf(jdbc, c.target())))));
    }

    private static ModuleTargets targets(JdbcClient jdbc, List<String> ids, String table) {
        return new ModuleTargets() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public long unitOf(String id) {
                return jdbc.sql("select org_unit_id from " + table + " where id = :id")
                        .param("id", Long.parseLong(id))
                        .query(Long.class)
                        .single();
            }

            @Override
            public boolean inScope(String id, LongPredicate withinActorsSubtree) {
                return withinActorsSubtree.test(unitOf(id));
            }
        };
    }

    private static String codeOf(JdbcClient jdbc, String member) {
        return jdbc.sql("select member_code from membership.member where id = :m")
                .param("m", Long.parseLong(member))
                .query(String.class)
                .single();
    }
}
