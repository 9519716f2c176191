package vn.congdoan.directives.internal.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.directives.AssignmentDetail;
import vn.congdoan.directives.AssignmentPage;
import vn.congdoan.directives.AssignmentView;
import vn.congdoan.directives.CompletionMatrix;
import vn.congdoan.directives.DocumentView;
import vn.congdoan.directives.TaskFilter;
import vn.congdoan.directives.TaskProgress;
import vn.congdoan.directives.Tasks;
import vn.congdoan.shared.Dates;

/**
 * Screen reads of tasks and assignments. Every query takes the caller's subtree roots ({@code :roots}, ltree text
 * array) and filters in the same SQL (DESIGN.md §2).
 */
@Component
class TaskQueries {

    static final String ASSIGNMENT_COLUMNS = """
            a.id, a.task_id, t.seq, t.title, t.document_id, d.number_text, a.unit_id, u.code as unit_code,
            u.name as unit_name, a.parent_assignment_id, a.assigned_by_unit_id, bu.name as by_name, a.due_date,
            a.status, a.percent, a.last_report_at, a.report_count,
            (a.due_date < :today and a.status <> 'DONE') as overdue, a.version
            """;
    static final String ASSIGNMENT_FROM = """
              from directives.task_assignment a
              join directives.task t on t.id = a.task_id
              join directives.document d on d.id = t.document_id
              join organisation.org_unit u on u.id = a.unit_id
              join organisation.org_unit bu on bu.id = a.assigned_by_unit_id
            """;
    static final String IN_SCOPE = " u.path <@ any(cast(:roots as ltree[])) ";
    /** An assignment given by the issuer, or cascaded from one the caller cannot see: the caller's top rows. */
    static final String TOPMOST_VISIBLE = """
             (a.parent_assignment_id is null
              or not exists (select 1 from directives.task_assignment pa
                               join organisation.org_unit pu on pu.id = pa.unit_id
                              where pa.id = a.parent_assignment_id and pu.path <@ any(cast(:roots as ltree[]))))
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return Dates.today(clock);
    }

    AssignmentPage page(TaskFilter filter, String roots) {
        StringBuilder where = new StringBuilder(" where " + IN_SCOPE);
        Map<String, Object> params = new HashMap<>();
        params.put("roots", roots);
        params.put("today", today());
        if (filter.unitId() != null) {
            where.append(" and u.path <@ (select f.path from organisation.org_unit f where f.id = :unit)");
            params.put("unit", filter.unitId());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdue()) {
            where.append(" and a.due_date < :today and a.status <> 'DONE'");
        }
        int page = Math.max(0, filter.page());
        params.put("limit", Tasks.PAGE_SIZE);
        params.put("offset", (long) page * Tasks.PAGE_SIZE);
        long[] total = {0};
        List<AssignmentView> rows = jdbc.sql("select " + ASSIGNMENT_COLUMNS + ", count(*) over () as total "
                        + ASSIGNMENT_FROM + where
                        + " order by overdue desc, a.due_date, t.document_id, t.seq, u.name, a.id"
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return assignment(rs);
                })
                .list();
        if (rows.isEmpty() && page > 0) {
            total[0] = jdbc.sql("select count(*) " + ASSIGNMENT_FROM + where)
                    .params(params)
                    .query(Long.class)
                    .single();
        }
        return new AssignmentPage(rows, total[0], page, Tasks.PAGE_SIZE);
    }

    Optional<AssignmentView> assignment(long id, String roots) {
        return jdbc.sql("select " + ASSIGNMENT_COLUMNS + ASSIGNMENT_FROM + " where a.id = :id and " + IN_SCOPE)
                .param("id", id)
                .param("roots", roots)
                .param("today", today())
                .query((rs, n) -> assignment(rs))
                .optional();
    }

    List<AssignmentView> subAssignments(long parentId) {
        return jdbc.sql("select " + ASSIGNMENT_COLUMNS + ASSIGNMENT_FROM
                        + " where a.parent_assignment_id = :id order by u.name, a.id")
                .param("id", parentId)
                .param("today", today())
                .query((rs, n) -> assignment(rs))
                .list();
    }

    record TaskText(String description, @Nullable String ownerRole, LocalDate dueDate, String summary) {}

    TaskText taskText(long taskId) {
        return jdbc.sql("""
                        select t.description, t.owner_role, t.due_date, d.summary
                          from directives.task t join directives.document d on d.id = t.document_id
                         where t.id = :id""")
                .param("id", taskId)
                .query((rs, n) -> new TaskText(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .single();
    }

    List<AssignmentDetail.ReportView> reports(long assignmentId) {
        Map<Long, List<AssignmentDetail.AttachmentRef>> files = new HashMap<>();
        jdbc.sql("""
                        select f.id, f.report_id, f.file_name, f.content_type, f.size_bytes
                          from directives.task_report_attachment f
                          join directives.task_report r on r.id = f.report_id
                         where r.assignment_id = :id order by f.id""").param("id", assignmentId).query((ResultSet rs) -> {
            files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                    .add(new AssignmentDetail.AttachmentRef(
                            rs.getLong(1), rs.getString(3), rs.getString(4), rs.getInt(5)));
        });
        return jdbc.sql("""
                        select id, percent, body, reported_at, reported_by from directives.task_report
                         where assignment_id = :id order by reported_at desc, id desc""")
                .param("id", assignmentId)
                .query((rs, n) -> new AssignmentDetail.ReportView(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        files.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /**
     * The document, when the caller holds the permission over its issuing unit or over any unit it assigned a task
     * to.
     */
    Optional<DocumentView> document(long documentId, String roots) {
        return jdbc.sql("""
                        select d.id, d.unit_id, iu.name as unit_name, d.direction, d.number_text, d.type_code,
                               ty.name as type_name, d.doc_date, d.summary, d.status, d.version
                          from directives.document d
                          join organisation.org_unit iu on iu.id = d.unit_id
                          join directives.document_type ty on ty.code = d.type_code
                         where d.id = :id
                           and (iu.path <@ any(cast(:roots as ltree[]))
                                or exists (select 1 from directives.task t
                                             join directives.task_assignment a on a.task_id = t.id
                                             join organisation.org_unit u on u.id = a.unit_id
                                            where t.document_id = d.id and""" + IN_SCOPE + "))")
                .param("id", documentId)
                .param("roots", roots)
                .query((rs, n) -> new DocumentView(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getString("unit_name"),
                        rs.getString("direction"),
                        rs.getString("number_text"),
                        rs.getString("type_code"),
                        rs.getString("type_name"),
                        rs.getObject("doc_date", LocalDate.class),
                        rs.getString("summary"),
                        rs.getString("status"),
                        rs.getInt("version")))
                .optional();
    }

    /** The document, when it is issued by a unit inside {@code roots}. */
    Optional<DocumentView> issuedDocument(long documentId, String roots) {
        return jdbc.sql("""
                        select d.id, d.unit_id, iu.name as unit_name, d.direction, d.number_text, d.type_code,
                               ty.name as type_name, d.doc_date, d.summary, d.status, d.version
                          from directives.document d
                          join organisation.org_unit iu on iu.id = d.unit_id
                          join directives.document_type ty on ty.code = d.type_code
                         where d.id = :id and iu.path <@ any(cast(:roots as ltree[]))""")
                .param("id", documentId)
                .param("roots", roots)
                .query((rs, n) -> documentView(rs))
                .optional();
    }

    static DocumentView documentView(ResultSet rs) throws SQLException {
        return new DocumentView(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("direction"),
                rs.getString("number_text"),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getObject("doc_date", LocalDate.class),
                rs.getString("summary"),
                rs.getString("status"),
                rs.getInt("version"));
    }

    /**
     * Whether the document itself may be opened: the register's rule (read over its owning unit or over one of its
     * recipients), which an assigned sub-unit may not meet.
     */
    boolean documentReadable(long documentId, String roots) {
        return jdbc.sql("""
                        select exists (select 1 from directives.document d
                                         join organisation.org_unit ou on ou.id = d.unit_id
                                        where d.id = :id and (ou.path <@ any(cast(:roots as ltree[]))
                                          or exists (select 1 from directives.document_recipient r
                                                       join organisation.org_unit ru on ru.id = r.unit_id
                                                      where r.document_id = d.id
                                                        and ru.path <@ any(cast(:roots as ltree[])))))""")
                .param("id", documentId)
                .param("roots", roots)
                .query(Boolean.class)
                .single();
    }

    List<CompletionMatrix.Column> columns(long documentId) {
        return jdbc.sql("""
                        select id, seq, title, due_date, owner_role from directives.task
                         where document_id = :id order by seq""")
                .param("id", documentId)
                .query((rs, n) -> new CompletionMatrix.Column(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
    }

    /**
     * The matrix's cells in one query: the document's assignments in scope — the top-level ones, or every one inside
     * the subtree of {@code subtreePath} — grouped into rows by unit.
     */
    List<CompletionMatrix.Row> rows(long documentId, String roots, @Nullable String subtreePath) {
        Map<Long, RowBuilder> rows = new LinkedHashMap<>();
        LocalDate today = today();
        jdbc.sql("""
                        select a.id, a.task_id, a.unit_id, u.code, u.name, a.status, a.percent, a.due_date,
                               (a.due_date < :today and a.status <> 'DONE') as overdue, a.last_report_at,
                               greatest(nlevel(u.path) - nlevel(iu.path) - 1, 0) as depth,
                               (select count(*) from directives.task_assignment c
                                 where c.parent_assignment_id = a.id) as subs
                          from directives.task_assignment a
                          join directives.task t on t.id = a.task_id
                          join directives.document d on d.id = t.document_id
                          join organisation.org_unit iu on iu.id = d.unit_id
                          join organisation.org_unit u on u.id = a.unit_id
                         where t.document_id = :doc and""" + IN_SCOPE + """
                           and (case when cast(:sub as text) is null then""" + TOPMOST_VISIBLE + """
                                     else u.path <@ cast(:sub as ltree) end)
                         order by case when cast(:sub as text) is null then '' else u.path::text end, u.name, u.id
                        """)
                .param("doc", documentId)
                .param("roots", roots)
                .param("sub", subtreePath)
                .param("today", today)
                .query((ResultSet rs) -> {
                    RowBuilder row = rows.computeIfAbsent(rs.getLong(3), k -> new RowBuilder(rs, k));
                    Timestamp reported = rs.getTimestamp(10);
                    row.add(
                            rs.getLong(2),
                            new CompletionMatrix.Cell(
                                    rs.getLong(1),
                                    rs.getString(6),
                                    rs.getInt(7),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBoolean(9),
                                    rs.getInt(12)),
                            reported == null ? null : reported.toInstant());
                });
        return rows.values().stream().map(RowBuilder::build).toList();
    }

    /** Top-level assigned units of the document in scope, for the subtree picker. */
    List<CompletionMatrix.UnitOption> topUnits(long documentId, String roots) {
        return jdbc.sql("""
                        select distinct u.id, u.name from directives.task_assignment a
                          join directives.task t on t.id = a.task_id
                          join organisation.org_unit u on u.id = a.unit_id
                         where t.document_id = :doc and""" + TOPMOST_VISIBLE + " and" + IN_SCOPE + """
                         order by u.name, u.id""")
                .param("doc", documentId)
                .param("roots", roots)
                .query((rs, n) -> new CompletionMatrix.UnitOption(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The document's tasks and the assignments in scope (two queries). */
    List<TaskProgress> progress(long documentId, String roots) {
        Map<Long, List<TaskProgress.UnitProgress>> byTask = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.task_id, a.unit_id, u.name, a.parent_assignment_id, a.status, a.percent,
                               a.due_date, (a.due_date < :today and a.status <> 'DONE'), a.last_report_at
                          from directives.task_assignment a
                          join directives.task t on t.id = a.task_id
                          join organisation.org_unit u on u.id = a.unit_id
                         where t.document_id = :doc and""" + IN_SCOPE + " order by u.name, a.id")
                .param("doc", documentId)
                .param("roots", roots)
                .param("today", today())
                .query((ResultSet rs) -> {
                    Timestamp reported = rs.getTimestamp(10);
                    long parent = rs.getLong(5);
                    Long parentId = rs.wasNull() ? null : parent;
                    byTask.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new TaskProgress.UnitProgress(
                                    rs.getLong(1),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    parentId,
                                    rs.getString(6),
                                    rs.getInt(7),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBoolean(9),
                                    reported == null ? null : reported.toInstant()));
                });
        return jdbc.sql("""
                        select id, seq, title, description, due_date, owner_role from directives.task
                         where document_id = :doc order by seq""")
                .param("doc", documentId)
                .query((rs, n) -> new TaskProgress(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        byTask.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    static AssignmentView assignment(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_assignment_id");
        Long parentId = rs.wasNull() ? null : parent;
        Timestamp reported = rs.getTimestamp("last_report_at");
        return new AssignmentView(
                rs.getLong("id"),
                rs.getLong("task_id"),
                rs.getInt("seq"),
                rs.getString("title"),
                rs.getLong("document_id"),
                rs.getString("number_text"),
                rs.getLong("unit_id"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                parentId,
                rs.getLong("assigned_by_unit_id"),
                rs.getString("by_name"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("status"),
                rs.getInt("percent"),
                reported == null ? null : reported.toInstant(),
                rs.getInt("report_count"),
                rs.getBoolean("overdue"),
                rs.getInt("version"));
    }

    private static final class RowBuilder {
        final long unitId;
        final String code;
        final String name;
        final int depth;
        final Map<Long, CompletionMatrix.Cell> cells = new HashMap<>();

        @Nullable
        Instant lastReport;

        int done;
        int overdue;

        RowBuilder(ResultSet rs, long unitId) {
            this.unitId = unitId;
            try {
                this.code = rs.getString(4);
                this.name = rs.getString(5);
                this.depth = rs.getInt(11);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(long taskId, CompletionMatrix.Cell cell, @Nullable Instant reported) {
            cells.put(taskId, cell);
            if (reported != null && (lastReport == null || reported.isAfter(lastReport))) {
                lastReport = reported;
            }
            if (Tasks.DONE.equals(cell.status())) {
                done++;
            }
            if (cell.overdue()) {
                overdue++;
            }
        }

        CompletionMatrix.Row build() {
            return new CompletionMatrix.Row(unitId, code, name, depth, cells, lastReport, done, overdue);
        }
    }
}
