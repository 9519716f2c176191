package vn.congdoan.membership;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;

/**
 * The import journey in real Chromium, as cs1: a file with a bad row shows that row, its column and the reason, and
 * offers no commit; the fixed file shows its progress, then its totals, and the commit reports how many members were
 * admitted. Screenshots in {@code target/screenshots/import-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberImportJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("import");
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

    private Path file(String name, String... rows) throws Exception {
        Path f = dir.resolve(name);
        StringBuilder sb =
                new StringBuilder("\uFEFFHọ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày vào công đoàn,Công việc\r\n");
        for (String r : rows) {
            sb.append(r).append("\r\n");
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private void upload(Page page, Path file) {
        page.navigate("http://localhost:" + port + "/members/import");
        assertThat(page.locator("h1")).hasText("Nhập đoàn viên từ tệp");
        page.locator("#file").setInputFiles(file);
        page.locator("#upload-button").click();
        page.waitForURL(Pattern.compile(".*/members/import/\\d+$"));
    }

    @Test
    void aBadRowIsShownThenTheFixedFileIsCommitted() throws Exception {
        String a = MemberImportIT.cccd(1987, false, 501);
        String b = MemberImportIT.cccd(1993, true, 502);
        String wrongB = b.substring(0, 6) + "0" + b.substring(7); // still a valid-looking number for a 1993 woman
        Page page = loggedIn("cs1");

        upload(
                page,
                file(
                        "co-loi.csv",
                        "Sùng A Dơ,Nam,14/02/1987," + a + ",01/05/2010,Công nhân",
                        "Hầu Thị Mỷ,Nữ,31/02/1993," + wrongB + ",01/09/2014,Giáo viên"));
        Locator problems = page.locator("#import-problems");
        assertThat(problems).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        Locator row = problems.locator("tbody tr").first();
        assertThat(row.locator("td").nth(0)).hasText("3");
        assertThat(row.locator("td").nth(1)).containsText("Ngày sinh");
        assertThat(row.locator("td").nth(3)).containsText("31/02/1993");
        assertThat(page.locator("#import-rejected")).isVisible();
        assertThat(page.locator("#commit-import")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("import-1-errors.png"))
                .setFullPage(true));

        Path good = file(
                "da-sua.csv",
                "Sùng A Dơ,Nam,14/02/1987," + a + ",01/05/2010,Công nhân",
                "Hầu Thị Mỷ,Nữ,13/02/1993," + b + ",01/09/2014,Giáo viên");
        page.navigate("http://localhost:" + port + "/members/import");
        page.locator("#file").setInputFiles(good);
        page.locator("#upload-button").click();
        page.waitForURL(Pattern.compile(".*/members/import/\\d+$"));
        if (page.locator("#progress").count() > 0) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("import-2-progress.png")));
        }
        Locator commit = page.locator("#commit-import");
        assertThat(commit).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#count-insert")).hasText("2");
        assertThat(page.locator("#count-errors")).hasText("0");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("import-3-ready.png"))
                .setFullPage(true));
        commit.click();
        Locator done = page.locator("#import-done");
        assertThat(done).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(done).containsText("thêm mới 2 đoàn viên");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("import-4-done.png"))
                .setFullPage(true));

        assertThat(jdbc.sql("select count(*) from membership.member where cccd in (:a, :b) and status = 'ACTIVE'")
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        page.navigate("http://localhost:" + port + "/members/import");
        assertThat(page.locator("#recent-jobs")).containsText("da-sua.csv");
        assertThat(page.locator("#recent-jobs")).containsText("Đã nhập xong");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("import-5-list.png")));
    }
}
