package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A unit as screens and the API show it, in the state it had on {@code asOf}: its parent, name and depth on that
 * date. When the unit did not exist on that date ({@code existing} false) the nearest state is shown.
 */
public record OrgUnitView(
        long id,
        @Nullable Long parentId,
        String code,
        String name,
        @Nullable String shortName,
        String typeCode,
        String typeName,
        String typeNameEn,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        int depth,
        long childCount,
        LocalDate asOf,
        boolean existing,
        boolean grassroots,
        @Nullable Long successorId) {

    /** Whether the unit is still open today (it may not have existed on {@link #asOf}). */
    public boolean open() {
        return validTo == null;
    }
}
