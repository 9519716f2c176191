package vn.congdoan.directives.internal.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.directives.AssignmentDetail;
import vn.congdoan.directives.AssignmentPage;
import vn.congdoan.directives.AssignmentView;
import vn.congdoan.directives.AttachmentFile;
import vn.congdoan.directives.Cascade;
import vn.congdoan.directives.CompletionMatrix;
import vn.congdoan.directives.DocumentNotFoundException;
import vn.congdoan.directives.DocumentView;
import vn.congdoan.directives.Documents;
import vn.congdoan.directives.NewTask;
import vn.congdoan.directives.NewTaskForm;
import vn.congdoan.directives.ProgressReport;
import vn.congdoan.directives.StaleTaskException;
import vn.congdoan.directives.TaskFilter;
import vn.congdoan.directives.TaskNotFoundException;
import vn.congdoan.directives.TaskProgress;
import vn.congdoan.directives.TaskRejectedException;
import vn.congdoan.directives.Tasks;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * Tasks of documents, their assignments, cascades and progress reports. 108/TB-LĐLĐ (14/10/2024) asks the units
 * under the federation to concretise its key tasks for the unions under them and to report: hence cascading and the
 * issuer's completion matrix.
 */
@Service
@Transactional(readOnly = true)
class TaskService implements Tasks {

    static final int MAX_TEXT = 4000;
    static final int MAX_TITLE = 300;

    private final JdbcClient jdbc;
    private final TaskQueries queries;
    private final AuditTrail audit;
    private final Clock clock;

