package vn.congdoan.organisation.web;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.organisation.OrgChangeView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.shared.AccessScope;

/**
 * The tree browser: a unit as of a date with its breadcrumb, children (each expandable on demand), subtree counts,
 * history and the panels other modules contribute (members, enterprises). Out of scope answers 404.
 */
@Controller
class UnitController {

    static final int SEARCH_LIMIT = 50;

    private final OrgTree tree;
    private final Clock clock;

    UnitController(OrgTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping("/units/{id}")
    String unit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String asOf,
            AccessScope scope,
            Model model) {
        AsOf when = AsOf.of(asOf, clock);
        OrgUnitView unit = tree.unit(id, when.date(), scope);
        model.addAttribute("unit", unit);
        model.addAttribute("asOf", when);
        model.addAttribute("ancestors", tree.ancestors(id, when.date(), scope));
        model.addAttribute("children", unit.existing() ? tree.children(id, when.date(), scope) : List.of());
        model.addAttribute("counts", tree.subtreeCounts(id, when.date(), scope));
        List<OrgChangeView> history = tree.history(id, scope);
        model.addAttribute("history", TimelineEntry.of(history));
        model.addAttribute(
                "successor",
                unit.successorId() == null
                        ? null
                        : tree.find(unit.successorId()).orElse(null));
        boolean mayRestructure = unit.open()
                && scope.paths(Restructurings.PERMISSION).length > 0
                && tree.isWithin(id, scope.roots(Restructurings.PERMISSION));
        model.addAttribute("mayRestructure", mayRestructure);
        return "organisation/unit";
    }

    /** One level of the tree, for the browser's on-demand expansion (an htmx fragment). */
    @GetMapping("/units/{id}/children")
    String children(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String asOf,
            AccessScope scope,
            Model model) {
        AsOf when = AsOf.of(asOf, clock);
        model.addAttribute("nodes", tree.children(id, when.date(), scope));
        model.addAttribute("asOf", when);
        return "organisation/tree :: nodes";
    }

    /** The search box: units open on the date whose name or code matches, diacritics ignored. */
    @GetMapping("/units/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String asOf,
            AccessScope scope,
            Model model) {
        AsOf when = AsOf.of(asOf, clock);
        scope.require(OrgTree.READ);
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("q", query);
        model.addAttribute("asOf", when);
        model.addAttribute(
                "results",
                query.isBlank() ? List.of() : tree.search(query, OrgTree.READ, scope, when.date(), SEARCH_LIMIT));
        model.addAttribute("limit", SEARCH_LIMIT);
        return "organisation/search";
    }
}
