package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;

/**
 * Member import end to end over HTTP, as a grassroots officer lives it: a file with one bad row is explained row by
 * row and commits nothing; the fixed file admits its members (codes, periods, events, audit); the same file again adds
 * nobody and says when it was imported; a CCCD of another union's member is refused without naming that union; jobs
 * are private to their owner; hostile files fail with a reason.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEADER =
            "Họ và tên;Giới tính;Ngày sinh;Số CCCD;Điện thoại;Ngày vào công đoàn;Công việc;Loại hợp đồng\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebUser cs1;
    WebUser cs2;
    long unitA;
    long unitB;
    String unitBName;

    @BeforeAll
    void logIn() {
        cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        cs2 = WebUser.login(port, "cs2", FullApplicationTest.PASSWORD);
        unitA = homeOf("cs1");
        unitB = homeOf("cs2");
        unitBName = jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unitB)
                .query(String.class)
                .single();
    }

    /** A demo CCCD (prefix 099) agreeing with the date of birth and sex; serials of this test start at 910000. */
    static String cccd(int year, boolean female, int serial) {
        int digit = (year - 1900) / 100 * 2 + (female ? 1 : 0);
        return "099" + digit + String.format("%02d", year % 100) + String.format("%06d", 910_000 + serial);
    }

    static byte[] csv(String... rows) {
        return (HEADER + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    JsonNode upload(WebUser user, long unit, String name, byte[] content) {
        HttpResponse<String> r = user.postFile("/api/v1/members/import?unitId=" + unit, "file", name, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/api/v1/members/import/");
        return JSON.readTree(r.body());
    }

    /** Polls the job until it stops working. */
    JsonNode await(WebUser user, long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = user.get("/api/v1/members/import/" + id);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            String status = body.get("job").get("status").asString();
            if (!status.equals("VALIDATING") && !status.equals("COMMITTING")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    JsonNode importAndCommit(WebUser user, long unit, String name, byte[] content) throws InterruptedException {
        long id = upload(user, unit, name, content).get("id").asLong();
        JsonNode ready = await(user, id);
        assertThat(ready.get("job").get("status").asString())
                .as(ready.toString())
                .isEqualTo("READY");
        HttpResponse<String> c =
                user.postFile("/api/v1/members/import/" + id + "/commit?force=true", "x", "x", new byte[0]);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(202);
        return await(user, id);
    }

    long members(String cccd) {
        return jdbc.sql("select count(*) from membership.member where cccd = :c")
                .param("c", cccd)
                .query(Long.class)
                .single();
    }

    @Test
    void aBadRowIsExplainedAndNothingIsWrittenUntilTheFixedFileIsCommittedOnce() throws InterruptedException {
        String a = cccd(1990, true, 1);
        String b = cccd(1985, true, 2);
        String c = cccd(1992, true, 3);
        // The century/sex digit says "male" for a woman: the form's rule, the form's message.
        String badC = "0990" + c.substring(4);
        byte[] bad = csv(
                "Lò Thị Dợ;Nữ;05/09/1990;" + a + ";0399123001;01/03/2015;Công nhân;Không xác định thời hạn",
                "Giàng Thị Sua;Nữ;12/12/1985;" + b + ";;01/01/2010;Giáo viên;INDEFINITE",
                "Tòng Thị Hoa;Nữ;01/01/1992;" + badC + ";;01/06/2016;Kế toán;Dưới 12 tháng");
        JsonNode job = upload(cs1, unitA, "doan-vien.csv", bad);
        assertThat(job.get("status").asString()).isEqualTo("VALIDATING");
        long id = job.get("id").asLong();
        JsonNode ready = await(cs1, id);
        JsonNode j = ready.get("job");
        assertThat(j.get("status").asString()).isEqualTo("READY");
        assertThat(j.get("rowsTotal").asInt()).isEqualTo(3);
        assertThat(j.get("rowsError").asInt()).as(ready.toString()).isEqualTo(1);
        assertThat(j.get("fileKind").asString()).isEqualTo("CSV");
        JsonNode problem = ready.get("problems").get("items").get(0);
        assertThat(problem.get("row").asInt())
                .as("the spreadsheet row of the third member")
                .isEqualTo(4);
        assertThat(problem.get("column").asString()).isEqualTo("Số CCCD");
        assertThat(problem.get("columnNo").asInt()).isEqualTo(4);
        assertThat(problem.get("message").asString()).contains(badC);

        HttpResponse<String> refused = cs1.postFile("/api/v1/members/import/" + id + "/commit", "x", "x", new byte[0]);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("1 dòng lỗi");
        assertThat(members(a) + members(b) + members(c))
                .as("nothing half-written")
                .isZero();

        // The page shows the same row, column and reason.
        String page = cs1.get("/members/import/" + id).body();
        assertThat(page).contains("Số CCCD").contains(badC).contains("id=\"import-rejected\"");

        byte[] good = csv(
                "Lò Thị Dợ;Nữ;05/09/1990;" + a + ";0399123001;01/03/2015;Công nhân;Không xác định thời hạn",
                "Giàng Thị Sua;Nữ;12/12/1985;" + b + ";;01/01/2010;Giáo viên;INDEFINITE",
                "Tòng Thị Hoa;Nữ;01/01/1992;" + c + ";;01/06/2016;Kế toán;Dưới 12 tháng");
        long goodId = upload(cs1, unitA, "doan-vien-da-sua.csv", good).get("id").asLong();
        JsonNode checked = await(cs1, goodId);
        assertThat(checked.get("job").get("rowsError").asInt()).isZero();
        assertThat(checked.get("job").get("previousImport").isNull()).isTrue();
        HttpResponse<String> commit =
                cs1.postFile("/api/v1/members/import/" + goodId + "/commit", "x", "x", new byte[0]);
        assertThat(commit.statusCode()).as(commit.body()).isEqualTo(202);
        JsonNode done = await(cs1, goodId).get("job");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(3);

        Map<String, Object> row = jdbc.sql("""
                        select m.member_code, m.full_name, m.status, m.unit_id, m.contract_type, m.phone,
                               (select count(*) from membership.membership_period p
                                 where p.member_id = m.id and p.unit_id = m.unit_id and upper_inf(p.during)
                                   and lower(p.during) = m.joined_on and p.reason = 'ADMITTED') as periods,
                               (select count(*) from membership.member_event e
                                 where e.member_id = m.id and e.kind = 'ADMITTED' and e.actor_name = 'cs1') as events
                          from membership.member m where m.cccd = :c""").param("c", a).query().singleRow();
        assertThat((String) row.get("member_code")).matches("DV[0-9]{10}");
        assertThat(row.get("full_name")).isEqualTo("Lò Thị Dợ");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(unitA);
        assertThat(row.get("contract_type")).isEqualTo("INDEFINITE");
        assertThat(row.get("phone")).isEqualTo("0399123001");
        assertThat(((Number) row.get("periods")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("events")).intValue()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from membership.import_row where job_id = :id")
                        .param("id", goodId)
                        .query(Long.class)
                        .single())
                .as("staging emptied")
                .isZero();
        assertThat(jdbc.sql(
                                "select detail from audit.audit_entry where action = 'MEMBERS_IMPORTED' and target_id = :id")
                        .param("id", String.valueOf(goodId))
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("inserted=3")
                .doesNotContain("Lò");

        // The same file again: noticed, refused without confirmation, and adds nobody when forced.
        long againId = upload(cs1, unitA, "lan-nua.csv", good).get("id").asLong();
        JsonNode again = await(cs1, againId).get("job");
        assertThat(again.get("previousImport").get("jobId").asLong()).isEqualTo(goodId);
        assertThat(again.get("previousImport").get("committedBy").asString()).isEqualTo("cs1");
        assertThat(again.get("toUpdate").asInt()).isEqualTo(3);
        assertThat(cs1.get("/members/import/" + againId).body()).contains("Tệp này đã được nhập ngày");
        HttpResponse<String> unforced =
                cs1.postFile("/api/v1/members/import/" + againId + "/commit", "x", "x", new byte[0]);
        assertThat(unforced.statusCode()).isEqualTo(409);
        HttpResponse<String> forced =
                cs1.postFile("/api/v1/members/import/" + againId + "/commit?force=true", "x", "x", new byte[0]);
        assertThat(forced.statusCode()).isEqualTo(202);
        JsonNode second = await(cs1, againId).get("job");
        assertThat(second.get("status").asString()).isEqualTo("DONE");
        assertThat(second.get("inserted").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(3);
        assertThat(members(a)).isEqualTo(1);
    }

    @Test
    void aCccdOfAnotherUnionsMemberIsRefusedWithoutNamingTheUnion() throws InterruptedException {
        String theirs = cccd(1988, false, 20);
        JsonNode done = importAndCommit(
                cs2, unitB, "cs2.csv", csv("Vàng A Páo;Nam;03/03/1988;" + theirs + ";;01/01/2012;Lái xe;NONE"));
        assertThat(done.get("job").get("inserted").asInt()).isEqualTo(1);

        long id = upload(
                        cs1,
                        unitA,
                        "cs1.csv",
                        csv(
                                "Vàng A Páo;Nam;03/03/1988;" + theirs + ";;01/01/2012;Lái xe;NONE",
                                "Vàng Văn Mới;Nam;04/04/1991;" + cccd(1991, false, 21) + ";;01/01/2014;;"))
                .get("id")
                .asLong();
        JsonNode ready = await(cs1, id);
        assertThat(ready.get("job").get("rowsError").asInt()).isEqualTo(1);
        String body = ready.toString();
        assertThat(body)
                .contains("Số CCCD đã thuộc một đoàn viên ở đơn vị khác")
                .doesNotContain(unitBName);
        assertThat(cs1.get("/members/import/" + id).body())
                .contains("Số CCCD đã thuộc một đoàn viên ở đơn vị khác")
                .doesNotContain(unitBName);
        assertThat(cs1.postFile("/api/v1/members/import/" + id + "/commit?force=true", "x", "x", new byte[0])
                        .statusCode())
                .isEqualTo(422);
        assertThat(jdbc.sql("select unit_id from membership.member where cccd = :c and status = 'ACTIVE'")
                        .param("c", theirs)
                        .query(Long.class)
                        .single())
                .isEqualTo(unitB);
    }

    @Test
    void aJobIsVisibleToItsOwnerOnly() throws InterruptedException {
        long id = upload(
                        cs1,
                        unitA,
                        "rieng.csv",
                        csv("Lù Thị Mai;Nữ;01/01/1995;" + cccd(1995, true, 30) + ";;01/01/2016;;"))
                .get("id")
                .asLong();
        await(cs1, id);
        for (String path : List.of(
                "/members/import/" + id,
                "/api/v1/members/import/" + id,
                "/members/import/" + id + "/progress",
                "/members/import/" + id + "/problems.csv")) {
            assertThat(cs2.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(cs2.postFile("/api/v1/members/import/" + id + "/commit", "x", "x", new byte[0])
                        .statusCode())
                .isEqualTo(404);
        assertThat(cs2.post("/members/import/" + id + "/cancel", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(cs1.get("/members/import/" + id).statusCode()).isEqualTo(200);
        // Uploading into a unit outside one's scope is "not found" too.
        assertThat(cs1.postFile("/api/v1/members/import?unitId=" + unitB, "file", "x.csv", csv("A;Nam;;;;;;"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void cancellingDeletesTheStagedRows() throws InterruptedException {
        long id = upload(
                        cs1,
                        unitA,
                        "huy.csv",
                        csv("Lù Văn Hùng;Nam;01/01/1980;" + cccd(1980, false, 40) + ";;01/01/2005;;"))
                .get("id")
                .asLong();
        await(cs1, id);
        HttpResponse<String> r = cs1.postFile("/api/v1/members/import/" + id + "/cancel", "x", "x", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from membership.import_row where job_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(cs1.postFile("/api/v1/members/import/" + id + "/commit", "x", "x", new byte[0])
                        .statusCode())
                .isEqualTo(409);
        assertThat(members(cccd(1980, false, 40))).isZero();
    }

    @Test
    void hostileFilesFailWithAReason() throws InterruptedException {
        long pdf = upload(cs1, unitA, "danh-sach.xlsx", "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))
                .get("id")
                .asLong();
        JsonNode failed = await(cs1, pdf).get("job");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("không phải bảng tính");
        long utf16 = upload(cs1, unitA, "utf16.csv", ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16LE))
                .get("id")
                .asLong();
        assertThat(await(cs1, utf16).get("job").get("failure").asString()).contains("UTF-16");
        long noName = upload(
                        cs1,
                        unitA,
                        "thieu-cot.csv",
                        "Họ và tên;Giới tính\r\nA;Nam\r\n".getBytes(StandardCharsets.UTF_8))
                .get("id")
                .asLong();
        assertThat(await(cs1, noName).get("job").get("failure").asString())
                .contains("thiếu cột bắt buộc")
                .contains("Ngày sinh")
                .contains("Số CCCD");
    }

    @Test
    void theTemplateHasVietnameseHeadersAndCodeLists() throws Exception {
        HttpResponse<byte[]> r = cs1.getBytes("/members/import/template?unitId=" + unitA);
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> header;
        List<String> sheets;
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
            sheets = wb.getSheets()
                    .map(org.dhatim.fastexcel.reader.Sheet::getName)
                    .toList();
            header = wb.getFirstSheet().read().get(0).stream()
                    .map(org.dhatim.fastexcel.reader.Cell::getText)
                    .toList();
        }
        assertThat(sheets).containsExactly("Đoàn viên", "Danh mục");
        assertThat(header).contains("Họ và tên (*)", "Số CCCD (*)", "MST nơi làm việc", "Mã đơn vị");
        assertThat(header).as("cs1 may not write sensitive data").noneMatch(h -> h.startsWith("Dân tộc"));
    }

    @Autowired
    MemberImports imports;

    @Autowired
    vn.congdoan.identity.Accounts accounts;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void runNowValidatesAndCommitsAGeneratedFileAndTheSameFileAgainAddsNobody() throws Exception {
        long userId = jdbc.sql("select id from identity.app_user where username = 'cs1'")
                .query(Long.class)
                .single();
        vn.congdoan.shared.AccessScope scope = accounts.scopeOf(userId);
        vn.congdoan.shared.Actor actor = scope.actor("127.0.0.1");
        String code = jdbc.sql("select code from organisation.org_unit where id = :id")
                .param("id", unitA)
                .query(String.class)
                .single();
        java.nio.file.Path first = dir.resolve("a.xlsx");
        vn.congdoan.membership.internal.imports.ImportFileGenerator.writeXlsx(first, 2_000, 77, code);
        ImportJob done = imports.runNow(first, "a.xlsx", unitA, scope, actor);
        assertThat(done.status()).as(String.valueOf(done.failure())).isEqualTo(ImportJob.Status.DONE);
        assertThat(done.fileKind()).isEqualTo("XLSX");
        assertThat(done.inserted()).isEqualTo(2_000);
        assertThat(done.validateMillis()).isNotNull();
        assertThat(done.commitMillis()).isNotNull();
        assertThat(java.nio.file.Files.exists(first))
                .as("the uploaded file is not kept")
                .isFalse();

        java.nio.file.Path again = dir.resolve("b.csv");
        vn.congdoan.membership.internal.imports.ImportFileGenerator.writeCsv(again, 2_000, 77, code);
        ImportJob second = imports.runNow(again, "b.csv", unitA, scope, actor);
        assertThat(second.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(second.fileKind()).isEqualTo("CSV");
        assertThat(second.inserted())
                .as("the same people as CSV: all matched by CCCD")
                .isZero();
        assertThat(second.unchanged() + second.updated()).isEqualTo(2_000);
    }

    private long homeOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
