package vn.congdoan.organisation.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;

/** The home page: the user's unit and what its subtree holds, by unit type. */
@Controller
class HomeController {

    private final OrgTree tree;

    HomeController(OrgTree tree) {
        this.tree = tree;
    }

    @GetMapping("/")
    String home(AccessScope scope, Model model) {
        if (scope.can(OrgTree.READ)) {
            // The first subtree root in which the user may see units: normally the unit of their grant.
            long root = scope.roots(OrgTree.READ).stream()
                    .sorted((a, b) -> depthOf(scope, a) - depthOf(scope, b))
                    .findFirst()
                    .orElseThrow();
            model.addAttribute("unit", tree.unit(root, scope));
            model.addAttribute("counts", tree.subtreeCounts(root, scope));
        }
        return "organisation/home";
    }

    private static int depthOf(AccessScope scope, long unit) {
        String path = scope.pathByRoot().getOrDefault(unit, "");
        return path.split("\\.").length;
    }
}
