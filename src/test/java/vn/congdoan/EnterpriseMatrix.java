package vn.congdoan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.Call;
import vn.congdoan.AuthorizationMatrixIT.Fixture;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;
import vn.congdoan.shared.TaxCode;

/**
 * The enterprise register's part of the authorization matrix: its handlers, and four target enterprises — managed by
 * the province (P), managed by the commune union (X), covered by grassroots union A, covered by B. The oracle counts
 * an enterprise as in an actor's subtree when its managing or its covering unit is (walked by parent links).
 */
final class EnterpriseMatrix {

    /** Registering takes a unit as target: out of scope is a refused field, not a 404. */
    static final Set<String> CREATES = Set.of("POST /enterprises", "POST /api/v1/enterprises");

    private static int serial = 1;

    private EnterpriseMatrix() {}

    static List<Long> fixture(JdbcClient jdbc, Map<String, Long> units) {
        List<Long> ids = new ArrayList<>();
        ids.add(insert(jdbc, "Công ty TNHH Ma Trận Tỉnh", units.get("P"), null));
        ids.add(insert(jdbc, "Công ty TNHH Ma Trận Xã", units.get("X"), null));
        ids.add(insert(jdbc, "Công ty TNHH Ma Trận A", units.get("X"), units.get("A")));
        ids.add(insert(jdbc, "Công ty TNHH Ma Trận B", units.get("X"), units.get("B")));
        return ids;
    }

    private static long insert(JdbcClient jdbc, String name, long managing, Long covering) {
        return jdbc.sql("""
                        insert into enterprises.enterprise (tax_code, name, search_key, ownership_code, sector_code,
                            administrative_unit_code, workers_total, workers_female, managing_unit_id, covering_unit_id)
                        values (:tax, :name, lower(:name), 'DOMESTIC_PRIVATE', 'C', 'HC-LCU-P01', 30, 10, :m, :c)
                        returning id""")
                .param("tax", freeTaxCode(jdbc))
                .param("name", name)
                .param("m", managing)
                .param("c", covering)
                .query(Long.class)
                .single();
    }

    /** A valid MST not registered yet (prefix 96: used by no other data). */
    static String freeTaxCode(JdbcClient jdbc) {
        while (true) {
            String base = "96" + "%07d".formatted(serial++);
            int check = TaxCode.checkDigit(base);
            if (check >= 0
                    && jdbc.sql("select count(*) from enterprises.enterprise where tax_code = :t")
                                    .param("t", base + check)
                                    .query(Long.class)
                                    .single()
                            == 0) {
                return base + check;
            }
        }
    }

    /** The managing unit, then the covering unit if any. */
    static List<Long> units(JdbcClient jdbc, long enterprise) {
        return jdbc.sql("select managing_unit_id, covering_unit_id from enterprises.enterprise where id = :id")
                .param("id", enterprise)
                .query((rs, n) -> {
                    List<Long> u = new ArrayList<>();
                    u.add(rs.getLong(1));
                    long c = rs.getLong(2);
                    if (!rs.wasNull()) {
                        u.add(c);
                    }
                    return u;
                })
                .single();
    }

