package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.VietnameseNames;

/**
 * The member register through its API on the demo world, as officers of two sibling grassroots unions (cs1, cs2),
 * their commune union (xa) and the province (tinh) would meet it: CCCD rules, codes, diacritic-insensitive search,
 * Vietnamese order, scope, sensitive fields, optimistic locking, transfers and leaving.
 */
@FullApplicationTest
class MemberRegisterIT {

    private static final AtomicLong SERIAL = new AtomicLong(700_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebUser login(String user) {
        return WebUser.login(port, user, FullApplicationTest.PASSWORD);
    }

    private long homeOf(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String body(String name, String sex, String birth, String cccd, long unit) {
        return """
                {"fullName": "%s", "sex": "%s", "birthDate": "%s", "cccd": "%s", "phone": "0912 345 678",
                 "joinedOn": "15/03/2024", "unitId": %d}
                """.formatted(name, sex, birth, cccd, unit);
    }

    @Test
    void aBadCccdIsExplainedAndTheFixedRecordGetsAMemberCode() {
        WebUser cs1 = login("cs1");
        long unit = homeOf("cs1");
        LocalDate birth = LocalDate.of(1992, 5, 17);
        String good = Cccd.demoNumber(birth, "F", SERIAL.incrementAndGet());
        // Digit 4 = 2 says "born in the 2000s, male": contradicts 1992 and female.
        String bad = good.substring(0, 3) + "2" + good.substring(4);

        HttpResponse<String> refused =
                cs1.json("POST", "/api/v1/members", body("Nguyễn Thị Ánh Dương", "F", "17/05/1992", bad, unit));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = json(refused).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("cccd");
        assertThat(refused.body()).contains("không khớp với ngày sinh 17/05/1992");
        assertThat(jdbc.sql("select count(*) from membership.member where cccd = :c")
                        .param("c", bad)
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> saved =
                cs1.json("POST", "/api/v1/members", body("Nguyễn Thị Ánh Dương", "F", "17/05/1992", good, unit));
        assertThat(saved.statusCode()).isEqualTo(201);
        JsonNode member = json(saved);
        assertThat(member.get("memberCode").asString()).matches("DV[0-9]{10}");
        assertThat(member.get("cccdMasked").asString()).isEqualTo("******" + good.substring(6));
        assertThat(member.get("phone").asString()).isEqualTo("0912345678");
        assertThat(member.get("status").asString()).isEqualTo("ACTIVE");

        // The same CCCD again: the form says where the member is, because cs1 may know.
        HttpResponse<String> duplicate =
                cs1.json("POST", "/api/v1/members", body("Nguyễn Thị Ánh", "F", "17/05/1992", good, unit));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains(member.get("memberCode").asString());
        // cs2 may not know: the answer says "another unit" and names nobody.
        HttpResponse<String> elsewhere = login("cs2")
                .json("POST", "/api/v1/members", body("Nguyễn Thị Ánh", "F", "17/05/1992", good, homeOf("cs2")));
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.body())
                .contains("đơn vị khác")
                .doesNotContain(member.get("memberCode").asString())
                .doesNotContain("Dương");
    }

    @Test
    void searchIgnoresDiacriticsAndListsInVietnameseOrder() {
        WebUser tinh = login("tinh");
        JsonNode page = json(tinh.get("/api/v1/members?q=nguyen"));
        assertThat(page.get("total").asLong()).isPositive();
        List<String> names = new ArrayList<>();
        page.get("rows").forEach(r -> names.add(r.get("fullName").asString()));
        assertThat(names).allMatch(n -> vn.congdoan.shared.Text.searchKey(n).contains("nguyen"));
        assertThat(names).anyMatch(n -> n.contains("Nguyễn"));

        List<String> listed = new ArrayList<>();
        json(tinh.get("/api/v1/members?unitId=" + homeOf("cs1")))
                .get("rows")
                .forEach(r -> listed.add(r.get("fullName").asString()));
        assertThat(listed).hasSizeGreaterThan(5);
        for (int i = 1; i < listed.size(); i++) {
            assertThat(VietnameseNames.ORDER.compare(listed.get(i - 1), listed.get(i)))
                    .as("%s before %s", listed.get(i - 1), listed.get(i))
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void oneUnitNeverSeesAnotherUnitsMembers() {
        long unitB = homeOf("cs2");
        long sentinel = jdbc.sql("""
                        insert into membership.member (full_name, search_key, sort_key, sex, birth_date, joined_on,
                               status, unit_id, last_unit_id)
                        values ('Sùng A Canhgac', 'sung a canhgac', 'Canhgac Sùng A', 'M', date '1991-02-03',
                                date '2015-02-03', 'ACTIVE', :b, :b) returning id
                        """).param("b", unitB).query(Long.class).single();
        WebUser cs1 = login("cs1");
        assertThat(cs1.get("/api/v1/members/" + sentinel).statusCode()).isEqualTo(404);
        assertThat(cs1.get("/api/v1/members/" + sentinel + "/history").statusCode())
                .isEqualTo(404);
        assertThat(cs1.get("/api/v1/members?q=canhgac").body()).doesNotContain("Canhgac");
        assertThat(cs1.get("/api/v1/members?unitId=" + unitB).body()).doesNotContain("Canhgac");
        assertThat(cs1.get("/members?q=canhgac").body()).doesNotContain("Canhgac");
        assertThat(new String(
                        cs1.getBytes("/members/export?format=csv&q=canhgac").body(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Canhgac");
        assertThat(new String(
                        cs1.getBytes("/members/export?format=csv").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("DV")
                .doesNotContain("Canhgac");
        assertThat(login("cs2").get("/api/v1/members?q=canhgac").body()).contains("Canhgac");
        assertThat(new String(
                        login("cs2")
                                .getBytes("/members/export?format=csv&q=canhgac")
                                .body(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("Canhgac");
        assertThat(login("xa").get("/api/v1/members?q=canhgac").body()).contains("Canhgac");
    }

    @Test
    void sensitiveFieldsReachOnlyHoldersOfThePermissionAndEveryReadIsLogged() {
        long unit = homeOf("cs1");
        long id = jdbc.sql(
                        "select id from membership.member where unit_id = :u and status = 'ACTIVE' order by id limit 1")
                .param("u", unit)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into membership.member_sensitive (member_id, ethnicity, religion, party_member)
                        values (:id, '08', 'Tin lành', true)
                        on conflict (member_id) do update set ethnicity = '08', religion = 'Tin lành', party_member = true
                        """).param("id", id).update();
        String cs1 =
                login("cs1").get("/api/v1/members/" + id + "?include=sensitive").body();
        assertThat(cs1).doesNotContain("sensitive").doesNotContain("ethnicity").doesNotContain("Tin lành");

        long before = logged(id);
        String tinh = login("tinh")
                .get("/api/v1/members/" + id + "?include=sensitive")
                .body();
        assertThat(tinh).contains("\"ethnicityName\":\"Mông\"").contains("Tin lành");
        assertThat(logged(id)).isEqualTo(before + 1);
        // Without asking, even a holder gets no sensitive part, and nothing is logged.
        assertThat(login("tinh").get("/api/v1/members/" + id).body()).doesNotContain("ethnicity");
        assertThat(logged(id)).isEqualTo(before + 1);
    }

    @Test
    void twoSavesOfTheSameVersionGiveOneSaveAndOneConflict() {
        WebUser cs1 = login("cs1");
        long unit = homeOf("cs1");
        LocalDate birth = LocalDate.of(1988, 1, 9);
        String cccd = Cccd.demoNumber(birth, "M", SERIAL.incrementAndGet());
        JsonNode created =
                json(cs1.json("POST", "/api/v1/members", body("Lò Văn Khoa", "M", "09/01/1988", cccd, unit)));
        long id = created.get("id").asLong();
        int version = created.get("version").asInt();
        String first = """
                {"version": %d, "member": {"fullName": "Lò Văn Khoa", "sex": "M", "birthDate": "09/01/1988",
                 "cccd": "%s", "joinedOn": "15/03/2024", "jobTitle": "Thợ điện"}}
                """.formatted(version, cccd);
        String second = first.replace("Thợ điện", "Thợ hàn");
        assertThat(cs1.json("PUT", "/api/v1/members/" + id, first).statusCode()).isEqualTo(200);
        HttpResponse<String> conflict = login("cs1").json("PUT", "/api/v1/members/" + id, second);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("vừa được người khác cập nhật");
        assertThat(jdbc.sql("select job_title from membership.member where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Thợ điện");
    }

    @Test
    void aTransferShowsInBothUnitsHistoriesAndTotals() {
        long unitA = homeOf("cs1");
        long unitB = homeOf("cs2");
        WebUser xa = login("xa");
        long id = jdbc.sql("""
                        select m.id from membership.member m
                         where m.unit_id = :u and m.status = 'ACTIVE' and m.joined_on < date '2026-01-01'
                           and not exists (select 1 from membership.member_transfer t where t.member_id = m.id)
                         order by m.id desc limit 1
                        """).param("u", unitA).query(Long.class).single();
        long totalA = json(xa.get("/api/v1/members?status=ACTIVE&unitId=" + unitA))
                .get("total")
                .asLong();
        long totalB = json(xa.get("/api/v1/members?status=ACTIVE&unitId=" + unitB))
                .get("total")
                .asLong();
        int version = json(xa.get("/api/v1/members/" + id)).get("version").asInt();

        HttpResponse<String> moved = xa.json(
                "POST",
                "/api/v1/members/" + id + "/transfer",
                "{\"version\": %d, \"toUnitId\": %d, \"on\": \"20/11/2026\"}".formatted(version, unitB));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json(moved).get("status").asString()).isEqualTo("ACCEPTED");

        assertThat(json(xa.get("/api/v1/members?status=ACTIVE&unitId=" + unitA))
                        .get("total")
                        .asLong())
                .isEqualTo(totalA - 1);
        assertThat(json(xa.get("/api/v1/members?status=ACTIVE&unitId=" + unitB))
                        .get("total")
                        .asLong())
                .isEqualTo(totalB + 1);
        List<String> kinds = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        json(xa.get("/api/v1/members/" + id + "/history")).forEach(e -> {
            kinds.add(e.get("kind").asString());
            units.add(e.get("unitId").asLong());
        });
        assertThat(kinds).containsSubsequence("TRANSFER_RELEASED", "TRANSFER_ACCEPTED");
        assertThat(units.get(kinds.lastIndexOf("TRANSFER_RELEASED"))).isEqualTo(unitA);
        assertThat(units.get(kinds.lastIndexOf("TRANSFER_ACCEPTED"))).isEqualTo(unitB);
        // Never in two units, never in none: exactly one open period, in B.
        assertThat(jdbc.sql("""
                        select unit_id from membership.membership_period where member_id = :id and upper_inf(during)
                        """).param("id", id).query(Long.class).list()).containsExactly(unitB);
        assertThat(login("cs1").get("/api/v1/members/" + id).statusCode()).isEqualTo(404);
        assertThat(login("cs2").get("/api/v1/members/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberWhoLeavesKeepsTheRecordAndTheCode() {
        WebUser cs1 = login("cs1");
        long unit = homeOf("cs1");
        LocalDate birth = LocalDate.of(1979, 8, 30);
        String cccd = Cccd.demoNumber(birth, "F", SERIAL.incrementAndGet());
        JsonNode created =
                json(cs1.json("POST", "/api/v1/members", body("Tòng Thị Xuân", "F", "30/08/1979", cccd, unit)));
        long id = created.get("id").asLong();
        String code = created.get("memberCode").asString();

        HttpResponse<String> noDecision = cs1.json(
                "POST",
                "/api/v1/members/" + id + "/leave",
                "{\"version\": %d, \"reason\": \"REMOVED\", \"on\": \"01/10/2026\"}"
                        .formatted(created.get("version").asInt()));
        assertThat(noDecision.statusCode()).isEqualTo(422);
        assertThat(noDecision.body()).contains("\"field\":\"decision\"");

        JsonNode left = json(cs1.json(
                "POST",
                "/api/v1/members/" + id + "/leave",
                "{\"version\": %d, \"reason\": \"RETIRED\", \"on\": \"01/10/2026\"}"
                        .formatted(created.get("version").asInt())));
        assertThat(left.get("status").asString()).isEqualTo("LEFT");
        assertThat(left.get("leftOn").asString()).isEqualTo("2026-10-01");
        // Still found by code, still in cs1's scope (last unit).
        assertThat(cs1.get("/api/v1/members?q=" + code).body()).contains(code);
        assertThat(jdbc.sql(
                                "select count(*) from membership.membership_period where member_id = :id and upper_inf(during)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        // The CCCD is free again for a new record (only active members are unique).
        assertThat(jdbc.sql("select count(*) from membership.member where cccd = :c and status = 'ACTIVE'")
                        .param("c", cccd)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long logged(long memberId) {
        return jdbc.sql("select count(*) from audit.access_log where :id = any(member_ids) and action = 'VIEW'")
                .param("id", memberId)
                .query(Long.class)
                .single();
    }
}
