package vn.congdoan.finance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * Union fund journeys in real Chromium: the accountant of A records a KPCĐ payment for an enterprise of A and sees
 * the month paid and the ledger posting split 75/25; the province officer downloads the arrears list and finds the page's first row in it. Screenshots in
 * {@code target/screenshots/}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundJourneyIT {

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
        chromium = Chromium.start("fund");
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

    @Test
    void theAccountantRecordsAPaymentAndSeesTheSplit() {
        long a = jdbc.sql("select home_unit_id from identity.app_user where username = 'ketoan'")
                .query(Long.class)
                .single();
        long enterprise = jdbc.sql("""
                        select id from enterprises.enterprise where covering_unit_id = :a and demo order by id limit 1
                        """).param("a", a).query(Long.class).single();
        Page page = loggedIn("ketoan");
        page.navigate("http://localhost:" + port + "/finance/fund/enterprises/" + enterprise + "?year=2026");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("fund-accountant.png")));
        assertThat(page.locator("#fund-qr")).isVisible();
        // The VietQR image really loaded (a PNG with pixels, not a broken image).
        page.waitForFunction(
                "() => { const i = document.querySelector('#fund-qr'); return i.complete && i.naturalWidth > 100; }");
        page.locator("#pay-month").fill("09/2026");
        page.locator("#pay-amount").fill("1.000.000");
        page.locator("#pay-paidOn").fill("20/10/2026");
        page.locator("#pay-reference").fill("UNC 2026-09");
        page.locator("#fund-pay-submit").click();
        assertThat(page.locator("#flash-notice")).isVisible();
        assertThat(page.locator("#fund-month-2026-09")).containsText("1.000.000 đ");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("fund-payment.png"))
                .setFullPage(true));

        List<Object[]> entries = jdbc.sql("""
                        select e.account, e.amount from finance.fund_payment p
                          join finance.ledger_entry e on e.posting_id = p.posting_id
                         where p.enterprise_id = :e and p.period = date '2026-09-01' order by e.account
                        """)
                .param("e", enterprise)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                .list();
        // QĐ 1408/QĐ-TLĐ Art. 28: 75 % kept by the grassroots union, 25 % to the upper level.
        assertThat(entries).hasSize(2);
        assertThat((BigDecimal) entries.get(0)[1]).isEqualByComparingTo("750000");
        assertThat(entries.get(0)[0]).isEqualTo("SHARE_KEPT");
        assertThat((BigDecimal) entries.get(1)[1]).isEqualByComparingTo("250000");
    }

    @Test
    void theProvinceDownloadsTheArrearsList() throws Exception {
        Page page = loggedIn("tinh");
        page.navigate("http://localhost:" + port + "/finance/fund");
        assertThat(page.locator("#fund-arrears")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("fund-arrears.png")));
        String firstTaxCode = page.locator("#fund-arrears tbody tr")
                .first()
                .locator("td")
                .first()
                .innerText();
        Download download =
                page.waitForDownload(() -> page.locator("#fund-arrears-export").click());
        Path file = SHOTS.resolve("fund-arrears.xlsx");
        download.saveAs(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).contains("NỢ KINH PHÍ CÔNG ĐOÀN");
            assertThat(rows.get(3).getCellText(1)).isEqualTo(firstTaxCode.strip());
        }
        page.locator("#fund-arrears tbody tr").first().locator("a").click();
        assertThat(page.locator("#fund-owed")).containsText("tháng");
        page.waitForFunction(
                "() => { const i = document.querySelector('#fund-qr'); return i.complete && i.naturalWidth > 100; }");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("fund-enterprise.png"))
                .setFullPage(true));
    }
}
