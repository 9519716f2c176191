package vn.congdoan.organisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;

/** The tree browser and the restructuring wizard in real Chromium. Screenshots in {@code target/screenshots/}. */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestructuringJourneyIT {

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
        chromium = Chromium.start("restructuring");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page signedIn(String username) {
        return vn.congdoan.Chromium.signIn(browser, port, username);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    @Test
    void theFederationBrowsesTheTreeOf2024AndOfToday() {
        Page page = signedIn("tinh");
        page.navigate(url("/units/" + unit("LCU")));
        assertThat(page.locator("main")).containsText("Công đoàn phường Tân Phong");
        page.locator("input[name=asOf]").first().fill("2024-12-31");
        page.locator("input[name=asOf]").first().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*asOf=2024-12-31.*"));
        assertThat(page.locator("main")).containsText("Liên đoàn Lao động huyện Tam Đường");
        assertThat(page.locator("main")).containsText("31/12/2024");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("10-tree-2024.png")));

        // Children load on demand: open the first district federation's list of grassroots unions.
        page.locator("main [hx-get*='/children']").first().click();
        assertThat(page.locator("main")).containsText("Công đoàn cơ sở");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("11-tree-2024-expanded.png")));

        page.navigate(url("/units/" + unit("LCU-H02")));
        assertThat(page.locator("main")).containsText("104/QĐ-LĐLĐ");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("12-district-timeline.png")));
    }

    @Test
    void anOfficerMergesTwoGrassrootsUnionsAfterAPreview() {
        List<String> codes = jdbc.sql("""
                        select u.code from organisation.org_unit u join organisation.org_unit p on p.id = u.parent_id
                         where p.code = 'LCU-X05' and u.type_code = 'GRASSROOTS_UNION' and u.valid_to is null
                         order by u.code desc limit 2
                        """).query(String.class).list();
        long source = unit(codes.get(0));
        Page page = signedIn("tinh");
        page.navigate(url("/units/" + source + "/restructure?kind=MERGE"));
        page.locator("input[name=targetCode]").fill(codes.get(1));
        page.locator("input[name=effectiveOn]").fill("2026-11-24");
        page.locator("input[name=decisionNo]").fill("77/QĐ-CĐX");
        page.locator("input[name=decisionDate]").fill("2026-11-21");
        page.locator("input[name=decisionIssuer]").fill("Ban Thường vụ Công đoàn xã Than Uyên");
        page.locator("button[name=step][value=preview]").click();
        assertThat(page.locator("button[name=step][value=apply]")).isVisible();
        String targetName = jdbc.sql("select name from organisation.org_unit where code = :c")
                .param("c", codes.get(1))
                .query(String.class)
                .single();
        assertThat(page.locator("main")).containsText(targetName);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("13-merge-preview.png")));

        page.locator("button[name=step][value=apply]").click();
        assertThat(page).hasURL(Pattern.compile(".*/units/" + source + "$"));
        assertThat(page.locator("main")).containsText("77/QĐ-CĐX");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("14-merge-applied.png")));
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("select successor_id from organisation.org_unit where id = :id")
                                .param("id", source)
                                .query(Long.class)
                                .single())
                .isEqualTo(unit(codes.get(1)));
    }
}
