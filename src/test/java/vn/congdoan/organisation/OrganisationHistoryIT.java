package vn.congdoan.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;
import vn.congdoan.identity.Accounts;
import vn.congdoan.membership.MemberCounts;

/** Issue 4 as the federation sees it: two trees from the same data, restructurings with history, bulk plans. */
@FullApplicationTest
class OrganisationHistoryIT {

    static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberCounts members;

    @Autowired
    Accounts accounts;

    @Autowired
    Restructurings restructurings;

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long userId(String username) {
        return jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** Open grassroots units under a commune union, by code, fresh for each test that changes them. */
    private List<String> openGrassroots(String parentCode) {
        return jdbc.sql("""
                        select u.code from organisation.org_unit u join organisation.org_unit p on p.id = u.parent_id
                         where p.code = :p and u.type_code = 'GRASSROOTS_UNION' and u.valid_to is null
                           and not exists (select 1 from organisation.org_change_unit cu join organisation.org_change c
                                             on c.id = cu.change_id where cu.unit_id = u.id and c.effective_on > '2025-07-01')
                         order by u.code
                        """).param("p", parentCode).query(String.class).list();
    }

    private long countTypeUnderProvince(String type, LocalDate on) {
        // Independent of the application's SQL: walk validity on org_unit, the province never moved.
        return jdbc.sql("""
                        select count(*) from organisation.org_unit_period p join organisation.org_unit u on u.id = p.unit_id
                         where u.type_code = :t and p.during @> cast(:d as date)
                           and p.path ~ cast('*.u' || (select id from organisation.org_unit where code = 'LCU') || '.*{1,}' as lquery)
                        """).param("t", type).param("d", on).query(Long.class).single();
    }

    @Test
    void theProvinceTreeOf2024HasTheDistrictFederationsAndTodaysHasTheCommuneUnions() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long lcu = unit("LCU");
        String before = tinh.get("/api/v1/org-units/" + lcu + "/children?asOf=2024-12-31")
                .body();
        String now = tinh.get("/api/v1/org-units/" + lcu + "/children").body();
        assertThat(before.split("\"typeCode\":\"DISTRICT_FEDERATION\"", -1)).hasSize(9);
        assertThat(before).contains("Liên đoàn Lao động huyện Tam Đường").doesNotContain("COMMUNE_UNION");
        assertThat(now).doesNotContain("DISTRICT_FEDERATION", "SECTOR_UNION", "Tam Đường\"");
        assertThat(now.split("\"typeCode\":\"COMMUNE_UNION\"", -1).length - 1).isGreaterThanOrEqualTo(6);
        assertThat(now).contains("Công đoàn phường Tân Phong", "Công đoàn xã Bình Lư", "Công đoàn xã Tân Uyên");

        HttpResponse<String> page2024 = tinh.get("/units/" + lcu + "?asOf=2024-12-31");
        HttpResponse<String> pageToday = tinh.get("/units/" + lcu);
        assertThat(page2024.statusCode()).isEqualTo(200);
        assertThat(page2024.body()).contains("Liên đoàn Lao động huyện Than Uyên", "31/12/2024");
        // Today the district federation appears only in the province's history (it handed over to the province).
        assertThat(pageToday.body()).contains("Công đoàn xã Than Uyên");

        long grassroots2024 = countTypeUnderProvince("GRASSROOTS_UNION", END_2024);
        long grassrootsToday = countTypeUnderProvince("GRASSROOTS_UNION", TODAY);
        assertThat(grassroots2024).isBetween(780L, 792L);
        assertThat(grassrootsToday).isLessThan(grassroots2024 - 300);
        String counts2024 =
                tinh.get("/api/v1/org-units/" + lcu + "/counts?asOf=31/12/2024").body();
        String countsToday = tinh.get("/api/v1/org-units/" + lcu + "/counts").body();
        assertThat(counts2024).contains("\"typeCode\":\"GRASSROOTS_UNION\"", "\"count\":" + grassroots2024);
        assertThat(countsToday).contains("\"count\":" + grassrootsToday);
    }

