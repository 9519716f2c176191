package vn.congdoan.finance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Money;

/**
 * The finance core in real Chromium: the accountant of A opens the finance hub, computes July 2025 dues on
 * 60,000,000 (capped at 234,000 by QĐ 61/QĐ-TLĐ), opens the unit's ledger, sees a 50,000 dues payment split 35,000
 * / 15,000, reverses it with a reason; the admin reads the rules and is told why a version dated mid-month is refused.
 * Screenshots in {@code target/screenshots/finance-core-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceCoreJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Ledger ledger;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("finance-core");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAccountantComputesDuesReadsTheSplitAndReversesAPosting() {
        AccessScope scope = accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = 'ketoan'")
                .query(Long.class)
                .single());
        Ledger.PostingView p = ledger.receive(
                new Ledger.Receipt(
                        "journey-core-1",
                        scope.homeUnitId(),
                        FeeRules.DUES,
                        Money.of(50_000),
                        LocalDate.of(2025, 7, 25),
                        YearMonth.of(2025, 7),
                        "Đoàn phí tháng 07/2025 — Nguyễn Thị Hành",
                        null,
                        null),
                scope,
                scope.actor("127.0.0.1"));

        Page page = loggedIn("ketoan");
        page.locator("nav a[href='/finance']").click();
        assertThat(page.locator("h1")).hasText("Tài chính công đoàn");
        shot(page, "finance-core-1-hub.png");

        page.locator("a[href='/finance/calculator']").first().click();
        page.locator("#memberGroup").selectOption("NON_STATE");
        page.locator("#salary").fill("60.000.000");
        page.locator("#month").fill("07/2025");
        page.locator("#calculate").click();
        assertThat(page.locator("#quote-amount")).hasText("234.000 đ");
        assertThat(page.locator("#quote-rule")).containsText("QĐ 61/QĐ-TLĐ");
        assertThat(page.locator("#quote-split")).containsText("163.800 đ");
        shot(page, "finance-core-2-calculator.png");

        page.navigate(url("/finance"));
        page.locator("a.ledger-link").first().click();
        assertThat(page.locator("h1")).containsText("Sổ thu chi");
        page.locator("#from").fill("25/07/2025");
        page.locator("#to").fill("25/07/2025");
        page.locator("#ledger-filters button[type=submit]").click();
        var row = page.locator("#ledger-table tr[data-posting='" + p.id() + "']");
        assertThat(row).containsText("50.000 đ");
        assertThat(row).containsText("35.000 đ");
        assertThat(row).containsText("15.000 đ");
        shot(page, "finance-core-3-ledger.png");

        row.locator("a.posting-link").click();
        page.locator("#reverse").click();
        assertThat(page.locator("#reverse-errors")).containsText("Lý do: bắt buộc");
        page.locator("#reason").fill("Thu nhầm tháng");
        page.locator("#reverse").click();
        assertThat(page.locator("#flash-notice")).containsText("Đã ghi bút toán đảo");
        assertThat(page.locator("#posting-amount")).hasText("-50.000 đ");
        assertThat(page.locator("#posting-reason")).hasText("Thu nhầm tháng");
        shot(page, "finance-core-4-reversal.png");
        page.context().close();
    }

    @Test
    void theAdminReadsTheRulesAndAMidMonthVersionIsRefused() {
        Page page = loggedIn("admin");
        page.navigate(url("/finance/rules"));
        assertThat(page.locator("table[data-table='dues_rule']")).containsText("QĐ 61/QĐ-TLĐ");
        assertThat(page.locator("table[data-table='base_salary']")).containsText("2.340.000 đ");
        shot(page, "finance-core-5-rules.png");
        page.locator("#add-rule").click();
        page.locator("#table").selectOption("base_salary");
        page.locator("#amount").fill("2.600.000");
        page.locator("#validFrom").fill("15/01/2097");
        page.locator("#documentNo").fill("Nghị định thử");
        page.locator("#save-rule").click();
        assertThat(page.locator("#rule-errors")).containsText("ngày đầu tháng");
        shot(page, "finance-core-6-rule-refused.png");
        page.context().close();
    }

    private void shot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }
}
