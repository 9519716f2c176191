package vn.congdoan.directives;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;

/**
 * The document register in real Chromium (issue 6 acceptance): as {@code tinh}, draft a notice, issue it, see it
 * take the federation's next number of the year, and download its PDF, opened back and read. Screenshots in {@code
 * target/screenshots/documents-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("document");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewNoticeIsIssuedWithTheNextNumberAndItsPdfDownloads() throws Exception {
        long province = jdbc.sql("select id from organisation.org_unit where code = 'LCU'")
                .query(Long.class)
                .single();
        int last = jdbc.sql("""
                        select coalesce(max(last_number), 0) from directives.number_counter
                         where issuer_unit_id = :u and year = 2026 and type_key = ''
                        """).param("u", province).query(Integer.class).single();
        String expected = (last + 1 < 10 ? "0" : "") + (last + 1) + "/TB-LĐLĐ";

        Page page = loggedIn("tinh");
        page.locator("nav a[href='/documents']").click();
        assertThat(page.locator("h1")).hasText("Sổ văn bản");
        page.locator("#q").fill("108");
        page.locator("#document-filters button[type=submit]").click();
        assertThat(page.locator("#documents-table")).containsText("108/TB-LĐLĐ");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("documents-1-list.png"))
                .setFullPage(true));

        page.locator("#new-outgoing").click();
        assertThat(page.locator("h1")).hasText("Soạn văn bản đi");
        page.locator("#typeCode").selectOption("TB");
        // The summary is required: the form says so, names the field, and keeps what was typed.
        page.locator("#body").fill("Các công đoàn trực thuộc gửi báo cáo sơ kết trước ngày 05/12/2026.");
        page.locator("#save-document").click();
        assertThat(page.locator("#form-problems")).containsText("Trích yếu: không được để trống.");
        assertThat(page.locator("#summary")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#summary-error")).hasText("Trích yếu: không được để trống.");
        assertThat(page.locator("#body"))
                .hasValue("Các công đoàn trực thuộc gửi báo cáo sơ kết trước ngày 05/12/2026.");
        page.locator("#summary").fill("Lịch nộp báo cáo sơ kết công tác công đoàn năm 2026");
        page.locator("#signerName").fill("Lò Văn Khoa");
        page.locator("#recipient-choices input[type=checkbox]").first().check();
        page.locator("#otherRecipients").fill("Thường trực LĐLĐ tỉnh");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("documents-2-form.png"))
                .setFullPage(true));
        page.locator("#save-document").click();
        assertThat(page.locator("#document-number")).hasText("Dự thảo (chưa cấp số)");
        assertThat(page.locator("#document-status")).hasText("Dự thảo");

        page.locator("#issue-document").click();
        assertThat(page.locator("#issued-notice")).containsText("Đã phát hành văn bản số " + expected);
        assertThat(page.locator("#document-number")).hasText(expected);
        assertThat(page.locator("#document-date")).hasText("24/11/2026");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("documents-3-issued.png"))
                .setFullPage(true));

        Download download =
                page.waitForDownload(() -> page.locator("#download-pdf").click());
        assertThat(download.suggestedFilename())
                .isEqualTo(expected.replace("/", "-").replace("Đ", "D") + "-2026.pdf");
        Path file = SHOTS.resolve("documents-3-notice.pdf");
        download.saveAs(file);
        byte[] pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertThat(text)
                    .contains("Số: " + expected)
                    .contains("Lai Châu, ngày 24 tháng 11 năm 2026")
                    .contains("THÔNG BÁO")
                    .contains("Lịch nộp báo cáo sơ kết công tác công đoàn năm 2026")
                    .contains("TM. BAN THƯỜNG VỤ")
                    .contains("- Thường trực LĐLĐ tỉnh;");
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_entry where action in ('DOCUMENT_DRAFTED',"
                                + " 'DOCUMENT_ISSUED') and actor_name = 'tinh' and target_label in (:n, :d)")
                        .param("n", expected)
                        .param("d", "Dự thảo")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        page.context().close();
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }
}
