package vn.congdoan.audit.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.audit.AuditFilter;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.shared.AccessScope;

/** The audit trail page for administrators, filterable by action, account and dates. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        scope.require(AuditTrail.READ);
        AuditFilter filter = new AuditFilter(action, actor, from, to, Math.max(0, page));
        model.addAttribute("filter", filter);
        model.addAttribute("entries", trail.search(filter, scope));
        model.addAttribute("actions", trail.actions());
        model.addAttribute("pageSize", AuditTrail.PAGE_SIZE);
        return "audit/list";
    }
}
