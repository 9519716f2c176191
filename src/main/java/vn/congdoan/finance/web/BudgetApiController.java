package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Disclosures;

/** Budgets, settlements and disclosures over the API (read), scoped like the pages. */
@RestController
@RequestMapping("/api/v1/finance")
class BudgetApiController {

    private final Budgets budgets;
    private final Disclosures disclosures;

    BudgetApiController(Budgets budgets, Disclosures disclosures) {
        this.budgets = budgets;
        this.disclosures = disclosures;
    }

    /** Budgets and settlements of the caller's subtrees (50 a page). */
    @GetMapping("/budgets")
    Budgets.BudgetPage budgets(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            vn.congdoan.shared.AccessScope scope) {
        return budgets.search(new Budgets.BudgetFilter(year, kind, status, false, page), scope);
    }

    /** One budget with its lines, actuals, spending-structure warnings and history. */
    @GetMapping("/budgets/{id}")
    Budgets.BudgetDetail budget(
            @PathVariable long id, vn.congdoan.shared.AccessScope scope, HttpServletRequest request) {
        return budgets.detail(id, scope, scope.actor(request.getRemoteAddr()));
    }

    /** Disclosures of the caller's subtrees with their deadlines; {@code overdue=true} keeps the late ones. */
    @GetMapping("/disclosures")
    List<Disclosures.DisclosureView> disclosures(
            @RequestParam(defaultValue = "false") boolean overdue, vn.congdoan.shared.AccessScope scope) {
        return disclosures.list(overdue, null, scope);
    }
}
