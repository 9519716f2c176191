package vn.congdoan.enterprises.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterprisePage;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.shared.AccessScope;

/**
 * The register as JSON: the same facade and scope as the pages. Refused fields answer 422 with a problem body listing
 * each field, a stale {@code version} 409, an enterprise out of scope 404.
 */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Doanh nghiệp, đơn vị sử dụng lao động và công đoàn cơ sở bao phủ")
class EnterpriseApiController {

    private final Enterprises enterprises;

    EnterpriseApiController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    @Operation(summary = "Search enterprises in scope: by name (diacritics ignored) or MST prefix, with filters")
    EnterprisePage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable String ownership,
            @RequestParam(required = false) @Nullable String union,
            @RequestParam(required = false) @Nullable Integer minWorkers,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope) {
        return enterprises.search(new EnterpriseFilter(q, commune, ownership, union, minWorkers, sort, page), scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enterprise; 404 when it does not exist or is outside the caller's scope")
    EnterpriseView get(@PathVariable long id, AccessScope scope) {
        return enterprises.get(id, scope);
    }

    @PostMapping
    @Operation(summary = "Register an enterprise; 422 with a problem body naming each refused field")
    ResponseEntity<EnterpriseView> create(
            @RequestBody EnterpriseCommand command, AccessScope scope, HttpServletRequest request) {
        long id = enterprises.create(command, scope, scope.actor(request.getRemoteAddr()));
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id)).body(enterprises.get(id, scope));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct an enterprise; send the version you read (409 when someone saved since)")
    EnterpriseView update(
            @PathVariable long id,
            @RequestBody EnterpriseCommand command,
            AccessScope scope,
            HttpServletRequest request) {
        enterprises.update(id, command, scope, scope.actor(request.getRemoteAddr()));
        return enterprises.get(id, scope);
    }
}
