package vn.congdoan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.CurrentUser;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;

/** Puts the signed-in user into every page's model, for the layout's header and navigation. */
@ControllerAdvice
class CurrentUserAdvice {

    private final Accounts accounts;
    private final AccountService service;
    private final OrgTree tree;

    CurrentUserAdvice(Accounts accounts, AccountService service, OrgTree tree) {
        this.accounts = accounts;
        this.service = service;
        this.tree = tree;
    }

    @ModelAttribute("me")
    @Nullable
    CurrentUser me(HttpServletRequest request) {
        AccessScope scope = AccessScopeArgumentResolver.current(request, accounts);
        if (scope == null || scope.username().isEmpty()) {
            return null;
        }
        var grants = service.grantsOf(scope.userId());
        String unitName = tree.find(scope.homeUnitId()).map(OrgUnitView::name).orElse("");
        return new CurrentUser(
                scope.userId(),
                scope.username(),
                scope.displayName(),
                scope.homeUnitId(),
                unitName,
                grants,
                scope.permissions());
    }
}
