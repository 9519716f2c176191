package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.finance.BudgetConflictException;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Disclosures;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/** Disclosures (deadlines, overdue, publication, the PDF) and charity drives. */
@Controller
class DisclosuresController {

    private final Disclosures disclosures;
    private final Budgets budgets;
    private final MessageSource messages;
    private final Clock clock;

    DisclosuresController(Disclosures disclosures, Budgets budgets, MessageSource messages, Clock clock) {
        this.disclosures = disclosures;
        this.budgets = budgets;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/finance/disclosures")
    String list(@RequestParam(defaultValue = "false") boolean overdue, AccessScope scope, Model model) {
        model.addAttribute("items", disclosures.list(overdue, null, scope));
        model.addAttribute("overdueOnly", overdue);
        model.addAttribute("today", Dates.format(Dates.today(clock)));
        model.addAttribute("errors", Map.of());
        return "finance/disclosures/list";
    }

    @GetMapping("/finance/disclosures/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return FinanceForms.send(disclosures.pdf(id, scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/finance/disclosures/{id}/publish")
    String publish(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String publishedOn,
            @RequestParam(required = false) @Nullable String publishedWhere,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        List<FieldProblem> problems = new ArrayList<>();
        var on = FinanceForms.date("publishedOn", publishedOn, problems);
        try {
            if (!problems.isEmpty()) {
                disclosures.disclosure(id, scope);
                throw new FinanceRejectedException(problems);
            }
            disclosures.publish(
                    id, FinanceForms.version(version), on, publishedWhere, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.published");
            return "redirect:/finance/disclosures";
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            model.addAttribute("items", disclosures.list(false, null, scope));
            model.addAttribute("overdueOnly", false);
            model.addAttribute("today", Dates.format(Dates.today(clock)));
            model.addAttribute("errors", FinanceForms.errors(e, messages, request));
            model.addAttribute("failedId", id);
            return "finance/disclosures/list";
        } catch (BudgetConflictException e) {
            response.setStatus(409);
            model.addAttribute("what", "disclosure");
            return "finance/disclosures/conflict";
        }
    }

    // ---------------------------------------------------------------- drives

    @GetMapping("/finance/drives")
    String drives(AccessScope scope, Model model) {
        model.addAttribute("drives", disclosures.drives(scope));
        model.addAttribute("canCreate", scope.can(FeeRules.POST));
        return "finance/disclosures/drives";
    }

    @GetMapping("/finance/drives/new")
    String newDrive(AccessScope scope, Model model) {
        scope.require(FeeRules.POST);
        return driveForm(null, Map.of(), Map.of(), scope, model);
    }

    @PostMapping("/finance/drives")
    String createDrive(
            @RequestParam Map<String, String> fields,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        Disclosures.DriveInput input = input(fields, problems);
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            long id = disclosures.createDrive(input, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/finance/drives/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return driveForm(null, fields, FinanceForms.errors(e, messages, request), scope, model);
        }
    }

    @GetMapping("/finance/drives/{id}")
    String drive(@PathVariable long id, AccessScope scope, Model model) {
        Disclosures.DriveView d = disclosures.drive(id, scope);
        model.addAttribute("drive", d);
        return driveForm(d, Map.of(), Map.of(), scope, model);
    }

    @PostMapping("/finance/drives/{id}")
    String updateDrive(
            @PathVariable long id,
            @RequestParam Map<String, String> fields,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Disclosures.DriveView d = disclosures.drive(id, scope);
        List<FieldProblem> problems = new ArrayList<>();
        Disclosures.DriveInput input = input(fields, problems);
        try {
            if (!problems.isEmpty()) {
                if (!d.canEdit()) {
                    throw new vn.congdoan.finance.FinanceNotFoundException("drive", id);
                }
                throw new FinanceRejectedException(problems);
            }
            disclosures.updateDrive(
                    id,
                    FinanceForms.version(fields.get("version")),
                    input,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.saved");
            return "redirect:/finance/drives/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return driveForm(d, fields, FinanceForms.errors(e, messages, request), scope, model);
        } catch (BudgetConflictException e) {
            response.setStatus(409);
            model.addAttribute("what", "drive");
            return "finance/disclosures/conflict";
        }
    }

    private String driveForm(
            Disclosures.@Nullable DriveView drive,
            Map<String, String> typed,
            Map<String, String> errors,
            AccessScope scope,
            Model model) {
        model.addAttribute("drive", drive);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("units", budgets.preparableUnits(scope));
        return "finance/disclosures/drive";
    }

    private static Disclosures.DriveInput input(Map<String, String> f, List<FieldProblem> problems) {
        Long unit = null;
        try {
            String u = f.get("unitId");
            unit = u == null || u.isBlank() ? null : Long.parseLong(u.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("unitId", "budgets.unit.required"));
        }
        return new Disclosures.DriveInput(
                unit,
                f.get("name"),
                f.get("purpose"),
                FinanceForms.date("collectionStartsOn", f.get("collectionStartsOn"), problems),
                FinanceForms.date("collectionEndsOn", f.get("collectionEndsOn"), problems),
                FinanceForms.date("distributionEndsOn", f.get("distributionEndsOn"), problems),
                FinanceForms.amount("moneyReceived", f.get("moneyReceived"), problems),
                FinanceForms.amount("moneyDistributed", f.get("moneyDistributed"), problems),
                f.get("goodsReceived"),
                f.get("goodsDistributed"));
    }
}
