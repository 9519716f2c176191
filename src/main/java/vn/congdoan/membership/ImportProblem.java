package vn.congdoan.membership;

import org.jspecify.annotations.Nullable;

/**
 * A problem found in an import file.
 *
 * @param row the row as the spreadsheet numbers it (the header is row 1 in a template); 0 for the file as a whole
 * @param columnNo the column's position in the file (1 = A), when the problem belongs to one
 * @param column the column's header as written in the file (or the template's header when the file lacks it)
 * @param error true for an error (blocks the commit), false for a warning
 * @param message the reason, in Vietnamese
 */
public record ImportProblem(
        int row, @Nullable Integer columnNo, @Nullable String column, boolean error, String message) {

    /** The column as a spreadsheet letter ("A", "AB"), or "" when the problem has none. */
    public String columnLetter() {
        if (columnNo == null || columnNo < 1) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int n = columnNo; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
