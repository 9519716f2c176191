package vn.congdoan.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.organisation.OrgChangeView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;

/** Units as JSON, as of a date. Out of scope answers 404 with a problem body. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Organisation", description = "The union tree through time")
class OrgUnitApiController {

    private final OrgTree tree;
    private final Clock clock;

    OrgUnitApiController(OrgTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Search units by name or code (diacritics ignored), open on the date")
    List<OrgUnitView> search(
            @RequestParam(defaultValue = "") String q,
            @Parameter(description = "yyyy-MM-dd or dd/MM/yyyy; today when absent")
                    @RequestParam(required = false)
                    @Nullable
                    String asOf,
            @RequestParam(defaultValue = "50") int limit,
            AccessScope scope) {
        scope.require(OrgTree.READ);
        return q.isBlank()
                ? List.of()
                : tree.search(q, OrgTree.READ, scope, when(asOf).date(), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A unit as it was on the date")
    OrgUnitView unit(@PathVariable long id, @RequestParam(required = false) @Nullable String asOf, AccessScope scope) {
        return tree.unit(id, when(asOf).date(), scope);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The unit's children on the date")
    List<OrgUnitView> children(
            @PathVariable long id, @RequestParam(required = false) @Nullable String asOf, AccessScope scope) {
        return tree.children(id, when(asOf).date(), scope);
    }

    @GetMapping("/{id}/subtree")
    @Operation(summary = "One page of the units below the unit on the date, in tree order")
    List<OrgUnitView> subtree(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "200") int limit,
            AccessScope scope) {
        return tree.subtree(id, when(asOf).date(), scope, offset, limit);
    }

    @GetMapping("/{id}/counts")
    @Operation(summary = "Units below the unit on the date, by type")
    List<UnitTypeCount> counts(
            @PathVariable long id, @RequestParam(required = false) @Nullable String asOf, AccessScope scope) {
        return tree.subtreeCounts(id, when(asOf).date(), scope);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The restructurings that touched the unit, newest first")
    List<OrgChangeView> history(@PathVariable long id, AccessScope scope) {
        return tree.history(id, scope);
    }

    private AsOf when(@Nullable String asOf) {
        AsOf when = AsOf.of(asOf, clock);
        if (when.invalid()) {
            throw new BusinessException("organisation.asOf.invalid");
        }
        return when;
    }
}
