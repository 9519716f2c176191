package vn.congdoan.membership.internal.imports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.ImportProblem;
import vn.congdoan.membership.ImportProblemPage;

/** The job table: every read is by owner; state changes name the state they leave, so a cancel wins races. */
@Component
class ImportJobStore {

    /** A validating job whose worker has not reported for this long died with its node. */
    static final int STALE_VALIDATING_SECONDS = 120;

    static final int STALE_COMMITTING_SECONDS = 1800;

    private static final String SELECT = """
            select j.*, u.name as unit_name, p.committed_at as prev_at, p.created_by_name as prev_by
              from membership.import_job j
              join organisation.org_unit u on u.id = j.unit_id
              left join membership.import_job p on p.id = j.previous_job_id
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ImportJobStore(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    long insert(
            String fileName,
            String sha256,
            long bytes,
            long unitId,
            long userId,
            String userName,
            @Nullable Long previous,
            @Nullable String failure) {
        return jdbc.sql("""
                        insert into membership.import_job (status, file_name, file_sha256, file_bytes, unit_id,
                            created_by, created_by_name, previous_job_id, failure, finished_at)
                        values (:status, :name, :sha, :bytes, :unit, :user, :userName, :previous,
                                cast(:failure as text), case when cast(:failure as text) is null then null else now() end)
                        returning id
                        """)
                .param("status", failure == null ? "VALIDATING" : "FAILED")
                .param("name", fileName)
                .param("sha", sha256)
                .param("bytes", bytes)
                .param("unit", unitId)
                .param("user", userId)
                .param("userName", userName)
                .param("previous", previous)
                .param("failure", failure)
                .query(Long.class)
                .single();
    }

    /** The last committed job of the same file for the same unit. */
    Optional<Long> previousCommit(long unitId, String sha256) {
        return jdbc.sql("""
                        select id from membership.import_job
                         where unit_id = :unit and file_sha256 = :sha and status = 'DONE'
                         order by committed_at desc limit 1
                        """)
                .param("unit", unitId)
                .param("sha", sha256)
                .query(Long.class)
                .optional();
    }

    Optional<ImportJob> find(long id, long owner) {
        expireStale(owner);
        return jdbc.sql(SELECT + " where j.id = :id and j.created_by = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(ImportJobStore::job)
                .optional();
    }

    /** The job whoever owns it (the worker's own reads). */
    ImportJob get(long id) {
        return jdbc.sql(SELECT + " where j.id = :id")
                .param("id", id)
                .query(ImportJobStore::job)
                .single();
    }

    List<ImportJob> recent(long owner, int limit) {
        expireStale(owner);
        return jdbc.sql(SELECT + " where j.created_by = :owner order by j.created_at desc, j.id desc limit :limit")
                .param("owner", owner)
                .param("limit", limit)
                .query(ImportJobStore::job)
                .list();
    }

    /** Jobs whose worker stopped reporting (the node went down) are failed, so they do not spin forever. */
    private void expireStale(long owner) {
        jdbc.sql("""
                        update membership.import_job set status = 'FAILED', finished_at = now(),
                               failure = coalesce(failure, :why)
                         where created_by = :owner
                           and ((status = 'VALIDATING' and heartbeat_at < now() - make_interval(secs => :v))
                             or (status = 'COMMITTING' and heartbeat_at < now() - make_interval(secs => :c)))
                        """)
                .param("owner", owner)
                .param("v", STALE_VALIDATING_SECONDS)
                .param("c", STALE_COMMITTING_SECONDS)
                .param("why", messages.getMessage("member.import.interrupted", null, Locale.forLanguageTag("vi")))
                .update();
    }

    String status(long id) {
        return jdbc.sql("select status from membership.import_job where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    void progress(long id, int percent, int rows) {
        jdbc.sql("""
                        update membership.import_job set progress = :p, rows_total = :rows, heartbeat_at = now()
                         where id = :id and status in ('VALIDATING', 'COMMITTING')
                        """)
                .param("p", Math.max(0, Math.min(100, percent)))
                .param("rows", rows)
                .param("id", id)
                .update();
    }

    void kind(long id, String kind) {
        jdbc.sql("update membership.import_job set file_kind = :k where id = :id")
                .param("k", kind)
                .param("id", id)
                .update();
    }

    /** VALIDATING → FAILED with a reason (no-op when the job was cancelled meanwhile). */
    void fail(long id, String from, String reason) {
        jdbc.sql("""
                        update membership.import_job set status = 'FAILED', failure = :reason, finished_at = now()
                         where id = :id and status = :from
                        """)
                .param("reason", reason)
                .param("id", id)
                .param("from", from)
                .update();
    }

    /** Moves the job from one state to another; false when it was not in {@code from} (someone got there first). */
    boolean move(long id, String from, String to) {
        return jdbc.sql("""
                        update membership.import_job set status = :to, heartbeat_at = now(), progress = 0,
                               finished_at = case when :to in ('DONE', 'FAILED', 'CANCELLED') then now() end
                         where id = :id and status = :from
                        """).param("to", to).param("id", id).param("from", from).update() == 1;
    }

    void deleteStaging(long id) {
        jdbc.sql("delete from membership.import_row where job_id = :id")
                .param("id", id)
                .update();
    }

    void deleteProblems(long id) {
        jdbc.sql("delete from membership.import_problem where job_id = :id")
                .param("id", id)
                .update();
    }

    ImportProblemPage problems(long id, int page, int size) {
        long total = jdbc.sql("select count(*) from membership.import_problem where job_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        int p = Math.max(0, page);
        List<ImportProblem> items = jdbc.sql("""
                        select row_no, column_no, column_name, severity, message from membership.import_problem
                         where job_id = :id order by severity, row_no, column_no nulls first, message
                         limit :limit offset :offset
                        """)
                .param("id", id)
                .param("limit", size)
                .param("offset", (long) p * size)
                .query(ImportJobStore::problem)
                .list();
        return new ImportProblemPage(items, total, p, size);
    }

    /** Every problem in order, streamed to the consumer (the downloadable report). */
    void eachProblem(long id, java.util.function.Consumer<ImportProblem> consumer) {
        jdbc.sql("""
                        select row_no, column_no, column_name, severity, message from membership.import_problem
                         where job_id = :id order by severity, row_no, column_no nulls first, message
                        """).param("id", id).query((ResultSet rs) -> {
            consumer.accept(problem(rs, 0));
        });
    }

    private static ImportProblem problem(ResultSet rs, int n) throws SQLException {
        int col = rs.getInt("column_no");
        Integer column = rs.wasNull() ? null : col;
        return new ImportProblem(
                rs.getInt("row_no"),
                column,
                rs.getString("column_name"),
                "ERROR".equals(rs.getString("severity")),
                rs.getString("message"));
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        long prev = rs.getLong("previous_job_id");
        ImportJob.PreviousImport previous = rs.wasNull() || rs.getTimestamp("prev_at") == null
                ? null
                : new ImportJob.PreviousImport(prev, rs.getTimestamp("prev_at").toInstant(), rs.getString("prev_by"));
        long v = rs.getLong("validate_ms");
        Long validate = rs.wasNull() ? null : v;
        long c = rs.getLong("commit_ms");
        Long commit = rs.wasNull() ? null : c;
        Array cols = rs.getArray("sensitive_columns");
        List<String> sensitive = cols == null ? List.of() : Arrays.asList((String[]) cols.getArray());
        return new ImportJob(
                rs.getLong("id"),
                ImportJob.Status.valueOf(rs.getString("status")),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getString("file_kind"),
                rs.getLong("file_bytes"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("committed_at")),
                rs.getInt("progress"),
                rs.getInt("rows_total"),
                rs.getInt("rows_valid"),
                rs.getInt("rows_error"),
                rs.getInt("warnings"),
                rs.getInt("to_update"),
                rs.getInt("inserted"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                sensitive,
                rs.getString("failure"),
                previous,
                validate,
                commit);
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
