package vn.congdoan.directives;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Tasks carried by a document and their assignments down the tree (DOMAIN.md §12: Thông báo 108/TB-LĐLĐ asks each
 * subordinate union to concretise its nine key tasks and report). An assignment is visible with {@link #READ} over
 * the assigned unit (the issuing unit is an ancestor of every unit it assigns, so the issuer sees them all); outside
 * that it is "not found" (404). Reporting needs {@link #REPORT} and cascading {@link #ASSIGN} over the assigned unit.
 */
public interface Tasks {

    String READ = Documents.READ;
    String ASSIGN = "task.assign";
    String REPORT = "task.report";

    String NOT_STARTED = "NOT_STARTED";
    String IN_PROGRESS = "IN_PROGRESS";
    String DONE = "DONE";

    int PAGE_SIZE = 50;

    /**
     * Adds a task to an outgoing document of a unit where the caller holds {@link #ASSIGN}, and assigns it to the
     * chosen units and/or every open unit of a type in a subtree (today's tree), all inside the issuer's subtree.
     * Refuses with {@link TaskRejectedException} (fields named); audited as {@code TASK_ASSIGNED}.
     *
     * @return the new task's id
     */
    long create(long documentId, NewTask task, AccessScope scope, Actor actor);

    /**
     * What the new-task form of a document offers; the document must be issued by a unit where the caller holds
     * {@link #ASSIGN} ({@link DocumentNotFoundException} otherwise).
     */
    NewTaskForm newTaskForm(long documentId, AccessScope scope);

    /** The assignments in the caller's {@link #READ} subtrees, filtered, overdue first then by due date. */
    AssignmentPage assignments(TaskFilter filter, AccessScope scope);

    /** One assignment with its task, report history and cascaded sub-assignments; 404 outside scope. */
    AssignmentDetail assignment(long id, AccessScope scope);

    /**
     * Appends a progress report to an assignment of a unit where the caller holds {@link #REPORT}; the assignment
     * takes the reported percent (100 = DONE). Refuses a stale {@code version} with {@link StaleTaskException} and
     * bad input with {@link TaskRejectedException}; audited as {@code TASK_REPORTED}.
     */
    AssignmentView report(long assignmentId, int version, ProgressReport report, AccessScope scope, Actor actor);

    /**
     * Passes an assignment further down: each chosen unit must lie strictly inside the assigned unit's subtree (and
     * the caller's {@link #ASSIGN} scope); the due date may not be after the parent assignment's. Audited as {@code
     * TASK_CASCADED}.
     *
     * @return the new sub-assignments
     */
    List<AssignmentView> cascade(long assignmentId, int version, Cascade cascade, AccessScope scope, Actor actor);

    /**
     * The completion matrix of a document: rows are the assigned units in the caller's scope (the topmost ones the
     * caller can see — for the issuer, the units it assigned — or every assignment inside {@code subtreeUnitId} when
     * given), columns the document's tasks. Visible with
     * {@link #READ} over the issuing unit or over one of the assigned units; 404 otherwise. Two SQL queries.
     */
    CompletionMatrix matrix(long documentId, @Nullable Long subtreeUnitId, AccessScope scope);

    /** The document's tasks with the progress of each assigned unit the caller may see (empty when none). */
    List<TaskProgress> ofDocument(long documentId, AccessScope scope);

    /** One report attachment, if the caller may see its assignment. */
    AttachmentFile attachment(long id, AccessScope scope);
}
