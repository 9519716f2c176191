package vn.congdoan.directives.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.directives.AssignmentDetail;
import vn.congdoan.directives.AttachmentFile;
import vn.congdoan.directives.Cascade;
import vn.congdoan.directives.ProgressReport;
import vn.congdoan.directives.StaleTaskException;
import vn.congdoan.directives.TaskFilter;
import vn.congdoan.directives.TaskRejectedException;
import vn.congdoan.directives.Tasks;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/**
 * Task pages: the caller's assignments, one assignment (report history, report form, cascade form) and the issuer's
 * completion matrix of a document.
 */
@Controller
class TaskController {

    private final Tasks tasks;
    private final OrgTree tree;
    private final MessageSource messages;

    TaskController(Tasks tasks, OrgTree tree, MessageSource messages) {
        this.tasks = tasks;
        this.tree = tree;
        this.messages = messages;
    }

    @GetMapping("/tasks")
    String list(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", tasks.assignments(new TaskFilter(unitId, st, overdue, page), scope));
        model.addAttribute("unitId", unitId);
        model.addAttribute("status", st);
        model.addAttribute("overdue", overdue);
        return "directives/tasks/list";
    }

    @GetMapping("/tasks/assignments/{id}")
    String assignment(@PathVariable long id, AccessScope scope, Model model) {
        return show(id, scope, model, Map.of(), null, null);
    }

    private String show(
            long id,
            AccessScope scope,
            Model model,
            Map<String, List<String>> errors,
            @Nullable String form,
            @Nullable Map<String, Object> values) {
        AssignmentDetail detail = tasks.assignment(id, scope);
        model.addAttribute("d", detail);
        model.addAttribute("a", detail.assignment());
        boolean canReport = scope.roots(Tasks.REPORT).stream()
                .anyMatch(r -> tree.isWithin(detail.assignment().unitId(), List.of(r)));
        boolean canAssign = scope.roots(Tasks.ASSIGN).stream()
                .anyMatch(r -> tree.isWithin(detail.assignment().unitId(), List.of(r)));
        List<OrgUnitView> children =
                canAssign ? tree.children(detail.assignment().unitId(), scope) : List.of();
        model.addAttribute("canReport", canReport);
        model.addAttribute("canCascade", canAssign && !children.isEmpty());
        model.addAttribute("children", children);
        model.addAttribute(
                "alreadyGiven",
                detail.subAssignments().stream()
                        .map(vn.congdoan.directives.AssignmentView::unitId)
                        .toList());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("values", values == null ? Map.of() : values);
        return "directives/tasks/assignment";
    }

    @PostMapping("/tasks/assignments/{id}/reports")
    String report(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String percent,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", text == null ? "" : text);
        values.put("percent", percent == null ? "" : percent);
        Integer pct = null;
        if (percent != null && !percent.isBlank()) {
            try {
                pct = Integer.valueOf(percent.strip());
            } catch (NumberFormatException e) {
                return rejected(
                        id,
                        scope,
                        model,
                        request,
                        "report",
                        values,
                        new TaskRejectedException(new FieldProblem("percent", "task.report.percent.number", percent)));
            }
        }
        List<ProgressReport.UploadedFile> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new ProgressReport.UploadedFile(
                            f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            tasks.report(
                    id, version, new ProgressReport(text, pct, uploads), scope, scope.actor(request.getRemoteAddr()));
        } catch (TaskRejectedException e) {
            return rejected(id, scope, model, request, "report", values, e);
        } catch (StaleTaskException e) {
            return stale(id, scope, model, request, "report", values);
        }
        flash.addFlashAttribute("notice", "task.report.done");
        return "redirect:/tasks/assignments/" + id;
    }

