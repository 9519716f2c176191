package vn.congdoan.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.organisation.CreateUnitTypeCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;

/** Unit types are data: the list, and a form for the administrator to add one. */
@Controller
class UnitTypeController {

    private final OrgTree tree;
    private final Clock clock;

    UnitTypeController(OrgTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping("/admin/unit-types")
    String list(AccessScope scope, Model model) {
        scope.require(OrgTree.CONFIGURE);
        model.addAttribute("types", tree.unitTypes());
        model.addAttribute("today", Dates.today(clock));
        return "organisation/unit-types";
    }

    @PostMapping("/admin/unit-types")
    String add(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "0") int legalLevel,
            @RequestParam(defaultValue = "100") int sortOrder,
            @RequestParam(defaultValue = "false") boolean grassroots,
            @RequestParam(required = false) @Nullable String validFrom,
            @RequestParam(required = false) @Nullable String note,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        scope.require(OrgTree.CONFIGURE);
        LocalDate from = Dates.parse(validFrom);
        try {
            tree.addUnitType(
                    new CreateUnitTypeCommand(
                            code,
                            name,
                            nameEn,
                            legalLevel,
                            sortOrder,
                            grassroots,
                            from == null ? Dates.today(clock) : from,
                            note),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (BusinessException e) {
            if (e instanceof vn.congdoan.shared.ForbiddenException) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("error", e);
            model.addAttribute("types", tree.unitTypes());
            model.addAttribute("today", Dates.today(clock));
            model.addAttribute(
                    "draft",
                    new CreateUnitTypeCommand(
                            code,
                            name,
                            nameEn,
                            legalLevel,
                            sortOrder,
                            grassroots,
                            from == null ? Dates.today(clock) : from,
                            note));
            return "organisation/unit-types";
        }
        redirect.addFlashAttribute("added", code.strip().toUpperCase());
        return "redirect:/admin/unit-types";
    }
}
