package vn.congdoan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.reporting.Targets;
import vn.congdoan.reporting.Targets.TargetInput;
import vn.congdoan.reporting.Targets.TargetSheet;
import vn.congdoan.shared.AccessScope;

/** Yearly targets over HTTP, scoped like the page. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets", description = "Chỉ tiêu năm: giao cho đơn vị cấp dưới, thực hiện, tỷ lệ, số chỉ tiêu đạt")
class TargetApiController {

    private final Targets targets;

    TargetApiController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping
    @Operation(summary = "A unit's targets for a year: its own, its children's with actuals, the roll-up and score")
    TargetSheet sheet(@RequestParam long unitId, @RequestParam int year, AccessScope scope) {
        return targets.sheet(unitId, year, scope);
    }

    record AssignRequest(int year, int version, List<TargetInput> targets) {}

    @PutMapping("/{unitId}")
    @Operation(summary = "Set a child unit's targets (target.manage over its parent); 409 when the version is stale")
    TargetSheet assign(
            @PathVariable long unitId, @RequestBody AssignRequest body, AccessScope scope, HttpServletRequest request) {
        return targets.assign(
                unitId, body.year(), body.version(), body.targets(), scope, scope.actor(request.getRemoteAddr()));
    }

    record ActualRequest(int year, String indicatorCode, int version, long value) {}

    @PostMapping("/{unitId}/actuals")
    @Operation(summary = "Record the actual of a manual indicator (who and when are kept)")
    TargetSheet actual(
            @PathVariable long unitId, @RequestBody ActualRequest body, AccessScope scope, HttpServletRequest request) {
        return targets.recordActual(
                unitId,
                body.year(),
                body.indicatorCode(),
                body.version(),
                body.value(),
                scope,
                scope.actor(request.getRemoteAddr()));
    }
}
