package vn.congdoan;

import java.util.HashMap;
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
 * Issue 7, the union fund (KPCĐ) in the matrix. A FUND target is an enterprise of {@link EnterpriseMatrix}'s
 * fixture; its fund unit decides (the covering union A or B, else the managing unit X or P). Reading needs
 * finance.read over it, writing finance.post; writes that an allowed actor makes are refused field by field or carry a
 * stale version, so nothing changes. Each target enterprise gets one payment (no posting) for the reversal form.
 */
final class FundMatrix {

    private FundMatrix() {}

    static void add(
            Map<String, Spec> specs, JdbcClient jdbc, Fixture fixture, Map<Target, ModuleTargets> moduleTargets) {
        Map<Long, Long> fundUnit = new HashMap<>();
        Map<Long, Long> payment = new HashMap<>();
        for (String name : List.of("Tỉnh", "Xã", "A", "B")) {
            var row = jdbc.sql("""
                            select id, coalesce(covering_unit_id, managing_unit_id) from enterprises.enterprise
                             where name = :n order by id limit 1
                            """)
                    .param("n", "Công ty TNHH Ma Trận " + name)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            fundUnit.put(row[0], row[1]);
            payment.put(
                    row[0],
                    jdbc.sql("""
                                    insert into finance.fund_payment (enterprise_id, period, amount, paid_on, org_unit_id,
                                                                      idempotency_key, recorded_by_name)
                                    values (:e, date '2025-06-01', 1000, date '2025-07-20', :u, :k, 'matrix')
                                    returning id
                                    """)
                            .param("e", row[0])
                            .param("u", row[1])
                            .param("k", "matrix-fund:" + row[0])
                            .query(Long.class)
                            .single());
        }
        List<Long> ids = List.copyOf(fundUnit.keySet());
        moduleTargets.put(Target.FUND, new ModuleTargets() {
            public List<String> ids() {
                return ids.stream().sorted().map(String::valueOf).toList();
            }

            public long unitOf(String id) {
                return fundUnit.get(Long.parseLong(id));
            }

            public boolean inScope(String id, LongPredicate within) {
                return within.test(unitOf(id));
            }
        });

        String base = "/finance/fund/enterprises/";
        specs.put("GET /finance/fund", new Spec("finance.read", Target.NONE, true, Set.of(200), k -> k.user()
                .get("/finance/fund?q=ma+tran")));
        specs.put(
                "GET /finance/fund/arrears/export",
                new Spec("finance.read", Target.NONE, true, Set.of(200), k -> k.user()
                        .get("/finance/fund/arrears/export")));
        specs.put(
                "GET /finance/fund/enterprises/{id}",
                new Spec("finance.read", Target.FUND, true, Set.of(200), k -> k.user()
                        .get(base + k.target() + "?year=2025")));
        specs.put(
                "GET /finance/fund/enterprises/{id}/qr",
                new Spec("finance.read", Target.FUND, true, Set.of(200), k -> k.user()
                        .get(base + k.target() + "/qr?month=06/2025")));
        specs.put(
                "POST /finance/fund/enterprises/{id}/declarations",
                new Spec("finance.post", Target.FUND, true, Set.of(200), k -> k.user()
                        .post(
                                base + k.target() + "/declarations",
                                Map.of("month", "13/2025", "payroll", "1000", "version", "-1"))));
        specs.put(
                "POST /finance/fund/enterprises/{id}/payments",
                new Spec("finance.post", Target.FUND, true, Set.of(200), k -> k.user()
                        .post(
                                base + k.target() + "/payments",
                                Map.of("month", "06/2025", "amount", "abc", "paidOn", "20/07/2025", "token", "m1"))));
        specs.put(
                "POST /finance/fund/enterprises/{id}/reversal",
                new Spec("finance.post", Target.FUND, true, Set.of(200), k -> k.user()
                        .post(
                                base + k.target() + "/reversal",
                                Map.of(
                                        "paymentId",
                                        String.valueOf(payment.get(Long.parseLong(k.target()))),
                                        "reason",
                                        "",
                                        "token",
                                        "m2",
                                        "year",
                                        "2025"))));
        specs.put(
                "POST /finance/fund/enterprises/{id}/reliefs",
                new Spec("finance.post", Target.FUND, true, Set.of(200), k -> k.user()
                        .post(
                                base + k.target() + "/reliefs",
                                Map.of("kind", "WAIVE", "from", "01/2025", "to", "02/2025"))));
        specs.put("GET /finance/fund/import", new Spec("finance.post", Target.NONE, true, Set.of(200), k -> k.user()
                .get("/finance/fund/import")));
        specs.put("POST /finance/fund/import", new Spec("finance.post", Target.NONE, true, Set.of(200), k -> k.user()
                .postFile("/finance/fund/import", "file", "x.xlsx", "not a spreadsheet".getBytes())));
        specs.put(
                "GET /finance/fund/import/template",
                new Spec("finance.post", Target.NONE, true, Set.of(200), k -> k.user()
                        .get("/finance/fund/import/template")));
        specs.put("GET /finance/fund/accounts", new Spec("finance.read", Target.NONE, true, Set.of(200), k -> k.user()
                .get("/finance/fund/accounts")));
        specs.put("POST /finance/fund/accounts", new Spec("finance.post", Target.UNIT, true, Set.of(409), k -> k.user()
                .post(
                        "/finance/fund/accounts",
                        Map.of(
                                "unitId", k.target(),
                                "purpose", "FUND",
                                "bin", "970415",
                                "bankName", "Ngân hàng thử",
                                "accountNo", "123456",
                                "accountName", "MA TRAN",
                                "version", "99"))));
        String api = "/api/v1/finance/fund/enterprises/";
        specs.put(
                "GET /api/v1/finance/fund/enterprises/{id}",
                new Spec("finance.read", Target.FUND, false, Set.of(200), k -> k.user()
                        .get(api + k.target() + "?year=2025")));
        specs.put(
                "PUT /api/v1/finance/fund/enterprises/{id}/declarations",
                new Spec("finance.post", Target.FUND, false, Set.of(409), k -> k.user()
                        .json(
                                "PUT",
                                api + k.target() + "/declarations",
                                "{\"month\":\"2025-06\",\"payroll\":100000000,\"employees\":30,\"version\":99}")));
        specs.put(
                "POST /api/v1/finance/fund/enterprises/{id}/payments",
                new Spec("finance.post", Target.FUND, false, Set.of(422), k -> k.user()
                        .json(
                                "POST",
                                api + k.target() + "/payments",
                                "{\"month\":\"2025-06\",\"amount\":0,\"paidOn\":\"2025-07-20\",\"token\":\"m3\"}")));
        specs.put(
                "GET /api/v1/finance/fund/arrears",
                new Spec("finance.read", Target.NONE, false, Set.of(200), k -> k.user()
                        .get("/api/v1/finance/fund/arrears?minMonths=2")));
    }
}