    @PostMapping("/tasks/assignments/{id}/cascade")
    String cascade(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(name = "unitIds", required = false) @Nullable List<Long> unitIds,
            @RequestParam(required = false) @Nullable String dueDate,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("unitIds", unitIds == null ? List.of() : unitIds);
        values.put("dueDate", dueDate == null ? "" : dueDate);
        var due = Dates.parse(dueDate);
        if (dueDate != null && !dueDate.isBlank() && due == null) {
            return rejected(
                    id,
                    scope,
                    model,
                    request,
                    "cascade",
                    values,
                    new TaskRejectedException(new FieldProblem("dueDate", "task.dueDate.format", dueDate)));
        }
        try {
            tasks.cascade(
                    id,
                    version,
                    new Cascade(unitIds == null ? List.of() : unitIds, due),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (TaskRejectedException e) {
            return rejected(id, scope, model, request, "cascade", values, e);
        } catch (StaleTaskException e) {
            return stale(id, scope, model, request, "cascade", values);
        }
        flash.addFlashAttribute("notice", "task.cascade.done");
        return "redirect:/tasks/assignments/" + id;
    }

    private String rejected(
            long id,
            AccessScope scope,
            Model model,
            HttpServletRequest request,
            String form,
            Map<String, Object> values,
            TaskRejectedException e) {
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                    .add(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        }
        return show(id, scope, model, errors, form, values);
    }

    private String stale(
            long id,
            AccessScope scope,
            Model model,
            HttpServletRequest request,
            String form,
            Map<String, Object> values) {
        Locale locale = RequestContextUtils.getLocale(request);
        return show(
                id,
                scope,
                model,
                Map.of("version", List.of(messages.getMessage("task.stale", null, locale))),
                form,
                values);
    }

    @GetMapping("/tasks/documents/{id}")
    String matrix(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long unit,
            AccessScope scope,
            Model model) {
        var m = tasks.matrix(id, unit, scope);
        model.addAttribute("m", m);
        model.addAttribute(
                "canAddTask",
                scope.roots(Tasks.ASSIGN).stream()
                        .anyMatch(r -> tree.isWithin(m.document().unitId(), List.of(r))));
        return "directives/tasks/matrix";
    }

    @GetMapping("/tasks/documents/{id}/new")
    String newTask(@PathVariable long id, AccessScope scope, Model model) {
        model.addAttribute("f", tasks.newTaskForm(id, scope));
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of("unitIds", List.of()));
        return "directives/tasks/new";
    }

    @PostMapping("/tasks/documents/{id}/new")
    String createTask(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String dueDate,
            @RequestParam(required = false) @Nullable String ownerRole,
            @RequestParam(name = "unitIds", required = false) @Nullable List<Long> unitIds,
            @RequestParam(required = false) @Nullable String unitType,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        var form = tasks.newTaskForm(id, scope);
        List<Long> units = unitIds == null ? List.of() : unitIds;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", title == null ? "" : title);
        values.put("description", description == null ? "" : description);
        values.put("dueDate", dueDate == null ? "" : dueDate);
        values.put("ownerRole", ownerRole == null ? "" : ownerRole);
        values.put("unitIds", units.stream().map(String::valueOf).toList());
        values.put("unitType", unitType == null ? "" : unitType);
        var due = Dates.parse(dueDate);
        try {
            if (dueDate != null && !dueDate.isBlank() && due == null) {
                throw new TaskRejectedException(new FieldProblem("dueDate", "task.dueDate.format", dueDate));
            }
            tasks.create(
                    id,
                    new vn.congdoan.directives.NewTask(
                            title,
                            description,
                            due,
                            ownerRole,
                            units,
                            unitType == null || unitType.isBlank() ? null : unitType,
                            null),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (TaskRejectedException e) {
            Locale locale = RequestContextUtils.getLocale(request);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                        .add(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
            }
            model.addAttribute("f", form);
            model.addAttribute("errors", errors);
            model.addAttribute("values", values);
            return "directives/tasks/new";
        }
        flash.addFlashAttribute("notice", "task.created");
        return "redirect:/tasks/documents/" + id;
    }

    @GetMapping("/tasks/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, AccessScope scope) {
        AttachmentFile f = tasks.attachment(id, scope);
        String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }
}
