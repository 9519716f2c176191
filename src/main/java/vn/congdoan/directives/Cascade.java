package vn.congdoan.directives;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Passing an assignment down to sub-units of the assigned unit, with their own due date. */
public record Cascade(List<Long> unitIds, @Nullable LocalDate dueDate) {

    public Cascade {
        unitIds = List.copyOf(unitIds);
    }
}
