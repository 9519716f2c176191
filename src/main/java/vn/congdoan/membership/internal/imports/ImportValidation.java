package vn.congdoan.membership.internal.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.internal.MemberRules;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;

/**
 * The validation phase of a job: the file is read as a stream, each row checked and copied into staging as it comes
 * (never all rows in memory), then the checks that need the register run as a few set-based statements: a CCCD held
 * by a current member outside the caller's scope (an error that does not say where), possible duplicates by name and
 * date of birth (warnings). Every outcome lands in the job row; nothing here touches the member register.
 */
@Component
class ImportValidation {

    private static final Logger log = LoggerFactory.getLogger(ImportValidation.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int REPORT_EVERY_ROWS = 2_000;
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    /** Thrown inside the read loop when the owner cancels. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportJobStore store;
    private final MemberRules rules;
    private final MessageSource messages;
    private final Enterprises enterprises;
    private final Clock clock;

    ImportValidation(
            DataSource dataSource,
            JdbcClient jdbc,
            ImportJobStore store,
            MemberRules rules,
            MessageSource messages,
            Enterprises enterprises,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.store = store;
        this.rules = rules;
        this.messages = messages;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** Validates the job's file; the job ends READY, FAILED or (if cancelled meanwhile) stays CANCELLED. */
    void run(long jobId, Path file, long unitId, AccessScope scope, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        try {
            ImportLookups lookups = new ImportLookups(jdbc, enterprises, scope, clock);
            ImportLookups.Unit unit = lookups.unit(unitId)
                    .filter(ImportLookups.Unit::writable)
                    .orElseThrow(() -> new ImportFiles.Refused("member.import.unit.outOfScope", unitId));
            Result r = read(jobId, file, unit, lookups, cancelled);
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            store.progress(jobId, 92, r.rows);
            // Fresh statistics: without them the planner takes 200,000 staged rows for a handful and joins them to
            // the register by nested loops (minutes instead of a second).
            jdbc.sql("analyze membership.import_row").update();
            String[] writeRoots = scope.paths(Members.WRITE);
            crossChecks(jobId, r.header, writeRoots, scope.paths(Members.READ));
            ready(jobId, r, writeRoots, (System.nanoTime() - started) / 1_000_000);
        } catch (ImportFiles.Refused e) {
            discard(jobId);
            store.fail(jobId, "VALIDATING", describe(e));
        } catch (Cancelled e) {
            discard(jobId);
        } catch (IOException | RuntimeException e) {
            // The cause may quote file content: log its type only.
            log.warn("member import job {} failed: {}", jobId, e.getClass().getName());
            discard(jobId);
            store.fail(jobId, "VALIDATING", messages.getMessage("member.import.failed", null, VI));
        }
    }

    private record Result(int rows, ImportFiles.Header header, RowChecker checker) {}

    private Result read(
            long jobId, Path file, ImportLookups.Unit unit, ImportLookups lookups, BooleanSupplier cancelled)
            throws IOException {
        try (ImportFiles.Rows rows = ImportFiles.open(file);
                CopyStream staged = new CopyStream(dataSource, RowChecker.ROWS_COPY);
                CopyStream problems = new CopyStream(dataSource, RowChecker.PROBLEMS_COPY)) {
            store.kind(jobId, rows.kind().name());
            RowChecker[] checker = new RowChecker[1];
            ImportFiles.Header[] header = new ImportFiles.Header[1];
            long[] lastReport = {System.nanoTime()};
            int count = ImportFiles.read(rows, MemberImports.MAX_ROWS, new ImportFiles.Handler() {
                @Override
                public void header(ImportFiles.Header h) {
                    header[0] = h;
                    checker[0] = new RowChecker(jobId, rules, messages, h, lookups, unit, staged, problems);
                }

                @Override
                public void row(ImportFiles.SourceRow row) {
                    checker[0].check(row);
                    int n = checker[0].total();
                    if (n % REPORT_EVERY_ROWS == 0 || System.nanoTime() - lastReport[0] > REPORT_EVERY_NANOS) {
                        if (cancelled.getAsBoolean()) {
                            throw new Cancelled();
                        }
                        if (System.nanoTime() - lastReport[0] > REPORT_EVERY_NANOS / 2) {
                            store.progress(jobId, rows.percent() * 90 / 100, n);
                            lastReport[0] = System.nanoTime();
                        }
                    }
                }
            });
            checker[0].finish();
            staged.finish();
            problems.finish();
            return new Result(count, header[0], checker[0]);
        }
    }

    /** The checks that need the register, set-based over the staged rows. */
    private void crossChecks(long jobId, ImportFiles.Header header, String[] writeRoots, String[] readRoots) {
        String elsewhere = messages.getMessage("member.import.cccd.elsewhere", null, VI);
        Integer cccdCol = header.has(ImportColumn.CCCD) ? header.position(ImportColumn.CCCD) + 1 : null;
        // A CCCD held by a current member outside the caller's write scope: an error that does not name the unit.
        jdbc.sql("""
                        with hit as (
                            delete from membership.import_row r
                             using membership.member m, organisation.org_unit lu
                             where r.job_id = :job and m.cccd = r.cccd and m.status in ('ACTIVE', 'WITHOUT_UNIT')
                               and lu.id = m.last_unit_id and not (lu.path <@ any(cast(:roots as ltree[])))
                            returning r.row_no)
                        insert into membership.import_problem (job_id, row_no, column_no, column_name, severity, message)
                        select :job, row_no, :col, :colName, 'ERROR', :message from hit
                        """)
                .param("job", jobId)
                .param("roots", SqlArrays.ofLabels(writeRoots))
                .param("col", cccdCol)
                .param("colName", header.header(ImportColumn.CCCD))
                .param("message", elsewhere)
                .update();
        Integer nameCol = header.position(ImportColumn.FULL_NAME) + 1;
        String nameHeader = header.header(ImportColumn.FULL_NAME);
        // Possible duplicates among the members the caller may see: same folded name and date of birth, another CCCD.
        jdbc.sql("""
                        insert into membership.import_problem (job_id, row_no, column_no, column_name, severity, message)
                        select :job, r.row_no, :col, :colName, 'WARNING',
                               replace(replace(:tpl, chr(1) || '0', m.member_code), chr(1) || '1', m.full_name)
                          from membership.import_row r
                          join membership.member m on m.search_key = r.search_key and m.birth_date = r.birth_date
                          join organisation.org_unit lu on lu.id = m.last_unit_id
                         where r.job_id = :job and m.status in ('ACTIVE', 'WITHOUT_UNIT')
                           and m.cccd is distinct from r.cccd and lu.path <@ any(cast(:roots as ltree[]))
                        """)
                .param("job", jobId)
                .param("col", nameCol)
                .param("colName", nameHeader)
                .param("tpl", template("member.import.duplicate.existing", 2))
                .param("roots", SqlArrays.ofLabels(readRoots))
                .update();
        // … and twice in the file.
        jdbc.sql("""
                        insert into membership.import_problem (job_id, row_no, column_no, column_name, severity, message)
                        select :job, row_no, :col, :colName, 'WARNING', replace(:tpl, chr(1) || '0', first_row::text)
                          from (select row_no, min(row_no) over w as first_row, count(*) over w as n
                                  from membership.import_row where job_id = :job
                                window w as (partition by search_key, birth_date)) x
                         where n > 1 and row_no <> first_row
                        """)
                .param("job", jobId)
                .param("col", nameCol)
                .param("colName", nameHeader)
                .param("tpl", template("member.import.duplicate.inFile", 1))
                .update();
    }

    private void ready(long jobId, Result r, String[] writeRoots, long millis) {
        jdbc.sql("""
                        update membership.import_job j set
                               status = 'READY', progress = 100, validated_at = now(), validate_ms = :ms,
                               rows_total = :rows,
                               rows_valid = (select count(*) from membership.import_row where job_id = :job),
                               rows_error = (select count(distinct row_no) from membership.import_problem
                                              where job_id = :job and severity = 'ERROR' and row_no > 0),
                               warnings = (select count(*) from membership.import_problem
                                            where job_id = :job and severity = 'WARNING'),
                               to_update = (select count(*) from membership.import_row r
                                              join membership.member m on m.cccd = r.cccd
                                              join organisation.org_unit lu on lu.id = m.last_unit_id
                                             where r.job_id = :job and m.status in ('ACTIVE', 'WITHOUT_UNIT')
                                               and lu.path <@ any(cast(:roots as ltree[]))),
                               sensitive_columns = cast(:sensitive as text[])
                         where id = :job and status = 'VALIDATING'
                        """)
                .param("ms", millis)
                .param("rows", r.rows)
                .param("job", jobId)
                .param("roots", SqlArrays.ofLabels(writeRoots))
                .param(
                        "sensitive",
                        SqlArrays.ofLabels(r.checker.sensitiveColumns().toArray(String[]::new)))
                .update();
    }

    /** A message with placeholders SQL fills in: {@code chr(1)} followed by the argument's index. */
    private String template(String key, int args) {
        Object[] marks = new Object[args];
        for (int i = 0; i < args; i++) {
            marks[i] = "\u0001" + i;
        }
        return messages.getMessage(key, marks, key, VI);
    }

    private void discard(long jobId) {
        try {
            store.deleteStaging(jobId);
            store.deleteProblems(jobId);
        } catch (RuntimeException e) {
            log.warn(
                    "member import job {}: staging not cleaned: {}",
                    jobId,
                    e.getClass().getName());
        }
    }

    /** The reason in Vietnamese; columns among the arguments become their template headers. */
    String describe(ImportFiles.Refused e) {
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ImportColumn[] columns) {
                StringBuilder s = new StringBuilder();
                for (ImportColumn c : columns) {
                    s.append(s.length() == 0 ? "" : ", ")
                            .append(messages.getMessage(c.templateKey(), null, c.field(), VI));
                }
                args[i] = s.toString();
            }
        }
        return messages.getMessage(e.key(), args, e.key(), VI);
    }
}