    /** The enterprise's current values as the form posts them (with its version). */
    private static Map<String, String> current(JdbcClient jdbc, long id) {
        return jdbc.sql("""
                        select e.tax_code, e.name, e.ownership_code, e.sector_code, e.administrative_unit_code,
                               e.workers_total, e.workers_female, m.code as managing, c.code as covering, e.version
                          from enterprises.enterprise e
                          join organisation.org_unit m on m.id = e.managing_unit_id
                          left join organisation.org_unit c on c.id = e.covering_unit_id
                         where e.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("taxCode", rs.getString(1));
                    f.put("name", rs.getString(2));
                    f.put("ownershipCode", rs.getString(3));
                    f.put("sectorCode", rs.getString(4));
                    f.put("communeCode", rs.getString(5));
                    f.put("workersTotal", rs.getString(6));
                    f.put("workersFemale", rs.getString(7));
                    f.put("managingUnitCode", rs.getString(8));
                    f.put("coveringUnitCode", rs.getString(9) == null ? "" : rs.getString(9));
                    f.put("version", rs.getString(10));
                    return f;
                })
                .optional()
                .orElseGet(LinkedHashMap::new);
    }

    /** A new enterprise registered at the target unit: covered by it when it is a grassroots union. */
    private static Map<String, String> newAt(JdbcClient jdbc, Fixture fixture, Call c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("taxCode", freeTaxCode(jdbc));
        f.put("name", "Công ty TNHH Ma Trận Mới");
        f.put("ownershipCode", "DOMESTIC_PRIVATE");
        f.put("sectorCode", "F");
        f.put("communeCode", "HC-LCU-X01");
        f.put("workersTotal", "10");
        f.put("workersFemale", "2");
        boolean grassroots = c.target().equals(String.valueOf(fixture.units().get("A")))
                || c.target().equals(String.valueOf(fixture.units().get("B")));
        f.put("managingUnitCode", grassroots ? fixture.codes().get("X") : c.unitCode());
        f.put("coveringUnitCode", grassroots ? c.unitCode() : "");
        return f;
    }

    private static String json(Map<String, String> f) {
        StringBuilder sb = new StringBuilder("{");
        f.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            boolean number = k.equals("workersTotal") || k.equals("workersFemale") || k.equals("version");
            sb.append('"').append(k).append("\":");
            if (number) {
                sb.append(v.isEmpty() ? "null" : v);
            } else {
                sb.append('"').append(v.replace("\"", "\\\"")).append('"');
            }
        });
        return sb.append('}').toString();
    }

    static void specs(Map<String, Spec> specs, JdbcClient jdbc, Fixture fixture) {
        String read = "enterprise.read";
        String write = "enterprise.write";
        specs.put("GET /enterprises", new Spec(read, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises?q=ma+tran")));
        specs.put("GET /enterprises/export", new Spec(read, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/export")));
        specs.put("GET /enterprises/organising", new Spec(read, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/organising")));
        specs.put("GET /enterprises/organising/export", new Spec(read, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/organising/export")));
        specs.put("GET /enterprises/new", new Spec(write, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/new")));
        specs.put("POST /enterprises", new Spec(write, Target.UNIT, true, Set.of(302), c -> c.user()
                .post("/enterprises", newAt(jdbc, fixture, c))));
        specs.put("GET /enterprises/{id}", new Spec(read, Target.ENTERPRISE, true, Set.of(200), c -> c.user()
                .get("/enterprises/" + c.target())));
        specs.put("GET /enterprises/{id}/edit", new Spec(write, Target.ENTERPRISE, true, Set.of(200), c -> c.user()
                .get("/enterprises/" + c.target() + "/edit")));
        specs.put("POST /enterprises/{id}", new Spec(write, Target.ENTERPRISE, true, Set.of(302), c -> c.user()
                .post("/enterprises/" + c.target(), current(jdbc, Long.parseLong(c.target())))));
        specs.put("GET /enterprises/covered-by/{id}", new Spec(read, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/enterprises/covered-by/" + c.target())));
        specs.put("GET /enterprises/import", new Spec(write, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/import")));
        specs.put("GET /enterprises/import/template", new Spec(write, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/enterprises/import/template")));
        specs.put("POST /enterprises/import", new Spec(write, Target.NONE, true, Set.of(200), c -> c.user()
                .post("/enterprises/import", Map.of())));
        specs.put("POST /enterprises/import/commit", new Spec(write, Target.NONE, true, Set.of(302), c -> c.user()
                .post("/enterprises/import/commit", Map.of("batch", "00000000-0000-0000-0000-000000000000"))));
        specs.put("GET /api/v1/enterprises", new Spec(read, Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/enterprises")));
        specs.put("GET /api/v1/enterprises/{id}", new Spec(read, Target.ENTERPRISE, false, Set.of(200), c -> c.user()
                .get("/api/v1/enterprises/" + c.target())));
        specs.put("POST /api/v1/enterprises", new Spec(write, Target.UNIT, false, Set.of(201), c -> c.user()
                .json("POST", "/api/v1/enterprises", json(newAt(jdbc, fixture, c)))));
        specs.put("PUT /api/v1/enterprises/{id}", new Spec(write, Target.ENTERPRISE, false, Set.of(200), c -> c.user()
                .json("PUT", "/api/v1/enterprises/" + c.target(), json(current(jdbc, Long.parseLong(c.target()))))));
    }
}
