package vn.congdoan.directives.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.directives.AssignmentDetail;
import vn.congdoan.directives.AssignmentPage;
import vn.congdoan.directives.AssignmentView;
import vn.congdoan.directives.Cascade;
import vn.congdoan.directives.ProgressReport;
import vn.congdoan.directives.TaskFilter;
import vn.congdoan.directives.TaskRejectedException;
import vn.congdoan.directives.Tasks;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/**
 * Task assignments as JSON, through the same facade and scope rules as the pages: an assignment outside the caller's
 * subtree answers 404; refused fields 422 with {@code errors[]}; a stale {@code version} 409.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Nhiệm vụ được giao theo văn bản: danh sách, báo cáo tiến độ, giao tiếp xuống")
class TaskApiController {

    private final Tasks tasks;

    TaskApiController(Tasks tasks) {
        this.tasks = tasks;
    }

    record ReportRequest(
            int version, @Nullable String text, @Nullable Integer percent) {}

    record CascadeRequest(
            int version,
            @Nullable List<Long> unitIds,
            @Nullable String dueDate) {}

    @GetMapping
    @Operation(
            summary = "The task assignments of units in the caller's scope",
            description = "unitId: only that unit's subtree; status: NOT_STARTED, IN_PROGRESS, DONE; overdue=true:"
                    + " past the due date and not done. Overdue first, then by due date; pages of 50.")
    AssignmentPage list(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope) {
        return tasks.assignments(new TaskFilter(unitId, status, overdue, page), scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment with its reports and cascaded sub-assignments; 404 outside scope")
    AssignmentDetail get(@PathVariable long id, AccessScope scope) {
        return tasks.assignment(id, scope);
    }

    @PostMapping("/{id}/reports")
    @Operation(
            summary = "Report progress (text, percent 0-100); send the version you read (409 when stale)",
            description = "Attachments are uploaded through the page; 100 percent marks the assignment DONE.")
    AssignmentView report(
            @PathVariable long id, @RequestBody ReportRequest body, AccessScope scope, HttpServletRequest request) {
        return tasks.report(
                id,
                body.version(),
                new ProgressReport(body.text(), body.percent(), List.of()),
                scope,
                scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/{id}/cascade")
    @Operation(summary = "Pass the assignment down to sub-units (due date not after the parent's)")
    List<AssignmentView> cascade(
            @PathVariable long id, @RequestBody CascadeRequest body, AccessScope scope, HttpServletRequest request) {
        var due = Dates.parse(body.dueDate());
        if (body.dueDate() != null && !body.dueDate().isBlank() && due == null) {
            // Answer like the facade would, but only once the assignment is known to be reachable.
            tasks.assignment(id, scope);
            throw new TaskRejectedException(new FieldProblem("dueDate", "task.dueDate.format", body.dueDate()));
        }
        return tasks.cascade(
                id,
                body.version(),
                new Cascade(body.unitIds() == null ? List.of() : body.unitIds(), due),
                scope,
                scope.actor(request.getRemoteAddr()));
    }
}
