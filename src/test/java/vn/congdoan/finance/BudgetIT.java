package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;

/**
 * Budgets, settlements and disclosure over HTTP on the demo world (issue 7, items 5, 6, 8): the demo's 2025 figures
 * and its one overdue disclosure, the workflow prepare → submit → approve (never by one's own unit) → disclosure due
 * 15 days later, files opened back, refused input that changes nothing, a stale form, drive deadlines, and the
 * inspector's logged view.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long unitA;
    long unitB;
    long commune;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    void units() {
        unitA = home("cs1");
        unitB = home("cs2");
        // An accountant for B (the demo has one for A only, whose 2027 estimate the browser journey prepares).
        jdbc.sql("""
                        insert into identity.app_user (username, display_name, password_hash, home_unit_id)
                        values ('ketoanb', 'Kế toán công đoàn B', :h, :u) on conflict do nothing""")
                .param("h", encoder.encode(FullApplicationTest.PASSWORD))
                .param("u", unitB)
                .update();
        jdbc.sql("""
                        insert into identity.role_grant (user_id, role_code, org_unit_id)
                        select id, 'UNIT_ACCOUNTANT', :u from identity.app_user where username = 'ketoanb'
                           and not exists (select 1 from identity.role_grant g join identity.app_user a on a.id = g.user_id
                                            where a.username = 'ketoanb')""").param("u", unitB).update();
        commune = jdbc.sql("select id from organisation.org_unit where code = 'LCU-X01'")
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoHas2025SettlementsAndOneOverdueDisclosureSeenByTheUpperLevelOnly() {
        assertThat(count("select count(*) from finance.budget where year = 2025 and kind = 'SETTLEMENT'"))
                .isGreaterThanOrEqualTo(2);
        // The demo's one overdue disclosure: B's 2025 settlement, approved 02/03/2026, due 17/03/2026.
        assertThat(jdbc.sql("""
                        select d.org_unit_id, d.due_on from finance.disclosure d join finance.budget b on b.id = d.budget_id
                         where d.published_on is null and d.due_on < date '2026-11-24' and b.year = 2025
                        """)
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getDate(2))
                        .list())
                .containsExactly(unitB + " 2026-03-17");
        long bSettlement = budgetOf(unitB, 2025, "SETTLEMENT");
        // B's settlement: actuals read from the ledger (dues kept > 0) and the allowance warning of QĐ 4290.
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        String page = xa.get("/finance/budgets/" + bSettlement).body();
        assertThat(page).contains("structure-warnings").contains("vượt mức tối đa 45%");
        assertThat(jdbc.sql("select actual from finance.budget_line where budget_id = :b and line_code = 'R_DUES'")
                        .param("b", bSettlement)
                        .query(BigDecimal.class)
                        .single())
                .isPositive();
        // The upper level (xa) sees B's overdue disclosure; B's sibling A does not; B itself sees it in its list.
        assertThat(xa.get("/finance/budgets").body()).contains("overdue-below").contains("Quyết toán năm 2025");
        WebUser cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        assertThat(cs1.get("/finance/budgets").body()).doesNotContain("overdue-below");
        WebUser cs2 = WebUser.login(port, "cs2", FullApplicationTest.PASSWORD);
        assertThat(cs2.get("/finance/disclosures?overdue=true").body()).contains("Quá hạn");
    }

    @Test
    void anEstimateIsPreparedSubmittedApprovedByTheParentAndItsDisclosureIsDueFifteenDaysLater() throws Exception {
        WebUser ketoan = WebUser.login(port, "ketoanb", FullApplicationTest.PASSWORD);
        HttpResponse<String> created = ketoan.post(
                "/finance/budgets", Map.of("unitId", String.valueOf(unitB), "year", "2027", "kind", "ESTIMATE"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        // A duplicate is refused on the year field.
        HttpResponse<String> duplicate = ketoan.post(
                "/finance/budgets", Map.of("unitId", String.valueOf(unitB), "year", "2027", "kind", "ESTIMATE"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Năm: đơn vị đã có dự toán năm 2027.");

        // Bad amounts: a Vietnamese message naming the field, nothing written.
        Map<String, String> bad = new LinkedHashMap<>(lines("12.000.000", "5.000.000", "6.000.000"));
        bad.put("line.S_TRAINING", "=1+1");
        bad.put("version", "0");
        HttpResponse<String> refused = ketoan.post("/finance/budgets/" + id, bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Số tiền: &quot;=1+1&quot; không phải số tiền hợp lệ");
        assertThat(count("select coalesce(sum(planned), 0) from finance.budget_line where budget_id = " + id))
                .isZero();

        Map<String, String> good = new LinkedHashMap<>(lines("12.000.000", "6.000.000", "4.000.000"));
        good.put("version", "0");
        // An NFD note is stored NFC.
        good.put("note", Normalizer.normalize("Dự toán theo hướng dẫn năm 2027", Normalizer.Form.NFD));
        assertThat(ketoan.post("/finance/budgets/" + id, good).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select note from finance.budget where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Dự toán theo hướng dẫn năm 2027");
        // 6,000,000 of 12,000,000 dues kept is 50 % > 45 %; member care 4,000,000 is 33,3 % < 40 %.
        String detail = ketoan.get("/finance/budgets/" + id).body();
        assertThat(detail).contains("bằng 50% số đoàn phí được giữ lại").contains("bằng 33,3% số đoàn phí");

        // A stale version changes nothing: conflict page (409).
        HttpResponse<String> stale = ketoan.post("/finance/budgets/" + id, Map.of("line.R_DUES", "1", "version", "0"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(count("select planned from finance.budget_line where line_code = 'R_DUES' and budget_id = " + id))
                .isEqualTo(12_000_000L);

        assertThat(ketoan.post("/finance/budgets/" + id + "/submit", Map.of("version", "1"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        // The accountant cannot approve; the unit's own officer cannot approve its own unit: both "not found".
        assertThat(ketoan.post("/finance/budgets/" + id + "/approve", Map.of("version", "2"))
                        .statusCode())
                .isEqualTo(404);
        WebUser cs2 = WebUser.login(port, "cs2", FullApplicationTest.PASSWORD);
        assertThat(cs2.post("/finance/budgets/" + id + "/approve", Map.of("version", "2"))
                        .statusCode())
                .isEqualTo(404);
        // A sibling's officer cannot even see it.
        WebUser cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        assertThat(cs1.get("/finance/budgets/" + id).statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("SUBMITTED");

        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        assertThat(xa.get("/finance/budgets?toDecide=true").body()).contains("/finance/budgets/" + id + "\"");
        assertThat(xa.post("/finance/budgets/" + id + "/approve", Map.of("version", "2", "note", "Đồng ý"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("APPROVED");
        LocalDate due = jdbc.sql("select due_on from finance.disclosure where budget_id = :b")
                .param("b", id)
                .query(LocalDate.class)
                .single();
        assertThat(due).isEqualTo(LocalDate.of(2026, 11, 24).plusDays(15)); // HD 42/HD-TLĐ: 15 days after approval
        // Approved: locked.
        assertThat(ketoan.post("/finance/budgets/" + id, good).statusCode()).isEqualTo(409);
        assertThat(count("select count(*) from audit.audit_entry where action = 'BUDGET_APPROVED' and actor_name = 'xa'"
                        + " and target_id = '" + id + "'"))
                .isEqualTo(1);

        // Files, opened back.
        byte[] xlsx = ketoan.getBytes("/finance/budgets/" + id + "/xlsx").body();
        Map<String, BigDecimal> sheet = new LinkedHashMap<>();
        String title;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            title = rows.get(0).getCellText(0);
            for (Row r : rows) {
                if (r.getCellCount() > 2
                        && r.getCell(2) != null
                        && r.getCell(2).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                    sheet.put(r.getCellText(1), r.getCellAsNumber(2).orElseThrow());
                }
            }
        }
        assertThat(title).isEqualTo("DỰ TOÁN THU, CHI TÀI CHÍNH CÔNG ĐOÀN NĂM 2027");
        assertThat(sheet.get("Đoàn phí công đoàn (phần được giữ lại)")).isEqualByComparingTo("12000000");
        assertThat(sheet.get("Phụ cấp cán bộ công đoàn")).isEqualByComparingTo("6000000");
        assertThat(sheet.get("Tổng chi")).isEqualByComparingTo("10000000");

        String pdf = pdfText(ketoan.getBytes("/finance/budgets/" + id + "/pdf").body());
        assertThat(pdf)
                .contains("Mẫu B14-TLĐ")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("DỰ TOÁN THU, CHI TÀI CHÍNH CÔNG ĐOÀN NĂM 2027")
                .contains("12.000.000 đ");

        long disclosure = jdbc.sql("select id from finance.disclosure where budget_id = :b")
                .param("b", id)
                .query(Long.class)
                .single();
        String notice = pdfText(
                cs2.getBytes("/finance/disclosures/" + disclosure + "/pdf").body());
        assertThat(notice)
                .contains("THÔNG BÁO")
                .contains("Công khai dự toán thu, chi tài chính công đoàn năm 2027")
                .contains("Lai Châu, ngày 24 tháng 11 năm 2026")
                .contains("42/HD-TLĐ")
                .contains("12.000.000 đ")
                .contains("TM. BAN CHẤP HÀNH");

        // Publication: the unit's officer records it; the date may not lie in the future.
        HttpResponse<String> future = cs2.post(
                "/finance/disclosures/" + disclosure + "/publish",
                Map.of("version", "0", "publishedOn", "25/11/2026", "publishedWhere", "Bảng tin"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("Ngày công khai: không được sau ngày hôm nay.");
        assertThat(cs2.post(
                                "/finance/disclosures/" + disclosure + "/publish",
                                Map.of("version", "0", "publishedOn", "24/11/2026", "publishedWhere", "Bảng tin"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select published_on from finance.disclosure where id = :d")
                        .param("d", disclosure)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void aReturnedBudgetNeedsAReasonAndCanBeResubmitted() {
        WebUser ketoan = WebUser.login(port, "ketoan", FullApplicationTest.PASSWORD);
        HttpResponse<String> created = ketoan.post(
                "/finance/budgets", Map.of("unitId", String.valueOf(unitA), "year", "2026", "kind", "SETTLEMENT"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        // The settlement copied the approved 2026 estimate and read the year's actuals from the ledger.
        assertThat(count("select planned from finance.budget_line where line_code = 'R_DUES' and budget_id = " + id))
                .isPositive();
        assertThat(ketoan.post("/finance/budgets/" + id + "/submit", Map.of("version", "0"))
                        .statusCode())
                .isEqualTo(302);
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        HttpResponse<String> noReason =
                tinh.post("/finance/budgets/" + id + "/return", Map.of("version", "1", "reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Lý do trả lại: không được để trống.");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(tinh.post(
                                "/finance/budgets/" + id + "/return",
                                Map.of("version", "1", "reason", "Thiếu chứng từ chi tháng 10"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("RETURNED");
        assertThat(ketoan.get("/finance/budgets/" + id).body()).contains("Thiếu chứng từ chi tháng 10");
        assertThat(ketoan.post("/finance/budgets/" + id + "/submit", Map.of("version", "2"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void aDrivesDisclosuresFallDueFifteenDaysAfterCollectionAndThirtyAfterDistribution() {
        WebUser ketoan = WebUser.login(port, "ketoan", FullApplicationTest.PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("unitId", String.valueOf(unitA));
        form.put("name", "Quyên góp ủng hộ đoàn viên bị tai nạn lao động");
        form.put("collectionStartsOn", "01/10/2026");
        form.put("collectionEndsOn", "20/10/2026");
        form.put("distributionEndsOn", "10/11/2026");
        form.put("moneyReceived", "15.000.000");
        form.put("moneyDistributed", "16.000.000");
        HttpResponse<String> refused = ketoan.post("/finance/drives", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tiền đã phân phối: không được lớn hơn số đã tiếp nhận.");
        form.put("moneyDistributed", "15.000.000");
        HttpResponse<String> created = ketoan.post("/finance/drives", form);
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        Map<String, LocalDate> due = new LinkedHashMap<>();
        jdbc.sql("select kind, due_on from finance.disclosure where drive_id = :d")
                .param("d", id)
                .query((java.sql.ResultSet rs) -> {
                    due.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        assertThat(due)
                .containsEntry("DRIVE_COLLECTION", LocalDate.of(2026, 11, 4))
                .containsEntry("DRIVE_DISTRIBUTION", LocalDate.of(2026, 12, 10));
        // Overdue (collection totals due 04/11/2026): the commune union sees it below.
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        assertThat(xa.get("/finance/budgets").body()).contains("Số tiếp nhận: Quyên góp ủng hộ đoàn viên bị tai nạn");
        String pdf = pdfText(xa.getBytes("/finance/disclosures/" + disclosureOf(id, "DRIVE_DISTRIBUTION") + "/pdf")
                .body());
        assertThat(pdf).contains("Công khai kết quả phân phối cuộc vận động").contains("15.000.000 đ");
    }

    @Test
    void theInspectorSeesTheSubtreeReadOnlyAndEveryUnitViewIsLogged() {
        WebUser kiemtra = WebUser.login(port, "kiemtra", FullApplicationTest.PASSWORD);
        String overview = kiemtra.get("/finance/inspection?year=2025").body();
        assertThat(overview).contains("overdue-table").contains("inspection-units");
        long before = count("select count(*) from audit.audit_entry where action = 'FINANCE_INSPECTION_VIEW'"
                + " and actor_name = 'kiemtra' and target_id = '" + unitB + "'");
        HttpResponse<String> books = kiemtra.get("/finance/inspection/units/" + unitB + "?year=2025");
        assertThat(books.statusCode()).isEqualTo(200);
        assertThat(books.body()).contains("Quyết toán 2025").contains("ledger-totals");
        assertThat(count("select count(*) from audit.audit_entry where action = 'FINANCE_INSPECTION_VIEW'"
                        + " and actor_name = 'kiemtra' and target_id = '" + unitB + "'"))
                .isGreaterThan(before);
        // Read-only: no write is offered and none is accepted.
        long bSettlement = budgetOf(unitB, 2025, "SETTLEMENT");
        assertThat(kiemtra.get("/finance/budgets/" + bSettlement).body()).doesNotContain("save-budget");
        assertThat(kiemtra.post("/finance/budgets/" + bSettlement + "/submit", Map.of("version", "0"))
                        .statusCode())
                .isEqualTo(404);
        // Officers are not inspectors.
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        assertThat(xa.get("/finance/inspection").statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> lines(String dues, String allowance, String care) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("line.R_DUES", dues);
        m.put("line.S_ALLOWANCE", allowance);
        m.put("line.S_MEMBER_CARE", care);
        return m;
    }

    private static String pdfText(byte[] pdf) {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long disclosureOf(long drive, String kind) {
        return jdbc.sql("select id from finance.disclosure where drive_id = :d and kind = :k")
                .param("d", drive)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    private long budgetOf(long unit, int year, String kind) {
        return jdbc.sql("select id from finance.budget where org_unit_id = :u and year = :y and kind = :k")
                .param("u", unit)
                .param("y", year)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from finance.budget where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long home(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    @SuppressWarnings("unused")
    private static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
