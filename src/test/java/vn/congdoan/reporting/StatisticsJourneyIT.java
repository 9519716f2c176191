package vn.congdoan.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The six-month report in real Chromium (issue 6 acceptance): a grassroots officer fills and submits it, the commune
 * union returns it with a comment, the unit corrects and submits again, the commune union accepts it and it is
 * locked. Screenshots in {@code target/screenshots/statistics-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsJourneyIT {

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
        chromium = Chromium.start("statistics");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sixMonthReportIsSubmittedReturnedResubmittedAndAccepted() {
        String unitName = jdbc.sql("""
                        select u.name from organisation.org_unit u
                          join identity.app_user a on a.home_unit_id = u.id where a.username = 'cs1'
                        """).query(String.class).single();

        // The grassroots officer opens the six-month report of 2026 and fills it.
        Page cs1 = loggedIn("cs1");
        cs1.locator("nav a[href='/reports']").click();
        assertThat(cs1.locator("h1")).hasText("Báo cáo thống kê định kỳ");
        cs1.navigate(url("/reports?template=SO_KET_6_THANG&year=2026"));
        cs1.getByText("Mở báo cáo của đơn vị cho kỳ này").click();
        assertThat(cs1.locator("h1")).hasText("Báo cáo thống kê sơ kết 6 tháng 2026");
        assertThat(cs1.locator("#status")).hasText("Đang soạn");
        assertThat(cs1.locator("main")).containsText(unitName);
        assertThat(cs1.locator("main")).containsText("01/01/2026 – 30/06/2026");
        // Computed figures are shown, not editable.
        assertThat(cs1.locator("#row-MEMBERS_TOTAL input")).hasCount(0);
        assertThat(cs1.locator("#row-MEMBERS_TOTAL")).containsText("Tính từ sổ");
        cs1.getByLabel("Thỏa ước lao động tập thể ký mới").fill("1");
        cs1.getByLabel("Đối thoại định kỳ tại nơi làm việc").fill("hai");
        cs1.getByLabel("Ngừng việc tập thể").fill("0");
        cs1.getByText("Gửi báo cáo").click();
        assertThat(cs1.locator("#problems")).containsText("Đối thoại định kỳ tại nơi làm việc");
        shot(cs1, "statistics-1-refused.png");
        cs1.getByLabel("Đối thoại định kỳ tại nơi làm việc").fill("2");
        cs1.getByText("Gửi báo cáo").click();
        assertThat(cs1.locator("#status")).hasText("Đã gửi");
        assertThat(cs1.locator("#values-form input[name^='v_']")).hasCount(0);
        String reportPath = cs1.url().substring(cs1.url().indexOf("/reports/"));
        shot(cs1, "statistics-2-submitted.png");

        // The commune union sees it among its grassroots unions and returns it with a comment.
        Page xa = loggedIn("xa");
        xa.navigate(url("/reports?template=SO_KET_6_THANG&year=2026"));
        assertThat(xa.locator("#children")).containsText(unitName);
        xa.locator("#children tr", new Page.LocatorOptions().setHasText(unitName))
                .getByText("Xem báo cáo")
                .click();
        assertThat(xa.locator("#status")).hasText("Đã gửi");
        xa.getByText("Trả lại", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(xa.locator("#problems")).containsText("phải ghi lý do");
        xa.getByLabel(Pattern.compile("^Nhận xét")).fill("Số cuộc đối thoại chưa khớp biên bản, đề nghị kiểm tra lại.");
        xa.getByText("Trả lại", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(xa.locator("#status")).hasText("Bị trả lại");
        shot(xa, "statistics-3-returned.png");

        // The unit sees the comment, corrects and submits again.
        cs1.navigate(url(reportPath));
        assertThat(cs1.locator("#returned")).containsText("Số cuộc đối thoại chưa khớp biên bản");
        cs1.getByLabel("Đối thoại định kỳ tại nơi làm việc").fill("3");
        cs1.getByText("Gửi báo cáo").click();
        assertThat(cs1.locator("#status")).hasText("Đã gửi");

        // The commune union accepts it; it is locked for both.
        xa.navigate(url(reportPath));
        xa.getByText("Duyệt", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(xa.locator("#status")).hasText("Đã duyệt");
        assertThat(xa.locator("main")).containsText("đã được duyệt và khóa");
        assertThat(xa.locator("#row-DIALOGUES")).containsText("3");
        assertThat(xa.locator("#history")).containsText("Trả lại");
        shot(xa, "statistics-4-accepted.png");
        cs1.navigate(url(reportPath));
        assertThat(cs1.locator("#status")).hasText("Đã duyệt");
        assertThat(cs1.locator("#values-form input[name^='v_']")).hasCount(0);
        assertThat(cs1.locator("button[value='submit']")).hasCount(0);
        assertThat(jdbc.sql("""
                                select v.value from reporting.report_value v
                                  join reporting.statistics_report r on r.id = v.report_id
                                 where r.id = :id and v.indicator_code = 'DIALOGUES' and r.status = 'ACCEPTED'
                                """)
                        .param("id", Long.parseLong(reportPath.substring("/reports/".length())))
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    @Test
    void theCommuneSeesWhoHasNotSubmittedAndTheProvinceItsTargets() {
        Page xa = loggedIn("xa");
        xa.navigate(url("/reports?template=SO_KET_6_THANG&year=2025"));
        assertThat(xa.locator("#children")).containsText("Đã duyệt");
        assertThat(xa.locator("#children")).containsText("Bị trả lại");
        assertThat(xa.locator("#children")).containsText("Chưa lập");
        assertThat(xa.locator("#rollup")).containsText("Tổng số đoàn viên");
        shot(xa, "statistics-5-overview.png");
        Page tinh = loggedIn("tinh");
        tinh.locator("nav a[href='/reports']").click();
        tinh.getByText("Chỉ tiêu năm", new Page.GetByTextOptions().setExact(false))
                .first()
                .click();
        tinh.navigate(url("/targets?year=2025"));
        assertThat(tinh.locator("#own-score")).hasText("Đạt 10/11 chỉ tiêu");
        assertThat(tinh.locator("#rollup-score")).containsText("Đạt ");
        shot(tinh, "statistics-6-targets.png");
    }

    private void shot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    private Page loggedIn(String username) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1366, 768)
                        .setAcceptDownloads(true))
                .newPage();
        page.navigate(url("/login"));
        page.getByLabel(Pattern.compile("Tên đăng nhập")).fill(username);
        page.getByLabel(Pattern.compile("Mật khẩu")).fill(FullApplicationTest.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        // Signed in once the layout shows the navigation (the login page has none).
        // The first page after signing in is the dashboard: give it time on a loaded machine.
        assertThat(page.locator("nav a[href='/reports']"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(30_000));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
