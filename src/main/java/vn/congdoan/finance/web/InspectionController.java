package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.finance.FinanceInspection;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/** The inspection committee's view (finance.inspect): the subtree's budget status and overdue disclosures, a unit's books. */
@Controller
class InspectionController {

    private final FinanceInspection inspection;
    private final Clock clock;

    InspectionController(FinanceInspection inspection, Clock clock) {
        this.inspection = inspection;
        this.clock = clock;
    }

    @GetMapping("/finance/inspection")
    String overview(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        int y = year == null ? Dates.today(clock).getYear() - 1 : year;
        model.addAttribute("o", inspection.overview(y, page, scope));
        return "finance/inspection/overview";
    }

    @GetMapping("/finance/inspection/units/{id}")
    String unit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer year,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        int y = year == null ? Dates.today(clock).getYear() - 1 : year;
        model.addAttribute("u", inspection.unit(id, y, scope, scope.actor(request.getRemoteAddr())));
        // The ledger and the arrears live on the pages of the other finance areas; the inspector follows these links
        // (each of those pages logs its own inspection view).
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("budgets.inspection.link.ledger", "/finance/units/" + id + "/ledger");
        links.put("budgets.inspection.link.dues", "/finance/dues/arrears?unitId=" + id);
        links.put("budgets.inspection.link.fund", "/finance/fund?unitId=" + id);
        model.addAttribute("links", links);
        return "finance/inspection/unit";
    }
}
