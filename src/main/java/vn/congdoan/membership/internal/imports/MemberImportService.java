package vn.congdoan.membership.internal.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.membership.ImportJob;
import vn.congdoan.membership.ImportJobNotFoundException;
import vn.congdoan.membership.ImportProblem;
import vn.congdoan.membership.ImportProblemPage;
import vn.congdoan.membership.ImportRefusedException;
import vn.congdoan.membership.ImportUnit;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.SqlArrays;

/**
 * Runs member imports: jobs on a small executor of their own (so imports never starve the web threads), their state in
 * {@code membership.import_job}, cancellation by flag (this node) or by the job row (any node).
 */
@Service
class MemberImportService implements MemberImports, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final long DB_CANCEL_CHECK_NANOS = 2_000_000_000L;

    private final ImportJobStore store;
    private final ImportValidation validation;
    private final ImportCommitter committer;
    private final ImportTemplate template;
    private final ThreadPoolTaskExecutor executor;
    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final MessageSource messages;
    private final Clock clock;
    private final Map<Long, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();

    MemberImportService(
            ImportJobStore store,
            ImportValidation validation,
            ImportCommitter committer,
            ImportTemplate template,
            JdbcClient jdbc,
            Enterprises enterprises,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.validation = validation;
        this.committer = committer;
        this.template = template;
        this.executor = workers();
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Two workers and a short queue, private to imports (not a bean: an {@code Executor} bean would replace Boot's
     * application executor that module events run on). Imports are CPU and database heavy; more at once would only
     * slow each one down, and a full queue answers "busy" instead of piling up files.
     */
    private static ThreadPoolTaskExecutor workers() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20);
        executor.setThreadNamePrefix("member-import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    @Override
    public List<ImportUnit> units(AccessScope scope) {
        scope.require(Members.WRITE);
        return jdbc.sql("""
                        select u.id, u.code, u.name, nlevel(u.path) as depth from organisation.org_unit u
                         where u.path <@ any(cast(:roots as ltree[])) and u.valid_from <= :today
                           and (u.valid_to is null or u.valid_to > :today)
                         order by u.path limit 500
                        """)
                .param("roots", SqlArrays.ofLabels(scope.paths(Members.WRITE)))
                .param("today", Dates.today(clock))
                .query((rs, n) -> new ImportUnit(
                        rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("depth")))
                .list();
    }

    @Override
    public long defaultUnit(AccessScope scope) {
        scope.require(Members.WRITE);
        ImportLookups lookups = new ImportLookups(jdbc, enterprises, scope, clock);
        if (lookups.unit(scope.homeUnitId())
                .filter(ImportLookups.Unit::writable)
                .isPresent()) {
            return scope.homeUnitId();
        }
        return scope.roots(Members.WRITE).stream().min(Long::compare).orElseThrow();
    }

    @Override
    public void writeTemplate(long unitId, AccessScope scope, OutputStream out) throws IOException {
        ImportLookups.Unit unit = writableUnit(unitId, scope);
        template.write(unit.sensitive(), out);
    }

    @Override
    public ImportJob start(Path file, String fileName, long unitId, AccessScope scope, Actor actor) {
        ImportJob job = create(file, fileName, unitId, scope, actor);
        if (job.status() != ImportJob.Status.VALIDATING) {
            return job;
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlags.put(job.id(), flag);
        try {
            executor.execute(() -> {
                try {
                    validation.run(job.id(), file, unitId, scope, cancelled(job.id(), flag));
                } finally {
                    cancelFlags.remove(job.id());
                    delete(file);
                }
            });
        } catch (RejectedExecutionException e) {
            cancelFlags.remove(job.id());
            delete(file);
            store.fail(job.id(), "VALIDATING", vi("member.import.busy"));
        }
        return store.get(job.id());
    }

    /** Hashes the file and records the job (FAILED at once when the file is too large or empty). */
    private ImportJob create(Path file, String fileName, long unitId, AccessScope scope, Actor actor) {
        ImportLookups.Unit unit;
        try {
            unit = writableUnit(unitId, scope);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        long size;
        String sha;
        try {
            size = Files.size(file);
            sha = sha256(file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
        String failure = null;
        if (size == 0) {
            failure = vi("member.import.file.empty");
        } else if (size > MAX_FILE_BYTES) {
            failure = vi("member.import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        if (failure == null && !unit.open()) {
            failure = vi("member.import.unit.closed", unit.code());
        }
        Long previous = store.previousCommit(unit.id(), sha).orElse(null);
        long id =
                store.insert(safeName(fileName), sha, size, unit.id(), scope.userId(), actor.name(), previous, failure);
        if (failure != null) {
            delete(file);
        }
        return store.get(id);
    }

    private BooleanSupplier cancelled(long id, AtomicBoolean flag) {
        long[] lastDbCheck = {System.nanoTime()};
        return () -> {
            if (flag.get()) {
                return true;
            }
            if (System.nanoTime() - lastDbCheck[0] > DB_CANCEL_CHECK_NANOS) {
                lastDbCheck[0] = System.nanoTime();
                // Cancelled from another node, or expired as stale: stop too.
                return !"VALIDATING".equals(store.status(id));
            }
            return false;
        };
    }

    @Override
    public ImportJob job(long id, AccessScope scope) {
        if (!scope.can(Members.WRITE)) {
            throw new ImportJobNotFoundException(id);
        }
        return store.find(id, scope.userId()).orElseThrow(() -> new ImportJobNotFoundException(id));
    }

    @Override
    public List<ImportJob> recent(AccessScope scope, int limit) {
        scope.require(Members.WRITE);
        return store.recent(scope.userId(), Math.max(1, Math.min(limit, 50)));
    }

    @Override
    public ImportProblemPage problems(long id, int page, AccessScope scope) {
        job(id, scope);
        return store.problems(id, page, PROBLEMS_PAGE);
    }

    @Override
    public void writeProblems(long id, AccessScope scope, OutputStream out) throws IOException {
        job(id, scope);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        w.write(csv(vi("member.import.report.row")) + "," + csv(vi("member.import.report.column")) + ","
                + csv(vi("member.import.report.kind")) + "," + csv(vi("member.import.report.reason")) + "\r\n");
        String error = vi("member.import.report.error");
        String warning = vi("member.import.report.warning");
        try {
            store.eachProblem(id, p -> {
                try {
                    w.write(p.row() + "," + csv(column(p)) + "," + csv(p.error() ? error : warning) + ","
                            + csv(p.message()) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static String column(ImportProblem p) {
        String letter = p.columnLetter();
        String name = p.column() == null ? "" : p.column();
        return letter.isEmpty() ? name : letter + " - " + name;
    }

    /** A CSV field, quoted, with formula signs neutralised (OWASP CSV injection). */
    private static String csv(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    @Override
    public ImportJob commit(long id, boolean force, AccessScope scope, Actor actor) {
        ImportJob job = checkCommittable(id, force, scope);
        if (!store.move(id, "READY", "COMMITTING")) {
            throw new ImportRefusedException("member.import.commit.notReady", true);
        }
        long started = System.nanoTime();
        try {
            executor.execute(() -> commitNow(job, scope, actor, started));
        } catch (RejectedExecutionException e) {
            store.move(id, "COMMITTING", "READY");
            throw new ImportRefusedException("member.import.busy", true);
        }
        return store.get(id);
    }

    private ImportJob checkCommittable(long id, boolean force, AccessScope scope) {
        ImportJob job = job(id, scope);
        writableUnit(job.unitId(), scope);
        if (job.status() != ImportJob.Status.READY) {
            throw new ImportRefusedException("member.import.commit.notReady", true);
        }
        if (job.rowsError() > 0) {
            throw new ImportRefusedException("member.import.commit.hasErrors", false, job.rowsError());
        }
        if (job.rowsValid() == 0) {
            throw new ImportRefusedException("member.import.commit.empty", false);
        }
        if (job.previousImport() != null && !force) {
            throw new ImportRefusedException("member.import.commit.repeated", true);
        }
        return job;
    }

    /** The commit itself; its outcome lands in the job row (DONE, back to READY, or FAILED). */
    private void commitNow(ImportJob job, AccessScope scope, Actor actor, long started) {
        try {
            committer.commit(job, scope, actor, started);
        } catch (ImportCommitter.Changed | DataIntegrityViolationException e) {
            // Someone admitted or moved one of these people meanwhile: nothing was written; check the file again.
            store.deleteStaging(job.id());
            store.fail(job.id(), "COMMITTING", vi("member.import.commit.changed"));
        } catch (RuntimeException e) {
            log.warn(
                    "member import job {}: commit failed: {}",
                    job.id(),
                    e.getClass().getName());
            store.fail(job.id(), "COMMITTING", vi("member.import.failed"));
        }
    }

    @Override
    public ImportJob cancel(long id, AccessScope scope, Actor actor) {
        ImportJob job = job(id, scope);
        if (job.status() == ImportJob.Status.VALIDATING || job.status() == ImportJob.Status.READY) {
            if (store.move(id, job.status().name(), "CANCELLED")) {
                AtomicBoolean flag = cancelFlags.get(id);
                if (flag != null) {
                    flag.set(true);
                }
                // A running worker also deletes what it wrote after it stops; this covers a READY job.
                store.deleteStaging(id);
                store.deleteProblems(id);
            }
        }
        return store.get(id);
    }

    @Override
    public ImportJob runNow(Path file, String fileName, long unitId, AccessScope scope, Actor actor) {
        ImportJob job = create(file, fileName, unitId, scope, actor);
        if (job.status() != ImportJob.Status.VALIDATING) {
            return job;
        }
        try {
            validation.run(job.id(), file, unitId, scope, () -> false);
        } finally {
            delete(file);
        }
        ImportJob validated = store.get(job.id());
        if (!validated.committable()) {
            return validated;
        }
        if (store.move(job.id(), "READY", "COMMITTING")) {
            commitNow(validated, scope, actor, System.nanoTime());
        }
        return store.get(job.id());
    }

    private ImportLookups.Unit writableUnit(long unitId, AccessScope scope) {
        if (!scope.can(Members.WRITE)) {
            throw new vn.congdoan.shared.NotFoundException("unit", unitId);
        }
        return new ImportLookups(jdbc, enterprises, scope, clock)
                .unit(unitId)
                .filter(ImportLookups.Unit::writable)
                .orElseThrow(() -> new vn.congdoan.shared.NotFoundException("unit", unitId));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The name as shown back: its last path segment, NFC, without control characters, at most 200 characters. */
    static String safeName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", "");
        if (n.isBlank()) {
            n = "upload";
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left in the temporary directory, which the system cleans.
        }
    }

    private String vi(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