    @Test
    void noMemberIsLostByTheReformThoseOfClosedPublicSectorUnionsAreListedWithoutUnit() {
        var tinh = accounts.scopeOf(userId("tinh"));
        long lcu = unit("LCU");
        long before = members.subtree(lcu, END_2024, tinh).total();
        // The day after the reform: later history (transfers, leavers) is the member register's own business.
        LocalDate afterReform = LocalDate.of(2025, 7, 2);
        var today = members.subtree(lcu, afterReform, tinh);
        long without = members.countWithoutUnit(afterReform, tinh);
        assertThat(before).isBetween(20_000L, 26_000L);
        assertThat(without).isPositive();
        // Members other tests add in the shared context are not part of the reform: leave them out of the balance.
        assertThat(today.total() + without - addedByTests(afterReform)).isEqualTo(before - addedByTests(END_2024));
        assertThat(today.withoutUnitFromHere()).isEqualTo(without);
        // Independently: the members who were in a union that closed on 01/06/2025.
        long inClosed = jdbc.sql("""
                        select count(*) from membership.membership_period mp
                          join organisation.org_unit u on u.id = mp.unit_id
                         where mp.during @> date '2024-12-31' and u.valid_to = date '2025-06-01'
                        """).query(Long.class).single();
        assertThat(without).isEqualTo(inClosed);

        WebUser page = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        HttpResponse<String> list = page.get("/members/without-unit");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(page.get("/members/without-unit?asOf=2025-07-02").body())
                .contains(String.format("%,d", without).replace(',', '.'));
        assertThat(page.get("/members/subtree/" + lcu + "?asOf=2024-12-31").body())
                .contains(String.format("%,d", before).replace(',', '.'));
        // A grassroots officer sees no one else's members without a unit.
        WebUser cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        assertThat(cs1.get("/members/without-unit").body()).doesNotContain("Trường", "Ủy ban");
    }

