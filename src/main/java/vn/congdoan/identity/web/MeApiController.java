package vn.congdoan.identity.web;

import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;

/** {@code GET /api/v1/me}: who the caller is and where they may act. */
@RestController
class MeApiController {

    private final Accounts accounts;

    MeApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Me(
            long id,
            String username,
            String displayName,
            long homeUnitId,
            List<Role> roles,
            Set<String> permissions,
            Set<Long> scopeUnitIds) {}

    record Role(String role, long unitId, String unitCode) {}

    @GetMapping("/api/v1/me")
    Me me(AccessScope scope) {
        var user = accounts.scopeOf(scope.userId());
        List<Role> roles = grants(scope);
        return new Me(
                user.userId(),
                user.username(),
                user.displayName(),
                user.homeUnitId(),
                roles,
                user.permissions(),
                user.allRoots());
    }

    private List<Role> grants(AccessScope scope) {
        return accounts.grantsOf(scope).stream()
                .map(g -> new Role(g.roleCode(), g.unitId(), g.unitCode()))
                .toList();
    }
}
