package vn.congdoan.membership;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One member import as its owner sees it: where the file stands (validating, ready to commit, done…), what it holds
 * and, once committed, what it changed.
 *
 * @param progress percent of the current phase (validation or commit)
 * @param rowsTotal data rows read from the file
 * @param rowsValid rows without an error
 * @param rowsError rows with at least one error (any error refuses the commit)
 * @param warnings warnings (possible duplicates, ignored columns); they do not block the commit
 * @param toUpdate valid rows whose CCCD belongs to a current member in the caller's scope (they update that member)
 * @param inserted members admitted by the commit
 * @param updated members whose record the commit changed
 * @param unchanged rows that matched a member whose record already held the same values
 * @param sensitiveColumns sensitive columns the file brought and the caller may write (field names)
 * @param failure why the file was refused as a whole or the job stopped (Vietnamese), when it was
 * @param previousImport the same file (same SHA-256) already committed for the same unit, when it was
 * @param validateMillis time spent validating, once done
 * @param commitMillis time spent committing, once done
 */
public record ImportJob(
        long id,
        Status status,
        String fileName,
        String fileSha256,
        @Nullable String fileKind,
        long fileBytes,
        long unitId,
        String unitName,
        String createdByName,
        Instant createdAt,
        @Nullable Instant committedAt,
        int progress,
        int rowsTotal,
        int rowsValid,
        int rowsError,
        int warnings,
        int toUpdate,
        int inserted,
        int updated,
        int unchanged,
        List<String> sensitiveColumns,
        @Nullable String failure,
        @Nullable PreviousImport previousImport,
        @Nullable Long validateMillis,
        @Nullable Long commitMillis) {

    public ImportJob {
        sensitiveColumns = List.copyOf(sensitiveColumns);
    }

    /** Where a job stands. */
    public enum Status {
        /** The file is being read and checked in the background. */
        VALIDATING,
        /** Checked: shows its problems; may be committed when it has no error. */
        READY,
        /** The single commit transaction is running. */
        COMMITTING,
        /** Committed. */
        DONE,
        /** The file was refused as a whole, or the job stopped. */
        FAILED,
        /** Cancelled by its owner; its staged rows are gone. */
        CANCELLED;

        /** Whether the job is still working (the page keeps polling). */
        public boolean running() {
            return this == VALIDATING || this == COMMITTING;
        }
    }

    /** The earlier commit of the same file for the same unit. */
    public record PreviousImport(long jobId, Instant committedAt, String committedBy) {}

    /** Whether a commit may be asked for now. */
    public boolean committable() {
        return status == Status.READY && rowsError == 0 && rowsValid > 0;
    }

    /** Valid rows that would admit new members. */
    public int toInsert() {
        return Math.max(0, rowsValid - toUpdate);
    }
}
