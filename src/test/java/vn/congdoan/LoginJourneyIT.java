package vn.congdoan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first journeys in real Chromium: log in, see the province, open a unit, log out; a wrong password. Skipped
 * with a notice where no Chromium is installed, except when {@code CONGDOAN_BROWSER_TESTS=required} (CI).
 * Screenshots land in {@code target/screenshots/}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("browser");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        return context.newPage();
    }

    private void logIn(Page page, String username, String password) {
        page.navigate("http://localhost:" + port + "/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.getByLabel(java.util.regex.Pattern.compile("Tên đăng nhập")).fill(username);
        page.getByLabel(java.util.regex.Pattern.compile("Mật khẩu")).fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
    }

    @Test
    void officerLogsInSeesTheProvinceOpensAUnitAndLogsOut() {
        Page page = newPage(1366, 768);
        logIn(page, "tinh", FullApplicationTest.PASSWORD);
        assertThat(page.locator("main")).containsText("Liên đoàn Lao động tỉnh Lai Châu");
        assertThat(page.locator("main")).containsText("Công đoàn cơ sở");
        assertThat(page.locator("header, nav").first()).containsText("Lường Văn Tiến");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("01-home-tinh.png"))
                .setFullPage(true));

        page.locator("main a[href^='/units/']").first().click();
        assertThat(page.locator("main table").first()).isVisible();
        assertThat(page.locator("main")).containsText("Công đoàn xã");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("02-unit-province.png")));

        page.locator("form[action='/logout'] button").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?logout$"));
        assertThat(page.locator("body")).containsText("Bạn đã đăng xuất");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("03-logged-out.png")));
        page.context().close();
    }

    @Test
    void aWrongPasswordShowsTheVietnameseMessage() {
        Page page = newPage(1366, 768);
        logIn(page, "xa", "khong-dung-mat-khau");
        assertThat(page.locator("[role=alert]").first()).containsText("Tên đăng nhập hoặc mật khẩu không đúng");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("04-wrong-password.png")));
        page.context().close();
    }

    @Test
    void theHomePageWorksAtPhoneWidth() {
        Page page = newPage(390, 844);
        logIn(page, "cs1", FullApplicationTest.PASSWORD);
        assertThat(page.locator("main")).containsText("Công đoàn cơ sở");
        // Wait for the styles and fonts (a loaded 2-core CI machine applies them late), then check the settled layout.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.evaluate("() => document.fonts.ready");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Object wide = page.evaluate("() => Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName + '.' + e.className).slice(0, 10).join(', ')");
        assertThat(overflow)
                .as("no horizontal scrolling at phone width; too wide: %s", wide)
                .isEqualTo(false);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("05-home-phone.png"))
                .setFullPage(true));
        page.context().close();
    }
}
