package vn.congdoan.organisation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bulk plan after checking or applying.
 *
 * @param rows number of operation rows read
 * @param errors row-level errors; when not empty nothing was applied
 * @param impacts what the plan does (or would do), row by row
 * @param applied whether the plan was applied
 */
public record PlanResult(int rows, List<RowError> errors, List<RowImpact> impacts, boolean applied) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** A refused row: spreadsheet row number, column header (null for the whole row) and the reason. */
    public record RowError(int row, @Nullable String column, String messageKey, List<Object> args) {}

    /** What one row does. */
    public record RowImpact(int row, String kind, List<Impact> impacts) {}
}
