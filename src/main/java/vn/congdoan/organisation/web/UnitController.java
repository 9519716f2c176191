package vn.congdoan.organisation.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;

/** A unit's page: its details, its subtree counts and its children. Out of scope answers 404. */
@Controller
class UnitController {

    private final OrgTree tree;

    UnitController(OrgTree tree) {
        this.tree = tree;
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, AccessScope scope, Model model) {
        OrgUnitView unit = tree.unit(id, scope);
        model.addAttribute("unit", unit);
        model.addAttribute("children", tree.children(id, scope));
        model.addAttribute("counts", tree.subtreeCounts(id, scope));
        if (unit.parentId() != null && scope.roots(OrgTree.READ).stream().noneMatch(r -> r == id)) {
            model.addAttribute("parent", tree.unit(unit.parentId(), scope));
        }
        return "organisation/unit";
    }
}
