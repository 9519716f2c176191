package vn.congdoan.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;

/**
 * The dashboard in real Chromium (issue 6 acceptance): {@code tinh} opens it from the navigation, every chart is drawn
 * (a canvas with pixels on it), the table under the charts adds up to the total shown at the top, a child's link opens
 * the child's dashboard whose total is the child's row, and the XLSX download holds the same numbers. Screenshot in
 * {@code target/screenshots/dashboard-province.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("dashboard");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theProvinceOfficerSeesChartsWhoseTablesAddUpAndDownloadsTheSameFigures() throws Exception {
        Page page = vn.congdoan.Chromium.signIn(browser, port, "tinh");

        page.locator("nav a[href='/dashboard']").first().click();
        assertThat(page.locator("h1")).hasText("Bảng điều khiển");
        assertThat(page.locator("#dashboard-unit")).containsText("Lai Châu");

        // Every chart is drawn: the canvases have a size and non-blank pixels.
        for (String chart : List.of("sex", "age", "ethnicity", "ownership", "growth", "types")) {
            Locator canvas = page.locator("#chart-" + chart);
            assertThat(canvas).isVisible();
            canvas.scrollIntoViewIfNeeded();
            page.waitForFunction(
                    "id => { const c = document.getElementById(id); if (!c || !c.width || !c.height) return false;"
                            + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }",
                    "chart-" + chart);
        }

        long total = number(page.locator("#kpi-total").textContent());
        assertThat(total).isGreaterThan(1000);
        // The table under the charts adds up to the total at the top, and each breakdown table too.
        long rows = 0;
        for (String v : page.locator("#table-rows tbody tr")
                .evaluateAll("rs => rs.map(r => r.dataset.members)")
                .toString()
                .replaceAll("[\\[\\] ]", "")
                .split(",")) {
            rows += Long.parseLong(v);
        }
        assertThat(rows).isEqualTo(total);
        assertThat(number(page.locator("#rows-total").textContent())).isEqualTo(total);
        for (String t : List.of("sex", "age", "ethnicity", "ownership")) {
            long sum = 0;
            for (String cell : page.locator("#table-" + t + " tbody td").allTextContents()) {
                sum += number(cell);
            }
            assertThat(sum).as(t).isEqualTo(total);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("dashboard-province.png"))
                .setFullPage(true));

        // The XLSX holds the same numbers.
        Download download =
                page.waitForDownload(() -> page.locator("#dashboard-xlsx").click());
        Path file = SHOTS.resolve("dashboard-province.xlsx");
        download.saveAs(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(file))) {
            List<Row> summary;
            List<Row> ages;
            try (Stream<Sheet> sheets = wb.getSheets()) {
                List<Sheet> all = sheets.toList();
                try (Stream<Row> r = all.get(0).openStream()) {
                    summary = r.toList();
                }
                try (Stream<Row> r = all.get(2).openStream()) {
                    ages = r.toList();
                }
            }
            assertThat(summary.get(3).getCellAsNumber(1).orElseThrow().longValue())
                    .isEqualTo(total);
            List<Long> fromPage = new ArrayList<>();
            for (String cell : page.locator("#table-age tbody td").allTextContents()) {
                fromPage.add(number(cell));
            }
            List<Long> fromFile = new ArrayList<>();
            for (int i = 1; i < ages.size(); i++) {
                fromFile.add(ages.get(i).getCellAsNumber(1).orElseThrow().longValue());
            }
            assertThat(fromFile).isEqualTo(fromPage);
        }

        // A child's link opens its own dashboard, whose total is the child's row.
        Locator first = page.locator("#table-rows tbody tr[data-kind=CHILD]").first();
        long childRow = Long.parseLong(first.getAttribute("data-members"));
        first.locator("a").click();
        assertThat(page.locator("h1")).hasText("Bảng điều khiển");
        assertThat(page.locator("#kpi-total")).isVisible();
        assertThat(number(page.locator("#kpi-total").textContent())).isEqualTo(childRow);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("dashboard-child.png"))
                .setFullPage(false));
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(".", "").replace(",", "").strip());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
