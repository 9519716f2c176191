package vn.congdoan.shared;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking and where they may act: for each permission, the root units of the subtrees in which the caller
 * holds it. Built by {@code identity} for every request; every query that reads scoped data filters by it.
 *
 * @param userId the account id
 * @param username the login name
 * @param displayName the name shown in the audit trail
 * @param homeUnitId the unit the account belongs to
 * @param rootsByPermission permission code → ids of subtree roots where it is held
 * @param pathByRoot tree path ({@code ltree} text) of each root, read in the same request
 */
public record AccessScope(
        long userId,
        String username,
        String displayName,
        long homeUnitId,
        Map<String, Set<Long>> rootsByPermission,
        Map<Long, String> pathByRoot) {

    public AccessScope {
        rootsByPermission = Map.copyOf(rootsByPermission);
        pathByRoot = Map.copyOf(pathByRoot);
    }

    /** Tree paths of the subtrees where the permission is held, for {@code path <@ any(?)} filters in SQL. */
    public String[] paths(String permission) {
        return roots(permission).stream()
                .map(pathByRoot::get)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toArray(String[]::new);
    }

    /** Whether the permission is held anywhere in the tree. */
    public boolean can(String permission) {
        return !roots(permission).isEmpty();
    }

    /** Refuses with {@link ForbiddenException} unless the permission is held somewhere. */
    public void require(String permission) {
        if (!can(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    /** Root units of the subtrees where the permission is held (empty when nowhere). */
    public Set<Long> roots(String permission) {
        return rootsByPermission.getOrDefault(permission, Set.of());
    }

    /** Root units of every subtree the caller holds any permission in. */
    public Set<Long> allRoots() {
        Set<Long> all = new TreeSet<>();
        rootsByPermission.values().forEach(all::addAll);
        return all;
    }

    /** The permission codes held anywhere, sorted. */
    public Set<String> permissions() {
        return new TreeSet<>(rootsByPermission.keySet());
    }

    /** The caller as the audit trail records it. */
    public Actor actor(String ip) {
        return new Actor(userId, username, ip);
    }
}
