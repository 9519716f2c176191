package vn.congdoan;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The real Chromium of the journey tests, started once per test class. Where none is installed the journeys are
 * skipped with a visible notice — unless {@code CONGDOAN_BROWSER_TESTS=required} (set by {@code .ci/run}), where the
 * missing browser fails the build instead.
 */
public final class Chromium implements AutoCloseable {

    /** The Debian package's binary; another one with {@code -Dcongdoan.chromium=…}. */
    public static final Path EXECUTABLE = Path.of(System.getProperty("congdoan.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts the browser, or aborts the calling class's tests (naming {@code journeys}) when there is none. */
    public static Chromium start(String journeys) {
        if (!Files.isExecutable(EXECUTABLE)) {
            String notice = "Chromium not found at " + EXECUTABLE + ": " + journeys
                    + " journeys SKIPPED (apt-get install chromium)";
            Prerequisite.missing("CONGDOAN_BROWSER_TESTS", notice);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /**
     * A fresh browser context (1366×768, downloads accepted) signed in as {@code username} with the test password.
     * Waits until the sign-in has left the login page: that page has a {@code main} element too, and a navigation
     * started before the login POST completes would cancel it. The first sign-in after start-up can be slow on a busy
     * 2-core machine (password hashing, warm-up), hence the long timeout.
     */
    public static Page signIn(Browser browser, int port, String username) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1366, 768)
                        .setAcceptDownloads(true))
                .newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel(Pattern.compile("Tên đăng nhập")).fill(username);
        page.getByLabel(Pattern.compile("Mật khẩu")).fill(FullApplicationTest.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(90_000));
        PlaywrightAssertions.assertThat(page.locator("main")).isVisible();
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
