package vn.congdoan.organisation.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;

/** Units as JSON. Out of scope answers 404 with a problem body. */
@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitApiController {

    private final OrgTree tree;

    OrgUnitApiController(OrgTree tree) {
        this.tree = tree;
    }

    @GetMapping("/{id}")
    OrgUnitView unit(@PathVariable long id, AccessScope scope) {
        return tree.unit(id, scope);
    }

    @GetMapping("/{id}/children")
    List<OrgUnitView> children(@PathVariable long id, AccessScope scope) {
        return tree.children(id, scope);
    }
}
