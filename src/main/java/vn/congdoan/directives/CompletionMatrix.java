package vn.congdoan.directives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's completion matrix: rows are units, columns the document's tasks; a cell is the unit's assignment of
 * that task (absent when the unit was not given it).
 *
 * @param units the top-level assigned units in scope, for the subtree picker
 * @param today the date overdue was judged against
 */
public record CompletionMatrix(
        DocumentView document,
        List<Column> tasks,
        List<Row> rows,
        @Nullable Long subtreeUnitId,
        @Nullable String subtreeUnitName,
        List<UnitOption> units,
        LocalDate today) {

    public CompletionMatrix {
        tasks = List.copyOf(tasks);
        rows = List.copyOf(rows);
        units = List.copyOf(units);
    }

    /** A top-level assigned unit, offered by the subtree picker. */
    public record UnitOption(long id, String name) {}

    /** Units with at least one assignment and no report at all. */
    public List<Row> notReported() {
        return rows.stream().filter(r -> r.lastReportAt() == null).toList();
    }

    public long overdueCells() {
        return rows.stream()
                .flatMap(r -> r.cells().values().stream())
                .filter(Cell::overdue)
                .count();
    }

    public record Column(
            long taskId,
            int seq,
            String title,
            LocalDate dueDate,
            @Nullable String ownerRole) {}

    /** A unit's row; {@code depth} 0 for units the issuer assigned, more for cascaded ones. */
    public record Row(
            long unitId,
            String unitCode,
            String unitName,
            int depth,
            Map<Long, Cell> cells,
            @Nullable Instant lastReportAt,
            int done,
            int overdue) {

        public Row {
            cells = Map.copyOf(cells);
        }

        /** The day of the unit's last report in Vietnam, if any. */
        public @Nullable LocalDate lastReportDate() {
            return lastReportAt == null
                    ? null
                    : lastReportAt.atZone(vn.congdoan.shared.Dates.ZONE).toLocalDate();
        }

        public @Nullable Cell cell(long taskId) {
            return cells.get(taskId);
        }
    }

    public record Cell(
            long assignmentId, String status, int percent, LocalDate dueDate, boolean overdue, int subAssignments) {}
}
