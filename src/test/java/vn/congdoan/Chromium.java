package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

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
            assertThat("required".equals(System.getenv("CONGDOAN_BROWSER_TESTS")))
                    .as(notice + " — but CONGDOAN_BROWSER_TESTS=required")
                    .isFalse();
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
