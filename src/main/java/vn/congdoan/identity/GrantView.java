package vn.congdoan.identity;

import java.time.Instant;

/** A role held on a unit (and so on its whole subtree). */
public record GrantView(
        long id, String roleCode, String roleName, long unitId, String unitCode, String unitName, Instant grantedAt) {}
