package vn.congdoan.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.reporting.ReportRejectedException;
import vn.congdoan.reporting.StaleReportException;
import vn.congdoan.reporting.StatisticsReports;
import vn.congdoan.reporting.StatisticsReports.Period;
import vn.congdoan.reporting.StatisticsReports.ReportView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;

/** Periodic statistics pages: the overview of a unit and period, one report (fill, submit, review), exports. */
@Controller
class ReportController {

    private final StatisticsReports reports;
    private final Clock clock;

    ReportController(StatisticsReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String overview(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String template,
            @RequestParam(required = false) @Nullable Integer year,
            AccessScope scope,
            Model model) {
        scope.require(StatisticsReports.READ);
        long unit = unitId == null ? scope.homeUnitId() : unitId;
        List<Period> periods = reports.periods(Dates.today(clock), 12);
        Period period = template != null && year != null
                ? reports.period(template, year)
                : periods.stream()
                        .filter(p -> p.to().isBefore(Dates.today(clock)))
                        .findFirst()
                        .orElse(periods.get(0));
        model.addAttribute("periods", periods);
        model.addAttribute("period", period);
        model.addAttribute("rollUp", reports.rollUp(unit, period, scope));
        model.addAttribute("unitId", unit);
        model.addAttribute("canOpen", scope.can(StatisticsReports.SUBMIT));
        return "reporting/reports/overview";
    }

    @PostMapping("/reports/open")
    String open(
            @RequestParam long unitId,
            @RequestParam String template,
            @RequestParam int year,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        try {
            ReportView r = reports.open(template, year, unitId, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/reports/" + r.id();
        } catch (ReportRejectedException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("periods", reports.periods(Dates.today(clock), 12));
            return "reporting/reports/open-refused";
        }
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, AccessScope scope, Model model) {
        model.addAttribute("r", reports.get(id, scope));
        model.addAttribute("problems", List.of());
        return "reporting/reports/report";
    }

    @PostMapping("/reports/{id}")
    String save(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "save") String action,
            @RequestParam Map<String, String> form,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ReportView current = reports.get(id, scope);
        Map<String, @Nullable Long> values = new LinkedHashMap<>();
        List<FieldProblem> unreadable = new java.util.ArrayList<>();
        for (var line : current.lines()) {
            String raw = form.get("v_" + line.indicatorCode());
            if (line.computed() || raw == null) {
                continue;
            }
            String digits = raw.strip().replace(".", "").replace(" ", "");
            if (digits.isEmpty()) {
                values.put(line.indicatorCode(), null);
            } else if (digits.matches("-?[0-9]{1,18}")) {
                values.put(line.indicatorCode(), Long.parseLong(digits));
            } else {
                unreadable.add(
                        new FieldProblem("values[" + line.indicatorCode() + "]", "report.value.range", line.name()));
            }
        }
        try {
            if (!unreadable.isEmpty()) {
                throw new ReportRejectedException(unreadable);
            }
            var actor = scope.actor(request.getRemoteAddr());
            // Checks, in order: the permission over the unit, the version, the status.
            ReportView r = reports.save(id, version, values, scope, actor);
            if ("submit".equals(action)) {
                reports.submit(id, r.version(), scope, actor);
            } else if ("refresh".equals(action)) {
                reports.refresh(id, r.version(), scope, actor);
            }
            return "redirect:/reports/" + id;
        } catch (ReportRejectedException e) {
            response.setStatus(422);
            model.addAttribute("r", reports.get(id, scope));
            model.addAttribute("entered", form);
            model.addAttribute("problems", e.problems());
            return "reporting/reports/report";
        } catch (StaleReportException e) {
            response.setStatus(409);
            model.addAttribute("reportId", id);
            return "reporting/reports/conflict";
        }
    }

    @PostMapping("/reports/{id}/review")
    String review(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam String decision,
            @RequestParam(required = false) @Nullable String comment,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var actor = scope.actor(request.getRemoteAddr());
        try {
            if ("accept".equals(decision)) {
                reports.accept(id, version, scope, actor);
            } else {
                reports.returnForCorrection(id, version, comment == null ? "" : comment, scope, actor);
            }
            return "redirect:/reports/" + id;
        } catch (ReportRejectedException e) {
            response.setStatus(422);
            model.addAttribute("r", reports.get(id, scope));
            model.addAttribute("problems", e.problems());
            return "reporting/reports/report";
        } catch (StaleReportException e) {
            response.setStatus(409);
            model.addAttribute("reportId", id);
            return "reporting/reports/conflict";
        }
    }

    @GetMapping("/reports/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable long id, @RequestParam(defaultValue = "xlsx") String format, AccessScope scope) {
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            throw new NotFoundException("format", format);
        }
        ReportView r = reports.get(id, scope);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.export(id, format, out, scope);
        String name = "bao-cao-" + r.unitCode() + "-"
                + r.period().templateCode().toLowerCase() + "-" + r.period().year() + "." + format;
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        format.equals("pdf")
                                ? MediaType.APPLICATION_PDF
                                : MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    static String today(Clock clock) {
        return Dates.format(LocalDate.now(clock.withZone(Dates.ZONE)));
    }
}