    TaskService(JdbcClient jdbc, TaskQueries queries, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    private static String roots(AccessScope scope, String permission) {
        return SqlArrays.ofLabels(scope.paths(permission));
    }

    @Override
    @Transactional
    public long create(long documentId, NewTask task, AccessScope scope, Actor actor) {
        record Issuer(
                long unitId,
                String path,
                String direction,
                String status,
                @Nullable String number) {}
        Issuer issuer = jdbc.sql("""
                        select d.unit_id, u.path::text, d.direction, d.status, d.number_text
                          from directives.document d join organisation.org_unit u on u.id = d.unit_id
                         where d.id = :id and u.path <@ any(cast(:roots as ltree[]))
                           for update of d""")
                .param("id", documentId)
                .param("roots", roots(scope, ASSIGN))
                .query((rs, n) ->
                        new Issuer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional()
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        List<FieldProblem> problems = new ArrayList<>();
        if (!Documents.OUTGOING.equals(issuer.direction()) || Documents.CANCELLED.equals(issuer.status())) {
            problems.add(new FieldProblem("documentId", "task.document.notOutgoing"));
        }
        String title = Text.clean(task.title());
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "task.title.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "task.title.tooLong", MAX_TITLE));
        }
        String description = Text.clean(task.description());
        if (description != null && description.length() > MAX_TEXT) {
            problems.add(new FieldProblem("description", "task.description.tooLong", MAX_TEXT));
        }
        String owner = Text.clean(task.ownerRole());
        if (owner != null && owner.length() > 200) {
            problems.add(new FieldProblem("ownerRole", "task.ownerRole.tooLong", 200));
        }
        if (task.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", "task.dueDate.required"));
        }
        Set<Long> units = new LinkedHashSet<>(task.unitIds());
        if (task.unitType() != null && !task.unitType().isBlank()) {
            Long sub = task.subtreeUnitId() == null ? issuer.unitId() : task.subtreeUnitId();
            units.addAll(jdbc.sql("""
                            select u.id from organisation.org_unit u
                             where u.type_code = :type and u.valid_to is null and u.id <> :issuer
                               and u.path <@ (select s.path from organisation.org_unit s where s.id = :sub)
                               and u.path <@ cast(:issuerPath as ltree)
                             order by u.id""")
                    .param("type", task.unitType())
                    .param("issuer", issuer.unitId())
                    .param("sub", sub)
                    .param("issuerPath", issuer.path())
                    .query(Long.class)
                    .list());
        }
        if (units.isEmpty()) {
            problems.add(new FieldProblem("unitIds", "task.units.required"));
        }
        problems.addAll(outsideSubtree(units, issuer.unitId(), issuer.path(), "unitIds", scope));
        if (!problems.isEmpty()) {
            throw new TaskRejectedException(problems);
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from directives.task where document_id = :d")
                .param("d", documentId)
                .query(Integer.class)
                .single();
        long taskId = jdbc.sql("""
                        insert into directives.task (document_id, seq, title, description, due_date, owner_role,
                            created_at, created_by)
                        values (:d, :seq, :title, :description, :due, :owner, :now, :by) returning id""")
                .param("d", documentId)
                .param("seq", seq)
                .param("title", title)
                .param("description", description == null ? "" : description)
                .param("due", task.dueDate())
                .param("owner", owner == null || owner.isBlank() ? null : owner)
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .param("by", scope.displayName())
                .query(Long.class)
                .single();
        for (long unit : units) {
            insertAssignment(taskId, unit, null, issuer.unitId(), task.dueDate(), actor);
        }
        audit.record(AuditRecord.of(actor, "TASK_ASSIGNED", issuer.path())
                .target("TASK", taskId, (issuer.number() == null ? "" : issuer.number() + " · ") + title)
                .detail(units.size() + " units"));
        return taskId;
    }

    @Override
    public NewTaskForm newTaskForm(long documentId, AccessScope scope) {
        String roots = roots(scope, ASSIGN);
        DocumentView document =
                queries.issuedDocument(documentId, roots).orElseThrow(() -> new DocumentNotFoundException(documentId));
        return new NewTaskForm(
                document,
                jdbc.sql("""
                                select id::text, name, 1 from organisation.org_unit
                                 where parent_id = :p and valid_to is null order by name, id""")
                        .param("p", document.unitId())
                        .query((rs, n) -> new NewTaskForm.Option(rs.getString(1), rs.getString(2), rs.getLong(3)))
                        .list(),
                jdbc.sql("""
                                select t.code, t.name, count(*) from organisation.org_unit u
                                  join organisation.unit_type t on t.code = u.type_code
                                 where u.valid_to is null and u.id <> :p
                                   and u.path <@ (select i.path from organisation.org_unit i where i.id = :p)
                                 group by t.code, t.name, t.sort_order order by t.sort_order""")
                        .param("p", document.unitId())
                        .query((rs, n) -> new NewTaskForm.Option(rs.getString(1), rs.getString(2), rs.getLong(3)))
                        .list());
    }

    /** Units that are not open, strictly inside the given unit's subtree and inside the caller's assign scope. */
    private List<FieldProblem> outsideSubtree(
            Set<Long> units, long parentUnit, String parentPath, String field, AccessScope scope) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Long> inside = jdbc.sql("""
                        select u.id from organisation.org_unit u
                         where u.id = any(cast(:ids as bigint[])) and u.valid_to is null and u.id <> :parent
                           and u.path <@ cast(:parentPath as ltree) and u.path <@ any(cast(:roots as ltree[]))""")
                .param("ids", SqlArrays.ofLongs(units))
                .param("parent", parentUnit)
                .param("parentPath", parentPath)
                .param("roots", roots(scope, ASSIGN))
                .query(Long.class)
                .list();
        String parentName = jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", parentUnit)
                .query(String.class)
                .single();
        List<FieldProblem> problems = new ArrayList<>();
        for (long u : units) {
            if (!inside.contains(u)) {
                problems.add(new FieldProblem(field, "task.unit.outside", labelOf(u, scope), parentName));
            }
        }
        return problems;
    }

    /** A unit's name when the caller may see it, else only its id (its name is not revealed). */
    private String labelOf(long unitId, AccessScope scope) {
        return jdbc.sql("""
                        select u.name from organisation.org_unit u
                         where u.id = :id and u.path <@ any(cast(:roots as ltree[]))""")
                .param("id", unitId)
                .param("roots", roots(scope, READ))
                .query(String.class)
                .optional()
                .orElse("#" + unitId);
    }

    private long insertAssignment(
            long taskId, long unit, @Nullable Long parent, long byUnit, @Nullable LocalDate due, Actor actor) {
        return jdbc.sql("""
                        insert into directives.task_assignment (task_id, unit_id, parent_assignment_id,
                            assigned_by_unit_id, due_date, assigned_at, assigned_by)
                        values (:t, :u, :p, :by, :due, :now, :who) returning id""")
                .param("t", taskId)
                .param("u", unit)
                .param("p", parent)
                .param("by", byUnit)
                .param("due", due)
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .param("who", actor.name())
                .query(Long.class)
                .single();
    }

    @Override
    public AssignmentPage assignments(TaskFilter filter, AccessScope scope) {
        scope.require(READ);
        return queries.page(filter, roots(scope, READ));
    }

    @Override
    public AssignmentDetail assignment(long id, AccessScope scope) {
        AssignmentView a = queries.assignment(id, roots(scope, READ)).orElseThrow(() -> new TaskNotFoundException(id));
        TaskQueries.TaskText text = queries.taskText(a.taskId());
        boolean documentVisible = queries.documentReadable(a.documentId(), roots(scope, Documents.READ));
        return new AssignmentDetail(
                a,
                text.description(),
                text.ownerRole(),
                text.dueDate(),
                documentVisible ? text.summary() : null,
                documentVisible,
                queries.reports(id),
                queries.subAssignments(id));
    }

    private record Locked(long id, String path, int version, String label) {}

    /** The assignment locked for a change, if its unit lies where the caller holds the permission. */
    private Locked lock(long id, String permission, AccessScope scope) {
        return jdbc.sql("""
                        select a.id, u.path::text, a.version, coalesce(d.number_text || ' · ', '') || t.title
                                   || ' · ' || u.name
                          from directives.task_assignment a
                          join organisation.org_unit u on u.id = a.unit_id
                          join directives.task t on t.id = a.task_id
                          join directives.document d on d.id = t.document_id
                         where a.id = :id and u.path <@ any(cast(:roots as ltree[]))
                           for update of a""")
                .param("id", id)
                .param("roots", roots(scope, permission))
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Override
    @Transactional
    public AssignmentView report(
            long assignmentId, int version, ProgressReport report, AccessScope scope, Actor actor) {
        Locked a = lock(assignmentId, REPORT, scope);
        if (a.version() != version) {
            throw new StaleTaskException();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = Text.clean(report.text());
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("text", "task.report.text.required"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "task.report.text.tooLong", MAX_TEXT));
        }
        Integer percent = report.percent();
        if (percent == null) {
            problems.add(new FieldProblem("percent", "task.report.percent.required"));
        } else if (percent < 0 || percent > 100) {
            problems.add(new FieldProblem("percent", "task.report.percent.range", percent));
        }
        List<ProgressReport.UploadedFile> files =
                report.files().stream().filter(f -> f.content().length > 0).toList();
        List<String> types = new ArrayList<>();
        if (files.size() > AttachmentCheck.MAX_FILES) {
            problems.add(new FieldProblem("files", "task.report.files.tooMany", AttachmentCheck.MAX_FILES));
        }
        for (ProgressReport.UploadedFile f : files) {
            String name = fileName(f.fileName());
            String type = AttachmentCheck.typeOf(f.content());
            if (f.content().length > AttachmentCheck.MAX_BYTES) {
                problems.add(new FieldProblem("files", "task.report.file.tooLarge", name, 5));
            } else if (type == null) {
                problems.add(new FieldProblem("files", "task.report.file.type", name));
            }
            types.add(type);
        }
        if (!problems.isEmpty()) {
            throw new TaskRejectedException(problems);
        }
        Instant now = Instant.now(clock);
        long reportId = jdbc.sql("""
                        insert into directives.task_report (assignment_id, percent, body, reported_at, reported_by)
                        values (:a, :p, :body, :at, :by) returning id""")
                .param("a", assignmentId)
                .param("p", percent)
                .param("body", text)
                .param("at", java.sql.Timestamp.from(now))
                .param("by", scope.displayName())
                .query(Long.class)
                .single();
        for (int i = 0; i < files.size(); i++) {
            jdbc.sql("""
                            insert into directives.task_report_attachment (report_id, file_name, content_type,
                                size_bytes, content) values (:r, :name, :type, :size, :content)""")
                    .param("r", reportId)
                    .param("name", fileName(files.get(i).fileName()))
                    .param("type", types.get(i))
                    .param("size", files.get(i).content().length)
                    .param("content", files.get(i).content())
                    .update();
        }
        int updated = jdbc.sql("""
                        update directives.task_assignment
                           set percent = :p, status = :status, last_report_at = :at, last_report_text = :body,
                               report_count = report_count + 1, version = version + 1
                         where id = :id and version = :v""")
                .param("p", percent)
                .param("status", percent == 100 ? DONE : IN_PROGRESS)
                .param("at", java.sql.Timestamp.from(now))
                .param("body", text)
                .param("id", assignmentId)
                .param("v", version)
                .update();
        if (updated != 1) {
            throw new StaleTaskException();
        }
        audit.record(AuditRecord.of(actor, "TASK_REPORTED", a.path())
                .target("TASK_ASSIGNMENT", assignmentId, a.label())
                .detail(percent + "%" + (files.isEmpty() ? "" : ", " + files.size() + " files")));
        return queries.assignment(assignmentId, roots(scope, REPORT)).orElseThrow();
    }

    private static String fileName(String raw) {
        String name = Text.clean(raw);
        if (name == null || name.isBlank()) {
            return "tep";
        }
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    @Override
    @Transactional
    public List<AssignmentView> cascade(
            long assignmentId, int version, Cascade cascade, AccessScope scope, Actor actor) {
        Locked a = lock(assignmentId, ASSIGN, scope);
        if (a.version() != version) {
            throw new StaleTaskException();
        }
        record Parent(long taskId, long unitId, LocalDate due) {}
        Parent parent = jdbc.sql("select task_id, unit_id, due_date from directives.task_assignment where id = :id")
                .param("id", assignmentId)
                .query((rs, n) -> new Parent(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
                .single();
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> units = new LinkedHashSet<>(cascade.unitIds());
        if (units.isEmpty()) {
            problems.add(new FieldProblem("unitIds", "task.cascade.units.required"));
        }
        if (cascade.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", "task.dueDate.required"));
        } else if (cascade.dueDate().isAfter(parent.due())) {
            // A unit cannot give its sub-units more time than it was given itself.
            problems.add(new FieldProblem(
                    "dueDate",
                    "task.cascade.due.afterParent",
                    Dates.format(cascade.dueDate()),
                    Dates.format(parent.due())));
        }
        problems.addAll(outsideSubtree(units, parent.unitId(), a.path(), "unitIds", scope));
        if (problems.isEmpty()) {
            List<Long> already = jdbc.sql("""
                            select unit_id from directives.task_assignment
                             where task_id = :t and unit_id = any(cast(:ids as bigint[]))""")
                    .param("t", parent.taskId())
                    .param("ids", SqlArrays.ofLongs(units))
                    .query(Long.class)
                    .list();
            for (long u : already) {
                problems.add(new FieldProblem("unitIds", "task.cascade.unit.already", labelOf(u, scope)));
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskRejectedException(problems);
        }
        List<Long> ids = new ArrayList<>();
        for (long u : units) {
            ids.add(insertAssignment(parent.taskId(), u, assignmentId, parent.unitId(), cascade.dueDate(), actor));
        }
        jdbc.sql("update directives.task_assignment set version = version + 1 where id = :id")
                .param("id", assignmentId)
                .update();
        audit.record(AuditRecord.of(actor, "TASK_CASCADED", a.path())
                .target("TASK_ASSIGNMENT", assignmentId, a.label())
                .detail(units.size() + " units, due " + Dates.format(cascade.dueDate())));
        String readRoots = roots(scope, READ);
        return ids.stream()
                .map(id -> queries.assignment(id, readRoots).orElseThrow())
                .toList();
    }

    @Override
    public CompletionMatrix matrix(long documentId, @Nullable Long subtreeUnitId, AccessScope scope) {
        String roots = roots(scope, READ);
        DocumentView document =
                queries.document(documentId, roots).orElseThrow(() -> new DocumentNotFoundException(documentId));
        String subPath = null;
        String subName = null;
        if (subtreeUnitId != null) {
            String[] sub = jdbc.sql("""
                            select u.path::text, u.name from organisation.org_unit u
                             where u.id = :id and u.path <@ any(cast(:roots as ltree[]))""")
                    .param("id", subtreeUnitId)
                    .param("roots", roots)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .optional()
                    .orElseThrow(() -> new TaskNotFoundException("unit " + subtreeUnitId));
            subPath = sub[0];
            subName = sub[1];
        }
        return new CompletionMatrix(
                document,
                queries.columns(documentId),
                queries.rows(documentId, roots, subPath),
                subtreeUnitId,
                subName,
                queries.topUnits(documentId, roots),
                queries.today());
    }

    @Override
    public List<TaskProgress> ofDocument(long documentId, AccessScope scope) {
        String roots = roots(scope, READ);
        if (queries.document(documentId, roots).isEmpty()) {
            return List.of();
        }
        return queries.progress(documentId, roots);
    }

    @Override
    public AttachmentFile attachment(long id, AccessScope scope) {
        return jdbc.sql("""
                        select f.file_name, f.content_type, f.content
                          from directives.task_report_attachment f
                          join directives.task_report r on r.id = f.report_id
                          join directives.task_assignment a on a.id = r.assignment_id
                          join organisation.org_unit u on u.id = a.unit_id
                         where f.id = :id and u.path <@ any(cast(:roots as ltree[]))""")
                .param("id", id)
                .param("roots", roots(scope, READ))
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new TaskNotFoundException(id));
    }
}
