package vn.congdoan.membership;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Member import from XLSX or CSV (issue 5 item 6). An upload starts a background job that reads the file as a stream,
 * checks every row with the same rules and messages as the member form, and stages the rows; its owner then sees the
 * per-row problems and commits all rows or none, in one transaction: a CCCD held by a current member in the caller's
 * scope updates that member, any other row admits a new member. Jobs are visible to their creator only; anyone else
 * gets {@link ImportJobNotFoundException} (404). Importing needs {@link Members#WRITE} over the unit; sensitive columns
 * are read only with {@link Members#SENSITIVE} there (otherwise ignored, with a warning).
 */
public interface MemberImports {

    /** Data rows one file may hold; reading stops at the next one and the file is refused. */
    int MAX_ROWS = 200_000;

    /** The largest file accepted. */
    long MAX_FILE_BYTES = 100L * 1024 * 1024;

    /** Problems shown per page. */
    int PROBLEMS_PAGE = 200;

    /** Units open today in the caller's {@link Members#WRITE} subtrees, in tree order (at most 500), for the picker. */
    List<ImportUnit> units(AccessScope scope);

    /** The unit the upload form proposes: the caller's home unit when they may import there, else their first root. */
    long defaultUnit(AccessScope scope);

    /**
     * Writes the XLSX template: the sheet of columns (sensitive ones only when the caller holds {@link
     * Members#SENSITIVE} over the unit) and a sheet of code lists.
     *
     * @throws vn.congdoan.shared.NotFoundException when the unit is not in the caller's {@link Members#WRITE} scope
     */
    void writeTemplate(long unitId, AccessScope scope, OutputStream out) throws IOException;

    /**
     * Starts a job on an uploaded file, which this call takes over (moves or deletes). The content decides the type
     * (XLSX or CSV), not the name.
     *
     * @return the job, VALIDATING (or FAILED at once when the file is refused before reading)
     * @throws vn.congdoan.shared.NotFoundException when the unit is not in the caller's {@link Members#WRITE} scope
     * @throws ImportRefusedException when too many jobs are running
     */
    ImportJob start(Path file, String fileName, long unitId, AccessScope scope, Actor actor);

    /** The caller's job. */
    ImportJob job(long id, AccessScope scope);

    /** The caller's most recent jobs, newest first. */
    List<ImportJob> recent(AccessScope scope, int limit);

    /** A page of the job's problems: errors first, then warnings, by row. */
    ImportProblemPage problems(long id, int page, AccessScope scope);

    /** Writes all problems of the job as CSV (UTF-8 with BOM): row, column, kind, reason. */
    void writeProblems(long id, AccessScope scope, OutputStream out) throws IOException;

    /**
     * Commits a READY job without errors in the background (COMMITTING, then DONE).
     *
     * @param force commit even though the same file was already imported for the unit (the CCCD upsert then adds
     *     nobody)
     * @throws ImportRefusedException when the job is not READY, has errors, or is a repeated file without {@code force}
     */
    ImportJob commit(long id, boolean force, AccessScope scope, Actor actor);

    /** Cancels a job that is validating or ready: its staged rows are deleted. A finished job stays as it is. */
    ImportJob cancel(long id, AccessScope scope, Actor actor);

    /**
     * Validates and, when no row has an error, commits the file synchronously with the same code as the background
     * jobs (for the command line and the benchmark). A repeated file is committed (forced).
     *
     * @return the finished job: DONE, READY with errors, or FAILED
     */
    ImportJob runNow(Path file, String fileName, long unitId, AccessScope scope, Actor actor);
}
