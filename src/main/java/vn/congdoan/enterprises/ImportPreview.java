package vn.congdoan.enterprises;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file would do. Nothing is written until {@link Enterprises#commitImport} and only when no row
 * has a problem; a file-level problem ({@code fileProblem}) means the file was not read at all.
 *
 * @param batchId the stored upload, to commit (null when the file was refused as a whole)
 * @param rows the data rows read
 * @param created rows that would register a new enterprise
 * @param updated rows whose MST is already registered in the caller's scope
 * @param problems every refused cell, in row order
 * @param fileProblem message key when the whole file was refused
 */
public record ImportPreview(
        @Nullable UUID batchId,
        String fileName,
        int rows,
        int created,
        int updated,
        List<Problem> problems,
        List<Row> sample,
        @Nullable String fileProblem,
        Object[] fileProblemArgs) {

    /**
     * A refused cell.
     *
     * @param row the spreadsheet row number, as Excel shows it
     * @param column the column letter
     * @param header the column's message key (its Vietnamese header)
     */
    public record Problem(int row, String column, String header, String messageKey, Object... args) {}

    /** A row as it will be saved (the first rows of the file, for the preview table). */
    public record Row(int row, String taxCode, String name, String communeName, int workersTotal, boolean update) {}

    public boolean acceptable() {
        return fileProblem == null && problems.isEmpty() && rows > 0;
    }

    public static ImportPreview refused(String fileName, String key, Object... args) {
        return new ImportPreview(null, fileName, 0, 0, 0, List.of(), List.of(), key, args);
    }
}
