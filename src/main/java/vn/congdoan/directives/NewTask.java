package vn.congdoan.directives;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task to add to a document and whom to give it to: chosen units, and/or every open unit of {@code unitType} in
 * the subtree of {@code subtreeUnitId} (today's tree).
 *
 * @param ownerRole who is expected to act (an office such as "Ban Tổ chức" or a named officer); optional
 */
public record NewTask(
        @Nullable String title,
        @Nullable String description,
        @Nullable LocalDate dueDate,
        @Nullable String ownerRole,
        List<Long> unitIds,
        @Nullable String unitType,
        @Nullable Long subtreeUnitId) {

    public NewTask {
        unitIds = List.copyOf(unitIds);
    }
}
