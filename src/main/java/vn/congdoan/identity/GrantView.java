package vn.congdoan.identity;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A role held on a unit (and so on its whole subtree). A grant whose unit a restructuring ended is "in review"
 * ({@code reviewSince} set): it no longer counts until an administrator re-points it (to the suggested successor) or
 * revokes it.
 */
public record GrantView(
        long id,
        String roleCode,
        String roleName,
        long unitId,
        String unitCode,
        String unitName,
        Instant grantedAt,
        @Nullable LocalDate reviewSince,
        @Nullable Long suggestedUnitId,
        @Nullable String suggestedUnitName) {

    public boolean inReview() {
        return reviewSince != null;
    }
}
