package vn.congdoan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.reporting.StatisticsReports;
import vn.congdoan.reporting.StatisticsReports.Outstanding;
import vn.congdoan.reporting.StatisticsReports.ReportView;
import vn.congdoan.reporting.StatisticsReports.RollUp;
import vn.congdoan.shared.AccessScope;

/** Periodic statistics over HTTP: scoped like the pages (a report outside the caller's reach is 404). */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Báo cáo thống kê định kỳ: mở, nhập, gửi, trả lại, duyệt; tổng hợp cấp dưới")
class ReportApiController {

    private final StatisticsReports reports;

    ReportApiController(StatisticsReports reports) {
        this.reports = reports;
    }

    /** The reports of a unit's subtree for a period, who has not submitted, and the roll-up. */
    record UnitReports(List<ReportView> reports, Optional<Outstanding> outstanding, RollUp rollUp) {}

    @GetMapping
    @Operation(summary = "Reports of a unit's subtree for a template and year, the children outstanding, the roll-up")
    UnitReports list(
            @RequestParam long unitId, @RequestParam String template, @RequestParam int year, AccessScope scope) {
        var period = reports.period(template, year);
        return new UnitReports(
                reports.list(unitId, period, scope),
                reports.outstanding(unitId, period, scope),
                reports.rollUp(unitId, period, scope));
    }

    record OpenRequest(long unitId, String template, int year) {}

    @PostMapping
    @Operation(summary = "Open (or return) the unit's report for a period, computed indicators prefilled")
    ResponseEntity<ReportView> open(@RequestBody OpenRequest body, AccessScope scope, HttpServletRequest request) {
        ReportView r =
                reports.open(body.template(), body.year(), body.unitId(), scope, scope.actor(request.getRemoteAddr()));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(r);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report with its values and history")
    ReportView get(@PathVariable long id, AccessScope scope) {
        return reports.get(id, scope);
    }

    record ValuesRequest(int version, Map<String, @Nullable Long> values) {}

    @PutMapping("/{id}/values")
    @Operation(summary = "Save manual values; send the version you read (409 when stale, 422 names each field)")
    ReportView save(
            @PathVariable long id, @RequestBody ValuesRequest body, AccessScope scope, HttpServletRequest request) {
        return reports.save(id, body.version(), body.values(), scope, scope.actor(request.getRemoteAddr()));
    }

    record VersionRequest(int version, @Nullable String comment) {}

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit to the reviewing unit; every manual value must be filled")
    ReportView submit(
            @PathVariable long id, @RequestBody VersionRequest body, AccessScope scope, HttpServletRequest request) {
        return reports.submit(id, body.version(), scope, scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The reviewing unit returns a submitted report with a comment (required)")
    ReportView returnForCorrection(
            @PathVariable long id, @RequestBody VersionRequest body, AccessScope scope, HttpServletRequest request) {
        return reports.returnForCorrection(
                id,
                body.version(),
                body.comment() == null ? "" : body.comment(),
                scope,
                scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The reviewing unit accepts a submitted report; it is locked from then on")
    ReportView accept(
            @PathVariable long id, @RequestBody VersionRequest body, AccessScope scope, HttpServletRequest request) {
        return reports.accept(id, body.version(), scope, scope.actor(request.getRemoteAddr()));
    }
}
