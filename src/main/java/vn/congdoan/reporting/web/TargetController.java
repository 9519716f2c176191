package vn.congdoan.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.reporting.Indicators;
import vn.congdoan.reporting.ReportRejectedException;
import vn.congdoan.reporting.StaleReportException;
import vn.congdoan.reporting.Targets;
import vn.congdoan.reporting.Targets.TargetInput;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/** The target page of a unit and year (chỉ tiêu: target, actual, % per child and rolled up) and its forms. */
@Controller
class TargetController {

    private final Targets targets;
    private final Indicators indicators;
    private final Clock clock;

    TargetController(Targets targets, Indicators indicators, Clock clock) {
        this.targets = targets;
        this.indicators = indicators;
        this.clock = clock;
    }

    @GetMapping("/targets")
    String sheet(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable Integer year,
            AccessScope scope,
            Model model) {
        scope.require(Targets.READ);
        long unit = unitId == null ? scope.homeUnitId() : unitId;
        int y = year == null ? Dates.today(clock).getYear() - 1 : year;
        model.addAttribute("sheet", targets.sheet(unit, y, scope));
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("problems", List.of());
        return "reporting/targets/sheet";
    }

    @PostMapping("/targets/{unitId}")
    String assign(
            @PathVariable long unitId,
            @RequestParam int year,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable Long page,
            @RequestParam Map<String, String> form,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        List<TargetInput> inputs = new ArrayList<>();
        List<FieldProblem> unreadable = new ArrayList<>();
        for (Indicators.Indicator i : indicators.all()) {
            String raw = form.get("t_" + i.code());
            if (raw == null) {
                continue;
            }
            String digits = raw.strip().replace(".", "").replace(" ", "");
            if (digits.isEmpty()) {
                inputs.add(new TargetInput(i.code(), null));
            } else if (digits.matches("-?[0-9]{1,18}")) {
                inputs.add(new TargetInput(i.code(), Long.parseLong(digits)));
            } else {
                unreadable.add(new FieldProblem("targets[" + i.code() + "]", "target.value.range", i.name()));
            }
        }
        try {
            if (!unreadable.isEmpty()) {
                // Reach and permission first, so an outsider learns nothing from the refusal.
                targets.assign(unitId, year, version, List.of(), scope, scope.actor(request.getRemoteAddr()));
                throw new ReportRejectedException(unreadable);
            }
            var sheet = targets.assign(unitId, year, version, inputs, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/targets?unitId=" + (page == null ? sheet.unitId() : page) + "&year=" + year;
        } catch (ReportRejectedException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            model.addAttribute("indicators", indicators.all());
            model.addAttribute("sheet", targets.sheet(page == null ? unitId : page, year, scope));
            return "reporting/targets/sheet";
        } catch (StaleReportException e) {
            response.setStatus(409);
            model.addAttribute("reportId", null);
            return "reporting/reports/conflict";
        }
    }

    @PostMapping("/targets/{unitId}/actual")
    String actual(
            @PathVariable long unitId,
            @RequestParam int year,
            @RequestParam int version,
            @RequestParam String indicatorCode,
            @RequestParam String value,
            @RequestParam(required = false) @Nullable Long page,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var actor = scope.actor(request.getRemoteAddr());
        String digits = value.strip().replace(".", "").replace(" ", "");
        try {
            long v = digits.matches("[0-9]{1,18}") ? Long.parseLong(digits) : -1;
            var sheet = targets.recordActual(unitId, year, indicatorCode, version, v, scope, actor);
            return "redirect:/targets?unitId=" + (page == null ? sheet.unitId() : page) + "&year=" + year;
        } catch (ReportRejectedException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            model.addAttribute("indicators", indicators.all());
            model.addAttribute("sheet", targets.sheet(page == null ? unitId : page, year, scope));
            return "reporting/targets/sheet";
        } catch (StaleReportException e) {
            response.setStatus(409);
            model.addAttribute("reportId", null);
            return "reporting/reports/conflict";
        }
    }
}
