package vn.congdoan.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.congdoan.organisation.PlanResult;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;

/**
 * Bulk restructuring from an XLSX plan: download the template, upload, see every row's error or what it will do,
 * apply the checked file in one transaction. The checked file waits in the session, so what is applied is exactly
 * what was previewed.
 */
@Controller
class RestructurePlanController {

    static final String SESSION_KEY = "congdoan.restructure.plan";
    static final long MAX_BYTES = 2 * 1024 * 1024;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Restructurings restructurings;

    RestructurePlanController(Restructurings restructurings) {
        this.restructurings = restructurings;
    }

    @GetMapping("/restructure/plan")
    String page(AccessScope scope, Model model) {
        scope.require(Restructurings.PERMISSION);
        return "organisation/plan";
    }

    @GetMapping("/restructure/plan/template")
    void template(AccessScope scope, HttpServletResponse response) throws IOException {
        scope.require(Restructurings.PERMISSION);
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("ke-hoach-sap-xep-to-chuc.xlsx")
                        .build()
                        .toString());
        restructurings.writePlanTemplate(response.getOutputStream());
    }

    @PostMapping("/restructure/plan")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "check") String step,
            AccessScope scope,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        scope.require(Restructurings.PERMISSION);
        byte[] content;
        if ("apply".equals(step)) {
            content = (byte[]) session.getAttribute(SESSION_KEY);
            if (content == null) {
                return refuse("organisation.plan.nothingChecked", response, model);
            }
        } else {
            if (file == null || file.isEmpty()) {
                return refuse("organisation.plan.noFile", response, model);
            }
            if (file.getSize() > MAX_BYTES) {
                return refuse("organisation.plan.tooLarge", response, model);
            }
            content = file.getBytes();
        }
        PlanResult result;
        try {
            result = "apply".equals(step)
                    ? restructurings.applyPlan(
                            new ByteArrayInputStream(content), scope, scope.actor(request.getRemoteAddr()))
                    : restructurings.checkPlan(new ByteArrayInputStream(content), scope);
        } catch (BusinessException e) {
            session.removeAttribute(SESSION_KEY);
            response.setStatus(422);
            model.addAttribute("error", e);
            return "organisation/plan";
        }
        if (result.valid() && !result.applied()) {
            session.setAttribute(SESSION_KEY, content);
        } else {
            session.removeAttribute(SESSION_KEY);
        }
        if (!result.valid()) {
            response.setStatus(422);
        }
        model.addAttribute("result", result);
        return "organisation/plan";
    }

    private static String refuse(String key, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("error", new BusinessException(key));
        return "organisation/plan";
    }
}
