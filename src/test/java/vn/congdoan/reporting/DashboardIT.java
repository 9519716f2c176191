package vn.congdoan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;

/**
 * Dashboards through the whole application (issue 6): the province's totals are the sum of its table's rows and each
 * child's row is that child's own dashboard, for several breakdowns, before and after the 01/07/2025 restructuring of
 * the demo tree; the province total equals a hand-written count over the dated tables; a grassroots union's dashboard
 * equals its row in its parent's table; ethnicity is detailed (and logged) only with the permission; the XLSX holds
 * the page's figures; scope answers 404 and 403.
 */
@FullApplicationTest
class DashboardIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode dashboard(WebUser user, long unit, String date) {
        HttpResponse<String> r = user.get("/api/v1/dashboard?unit=" + unit + "&date=" + date);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private long unitByCode(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long homeOf(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private static long sum(JsonNode buckets) {
        long s = 0;
        for (JsonNode b : buckets) {
            s += b.get("count").asLong();
        }
        return s;
    }

    private static Map<String, Long> byKey(JsonNode buckets) {
        Map<String, Long> m = new HashMap<>();
        for (JsonNode b : buckets) {
            m.merge(b.get("key").asString(), b.get("count").asLong(), Long::sum);
        }
        return m;
    }

    /** The members on the date by hand: dated memberships under the unit's dated path, plus without-unit members. */
    private long handCount(long unit, String isoDate) {
        long inUnits = jdbc.sql("""
                        select count(*) from membership.membership_period mp
                          join organisation.org_unit_period p on p.unit_id = mp.unit_id and p.during @> cast(:d as date)
                          join organisation.org_unit_period r on r.unit_id = :u and r.during @> cast(:d as date)
                         where mp.during @> cast(:d as date) and p.path <@ r.path
                        """)
                .param("u", unit)
                .param("d", java.time.LocalDate.parse(isoDate))
                .query(Long.class)
                .single();
        long without = jdbc.sql("""
                        select count(*) from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit lu on lu.id = m.last_unit_id
                          join organisation.org_unit r on r.id = :u
                         where mp.unit_id is null and mp.during @> cast(:d as date) and lu.path <@ r.path
                        """)
                .param("u", unit)
                .param("d", java.time.LocalDate.parse(isoDate))
                .query(Long.class)
                .single();
        return inUnits + without;
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/06/2025", "24/11/2026"})
    void theProvinceIsTheSumOfItsRowsAndEachChildRowIsTheChildsOwnDashboard(String date) {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long province = unitByCode("LCU");
        JsonNode p = dashboard(tinh, province, date);
        JsonNode m = p.get("members");
        long total = m.get("total").asLong();
        String iso = date.substring(6) + "-" + date.substring(3, 5) + "-" + date.substring(0, 2);
        assertThat(total).as("province total vs the dated tables by hand").isEqualTo(handCount(province, iso));
        assertThat(total).isGreaterThan(1000);
        // Every breakdown covers every member once.
        assertThat(sum(m.get("bySex"))).isEqualTo(total);
        assertThat(sum(m.get("byAge"))).isEqualTo(total);
        assertThat(sum(m.get("byEthnicity"))).isEqualTo(total);
        assertThat(sum(m.get("byOwnership"))).isEqualTo(total);
        assertThat(byKey(m.get("bySex")).get("F")).isEqualTo(m.get("female").asLong());

        long rows = 0;
        long female = 0;
        long without = 0;
        Map<String, Long> childAge = new HashMap<>();
        Map<String, Long> childOwnership = new HashMap<>();
        Map<String, Long> childSex = new HashMap<>();
        int children = 0;
        long outside = 0;
        for (JsonNode row : m.get("rows")) {
            rows += row.get("members").asLong();
            female += row.get("female").asLong();
            without += row.get("withoutUnit").asLong();
            if (!row.get("kind").asString().equals("CHILD")) {
                outside += row.get("members").asLong();
                continue;
            }
            children++;
            JsonNode c = dashboard(tinh, row.get("unitId").asLong(), date).get("members");
            assertThat(c.get("total").asLong())
                    .as("row of " + row.get("name").asString() + " = its own dashboard")
                    .isEqualTo(row.get("members").asLong());
            assertThat(c.get("female").asLong()).isEqualTo(row.get("female").asLong());
            assertThat(c.get("withoutUnit").asLong())
                    .isEqualTo(row.get("withoutUnit").asLong());
            byKey(c.get("byAge")).forEach((k, v) -> childAge.merge(k, v, Long::sum));
            byKey(c.get("byOwnership")).forEach((k, v) -> childOwnership.merge(k, v, Long::sum));
            byKey(c.get("bySex")).forEach((k, v) -> childSex.merge(k, v, Long::sum));
        }
        assertThat(children).as("children of the province on " + date).isGreaterThan(3);
        assertThat(rows).as("total = sum of the rows").isEqualTo(total);
        assertThat(female).isEqualTo(m.get("female").asLong());
        assertThat(without).isEqualTo(m.get("withoutUnit").asLong());
        if (outside == 0) {
            // Nobody directly in the province nor without a unit outside its children: the breakdowns add up too.
            assertThat(withoutZeros(childAge)).isEqualTo(withoutZeros(byKey(m.get("byAge"))));
            assertThat(withoutZeros(childOwnership)).isEqualTo(withoutZeros(byKey(m.get("byOwnership"))));
            assertThat(withoutZeros(childSex)).isEqualTo(withoutZeros(byKey(m.get("bySex"))));
        }
        // The last month of the growth series ends on the date and counts the members in units.
        JsonNode growth = m.get("growth");
        assertThat(growth).hasSize(12);
        assertThat(growth.get(11).get("members").asLong())
                .isEqualTo(total - m.get("withoutUnit").asLong());
        // Units by type: from the tree of the date.
        assertThat(p.get("unitsByType").size()).isGreaterThan(0);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> m) {
        Map<String, Long> out = new HashMap<>(m);
        out.values().removeIf(v -> v == 0);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/06/2025", "24/11/2026"})
    void aGrassrootsUnionsDashboardIsItsRowInItsParentsTable(String date) {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long unit = homeOf("cs1");
        String iso = date.substring(6) + "-" + date.substring(3, 5) + "-" + date.substring(0, 2);
        long parent = jdbc.sql("select parent_id from organisation.org_unit_period where unit_id = :u"
                        + " and during @> cast(:d as date)")
                .param("u", unit)
                .param("d", java.time.LocalDate.parse(iso))
                .query(Long.class)
                .single();
        JsonNode own = dashboard(tinh, unit, date).get("members");
        JsonNode row = null;
        for (JsonNode r : dashboard(tinh, parent, date).get("members").get("rows")) {
            if (r.get("kind").asString().equals("CHILD") && r.get("unitId").asLong() == unit) {
                row = r;
            }
        }
        assertThat(row)
                .as("the grassroots union is a row of its parent's table")
                .isNotNull();
        assertThat(own.get("total").asLong())
                .isGreaterThan(0)
                .isEqualTo(row.get("members").asLong());
        assertThat(own.get("female").asLong()).isEqualTo(row.get("female").asLong());
        // The same union seen by its own officer: the same figures.
        JsonNode byOfficer = dashboard(WebUser.login(port, "cs1", FullApplicationTest.PASSWORD), unit, date)
                .get("members");
        assertThat(byOfficer.get("total").asLong()).isEqualTo(own.get("total").asLong());
        assertThat(byKey(byOfficer.get("byAge"))).isEqualTo(byKey(own.get("byAge")));
    }

    @Test
    void ethnicityIsDetailedAndLoggedOnlyWithTheSensitivePermission() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        WebUser kiemtra = WebUser.login(port, "kiemtra", FullApplicationTest.PASSWORD);
        // A unit of the province (the province itself or one of its children) with an ethnic group under 3 members.
        List<Long> candidates = new ArrayList<>();
        candidates.add(unitByCode("LCU"));
        dashboard(tinh, unitByCode("LCU"), "").get("members").get("rows").forEach(r -> {
            if (r.get("kind").asString().equals("CHILD")) {
                candidates.add(r.get("unitId").asLong());
            }
        });
        long unit = -1;
        for (long c : candidates) {
            JsonNode m = dashboard(kiemtra, c, "").get("members");
            if (byKey(m.get("byEthnicity")).containsKey("*")) {
                unit = c;
                break;
            }
        }
        assertThat(unit)
                .as("a unit of the demo with ethnic groups under 3 members")
                .isPositive();

        long before = logged();
        JsonNode detailed = dashboard(tinh, unit, "").get("members");
        assertThat(detailed.get("ethnicityDetailed").asBoolean()).isTrue();
        assertThat(logged()).as("the detailed view is in the access log").isEqualTo(before + 1);
        Map<String, Long> full = byKey(detailed.get("byEthnicity"));
        assertThat(full).doesNotContainKey("*");

        JsonNode merged = dashboard(kiemtra, unit, "").get("members");
        assertThat(merged.get("ethnicityDetailed").asBoolean()).isFalse();
        assertThat(logged())
                .as("aggregates with small groups merged are not logged")
                .isEqualTo(before + 1);
        Map<String, Long> coarse = byKey(merged.get("byEthnicity"));
        coarse.forEach((k, v) -> {
            if (!k.equals("*") && !k.isEmpty()) {
                assertThat(v).as("group " + k).isGreaterThanOrEqualTo(3);
                assertThat(full.get(k)).isEqualTo(v);
            }
        });
        long small = full.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && e.getValue() < 3)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(small).isGreaterThan(0);
        assertThat(coarse.get("*")).isEqualTo(small);
        // The entry names exactly the members of the small groups, and the field, never the values.
        long ids = jdbc.sql("select row_count from audit.access_log where 'ethnicity' = any(fields) and action = 'VIEW'"
                        + " and actor_name = 'tinh' order by id desc limit 1")
                .query(Long.class)
                .single();
        assertThat(ids).isEqualTo(small);
        assertThat(merged.get("total").asLong()).isEqualTo(detailed.get("total").asLong());
    }

    private long logged() {
        return jdbc.sql("select count(*) from audit.access_log where 'ethnicity' = any(fields) and action = 'VIEW'"
                        + " and actor_name in ('tinh', 'kiemtra')")
                .query(Long.class)
                .single();
    }

    @Test
    void scopeIsEnforced() {
        long province = unitByCode("LCU");
        WebUser cs2 = WebUser.login(port, "cs2", FullApplicationTest.PASSWORD);
        assertThat(cs2.get("/api/v1/dashboard?unit=" + province).statusCode()).isEqualTo(404);
        assertThat(cs2.get("/dashboard?unit=" + province).statusCode()).isEqualTo(404);
        assertThat(cs2.get("/dashboard.xlsx?unit=" + province).statusCode()).isEqualTo(404);
        WebUser ketoan = WebUser.login(port, "ketoan", FullApplicationTest.PASSWORD);
        assertThat(ketoan.get("/dashboard").statusCode()).isEqualTo(403);
        assertThat(ketoan.get("/api/v1/dashboard").statusCode()).isEqualTo(403);
        assertThat(ketoan.get("/api/v1/dashboard?unit=" + homeOf("ketoan")).statusCode())
                .isEqualTo(404);
        // Without a unit: the caller's own unit.
        JsonNode own = JSON.readTree(cs2.get("/api/v1/dashboard").body());
        assertThat(own.get("members").get("unitId").asLong()).isEqualTo(homeOf("cs2"));
        HttpResponse<String> bad = cs2.get("/api/v1/dashboard?date=31/02/2025");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"date\"").contains("Ngày không hợp lệ");
    }

    @Test
    void theWorkbookHoldsThePagesFigures() throws Exception {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long province = unitByCode("LCU");
        JsonNode d = dashboard(tinh, province, "30/06/2025");
        JsonNode m = d.get("members");
        HttpResponse<byte[]> x = tinh.getBytes("/dashboard.xlsx?unit=" + province + "&date=30/06/2025");
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(x.body()))) {
            Map<String, List<Row>> sheets = new HashMap<>();
            try (Stream<Sheet> all = wb.getSheets()) {
                for (Sheet s : all.toList()) {
                    try (Stream<Row> rows = s.openStream()) {
                        sheets.put(s.getName(), rows.toList());
                    }
                }
            }
            List<Row> summary = sheets.get("Tổng hợp");
            assertThat(text(summary, 2, 1)).isEqualTo("30/06/2025");
            assertThat(number(summary, 3, 1)).isEqualTo(m.get("total").asLong());
            assertThat(number(summary, 4, 1)).isEqualTo(m.get("female").asLong());
            assertThat(number(summary, 6, 1))
                    .isEqualTo(d.get("unitsByType")
                            .valueStream()
                            .mapToLong(t -> t.get("count").asLong())
                            .sum());
            assertThat(column(sheets.get("Độ tuổi"))).isEqualTo(counts(m.get("byAge")));
            assertThat(column(sheets.get("Giới tính"))).isEqualTo(counts(m.get("bySex")));
            assertThat(column(sheets.get("Dân tộc"))).isEqualTo(counts(m.get("byEthnicity")));
            assertThat(column(sheets.get("Loại hình kinh tế"))).isEqualTo(counts(m.get("byOwnership")));
            List<Row> units = sheets.get("Đơn vị trực thuộc");
            List<Long> fromSheet = new ArrayList<>();
            for (int i = 1; i < units.size() - 1; i++) {
                fromSheet.add(number(units, i, 2));
            }
            List<Long> fromApi = new ArrayList<>();
            m.get("rows").forEach(r -> fromApi.add(r.get("members").asLong()));
            assertThat(fromSheet).isEqualTo(fromApi);
            assertThat(number(units, units.size() - 1, 2))
                    .isEqualTo(m.get("total").asLong());
            List<Row> growth = sheets.get("Tăng giảm");
            assertThat(growth).hasSize(13);
            assertThat(number(growth, 12, 1))
                    .isEqualTo(m.get("growth").get(11).get("members").asLong());
        }
    }

    private static String text(List<Row> rows, int r, int c) {
        return rows.get(r).getCellText(c);
    }

    private static long number(List<Row> rows, int r, int c) {
        return rows.get(r).getCellAsNumber(c).orElseThrow().longValue();
    }

    private static List<Long> column(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            out.add(number(rows, i, 1));
        }
        return out;
    }

    private static List<Long> counts(JsonNode buckets) {
        List<Long> out = new ArrayList<>();
        buckets.forEach(b -> out.add(b.get("count").asLong()));
        return out;
    }
}
