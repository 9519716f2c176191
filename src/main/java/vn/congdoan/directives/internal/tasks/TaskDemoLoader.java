package vn.congdoan.directives.internal.tasks;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.directives.TaskDemo;
import vn.congdoan.shared.Dates;

/**
 * The demo's tasks: the nine key tasks of Thông báo 108/TB-LĐLĐ (14/10/2024), summarised in our own words (DOMAIN.md
 * §12 — the notice's paragraphs are not reproduced), given to the province's child units with 2025 due dates.
 * Deterministic (fixed seed). Written in SQL like other bulk demo loads; the facade's rules (due dates not after the
 * parent's, sub-units strictly below) hold by construction.
 */
@Service
class TaskDemoLoader implements TaskDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskDemoLoader.class);

    static final String NUMBER = "108/TB-LĐLĐ";
    static final String PROVINCE = "LCU";
    static final String COMMUNE = "LCU-X01";

    record DemoTask(String title, String description, LocalDate due, String owner) {}

    static final List<DemoTask> TASKS = List.of(
            new DemoTask(
                    "Quán triệt nghị quyết đại hội Đảng bộ tỉnh, đổi mới hoạt động công đoàn",
                    "Tổ chức học tập, quán triệt nghị quyết và chương trình đổi mới tổ chức, hoạt động công đoàn;"
                            + " gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                    LocalDate.of(2025, 12, 31),
                    "Ban Tuyên giáo"),
            new DemoTask(
                    "Tuyên truyền các ngày lễ lớn và sự kiện kỷ niệm năm 2025",
                    "Xây dựng kế hoạch tuyên truyền, vận động đoàn viên tham gia các hoạt động kỷ niệm trong năm.",
                    LocalDate.of(2025, 9, 30),
                    "Ban Tuyên giáo"),
            new DemoTask(
                    "Phổ biến Luật Công đoàn sửa đổi, góp ý dự thảo luật liên quan người lao động",
                    "Tổ chức phổ biến luật mới cho cán bộ, đoàn viên; tổng hợp ý kiến góp ý gửi cấp trên.",
                    LocalDate.of(2025, 11, 30),
                    "Ban Chính sách – Pháp luật"),
            new DemoTask(
                    "Chăm lo Tết Sum vầy, Tháng Công nhân và Tết cho đoàn viên",
                    "Bố trí nguồn lực cho các hoạt động chăm lo lớn trong năm; báo cáo số người được hỗ trợ.",
                    LocalDate.of(2025, 5, 31),
                    "Ban Chính sách – Pháp luật"),
            new DemoTask(
                    "Đại diện, bảo vệ quyền lợi đoàn viên; đối thoại và thương lượng tập thể",
                    "Theo dõi nợ lương, nợ bảo hiểm xã hội; tổ chức đối thoại, thương lượng thỏa ước tại doanh"
                            + " nghiệp.",
                    LocalDate.of(2025, 10, 31),
                    "Ban Chính sách – Pháp luật"),
            new DemoTask(
                    "Phát triển đoàn viên, thành lập công đoàn cơ sở, bồi dưỡng cán bộ",
                    "Đặt chỉ tiêu kết nạp đoàn viên, thành lập công đoàn cơ sở ở doanh nghiệp ngoài nhà nước;"
                            + " tập huấn cán bộ công đoàn.",
                    LocalDate.of(2025, 12, 15),
                    "Ban Tổ chức"),
            new DemoTask(
                    "Giám sát, phản biện xã hội; giới thiệu đoàn viên ưu tú cho Đảng",
                    "Phối hợp giám sát việc thực hiện chính sách lao động; lập danh sách đoàn viên ưu tú giới"
                            + " thiệu cho tổ chức Đảng.",
                    LocalDate.of(2025, 11, 30),
                    "Ban Tổ chức"),
            new DemoTask(
                    "Phát động thi đua chào mừng đại hội Đảng các cấp, khen thưởng kịp thời",
                    "Đăng ký và phát động các phong trào thi đua; nhân rộng sáng kiến, đề xuất khen thưởng.",
                    LocalDate.of(2025, 6, 30),
                    "Văn phòng"),
            new DemoTask(
                    "Quản lý tài chính, tài sản công đoàn; kiểm tra và công khai tài chính",
                    "Thu, chi đúng quy định; kiểm tra tài chính đồng cấp và công khai tài chính ở công đoàn cơ sở.",
                    LocalDate.of(2025, 12, 31),
                    "Ban Tài chính"));

    /** Tasks (1-based) of the commune union cascaded to two of its grassroots unions. */
    static final List<Integer> CASCADED = List.of(6, 9);

    private final JdbcClient jdbc;

    TaskDemoLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int load(List<Long> grassroots) {
        long province = unit(PROVINCE);
        long document = document(province);
        if (jdbc.sql("select count(*) from directives.task where document_id = :d")
                        .param("d", document)
                        .query(Long.class)
                        .single()
                > 0) {
            return 0;
        }
        List<long[]> children = jdbc.sql("""
                        select id, case when code = :commune then 1 else 0 end from organisation.org_unit
                         where parent_id = :p and valid_to is null order by code, id""")
                .param("p", province)
                .param("commune", COMMUNE)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        Random random = new Random(108);
        int created = 0;
        long commune = unit(COMMUNE);
        for (int t = 0; t < TASKS.size(); t++) {
            DemoTask task = TASKS.get(t);
            long taskId = jdbc.sql("""
                            insert into directives.task (document_id, seq, title, description, due_date, owner_role,
                                created_at, created_by)
                            values (:d, :seq, :title, :description, :due, :owner, :at, 'demo') returning id""")
                    .param("d", document)
                    .param("seq", t + 1)
                    .param("title", task.title())
                    .param("description", task.description())
                    .param("due", task.due())
                    .param("owner", task.owner())
                    .param("at", at(LocalDate.of(2024, 10, 21)))
                    .query(Long.class)
                    .single();
            for (int u = 0; u < children.size(); u++) {
                long unit = children.get(u)[0];
                boolean isCommune = children.get(u)[1] == 1;
                long assignment = assign(taskId, unit, null, province, task.due());
                created++;
                // One unit in five never reports: the matrix's "not reported" list.
                boolean silent = !isCommune && u % 5 == 4;
                if (!silent) {
                    double r = random.nextDouble();
                    if (r < 0.4) {
                        int mid = 30 + random.nextInt(40);
                        report(assignment, mid, task.due().minusDays(60 + random.nextInt(30)), unit);
                        report(assignment, 100, task.due().minusDays(1 + random.nextInt(20)), unit);
                    } else if (r < 0.75) {
                        report(
                                assignment,
                                10 + 10 * random.nextInt(8),
                                task.due().minusDays(10 + random.nextInt(40)),
                                unit);
                    }
                }
                if (isCommune && CASCADED.contains(t + 1)) {
                    for (int g = 0; g < grassroots.size(); g++) {
                        long sub = assign(
                                taskId,
                                grassroots.get(g),
                                assignment,
                                commune,
                                task.due().minusMonths(1));
                        created++;
                        if (g == 0) {
                            report(sub, 50, task.due().minusMonths(2), grassroots.get(g));
                        }
                    }
                    bumpVersion(assignment);
                }
            }
        }
        log.info("Demo world: {} task assignments of {} created", created, NUMBER);
        return created;
    }

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /**
     * The registered 108/TB-LĐLĐ. The documents' demo registers it first; should it be missing, a bare register entry
     * is made so that the tasks have their document.
     */
    private long document(long province) {
        @Nullable
        Long id = jdbc.sql("""
                        select id from directives.document
                         where unit_id = :p and direction = 'OUTGOING' and number_text = :n""")
                .param("p", province)
                .param("n", NUMBER)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id != null) {
            return id;
        }
        return jdbc.sql("""
                        insert into directives.document (unit_id, direction, type_code, number, number_year,
                            number_text, doc_date, place, summary, status, demo, issued_at, created_by)
                        values (:p, 'OUTGOING', 'TB', 108, 2024, :n, date '2024-10-14', 'Lai Châu',
                            :summary, 'ISSUED', true, :at, 'demo') returning id""")
                .param("p", province)
                .param("n", NUMBER)
                .param("summary", "Định hướng nhiệm vụ trọng tâm công tác công đoàn năm 2025")
                .param("at", at(LocalDate.of(2024, 10, 14)))
                .query(Long.class)
                .single();
    }

    private long assign(long task, long unit, @Nullable Long parent, long by, LocalDate due) {
        return jdbc.sql("""
                        insert into directives.task_assignment (task_id, unit_id, parent_assignment_id,
                            assigned_by_unit_id, due_date, assigned_at, assigned_by)
                        values (:t, :u, :p, :by, :due, :at, 'demo') returning id""")
                .param("t", task)
                .param("u", unit)
                .param("p", parent)
                .param("by", by)
                .param("due", due)
                .param("at", at(LocalDate.of(2024, 10, 21)))
                .query(Long.class)
                .single();
    }

    private void report(long assignment, int percent, LocalDate on, long unit) {
        String unitName = jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
        String body = percent == 100
                ? "Đã hoàn thành nội dung được giao; kết quả cụ thể gửi kèm báo cáo tổng hợp của đơn vị."
                : "Đã triển khai đến các công đoàn trực thuộc, ước đạt khoảng " + percent + "% khối lượng công việc.";
        Timestamp when = at(on);
        jdbc.sql("""
                        insert into directives.task_report (assignment_id, percent, body, reported_at, reported_by)
                        values (:a, :p, :body, :at, :by)""")
                .param("a", assignment)
                .param("p", percent)
                .param("body", body)
                .param("at", when)
                .param("by", "Văn phòng " + unitName)
                .update();
        jdbc.sql("""
                        update directives.task_assignment
                           set percent = :p, status = :s, last_report_at = :at, last_report_text = :body,
                               report_count = report_count + 1, version = version + 1
                         where id = :id""")
                .param("p", percent)
                .param("s", percent == 100 ? "DONE" : "IN_PROGRESS")
                .param("at", when)
                .param("body", body)
                .param("id", assignment)
                .update();
    }

    private void bumpVersion(long assignment) {
        jdbc.sql("update directives.task_assignment set version = version + 1 where id = :id")
                .param("id", assignment)
                .update();
    }

    private static Timestamp at(LocalDate date) {
        return Timestamp.from(
                ZonedDateTime.of(date, LocalTime.of(9, 0), Dates.ZONE).toInstant());
    }
}
