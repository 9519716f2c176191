package vn.congdoan.finance;

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
 * Issue 7 acceptance in real Chromium: "budget submit → approve → disclosure PDF". The accountant of grassroots union
 * A (ketoan) prepares the 2027 estimate on the B14-TLĐ lines and submits it; the commune union's officer (xa) finds it
 * waiting, approves it, and downloads the public disclosure notice, opened back and read. Screenshots in {@code
 * target/screenshots/budget-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetJourneyIT {

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
        chromium = Chromium.start("budget");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anEstimateIsSubmittedApprovedByTheUpperLevelAndItsDisclosurePdfDownloads() throws Exception {
        String unitName = jdbc.sql("""
                        select u.name from organisation.org_unit u join identity.app_user a on a.home_unit_id = u.id
                         where a.username = 'ketoan'""").query(String.class).single();

        Page page = loggedIn("ketoan");
        page.navigate("http://localhost:" + port + "/finance/budgets");
        assertThat(page.locator("h1")).hasText("Dự toán và quyết toán");
        page.locator("#new-budget").click();
        page.locator("#unitId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(unitName));
        page.locator("#year").fill("2027");
        page.locator("#kind").selectOption("ESTIMATE");
        page.locator("#create-budget").click();
        assertThat(page.locator("#budget-title")).containsText("Dự toán 2027");
        assertThat(page.locator("#budget-status")).hasText("Đang lập");

        // A typo is refused with the field named, and nothing is saved.
        page.locator("[id='line.R_DUES']").fill("24.000.000");
        page.locator("[id='line.S_ALLOWANCE']").fill("9.600.000");
        page.locator("[id='line.S_MEMBER_CARE']").fill("10,8 triệu");
        page.locator("#save-budget").click();
        assertThat(page.locator("#form-problems")).containsText("không phải số tiền hợp lệ");
        assertThat(page.locator("[id='line.S_MEMBER_CARE']")).hasAttribute("aria-invalid", "true");
        page.locator("[id='line.S_MEMBER_CARE']").fill("10.800.000");
        page.locator("[id='line.S_ADMINISTRATION']").fill("2.400.000");
        page.locator("#save-budget").click();
        assertThat(page.locator("#budget-notice")).hasText("Đã lưu.");
        // 9,600,000 / 24,000,000 = 40 % ≤ 45 %; 10,800,000 = 45 % ≥ 40 %: within QĐ 4290/QĐ-TLĐ, no warning.
        assertThat(page.locator("#structure-warnings")).hasCount(0);
        assertThat(page.locator("#total-spending")).containsText("22.800.000 đ");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("budget-1-estimate.png"))
                .setFullPage(true));
        page.locator("#submit-budget").click();
        assertThat(page.locator("#budget-status")).hasText("Chờ cấp trên duyệt");
        // The unit cannot approve its own estimate: no decision form here.
        assertThat(page.locator("#approve-budget")).hasCount(0);
        String url = page.url();
        page.context().close();

        Page upper = loggedIn("xa");
        upper.navigate("http://localhost:" + port + "/finance/budgets?toDecide=true");
        upper.locator("#budgets-table a[href='" + url.substring(url.indexOf("/finance/budgets/")) + "']")
                .click();
        assertThat(upper.locator("#budget-title")).containsText(unitName);
        upper.locator("#approve-note").fill("Đồng ý với dự toán.");
        upper.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("budget-2-to-approve.png"))
                .setFullPage(true));
        upper.locator("#approve-budget").click();
        assertThat(upper.locator("#budget-status")).hasText("Đã duyệt");
        assertThat(upper.locator("#budget-decided")).containsText("24/11/2026");
        assertThat(upper.locator("#budget-notice")).containsText("15 ngày");
        upper.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("budget-3-approved.png"))
                .setFullPage(true));

        Download download = upper.waitForDownload(
                () -> upper.locator("#download-disclosure").click());
        assertThat(download.suggestedFilename())
                .startsWith("cong-khai-du-toan-2027-")
                .endsWith(".pdf");
        Path file = SHOTS.resolve("budget-3-disclosure.pdf");
        download.saveAs(file);
        byte[] pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertThat(text)
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("THÔNG BÁO")
                    .contains("Công khai dự toán thu, chi tài chính công đoàn năm 2027")
                    .contains("Lai Châu, ngày 24 tháng 11 năm 2026")
                    .contains("24.000.000 đ")
                    .contains("22.800.000 đ")
                    .contains("TM. BAN CHẤP HÀNH");
        }
        // The disclosure is now a task due 15 days after approval (HD 42/HD-TLĐ), listed with its deadline.
        upper.navigate("http://localhost:" + port + "/finance/disclosures");
        assertThat(upper.locator("#disclosures-table")).containsText("09/12/2026");
        upper.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("budget-4-disclosures.png"))
                .setFullPage(true));
        upper.context().close();
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }
}
