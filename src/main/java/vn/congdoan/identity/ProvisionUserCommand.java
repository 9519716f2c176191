package vn.congdoan.identity;

import java.util.List;

/**
 * An account created by the system itself (the first administrator, demo accounts), with no creator to check.
 *
 * @param grants role code and unit id pairs
 */
public record ProvisionUserCommand(
        String username, String displayName, char[] password, long homeUnitId, List<RoleOnUnit> grants) {

    public record RoleOnUnit(String roleCode, long unitId) {}
}
