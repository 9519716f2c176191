package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A dated line of a member's history. */
public record HistoryEntry(
        String kind,
        LocalDate on,
        @Nullable Long unitId,
        @Nullable String unitName,
        @Nullable Long otherUnitId,
        @Nullable String otherUnitName,
        @Nullable String decision,
        @Nullable String note,
        String actorName) {}
