package vn.congdoan.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.shared.AccessScope;

/** Who saw or exported sensitive personal data, for the people who hold the audit permission. */
@Controller
class AccessLogController {

    private final AccessLog log;

    AccessLogController(AccessLog log) {
        this.log = log;
    }

    @GetMapping("/admin/access-log")
    String accessLog(@RequestParam(defaultValue = "0") int page, AccessScope scope, Model model) {
        scope.require(AuditTrail.READ);
        int p = Math.max(0, page);
        model.addAttribute("entries", log.search(p, scope));
        model.addAttribute("page", p);
        model.addAttribute("pageSize", AccessLog.PAGE_SIZE);
        return "audit/access-log";
    }
}
