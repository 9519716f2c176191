package vn.congdoan.enterprises.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterprisePage;
import vn.congdoan.enterprises.EnterpriseRejectedException;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.OrganisingGroup;
import vn.congdoan.enterprises.StaleEnterpriseException;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;

/** The register's pages: list with filters, detail, create and edit forms, the organising list, exports. */
@Controller
@RequestMapping("/enterprises")
class EnterpriseController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Enterprises enterprises;

    EnterpriseController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable String ownership,
            @RequestParam(required = false) @Nullable String union,
            @RequestParam(required = false) @Nullable Integer minWorkers,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(q, commune, ownership, union, minWorkers, sort, page);
        EnterprisePage result = enterprises.search(filter, scope);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("pages", Math.max(1, (result.total() + result.size() - 1) / result.size()));
        model.addAttribute("canWrite", scope.can(Enterprises.WRITE));
        codeLists(model);
        return htmx ? "enterprises/list :: results" : "enterprises/list";
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable String ownership,
            @RequestParam(required = false) @Nullable String union,
            @RequestParam(required = false) @Nullable Integer minWorkers,
            @RequestParam(required = false) @Nullable String sort,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        EnterpriseFilter filter = new EnterpriseFilter(q, commune, ownership, union, minWorkers, sort, 0);
        scope.require(Enterprises.READ);
        download(response, "doanh-nghiep-" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + ".xlsx");
        enterprises.exportList(filter, scope, scope.actor(request.getRemoteAddr()), response.getOutputStream());
    }

    @GetMapping("/organising")
    String organising(AccessScope scope, Model model) {
        var groups = enterprises.organising(scope);
        model.addAttribute("groups", groups);
        model.addAttribute(
                "total", groups.stream().mapToInt(OrganisingGroup::count).sum());
        model.addAttribute(
                "workers", groups.stream().mapToLong(OrganisingGroup::workers).sum());
        model.addAttribute("threshold", Enterprises.ORGANISING_THRESHOLD);
        return "enterprises/organising";
    }

    @GetMapping("/organising/export")
    void exportOrganising(AccessScope scope, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        scope.require(Enterprises.READ);
        download(response, "danh-sach-phat-trien-cdcs-" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + ".xlsx");
        enterprises.exportOrganising(scope, scope.actor(request.getRemoteAddr()), response.getOutputStream());
    }

    @GetMapping("/covered-by/{id}")
    String coveredBy(@PathVariable("id") long unitId, AccessScope scope, Model model) {
        model.addAttribute("covered", enterprises.coveredBy(unitId, scope));
        return "enterprises/covered :: covered";
    }

    @GetMapping("/new")
    String newForm(AccessScope scope, Model model) {
        scope.require(Enterprises.WRITE);
        var managing = enterprises.managingUnits(scope);
        EnterpriseCommand blank = EnterpriseCommand.blank();
        if (managing.size() == 1) {
            blank = new EnterpriseCommand(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    managing.get(0).code(),
                    null,
                    null);
        }
        model.addAttribute("form", blank);
        return form(null, scope, model);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") EnterpriseCommand form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(Enterprises.WRITE);
        try {
            if (errors.hasErrors()) {
                enterprises.validate(form, null, scope);
                return form(null, scope, model);
            }
            long id = enterprises.create(form, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "enterprise.created");
            return "redirect:/enterprises/" + id;
        } catch (EnterpriseRejectedException e) {
            reject(e, errors);
            return form(null, scope, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, AccessScope scope, Model model) {
        EnterpriseView e = enterprises.get(id, scope);
        model.addAttribute("enterprise", e);
        model.addAttribute("updatedAt", e.updatedAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        model.addAttribute("canWrite", scope.can(Enterprises.WRITE));
        return "enterprises/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, AccessScope scope, Model model) {
        EnterpriseView e = enterprises.getForUpdate(id, scope);
        model.addAttribute("form", e.toCommand());
        return form(e, scope, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") EnterpriseCommand form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        EnterpriseView current = enterprises.getForUpdate(id, scope);
        try {
            if (errors.hasErrors()) {
                enterprises.validate(form, id, scope);
                return form(current, scope, model);
            }
            enterprises.update(id, form, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "enterprise.updated");
            return "redirect:/enterprises/" + id;
        } catch (EnterpriseRejectedException e) {
            reject(e, errors);
            return form(current, scope, model);
        } catch (StaleEnterpriseException e) {
            response.setStatus(409);
            model.addAttribute("enterprise", current);
            return "enterprises/conflict";
        }
    }

    private String form(@Nullable EnterpriseView existing, AccessScope scope, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("managingUnits", enterprises.managingUnits(scope));
        model.addAttribute("coveringUnits", enterprises.coveringUnits(scope));
        codeLists(model);
        return "enterprises/form";
    }

    private void codeLists(Model model) {
        model.addAttribute("ownershipTypes", enterprises.ownershipTypes());
        model.addAttribute("sectors", enterprises.sectors());
        model.addAttribute("communes", enterprises.communes());
    }

    static void reject(EnterpriseRejectedException e, BindingResult errors) {
        for (FieldProblem p : e.problems()) {
            if (!errors.hasFieldErrors(p.field())) {
                errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    static void download(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }
}
