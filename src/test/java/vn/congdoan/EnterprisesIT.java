package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.shared.TaxCode;

/**
 * The enterprise register as officers use it, over real HTTP on the demo world: forms and the API refuse bad MSTs
 * with the reason, search ignores diacritics, scope hides other units' records, the organising list and its export
 * match a count made here from the raw tables, and an import is all-or-nothing.
 */
@FullApplicationTest
class EnterprisesIT {

    private static final Pattern ID_IN_LOCATION = Pattern.compile("/enterprises/(\\d+)$");
    private static int serial = 1000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    // ------------------------------------------------------------------------------------------------ fixtures

    private WebUser login(String username) {
        return WebUser.login(port, username, FullApplicationTest.PASSWORD);
    }

    /** A valid MST not yet registered (prefix 97: never used by the demo data). */
    private String aFreeTaxCode() {
        while (true) {
            String base = "97" + "%07d".formatted(serial++);
            int check = TaxCode.checkDigit(base);
            if (check >= 0
                    && count("select count(*) from enterprises.enterprise where tax_code = '" + base + check + "'")
                            == 0) {
                return base + check;
            }
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long unitOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private String codeOf(long unit) {
        return jdbc.sql("select code from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
    }

    private static Map<String, String> aForm(String taxCode, String name) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("taxCode", taxCode);
        f.put("name", name);
        f.put("ownershipCode", "FDI");
        f.put("sectorCode", "D");
        f.put("communeCode", "HC-LCU-X01");
        f.put("address", "Bản Nà Khum, xã Mường Kim");
        f.put("workersTotal", "120");
        f.put("workersFemale", "30");
        f.put("foundedOn", "2019-05-20");
        f.put("managingUnitCode", "LCU");
        f.put("coveringUnitCode", "");
        return f;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** Parent links of every unit, for the oracle's own subtree walk. */
    private Map<Long, Long> parents() {
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("select id, parent_id from organisation.org_unit").query((ResultSet rs) -> {
            long p = rs.getLong(2);
            parents.put(rs.getLong(1), rs.wasNull() ? null : p);
        });
        return parents;
    }

    private static boolean within(Long unit, long root, Map<Long, Long> parents) {
        Long u = unit;
        while (u != null) {
            if (u == root) {
                return true;
            }
            u = parents.get(u);
        }
        return false;
    }

    // --------------------------------------------------------------------------------------------------- pages

    @Test
    void theDemoWorldHasHundredsOfEnterprisesWithValidTaxCodesMostlySmall() {
        List<String> codes = jdbc.sql("select tax_code from enterprises.enterprise where demo")
                .query(String.class)
                .list();
        assertThat(codes.size()).isGreaterThan(300);
        assertThat(codes)
                .allSatisfy(c -> assertThat(TaxCode.check(c).valid()).as(c).isTrue());
        long small = count("select count(*) from enterprises.enterprise where demo and workers_total < 25"
                + " and covering_unit_id is null");
        long uncovered = count("select count(*) from enterprises.enterprise where demo and covering_unit_id is null");
        assertThat(small * 2).as("most enterprises without a union are small").isGreaterThan(uncovered);
        assertThat(count("select count(*) from enterprises.enterprise where demo and ownership_code = 'FDI'"
                        + " and sector_code = 'D' and workers_total >= 50"))
                .isPositive();
    }

    @Test
    void aBadTaxCodeOnTheFormIsRefusedWithItsReasonAndNothingIsSaved() {
        WebUser tinh = login("tinh");
        long before = count("select count(*) from enterprises.enterprise");
        Map<String, String> reasons = Map.of(
                "0100109107", "chữ số kiểm tra",
                "12345", "có 5 chữ số",
                "01001O9106", "chữ cái hoặc ký tự khác",
                "", "Vui lòng nhập mã số thuế");
        reasons.forEach((mst, reason) -> {
            HttpResponse<String> r = tinh.post("/enterprises", aForm(mst, "Công ty TNHH Thủy điện Kiểm Thử"));
            assertThat(r.statusCode()).as(mst).isEqualTo(200);
            assertThat(r.body()).as(mst).contains(reason, "taxCode-error", "is-invalid");
        });
        // Several wrong fields at once: every one is named.
        Map<String, String> many = aForm("0100109107", "");
        many.put("workersFemale", "500");
        many.put("foundedOn", "2099-01-01");
        HttpResponse<String> all = tinh.post("/enterprises", many);
        assertThat(all.body())
                .contains(
                        "chữ số kiểm tra",
                        "Vui lòng nhập tên doanh nghiệp",
                        "Số lao động nữ (500) không được lớn hơn tổng số lao động (120)",
                        "Ngày thành lập không được sau ngày hôm nay");
        assertThat(count("select count(*) from enterprises.enterprise")).isEqualTo(before);
    }

    @Test
    void aGoodEnterpriseIsSavedAsNfcTextAndShownEscaped() {
        WebUser tinh = login("tinh");
        String mst = aFreeTaxCode();
        String nfd = Normalizer.normalize("Công ty TNHH Thủy điện <b>Đồng Thử</b>", Normalizer.Form.NFD);
        Map<String, String> form = aForm(" " + mst.substring(0, 4) + " " + mst.substring(4) + " ", nfd);
        HttpResponse<String> r = tinh.post("/enterprises", form);
        assertThat(r.statusCode()).isEqualTo(302);
        Matcher m = ID_IN_LOCATION.matcher(r.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).isTrue();
        String stored = jdbc.sql("select name from enterprises.enterprise where tax_code = :t")
                .param("t", mst)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo("Công ty TNHH Thủy điện <b>Đồng Thử</b>");
        assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
        HttpResponse<String> page = tinh.get("/enterprises/" + m.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;b&gt;Đồng Thử&lt;/b&gt;", mst).doesNotContain("<b>Đồng Thử</b>");
        assertThat(count("select count(*) from audit.audit_entry where action = 'ENTERPRISE_CREATED'"
                        + " and target_id = '" + m.group(1) + "'"))
                .isEqualTo(1);
    }

    @Test
    void searchIgnoresDiacriticsAndFindsByTaxCodePrefix() {
        WebUser tinh = login("tinh");
        long expected = count("select count(*) from enterprises.enterprise e where"
                + " translate(lower(e.name), 'ủđệ', 'ude') like '%thuy dien%'");
        assertThat(expected).as("the demo data has hydropower companies").isPositive();
        HttpResponse<String> page = tinh.get("/enterprises?q=thuy+dien");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thủy điện", "Tìm thấy " + expected + " doanh nghiệp");
        HttpResponse<String> api =
                tinh.get("/api/v1/enterprises?q=" + URLEncoder.encode("THUY DIEN", StandardCharsets.UTF_8));
        assertThat(api.body()).contains("\"total\":" + expected);

        String someCode = jdbc.sql("select tax_code from enterprises.enterprise order by id limit 1")
                .query(String.class)
                .single();
        long prefixCount = count(
                "select count(*) from enterprises.enterprise where tax_code like '" + someCode.substring(0, 6) + "%'");
        assertThat(tinh.get("/api/v1/enterprises?q=" + someCode.substring(0, 6)).body())
                .contains("\"total\":" + prefixCount, someCode);
    }

    @Test
    void aGrassrootsOfficerSeesOnlyTheEnterprisesOfTheirUnion() {
        WebUser cs1 = login("cs1");
        long own = unitOf("cs1");
        Map<Long, Long> parents = parents();
        Map<Long, Boolean> visible = new HashMap<>();
        jdbc.sql("select id, managing_unit_id, covering_unit_id from enterprises.enterprise")
                .query((ResultSet rs) -> {
                    long c = rs.getLong(3);
                    Long covering = rs.wasNull() ? null : c;
                    visible.put(
                            rs.getLong(1),
                            within(rs.getLong(2), own, parents) || covering != null && within(covering, own, parents));
                });
        long outside = visible.entrySet().stream()
                .filter(e -> !e.getValue())
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(cs1.get("/enterprises/" + outside).statusCode()).isEqualTo(404);
        HttpResponse<String> api = cs1.get("/api/v1/enterprises/" + outside);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(cs1.get("/enterprises/" + outside + "/edit").statusCode()).isEqualTo(404);

        long mine = visible.values().stream().filter(v -> v).count();
        assertThat(mine).as("cs1's union covers its employer").isPositive();
        HttpResponse<String> list = cs1.get("/api/v1/enterprises");
        assertThat(list.body()).contains("\"total\":" + mine);
        Matcher ids = Pattern.compile("\"id\":(\\d+),\"taxCode\"").matcher(list.body());
        while (ids.find()) {
            assertThat(visible.get(Long.parseLong(ids.group(1))))
                    .as("row " + ids.group(1))
                    .isTrue();
        }
        // The unit page's fragment: own unit yes, the sibling's no.
        HttpResponse<String> fragment = cs1.get("/enterprises/covered-by/" + own);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("covered-enterprises").doesNotContain("<html", "app-sidebar");
        assertThat(cs1.get("/enterprises/covered-by/" + unitOf("cs2")).statusCode())
                .isEqualTo(404);
    }

    // ----------------------------------------------------------------------------------------------------- API

    @Test
    void theApiCreatesAndUpdatesWithProblemsNamingEachFieldAndRefusesAStaleVersion() {
        WebUser tinh = login("tinh");
        HttpResponse<String> bad = tinh.json("POST", "/api/v1/enterprises", """
                {"taxCode":"0100109107","name":"Công ty TNHH Xây dựng Thử API","ownershipCode":"DOMESTIC_PRIVATE",
                 "sectorCode":"Z","communeCode":"HC-LCU-P01","workersTotal":40,"workersFemale":41,
                 "managingUnitCode":"LCU"}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(bad.body())
                .contains("\"field\":\"taxCode\"", "chữ số kiểm tra")
                .contains("\"field\":\"sectorCode\"")
                .contains("\"field\":\"workersFemale\"");

        String mst = aFreeTaxCode();
        HttpResponse<String> created = tinh.json("POST", "/api/v1/enterprises", """
                {"taxCode":"%s","name":"Công ty TNHH Xây dựng Thử API","ownershipCode":"DOMESTIC_PRIVATE",
                 "sectorCode":"F","communeCode":"Tân Phong","workersTotal":40,"workersFemale":4,
                 "foundedOn":"2020-02-29","managingUnitCode":"LCU"}""".formatted(mst));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.body()).contains("\"communeCode\":\"HC-LCU-P01\"", "\"version\":0");

        String update = """
                {"taxCode":"%s","name":"Công ty TNHH Xây dựng Thử API","ownershipCode":"DOMESTIC_PRIVATE",
                 "sectorCode":"F","communeCode":"HC-LCU-P01","workersTotal":55,"workersFemale":4,
                 "foundedOn":"2020-02-29","managingUnitCode":"LCU","version":0}""".formatted(mst);
        HttpResponse<String> ok = tinh.json("PUT", location, update);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"workersTotal\":55", "\"version\":1");
        HttpResponse<String> stale = tinh.json("PUT", location, update.replace("55", "60"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("đã được người khác thay đổi");
        assertThat(count("select workers_total from enterprises.enterprise where tax_code = '" + mst + "'"))
                .isEqualTo(55);

        // Out of scope: cs1 cannot update it (404) and nothing changes.
        HttpResponse<String> foreign =
                login("cs1").json("PUT", location, update.replace("\"version\":0", "\"version\":1"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(count("select version from enterprises.enterprise where tax_code = '" + mst + "'"))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------- the organising list

    private record Expected(String commune, String taxCode, String name, int workers, LocalDate founded) {}

    /** The organising list counted here: ≥ 25 workers, no union open today, in the province's subtree. */
    private List<Expected> handCountedOrganisingList(long root) {
        Map<Long, Long> parents = parents();
        Set<Long> closed = new HashSet<>(
                jdbc.sql("select id from organisation.org_unit where valid_to is not null and valid_to <= :today")
                        .param("today", today())
                        .query(Long.class)
                        .list());
        List<Expected> out = new ArrayList<>();
        jdbc.sql("""
                        select a.name as commune_key, a.full_name, e.tax_code, e.name, e.workers_total, e.founded_on,
                               e.managing_unit_id, e.covering_unit_id
                          from enterprises.enterprise e
                          join enterprises.administrative_unit a on a.code = e.administrative_unit_code""").query((ResultSet rs) -> {
            long c = rs.getLong("covering_unit_id");
            Long covering = rs.wasNull() ? null : c;
            boolean inScope = within(rs.getLong("managing_unit_id"), root, parents)
                    || covering != null && within(covering, root, parents);
            boolean organised = covering != null && !closed.contains(covering);
            if (inScope && !organised && rs.getInt("workers_total") >= 25) {
                out.add(new Expected(
                        rs.getString("full_name"),
                        rs.getString("tax_code"),
                        rs.getString("name"),
                        rs.getInt("workers_total"),
                        rs.getObject("founded_on", LocalDate.class)));
            }
        });
        return out;
    }

    @Test
    void theOrganisingListMatchesAHandCountByCommune() {
        long province = jdbc.sql("select id from organisation.org_unit where code = 'LCU' and valid_to is null")
                .query(Long.class)
                .single();
        List<Expected> expected = handCountedOrganisingList(province);
        assertThat(expected.size()).as("many larger enterprises have no union").isGreaterThan(20);
        Map<String, Integer> byCommune = new TreeMap<>();
        expected.forEach(e -> byCommune.merge(e.commune(), 1, Integer::sum));

        HttpResponse<String> page = login("tinh").get("/enterprises/organising");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(expected.size() + " doanh nghiệp tại " + byCommune.size() + " xã/phường");
        Matcher groups = Pattern.compile(
                        "<span>([^<]+)</span>\\s*<span class=\"badge text-bg-primary\">(\\d+) doanh nghiệp")
                .matcher(page.body());
        Map<String, Integer> shown = new TreeMap<>();
        while (groups.find()) {
            shown.put(groups.group(1), Integer.parseInt(groups.group(2)));
        }
        assertThat(shown).isEqualTo(byCommune);
        for (Expected e : expected) {
            assertThat(page.body()).contains(e.taxCode());
        }
    }

    @Test
    void theOrganisingListExportOpensBackWithTheSameRows() throws IOException {
        long province = jdbc.sql("select id from organisation.org_unit where code = 'LCU' and valid_to is null")
                .query(Long.class)
                .single();
        HttpResponse<byte[]> file = login("tinh").getBytes("/enterprises/organising/export");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        List<Expected> expected = handCountedOrganisingList(province);
        Map<String, Expected> byTax = new HashMap<>();
        expected.forEach(e -> byTax.put(e.taxCode(), e));

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).contains("CHƯA CÓ CÔNG ĐOÀN CƠ SỞ");
            assertThat(rows.get(1).getCellText(0))
                    .contains(today().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(rows.get(2).getCellText(1)).isEqualTo("Xã/phường");
            assertThat(rows.get(2).getCellText(2)).isEqualTo("Mã số thuế");
            List<Row> data = rows.subList(3, rows.size());
            assertThat(data).hasSize(expected.size());
            String previousCommune = "";
            for (int i = 0; i < data.size(); i++) {
                Row r = data.get(i);
                assertThat(r.getCellAsNumber(0).orElseThrow().intValue()).isEqualTo(i + 1);
                Expected e = byTax.get(r.getCellText(2));
                assertThat(e)
                        .as("row " + (i + 4) + " is on the hand-counted list")
                        .isNotNull();
                assertThat(r.getCellText(1)).isEqualTo(e.commune());
                assertThat(r.getCellText(3)).isEqualTo(e.name());
                assertThat(r.getCellAsNumber(6).orElseThrow().intValue()).isEqualTo(e.workers());
                if (e.founded() != null) {
                    assertThat(r.getCellAsDate(8).orElseThrow().toLocalDate()).isEqualTo(e.founded());
                }
                if (!r.getCellText(1).equals(previousCommune)) {
                    previousCommune = r.getCellText(1);
                }
            }
        }
        assertThat(count("select count(*) from audit.audit_entry where action = 'ENTERPRISE_EXPORTED'"))
                .isPositive();
    }

    // ------------------------------------------------------------------------------------------------- import

    private static byte[] importFile(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Doanh nghiệp");
        String[] headers = {
            "Mã số thuế (*)", "Tên doanh nghiệp (*)", "Loại hình sở hữu (*)", "Ngành kinh tế (*)", "Xã/phường (*)",
            "Địa chỉ", "Tổng số lao động (*)", "Số lao động nữ (*)", "Ngày thành lập", "Công đoàn quản lý (*)",
            "Công đoàn cơ sở"
        };
        for (int c = 0; c < headers.length; c++) {
            ws.value(0, c, headers[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                if (row[c] instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (row[c] != null) {
                    ws.value(r + 1, c, String.valueOf(row[c]));
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void anImportWithOneBadRowIsRejectedWholeAndTheFixedFileApplies() throws IOException {
        WebUser tinh = login("tinh");
        String a = aFreeTaxCode();
        String b = aFreeTaxCode();
        String existing = jdbc.sql("select tax_code from enterprises.enterprise where demo and covering_unit_id is null"
                        + " order by id limit 1")
                .query(String.class)
                .single();
        int existingVersion =
                (int) count("select version from enterprises.enterprise where tax_code = '" + existing + "'");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {
            a,
            "Công ty TNHH Nhập Thử Một",
            "Doanh nghiệp ngoài nhà nước",
            "F",
            "Xã Mường Kim",
            "=HYPERLINK(\"x\")",
            30,
            3,
            "15/03/2018",
            "LCU",
            null
        });
        rows.add(new Object[] {
            "0100109107", "Công ty TNHH Nhập Thử Hai", "FDI", "D", "Mường Tè", null, 80, 10, null, "LCU", null
        });
        rows.add(new Object[] {
            b, "Hợp tác xã Nhập Thử Ba", "COOPERATIVE", "A", "HC-LCU-X05", null, 26, 13, null, "LCU", null
        });
        rows.add(new Object[] {
            existing, "Công ty TNHH Cập Nhật Thử", "DOMESTIC_PRIVATE", "G", "Tân Phong", null, 12, 5, null, "LCU", null
        });
        long before = count("select count(*) from enterprises.enterprise");

        HttpResponse<String> preview = tinh.postFile("/enterprises/import", "file", "nhap-thu.xlsx", importFile(rows));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("import-problems", ">3<", "A – Mã số thuế", "chữ số kiểm tra");
        assertThat(preview.body()).doesNotContain("commit-import");
        assertThat(count("select count(*) from enterprises.enterprise")).isEqualTo(before);

        rows.set(1, new Object[] {
            aFreeTaxCode(), "Công ty TNHH Nhập Thử Hai", "FDI", "D", "Mường Tè", null, 80, 10, null, "LCU", null
        });
        HttpResponse<String> fixed = tinh.postFile("/enterprises/import", "file", "nhap-thu.xlsx", importFile(rows));
        assertThat(fixed.body()).contains("commit-import", "4 dòng dữ liệu: 3 doanh nghiệp mới, 1 cập nhật, 0 lỗi");
        Matcher batch =
                Pattern.compile("name=\"batch\" value=\"([0-9a-f-]{36})\"").matcher(fixed.body());
        assertThat(batch.find()).isTrue();

        // Someone else cannot commit it.
        HttpResponse<String> other = login("xa").post("/enterprises/import/commit", Map.of("batch", batch.group(1)));
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from enterprises.enterprise")).isEqualTo(before);

        HttpResponse<String> commit = tinh.post("/enterprises/import/commit", Map.of("batch", batch.group(1)));
        assertThat(commit.statusCode()).isEqualTo(302);
        assertThat(tinh.get("/enterprises/import").body()).contains("3 doanh nghiệp mới, 1 doanh nghiệp được cập nhật");
        assertThat(count("select count(*) from enterprises.enterprise")).isEqualTo(before + 3);
        assertThat(jdbc.sql("select address from enterprises.enterprise where tax_code = :t")
                        .param("t", a)
                        .query(String.class)
                        .single())
                .as("a formula in a cell is kept as text")
                .isEqualTo("=HYPERLINK(\"x\")");
        assertThat(count("select version from enterprises.enterprise where tax_code = '" + existing + "'"))
                .isEqualTo(existingVersion + 1);
        assertThat(jdbc.sql("select founded_on from enterprises.enterprise where tax_code = :t")
                        .param("t", a)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2018, 3, 15));
    }

    @Test
    void hostileFilesAreRefusedWithAMessage() throws IOException {
        WebUser tinh = login("tinh");
        HttpResponse<String> notZip = tinh.postFile(
                "/enterprises/import", "file", "x.xlsx", "Mã số thuế;Tên\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notZip.body()).contains("không phải là tệp Excel (.xlsx) hợp lệ");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        HttpResponse<String> bombed = tinh.postFile("/enterprises/import", "file", "bomb.xlsx", bomb.toByteArray());
        assertThat(bombed.body()).contains("sau khi giải nén quá lớn");

        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 20_001; i++) {
            many.add(new Object[] {"0100109106", "Công ty " + i});
        }
        HttpResponse<String> tooMany = tinh.postFile("/enterprises/import", "file", "many.xlsx", importFile(many));
        assertThat(tooMany.body()).contains("quá nhiều dòng", "20.000");
    }
}
