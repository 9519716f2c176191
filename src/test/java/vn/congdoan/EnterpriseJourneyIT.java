package vn.congdoan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.shared.TaxCode;

/**
 * Enterprise journeys in real Chromium: registering with a wrong MST shows the reason and saves nothing, the fixed
 * code saves; the organising list is downloaded, opened back and compared with the page and the database.
 * Screenshots in {@code target/screenshots/}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterpriseJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("enterprise");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }

    private String freeTaxCode() {
        for (int n = 1; ; n++) {
            String base = "95" + "%07d".formatted(n);
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

    @Test
    void anOfficerRegistersAnEnterpriseAndAWrongTaxCodeIsExplained() {
        Page page = loggedIn("tinh");
        page.locator("nav a[href='/enterprises']").click();
        assertThat(page.locator("h1")).containsText("Doanh nghiệp");
        page.getByLabel(Pattern.compile("Tìm theo tên")).fill("thuy dien");
        page.locator("form[role=search] button[type=submit]").click();
        assertThat(page.locator("#results")).containsText("Thủy điện");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("10-enterprises-search.png")));

        page.locator("a[href='/enterprises/new']").click();
        String good = freeTaxCode();
        String wrong = good.substring(0, 9) + (char) ('0' + (good.charAt(9) - '0' + 1) % 10);
        page.getByLabel(Pattern.compile("^Mã số thuế")).fill(wrong);
        page.getByLabel(Pattern.compile("^Tên doanh nghiệp")).fill("Công ty TNHH Thủy điện Hành Trình Thử");
        page.getByLabel(Pattern.compile("^Loại hình sở hữu")).selectOption("FDI");
        page.getByLabel(Pattern.compile("^Ngành kinh tế")).selectOption("D");
        page.getByLabel(Pattern.compile("^Xã/phường")).selectOption("HC-LCU-X32");
        page.getByLabel(Pattern.compile("^Tổng số lao động")).fill("180");
        page.getByLabel(Pattern.compile("^Số lao động nữ")).fill("25");
        page.getByLabel(Pattern.compile("^Công đoàn quản lý")).fill("LCU");
        page.locator("main form button[type=submit]").click();

        assertThat(page.locator("#taxCode-error")).containsText("chữ số kiểm tra");
        assertThat(page.locator("#form-errors")).containsText("Mã số thuế “" + wrong + "” không hợp lệ");
        assertThat(page.locator("#taxCode")).hasAttribute("aria-invalid", "true");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("11-enterprise-bad-mst.png"))
                .setFullPage(true));
        assertThat(jdbc.sql(
                                "select count(*) from enterprises.enterprise where name = 'Công ty TNHH Thủy điện Hành Trình Thử'")
                        .query(Long.class)
                        .single())
                .isZero();

        page.getByLabel(Pattern.compile("^Mã số thuế")).fill(good);
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#flash-notice")).containsText("Đã thêm doanh nghiệp");
        assertThat(page.locator("h1")).hasText("Công ty TNHH Thủy điện Hành Trình Thử");
        assertThat(page.locator("main")).containsText("Chưa có CĐCS");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("12-enterprise-saved.png")));
        page.context().close();
    }

    @Test
    void theOrganisingListIsDownloadedOpenedBackAndMatchesThePage() throws Exception {
        Page page = loggedIn("tinh");
        page.navigate("http://localhost:" + port + "/enterprises/organising");
        assertThat(page.locator("h1")).hasText("Danh sách cần phát triển công đoàn cơ sở");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("13-organising-list.png")));
        List<String> shown =
                page.locator("main section table tbody tr td:first-child code").allTextContents();
        assertThat(shown).isNotEmpty();

        Download download =
                page.waitForDownload(() -> page.locator("#export-organising").click());
        Path file = SHOTS.resolve("13-organising-list.xlsx");
        download.saveAs(file);
        assertThat(download.suggestedFilename()).endsWith(".xlsx");

        List<String> exported = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0))
                    .isEqualTo("DANH SÁCH DOANH NGHIỆP TỪ 25 LAO ĐỘNG CHƯA CÓ CÔNG ĐOÀN CƠ SỞ");
            String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(rows.get(1).getCellText(0)).contains(today);
            assertThat(rows.get(2).getCellText(3)).isEqualTo("Tên doanh nghiệp");
            for (Row r : rows.subList(3, rows.size())) {
                exported.add(r.getCellText(2));
                int workers = r.getCellAsNumber(6).orElseThrow().intValue();
                assertThat(workers).as(r.getCellText(3)).isGreaterThanOrEqualTo(25);
                Long covering = jdbc.sql("""
                                select count(*) from enterprises.enterprise e
                                  join organisation.org_unit u on u.id = e.covering_unit_id
                                 where e.tax_code = :t and (u.valid_to is null or u.valid_to > :today)""")
                        .param("t", r.getCellText(2))
                        .param("today", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                        .query(Long.class)
                        .single();
                assertThat(covering).as(r.getCellText(2) + " has no open union").isZero();
                assertThat(jdbc.sql("select workers_total from enterprises.enterprise where tax_code = :t")
                                .param("t", r.getCellText(2))
                                .query(Integer.class)
                                .single())
                        .isEqualTo(workers);
            }
        }
        assertThat(exported)
                .as("the file lists the page's rows, in the page's order")
                .isEqualTo(shown);
        page.context().close();
    }
}