    @Test
    void theTimelineOfAFormerDistrictFederationShowsItsDissolution() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long h03 = unit("LCU-H03");
        HttpResponse<String> page = tinh.get("/units/" + h03);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("104/QĐ-LĐLĐ", "103/QĐ-LĐLĐ", "01/07/2025");
        String history = tinh.get("/api/v1/org-units/" + h03 + "/history").body();
        assertThat(history).contains("\"kind\":\"DISSOLVE\"", "\"role\":\"SUBJECT\"", "\"decisionNo\":\"104/QĐ-LĐLĐ\"");
        String unit = tinh.get("/api/v1/org-units/" + h03).body();
        assertThat(unit).contains("\"validTo\":\"2025-07-01\"", "\"existing\":false");
        assertThat(tinh.get("/api/v1/org-units/" + h03 + "?asOf=2025-06-30").body())
                .contains("\"existing\":true");
    }

    @Test
    void aMoveIsPreviewedWithoutChangeAppliedAndUndoneOnlyByAnotherDatedMove() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        String code = openGrassroots("LCU-X04").get(0);
        long cs = unit(code);
        long x04 = unit("LCU-X04");
        long x05 = unit("LCU-X05");
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "MOVE",
                "parentCode", "LCU-X05",
                "effectiveOn", "2026-11-20",
                "decisionNo", "301/QĐ-LĐLĐ",
                "decisionDate", "2026-11-18",
                "decisionIssuer", "Ban Thường vụ LĐLĐ tỉnh Lai Châu",
                "step", "preview"));
        String fingerprint = fingerprint();
        HttpResponse<String> preview = tinh.post("/units/" + cs + "/restructure", form);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Công đoàn xã Than Uyên");
        assertThat(fingerprint()).as("a preview keeps nothing").isEqualTo(fingerprint);

        form.put("step", "apply");
        assertThat(tinh.post("/units/" + cs + "/restructure", form).statusCode())
                .isEqualTo(302);
        assertThat(parentOn(cs, TODAY)).isEqualTo(x05);
        assertThat(parentOn(cs, LocalDate.of(2026, 11, 19))).isEqualTo(x04);
        assertThat(tinh.get("/units/" + cs).body()).contains("301/QĐ-LĐLĐ");
        assertThat(tinh.get("/units/" + x05).body()).contains("301/QĐ-LĐLĐ");
        assertThat(tinh.get("/units/" + x04).body()).contains("301/QĐ-LĐLĐ");

        // History is never rewritten: the rows refuse changes, and going back is a new dated move.
        assertThatThrownBy(() -> jdbc.sql("delete from organisation.org_change where decision_no = '301/QĐ-LĐLĐ'")
                        .update())
                .hasMessageContaining("append-only");
        form.putAll(Map.of("parentCode", "LCU-X04", "effectiveOn", "2026-11-23", "decisionNo", "305/QĐ-LĐLĐ"));
        assertThat(tinh.post("/units/" + cs + "/restructure", form).statusCode())
                .isEqualTo(302);
        assertThat(parentOn(cs, TODAY)).isEqualTo(x04);
        assertThat(parentOn(cs, LocalDate.of(2026, 11, 21))).isEqualTo(x05);
        String history = tinh.get("/api/v1/org-units/" + cs + "/history").body();
        assertThat(history).contains("301/QĐ-LĐLĐ", "305/QĐ-LĐLĐ");

        // An operation dated before the last recorded change is refused with the date to respect.
        form.putAll(Map.of("parentCode", "LCU-X05", "effectiveOn", "2026-11-22", "decisionNo", "306/QĐ-LĐLĐ"));
        HttpResponse<String> backdated = tinh.post("/units/" + cs + "/restructure", form);
        assertThat(backdated.statusCode()).isEqualTo(422);
        assertThat(backdated.body()).contains("23/11/2026");
    }

    @Test
    void aMergeMovesMembersAndPutsTheAbsorbedOfficersGrantInReview() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        List<String> codes = openGrassroots("LCU-X06");
        long source = unit(codes.get(0));
        long target = unit(codes.get(1));
        long sourceMembers = activeMembers(source);
        long targetMembers = activeMembers(target);
        jdbc.sql("""
                        insert into identity.role_grant (user_id, role_code, org_unit_id)
                        select id, 'UNIT_OFFICER', :u from identity.app_user where username = 'huyen'
                        """).param("u", source).update();
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "MERGE",
                "targetCode", codes.get(1),
                "effectiveOn", "2026-11-24",
                "decisionNo", "44/QĐ-CĐX",
                "decisionDate", "2026-11-20",
                "decisionIssuer", "Ban Thường vụ Công đoàn xã Tân Uyên",
                "step", "preview"));
        HttpResponse<String> preview = tinh.post("/units/" + source + "/restructure", form);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("huyen", String.valueOf(sourceMembers));
        form.put("step", "apply");
        assertThat(tinh.post("/units/" + source + "/restructure", form).statusCode())
                .isEqualTo(302);

        assertThat(activeMembers(source)).isZero();
        assertThat(activeMembers(target)).isEqualTo(sourceMembers + targetMembers);
        assertThat(jdbc.sql("select successor_id from organisation.org_unit where id = :id")
                        .param("id", source)
                        .query(Long.class)
                        .single())
                .isEqualTo(target);
        assertThat(tinh.get("/units/" + source).body()).contains("44/QĐ-CĐX");
        assertThat(tinh.get("/units/" + target).body()).contains("44/QĐ-CĐX");
        // The grant is not moved to the (wider) survivor: it waits for an administrator and no longer counts.
        var grant = jdbc.sql("""
                        select review_since, suggested_unit_id from identity.role_grant g
                         join identity.app_user u on u.id = g.user_id
                         where u.username = 'huyen' and g.org_unit_id = :u""")
                .param("u", source)
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getLong(2)})
                .single();
        assertThat(grant[0]).isEqualTo(TODAY);
        assertThat(grant[1]).isEqualTo(target);
        assertThat(accounts.scopeOf(userId("huyen")).allRoots()).doesNotContain(source, target);
    }

    @Test
    void refusedOperationsSayWhyInVietnameseAndChangeNothing() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long lcu = unit("LCU");
        long x02 = unit("LCU-X02");
        String fingerprint = fingerprint();
        Map<String, String> base = Map.of(
                "effectiveOn", "2026-11-24",
                "decisionNo", "9/QĐ-LĐLĐ",
                "decisionDate", "2026-11-24",
                "decisionIssuer", "Ban Thường vụ",
                "step", "apply");
        Map<String, String> future = new HashMap<>(base);
        future.putAll(Map.of("kind", "RENAME", "name", "Tên mới", "effectiveOn", "2026-12-01"));
        assertRefused(tinh.post("/units/" + x02 + "/restructure", future), "không được sau hôm nay");
        Map<String, String> noDecision = new HashMap<>(base);
        noDecision.putAll(Map.of("kind", "RENAME", "name", "Tên mới", "decisionNo", " "));
        assertRefused(tinh.post("/units/" + x02 + "/restructure", noDecision), "số quyết định");
        Map<String, String> dissolve = new HashMap<>(base);
        dissolve.put("kind", "DISSOLVE");
        assertRefused(tinh.post("/units/" + x02 + "/restructure", dissolve), "trực thuộc");
        Map<String, String> ownRoot = new HashMap<>(base);
        ownRoot.putAll(Map.of("kind", "RENAME", "name", "Liên đoàn khác"));
        assertRefused(tinh.post("/units/" + lcu + "/restructure", ownRoot), "chính đơn vị được giao quản lý");
        Map<String, String> taken = new HashMap<>(base);
        taken.putAll(
                Map.of("kind", "CREATE", "newCode", "LCU-X03", "newName", "Trùng mã", "newType", "GRASSROOTS_UNION"));
        assertRefused(tinh.post("/units/" + x02 + "/restructure", taken), "LCU-X03");
        Map<String, String> script = new HashMap<>(base);
        script.putAll(Map.of("kind", "RENAME", "name", "<script>alert(1)</script>", "step", "preview"));
        HttpResponse<String> escaped = tinh.post("/units/" + x02 + "/restructure", script);
        assertThat(escaped.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(fingerprint()).isEqualTo(fingerprint);

        // A commune officer may not restructure at all: the wizard is not there for them.
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        assertThat(xa.get("/units/" + unit("LCU-X01") + "/restructure").statusCode())
                .isEqualTo(404);
        Map<String, String> rename = new HashMap<>(base);
        rename.putAll(Map.of("kind", "RENAME", "name", "Tên mới"));
        assertThat(xa.post("/units/" + unit("LCU-X01") + "/restructure", rename).statusCode())
                .isEqualTo(404);
        assertThat(fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aBulkPlanWithOneBadRowIsRejectedWholeAndAppliesOnceFixed() throws IOException {
        var tinh = accounts.scopeOf(userId("tinh"));
        List<String> codes = openGrassroots("LCU-X03");
        String fingerprint = fingerprint();
        byte[] bad = plan(List.of(
                new String[] {"Chuyển đơn vị cha", codes.get(0), "LCU-X02", "", "", ""},
                new String[] {"Thành lập", "", "LCU", "LCU-X07", "Công đoàn xã Mường Kim", "COMMUNE_UNION"},
                new String[] {"Chuyển đơn vị cha", codes.get(1), "LCU-X99", "", "", ""}));
        PlanResult rejected = restructurings.applyPlan(new ByteArrayInputStream(bad), tinh, tinh.actor(null));
        assertThat(rejected.applied()).isFalse();
        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.messageKey()).isEqualTo("organisation.plan.unitUnknown");
            assertThat(e.args()).containsExactly("LCU-X99");
        });
        assertThat(fingerprint()).isEqualTo(fingerprint);

        byte[] fixed = plan(List.of(
                new String[] {"Chuyển đơn vị cha", codes.get(0), "LCU-X02", "", "", ""},
                new String[] {"Thành lập", "", "LCU", "LCU-X07", "Công đoàn xã Mường Kim", "COMMUNE_UNION"},
                new String[] {"MOVE", codes.get(1), "LCU-X07", "", "", ""}));
        PlanResult checked = restructurings.checkPlan(new ByteArrayInputStream(fixed), tinh);
        assertThat(checked.valid()).isTrue();
        assertThat(checked.impacts()).hasSize(3);
        assertThat(fingerprint()).isEqualTo(fingerprint);
        PlanResult applied = restructurings.applyPlan(new ByteArrayInputStream(fixed), tinh, tinh.actor(null));
        assertThat(applied.applied()).isTrue();
        assertThat(parentOn(unit(codes.get(0)), TODAY)).isEqualTo(unit("LCU-X02"));
        assertThat(parentOn(unit(codes.get(1)), TODAY)).isEqualTo(unit("LCU-X07"));
        assertThat(jdbc.sql(
                                "select count(distinct plan_id) from organisation.org_change where decision_no = '88/QĐ-LĐLĐ'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void thePlanTemplateDownloadsWithTheExpectedHeaders() throws IOException {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        HttpResponse<byte[]> r = tinh.getBytes("/restructure/plan/template");
        assertThat(r.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(1)).isEqualTo("Thao tác");
            assertThat(rows.get(0).getCellText(7)).isEqualTo("Ngày hiệu lực");
            assertThat(wb.findSheet("Danh mục")).isPresent();
        }
        WebUser cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        assertThat(cs1.getBytes("/restructure/plan/template").statusCode()).isEqualTo(403);
    }

    private static void assertRefused(HttpResponse<String> r, String text) {
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains(text);
    }

    private byte[] plan(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Kế hoạch");
        String[] headers = {
            "STT",
            "Thao tác",
            "Mã đơn vị",
            "Mã đơn vị cha mới / đơn vị nhận",
            "Mã đơn vị mới",
            "Tên đơn vị mới / tên mới",
            "Loại đơn vị",
            "Ngày hiệu lực",
            "Số quyết định",
            "Ngày quyết định",
            "Cơ quan ban hành"
        };
        for (int c = 0; c < headers.length; c++) {
            ws.value(0, c, headers[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            ws.value(r + 1, 0, r + 1);
            for (int c = 0; c < row.length; c++) {
                if (!row[c].isEmpty()) {
                    ws.value(r + 1, c + 1, row[c]);
                }
            }
            ws.value(r + 1, 7, TODAY);
            ws.style(r + 1, 7).format("dd/mm/yyyy").set();
            ws.value(r + 1, 8, "88/QĐ-LĐLĐ");
            ws.value(r + 1, 9, "20/11/2026");
            ws.value(r + 1, 10, "Ban Thường vụ LĐLĐ tỉnh Lai Châu");
        }
        wb.finish();
        return out.toByteArray();
    }

    private long parentOn(long unit, LocalDate on) {
        return jdbc.sql(
                        "select parent_id from organisation.org_unit_period where unit_id = :u and during @> cast(:d as date)")
                .param("u", unit)
                .param("d", on)
                .query(Long.class)
                .single();
    }

    private long activeMembers(long unit) {
        return jdbc.sql("select count(*) from membership.membership_period where unit_id = :u and upper_inf(during)")
                .param("u", unit)
                .query(Long.class)
                .single();
    }

    /** What a refused or previewed operation must leave untouched. */
    private String fingerprint() {
        return jdbc.sql("""
                        select md5((select count(*) || ':' || coalesce(max(id), 0) from organisation.org_change)
                            || (select string_agg(id || ':' || path::text || ':' || coalesce(valid_to::text, '-'), ',' order by id)
                                  from organisation.org_unit)
                            || (select count(*) || ':' || coalesce(sum(id), 0) from organisation.org_unit_period)
                            || (select count(*) || ':' || coalesce(sum(id), 0) from membership.membership_period)
                            || (select count(*) from identity.role_grant where review_since is not null))
                        """).query(String.class).single();
    }

    /** Members not from the demo loader whose membership on the date lies under LCU or without a unit. */
    private long addedByTests(LocalDate on) {
        return jdbc.sql("""
                        select count(*) from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id and not m.demo
                          left join organisation.org_unit_period p on p.unit_id = mp.unit_id and p.during @> :d
                         where mp.during @> :d
                           and (mp.unit_id is null or p.path <@ (select r.path from organisation.org_unit_period r
                                 join organisation.org_unit u on u.id = r.unit_id
                                 where u.code = 'LCU' and r.during @> :d))
                        """).param("d", on).query(Long.class).single();
    }
}
