package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A unit that ends on {@code effectiveOn}, told to the modules that hold records on it.
 *
 * @param successorId the unit that takes over its members and work, or null: its members become "without unit"
 */
public record UnitClosure(
        long unitId,
        String unitName,
        @Nullable Long successorId,
        @Nullable String successorName,
        LocalDate effectiveOn,
        long changeId) {}
