package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
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
import vn.congdoan.shared.Money;

/** Budgets and settlements: list, new, detail with lines, save, submit, approve, return, XLSX and PDF. */
@Controller
@RequestMapping("/finance/budgets")
class BudgetsController {

    private final Budgets budgets;
    private final Disclosures disclosures;
    private final MessageSource messages;
    private final Clock clock;

    BudgetsController(Budgets budgets, Disclosures disclosures, MessageSource messages, Clock clock) {
        this.budgets = budgets;
        this.disclosures = disclosures;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean toDecide,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        model.addAttribute(
                "result", budgets.search(new Budgets.BudgetFilter(year, kind, status, toDecide, page), scope));
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("toDecide", toDecide);
        model.addAttribute("canPrepare", scope.can(FeeRules.POST));
        model.addAttribute("canApprove", scope.can(FeeRules.APPROVE));
        model.addAttribute("overdue", disclosures.overdueBelow(scope));
        return "finance/budgets/list";
    }

    @GetMapping("/new")
    String newForm(AccessScope scope, Model model) {
        scope.require(FeeRules.POST);
        int next = Dates.today(clock).getYear() + 1;
        return form(null, next, Budgets.ESTIMATE, Map.of(), scope, model);
    }

    @PostMapping
    String create(
            @RequestParam(required = false) @Nullable String unitId,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String kind,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Long unit = parseLong(unitId);
        Integer y = parseInt(year);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            if (year != null && !year.isBlank() && y == null) {
                problems.add(new FieldProblem("year", "budgets.year.format"));
            }
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            long id = budgets.create(new Budgets.NewBudget(unit, y, kind), scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.created");
            return "redirect:/finance/budgets/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return form(unit, y, kind, FinanceForms.errors(e, messages, request), scope, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return detailView(id, Map.of(), null, scope, request, model);
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable long id,
            @RequestParam Map<String, String> fields,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Money> planned = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("line.")) {
                String code = k.substring(5);
                Money m = FinanceForms.amount(k, v, problems);
                planned.put(code, m == null ? Money.ZERO : m);
            }
        });
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            budgets.save(
                    id,
                    FinanceForms.version(fields.get("version")),
                    planned,
                    fields.get("note"),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.saved");
            return "redirect:/finance/budgets/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return detailView(id, FinanceForms.errors(e, messages, request), fields, scope, request, model);
        } catch (BudgetConflictException e) {
            return conflict(id, scope, request, response, model);
        }
    }

    @PostMapping("/{id}/submit")
    String submit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            budgets.submit(id, FinanceForms.version(version), scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.submitted");
            return "redirect:/finance/budgets/" + id;
        } catch (BudgetConflictException e) {
            return conflict(id, scope, request, response, model);
        }
    }

    @PostMapping("/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String note,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            budgets.approve(id, FinanceForms.version(version), note, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.approved");
            return "redirect:/finance/budgets/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return detailView(id, FinanceForms.errors(e, messages, request), null, scope, request, model);
        } catch (BudgetConflictException e) {
            return conflict(id, scope, request, response, model);
        }
    }

    @PostMapping("/{id}/return")
    String returnToUnit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String reason,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            budgets.returnToUnit(
                    id,
                    FinanceForms.version(version),
                    reason == null ? "" : reason,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("budgetNotice", "budgets.returned");
            return "redirect:/finance/budgets/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return detailView(id, FinanceForms.errors(e, messages, request), null, scope, request, model);
        } catch (BudgetConflictException e) {
            return conflict(id, scope, request, response, model);
        }
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return FinanceForms.send(budgets.xlsx(id, scope, scope.actor(request.getRemoteAddr())));
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return FinanceForms.send(budgets.pdf(id, scope, scope.actor(request.getRemoteAddr())));
    }

    private String detailView(
            long id,
            Map<String, String> errors,
            @Nullable Map<String, String> typed,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("b", budgets.detail(id, scope, scope.actor(request.getRemoteAddr())));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        return "finance/budgets/detail";
    }

    private String conflict(
            long id, AccessScope scope, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("b", budgets.detail(id, scope, scope.actor(request.getRemoteAddr())));
        return "finance/budgets/conflict";
    }

    private String form(
            @Nullable Long unitId,
            @Nullable Integer year,
            @Nullable String kind,
            Map<String, String> errors,
            AccessScope scope,
            Model model) {
        model.addAttribute("units", budgets.preparableUnits(scope));
        model.addAttribute("unitId", unitId);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind == null ? Budgets.ESTIMATE : kind);
        model.addAttribute("errors", errors);
        return "finance/budgets/form";
    }

    private static @Nullable Long parseLong(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer parseInt(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
