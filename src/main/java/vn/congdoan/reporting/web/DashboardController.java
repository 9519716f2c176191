package vn.congdoan.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.reporting.Dashboard;
import vn.congdoan.reporting.Dashboards;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/**
 * {@code /dashboard?unit=&date=dd/MM/yyyy}: the charts, every figure also in a table, and {@code /dashboard.xlsx} with
 * the same figures. A unit outside the caller's {@code report.read} subtrees is 404; no unit and no {@code
 * report.read} anywhere is 403.
 */
@Controller
class DashboardController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Dashboards dashboards;
    private final Clock clock;

    DashboardController(Dashboards dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String date,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        LocalDate asOf = Dates.parse(date);
        if (date != null && !date.isBlank() && asOf == null) {
            model.addAttribute("dateProblem", true);
            model.addAttribute("dateText", date);
        }
        if (asOf == null) {
            asOf = Dates.today(clock);
        }
        Dashboard d = dashboards.dashboard(unit, asOf, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        model.addAttribute("d", d);
        model.addAttribute("b", d.members());
        // The layout loads Chart.js when "counts" is set.
        model.addAttribute("counts", d.unitsByType());
        model.addAttribute(
                "en", "en".equals(RequestContextUtils.getLocale(request).getLanguage()));
        return "reporting/dashboard/dashboard";
    }

    @GetMapping("/dashboard.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String date,
            AccessScope scope,
            HttpServletRequest request)
            throws IOException {
        LocalDate asOf = Dates.parse(date);
        if (asOf == null) {
            asOf = Dates.today(clock);
        }
        Dashboard d = dashboards.dashboard(unit, asOf, scope, scope.actor(request.getRemoteAddr()), "FILE");
        Locale locale = RequestContextUtils.getLocale(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dashboards.writeXlsx(d, locale, out);
        String name = "bang-dieu-khien-" + d.members().unitCode() + "-" + asOf + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }
}
