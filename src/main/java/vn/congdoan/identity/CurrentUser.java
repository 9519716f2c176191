package vn.congdoan.identity;

import java.util.List;
import java.util.Set;

/** The signed-in user as the layout shows it on every page: name, home unit, roles and where they apply. */
public record CurrentUser(
        long userId,
        String username,
        String displayName,
        long homeUnitId,
        String homeUnitName,
        List<GrantView> grants,
        Set<String> permissions) {

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
