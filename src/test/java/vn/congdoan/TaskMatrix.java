package vn.congdoan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The tasks' part of the authorization matrix. Targets are four assignments, each of its own document: of the
 * province P (given by the root), of the commune union X (given by P), of grassroots unions A and B (given by X),
 * each with one report and one attachment. The oracle: an assignment is in an actor's scope when its unit lies in the
 * actor's subtree (walked by parent links); the matrix page and the attachment follow their assignment (each
 * document's issuer is the assigned unit's parent, so the issuer side adds nobody).
 */
final class TaskMatrix {

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };

    private TaskMatrix() {}

    static void add(
            Map<String, Spec> specs,
            JdbcClient jdbc,
            AuthorizationMatrixIT.Fixture fixture,
            Map<Target, ModuleTargets> moduleTargets) {
        Map<String, Long> units = fixture.units();
        Map<Long, Long> unitOfAssignment = new HashMap<>();
        Map<String, Long> ownDocument = new HashMap<>();
        List<String> ids = new ArrayList<>();
        String[][] plan = {{"P", "ROOT"}, {"X", "P"}, {"A", "X"}, {"B", "X"}};
        for (String[] p : plan) {
            long a = assignment(jdbc, units.get(p[0]), units.get(p[1]));
            unitOfAssignment.put(a, units.get(p[0]));
            ids.add(String.valueOf(a));
            ownDocument.put(String.valueOf(a), document(jdbc, units.get(p[0])));
        }
        moduleTargets.put(Target.TASK, new ModuleTargets() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public long unitOf(String id) {
                return unitOfAssignment.get(Long.parseLong(id));
            }

            @Override
            public boolean inScope(String id, LongPredicate withinActorsSubtree) {
                return withinActorsSubtree.test(unitOf(id));
            }
        });

        specs.put("GET /tasks", new Spec("document.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/tasks?overdue=true")));
        specs.put("GET /api/v1/tasks", new Spec("document.read", Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/tasks")));
        specs.put("GET /tasks/assignments/{id}", new Spec("document.read", Target.TASK, true, Set.of(200), c -> c.user()
                .get("/tasks/assignments/" + c.target())));
        specs.put("GET /api/v1/tasks/{id}", new Spec("document.read", Target.TASK, false, Set.of(200), c -> c.user()
                .get("/api/v1/tasks/" + c.target())));
        specs.put("GET /tasks/documents/{id}", new Spec("document.read", Target.TASK, true, Set.of(200), c -> c.user()
                .get("/tasks/documents/" + documentOf(jdbc, c.target()))));
        // Adding a task: on a document issued by the target's unit (task.assign over the issuer).
        specs.put("GET /tasks/documents/{id}/new", new Spec("task.assign", Target.TASK, true, Set.of(200), c -> c.user()
                .get("/tasks/documents/" + ownDocument.get(c.target()) + "/new")));
        specs.put(
                "POST /tasks/documents/{id}/new",
                new Spec("task.assign", Target.TASK, true, Set.of(302, 200), c -> c.user()
                        .post(
                                "/tasks/documents/" + ownDocument.get(c.target()) + "/new",
                                Map.of(
                                        "title", "Nhiệm vụ mới của ma trận",
                                        "dueDate", "31/12/2027",
                                        "unitIds", childOf(jdbc, unitOfAssignment.get(Long.parseLong(c.target())))))));
        specs.put("GET /tasks/attachments/{id}", new Spec("document.read", Target.TASK, true, Set.of(200), c -> c.user()
                .get("/tasks/attachments/" + attachmentOf(jdbc, c.target()))));
        specs.put(
                "POST /tasks/assignments/{id}/reports",
                new Spec("task.report", Target.TASK, true, Set.of(302), c -> c.user()
                        .post(
                                "/tasks/assignments/" + c.target() + "/reports",
                                Map.of(
                                        "version", version(jdbc, c.target()),
                                        "text", "Báo cáo của ma trận",
                                        "percent", "30"))));
        specs.put(
                "POST /api/v1/tasks/{id}/reports",
                new Spec("task.report", Target.TASK, false, Set.of(200), c -> c.user()
                        .json(
                                "POST",
                                "/api/v1/tasks/" + c.target() + "/reports",
                                "{\"version\":" + version(jdbc, c.target())
                                        + ",\"text\":\"Báo cáo API\",\"percent\":40}")));
        // A cascade to a child of the assigned unit: done (302/200), or refused when there is none or it already
        // has the task (the page answers 200 with the reason, the API 422).
        specs.put(
                "POST /tasks/assignments/{id}/cascade",
                new Spec("task.assign", Target.TASK, true, Set.of(302, 200), c -> c.user()
                        .post(
                                "/tasks/assignments/" + c.target() + "/cascade",
                                Map.of(
                                        "version", version(jdbc, c.target()),
                                        "unitIds", childOf(jdbc, unitOfAssignment.get(Long.parseLong(c.target()))),
                                        "dueDate", "01/12/2027"))));
        specs.put(
                "POST /api/v1/tasks/{id}/cascade",
                new Spec("task.assign", Target.TASK, false, Set.of(200, 422), c -> c.user()
                        .json(
                                "POST",
                                "/api/v1/tasks/" + c.target() + "/cascade",
                                "{\"version\":" + version(jdbc, c.target()) + ",\"unitIds\":["
                                        + childOf(jdbc, unitOfAssignment.get(Long.parseLong(c.target())))
                                        + "],\"dueDate\":\"01/12/2027\"}")));
    }

    /** A fingerprint of what refused task writes could touch. */
    static String checksum(JdbcClient jdbc) {
        return jdbc.sql("""
                        select md5(coalesce((select string_agg(id || ':' || version || ':' || percent, ',' order by id)
                                               from directives.task_assignment), '')
                                   || (select count(*) from directives.task_report)::text
                                   || (select count(*) from directives.task)::text)""").query(String.class).single();
    }

    private static long document(JdbcClient jdbc, long issuer) {
        return jdbc.sql("""
                        insert into directives.document (unit_id, direction, type_code, summary, status, doc_date)
                        values (:u, 'OUTGOING', 'KH', 'Kế hoạch ma trận nhiệm vụ', 'DRAFT', date '2026-11-01')
                        returning id""").param("u", issuer).query(Long.class).single();
    }

    private static long assignment(JdbcClient jdbc, long unit, long issuer) {
        long doc = document(jdbc, issuer);
        long task = jdbc.sql("""
                        insert into directives.task (document_id, seq, title, due_date)
                        values (:d, 1, 'Nhiệm vụ ma trận', date '2027-12-31') returning id""").param("d", doc).query(Long.class).single();
        long a = jdbc.sql("""
                        insert into directives.task_assignment (task_id, unit_id, assigned_by_unit_id, due_date)
                        values (:t, :u, :by, date '2027-12-31') returning id""")
                .param("t", task)
                .param("u", unit)
                .param("by", issuer)
                .query(Long.class)
                .single();
        long report = jdbc.sql("""
                        insert into directives.task_report (assignment_id, percent, body, reported_by)
                        values (:a, 10, 'Báo cáo ma trận', 'matrix') returning id""").param("a", a).query(Long.class).single();
        jdbc.sql("""
                        insert into directives.task_report_attachment (report_id, file_name, content_type, size_bytes,
                            content) values (:r, 'anh.png', 'image/png', :n, :c)""").param("r", report).param("n", PNG.length).param("c", PNG).update();
        return a;
    }

    private static String version(JdbcClient jdbc, String assignment) {
        return jdbc.sql("select version from directives.task_assignment where id = :id")
                .param("id", Long.parseLong(assignment))
                .query(String.class)
                .single();
    }

    private static long documentOf(JdbcClient jdbc, String assignment) {
        return jdbc.sql("""
                        select t.document_id from directives.task_assignment a
                          join directives.task t on t.id = a.task_id where a.id = :id""")
                .param("id", Long.parseLong(assignment))
                .query(Long.class)
                .single();
    }

    private static long attachmentOf(JdbcClient jdbc, String assignment) {
        return jdbc.sql("""
                        select f.id from directives.task_report_attachment f
                          join directives.task_report r on r.id = f.report_id
                         where r.assignment_id = :id order by f.id limit 1""")
                .param("id", Long.parseLong(assignment))
                .query(Long.class)
                .single();
    }

    /** A unit open today directly under the given one, or the unit itself when it has none. */
    private static String childOf(JdbcClient jdbc, long unit) {
        return jdbc.sql("""
                        select coalesce((select min(id) from organisation.org_unit
                                          where parent_id = :u and valid_to is null), :u)::text""").param("u", unit).query(String.class).single();
    }
}
