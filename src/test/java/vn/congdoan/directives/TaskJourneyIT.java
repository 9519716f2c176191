package vn.congdoan.directives;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
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
 * The task report in real Chromium (issue 6 acceptance): the commune officer {@code xa} sees the tasks given to the
 * commune union, cascades one to two grassroots unions, is told why a percent of 150 is refused, reports 60 % with a
 * picture attached; then the federation officer {@code tinh} sees 60 % in that cell of 108/TB-LĐLĐ's matrix, the
 * overdue cells in red, and — filtered to the commune — the two grassroots unions. Screenshots in {@code
 * target/screenshots/tasks-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskJourneyIT {

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
        chromium = Chromium.start("task");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCommuneOfficerCascadesAndReportsAndTheFederationsMatrixShowsTheNewPercent() throws Exception {
        long doc = jdbc.sql("select id from directives.document where number_text = '108/TB-LĐLĐ'")
                .query(Long.class)
                .single();
        long commune = unit("LCU-X01");
        long cs1 = homeOf("cs1");
        long cs2 = homeOf("cs2");
        long assignment = jdbc.sql("""
                        select a.id from directives.task_assignment a join directives.task t on t.id = a.task_id
                         where t.document_id = :d and t.seq = 2 and a.unit_id = :u""")
                .param("d", doc)
                .param("u", commune)
                .query(Long.class)
                .single();

        Page xa = loggedIn("xa");
        xa.locator("nav a[href='/tasks']").click();
        assertThat(xa.locator("h1")).hasText("Nhiệm vụ được giao");
        assertThat(xa.locator("#task-table")).containsText("108/TB-LĐLĐ");
        assertThat(xa.locator("#task-table")).containsText("Công đoàn phường Tân Phong");
        assertThat(xa.locator("#task-table tr.table-danger").first()).containsText("Quá hạn");
        shot(xa, "tasks-1-list-xa.png");

        xa.locator("#task-table a[href='/tasks/assignments/" + assignment + "']")
                .click();
        assertThat(xa.locator("h1")).containsText("Tuyên truyền");
        assertThat(xa.locator("#sub-assignments")).hasCount(0);
        xa.locator("#unit-" + cs1).check();
        xa.locator("#unit-" + cs2).check();
        xa.getByLabel(Pattern.compile("^Hạn hoàn thành")).fill("15/09/2025");
        xa.locator("#send-cascade").click();
        assertThat(xa.locator("#flash-notice")).containsText("Đã giao tiếp nhiệm vụ");
        assertThat(xa.locator("#sub-assignments tbody tr")).hasCount(2);
        assertThat(xa.locator("#sub-assignments")).containsText("15/09/2025");

        // A percent out of range is explained; what was typed stays.
        xa.getByLabel("Nội dung báo cáo").fill("Đã tổ chức 3 buổi tuyên truyền tại các khu dân cư.");
        xa.getByLabel("Tỷ lệ hoàn thành (%)").fill("150");
        xa.locator("#send-report").click();
        assertThat(xa.locator("#task-errors")).containsText("Tỷ lệ hoàn thành 150 phải từ 0 đến 100");
        assertThat(xa.locator("#report-text")).hasValue("Đã tổ chức 3 buổi tuyên truyền tại các khu dân cư.");
        shot(xa, "tasks-2-refused.png");

        xa.getByLabel("Tỷ lệ hoàn thành (%)").fill("60");
        xa.locator("#report-files").setInputFiles(new FilePayload("hoi-nghi.png", "image/png", TaskCascadeIT.png()));
        xa.locator("#send-report").click();
        assertThat(xa.locator("#flash-notice")).containsText("Đã ghi nhận báo cáo tiến độ");
        assertThat(xa.locator("#task-percent")).hasText("60%");
        assertThat(xa.locator("#task-status")).hasText("Đang thực hiện");
        assertThat(xa.locator("#report-history li").first()).containsText("Đã tổ chức 3 buổi tuyên truyền");
        assertThat(xa.locator("#report-history a")).containsText("hoi-nghi.png");
        shot(xa, "tasks-3-reported.png");
        xa.context().close();

        Page tinh = loggedIn("tinh");
        tinh.navigate(url("/tasks/documents/" + doc));
        assertThat(tinh.locator("h1")).hasText("Bảng theo dõi thực hiện nhiệm vụ");
        assertThat(tinh.locator("#task-matrix thead th")).hasCount(1 + 9 + 2);
        assertThat(tinh.locator("#task-matrix tr[data-unit='LCU-X01'] td[data-task='2']"))
                .containsText("60%");
        assertThat(tinh.locator("#task-matrix tr[data-unit='LCU-X01'] td[data-task='2'] sup"))
                .hasText("2");
        assertThat(tinh.locator("#task-matrix td.overdue").first()).isVisible();
        int overdue =
                Integer.parseInt(tinh.locator("#overdue-cells").textContent().strip());
        assertThat(overdue)
                .isEqualTo(tinh.locator("#task-matrix td.overdue").count())
                .isPositive();
        assertThat(tinh.locator("#not-reported li").first()).isVisible();
        shot(tinh, "tasks-4-matrix.png");

        tinh.getByLabel(Pattern.compile("^Lọc theo đơn vị")).selectOption(String.valueOf(commune));
        tinh.locator("#matrix-filter button[type=submit]").click();
        assertThat(tinh.locator("#task-matrix tbody tr")).hasCount(3);
        assertThat(tinh.locator("#task-matrix")).containsText(name(cs1));
        assertThat(tinh.locator("#task-matrix")).containsText(name(cs2));
        shot(tinh, "tasks-5-matrix-commune.png");
        tinh.locator("#task-matrix tr[data-unit='LCU-X01'] td[data-task='2'] a").click();
        assertThat(tinh.locator("#task-percent")).hasText("60%");
        assertThat(tinh.locator("#send-report")).isVisible();
        tinh.context().close();
    }

    @Test
    void theFederationAddsATaskForEveryCommuneUnionAndIsToldWhatIsMissing() {
        long province = unit("LCU");
        long doc = jdbc.sql("""
                        insert into directives.document (unit_id, direction, type_code, summary, status, doc_date)
                        values (:u, 'OUTGOING', 'KH', 'Kế hoạch kiểm tra tài chính năm 2027', 'DRAFT',
                            date '2026-11-20') returning id""").param("u", province).query(Long.class).single();
        long communes = jdbc.sql("""
                        select count(*) from organisation.org_unit
                         where type_code = 'COMMUNE_UNION' and valid_to is null""").query(Long.class).single();
        Page tinh = loggedIn("tinh");
        tinh.navigate(url("/tasks/documents/" + doc));
        assertThat(tinh.locator("h1")).hasText("Bảng theo dõi thực hiện nhiệm vụ");
        assertThat(tinh.locator("#task-matrix")).hasCount(0);
        tinh.locator("a[href='/tasks/documents/" + doc + "/new']").click();
        assertThat(tinh.locator("h1")).hasText("Thêm nhiệm vụ cho văn bản");
        tinh.locator("#save-task").click();
        assertThat(tinh.locator("#task-errors")).containsText("Vui lòng nhập tên nhiệm vụ");
        assertThat(tinh.locator("#task-errors")).containsText("Vui lòng nhập hạn hoàn thành");
        assertThat(tinh.locator("#task-errors")).containsText("Vui lòng chọn ít nhất một đơn vị");
        shot(tinh, "tasks-6-new-refused.png");
        tinh.getByLabel("Tên nhiệm vụ").fill("Tự kiểm tra tài chính công đoàn cơ sở");
        tinh.getByLabel(Pattern.compile("^Hạn hoàn thành")).fill("30/06/2027");
        tinh.getByLabel("Bộ phận hoặc cán bộ chủ trì").fill("Ủy ban Kiểm tra");
        tinh.getByLabel(Pattern.compile("^Hoặc giao cho mọi đơn vị")).selectOption("COMMUNE_UNION");
        tinh.locator("#save-task").click();
        assertThat(tinh.locator("#flash-notice")).containsText("Đã thêm nhiệm vụ");
        assertThat(tinh.locator("#task-matrix tbody tr")).hasCount((int) communes);
        assertThat(tinh.locator("#task-matrix td.overdue")).hasCount(0);
        assertThat(tinh.locator("#matrix-document"))
                .hasText("Văn bản (dự thảo, chưa có số) · Kế hoạch kiểm tra tài chính năm 2027");
        assertThat(tinh.locator("#not-reported li")).hasCount((int) communes);
        shot(tinh, "tasks-7-new-matrix.png");
        tinh.context().close();
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

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long homeOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private String name(long unit) {
        return jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
    }
}
