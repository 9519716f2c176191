package vn.congdoan.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import vn.congdoan.platform.ClusterJobs;

/**
 * {@link ClusterJobs} on PostgreSQL: the claim is {@code insert … on conflict do nothing} in its own (auto-committed)
 * statement, so it is visible to the other nodes before the work starts. The scheduler is private to this class (a
 * {@code TaskScheduler} bean would also become the application's {@code Executor}). On stop a running job gets ten
 * seconds to finish; one cut short stays {@code RUNNING} until this node starts again and marks it {@code
 * INTERRUPTED}.
 */
@Service
class ClusterJobService implements ClusterJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobService.class);
    private static final int SUMMARY_MAX = 500;
    /** How far back the last missed slot is looked for (a yearly job still finds it). */
    private static final Duration LOOK_BACK = Duration.ofDays(800);

    private static final String SELECT =
            "select job, slot, node, started_at, finished_at, outcome, summary from platform.job_run";

    private final JdbcClient jdbc;
    private final String node;
    private final boolean server;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final AtomicBoolean startedUp = new AtomicBoolean();

    ClusterJobService(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        String configured = environment.getProperty("congdoan.node-name");
        this.node = StringUtils.hasText(configured) ? configured.strip() : hostName();
        // One-shot commands (admin create, bench) start the context too, but must not run the server's jobs.
        this.server = !environment.containsProperty("congdoan.command");
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("cluster-job-");
        scheduler.setDaemon(true);
        // On stop: no new slot starts; a run in progress gets a few seconds to finish before the pool closes.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        scheduler.initialize();
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public void schedule(String job, String cron, ZoneId zone, Work work) {
        if (!server || DISABLED.equals(cron.strip())) {
            log.info("Scheduled job {} is off on this node", job);
            return;
        }
        CronExpression expression = CronExpression.parse(cron);
        if (startedUp.compareAndSet(false, true)) {
            int interrupted = jdbc.sql("""
                            update platform.job_run set outcome = 'INTERRUPTED', finished_at = clock_timestamp()
                             where node = :node and outcome = 'RUNNING'
                            """).param("node", node).update();
            if (interrupted > 0) {
                log.warn("{} job run(s) of node {} were cut short by its last stop", interrupted, node);
            }
        }
        Instant now = Instant.now();
        Instant missed = previousSlot(expression, zone, now);
        if (missed != null && find(job, missed).isEmpty()) {
            scheduler.execute(() -> runQuietly(job, missed, work));
        }
        scheduleNext(job, expression, zone, work, now);
        log.info("Scheduled job {} ({} {}) on node {}", job, cron, zone, node);
    }

    private void scheduleNext(String job, CronExpression expression, ZoneId zone, Work work, Instant after) {
        ZonedDateTime next = expression.next(after.atZone(zone));
        if (next == null || scheduler.getScheduledExecutor().isShutdown()) {
            return;
        }
        Instant slot = next.toInstant();
        scheduler.schedule(
                () -> {
                    try {
                        runQuietly(job, slot, work);
                    } finally {
                        Instant now = Instant.now();
                        scheduleNext(job, expression, zone, work, now.isAfter(slot) ? now : slot);
                    }
                },
                slot);
    }

    private void runQuietly(String job, Instant slot, Work work) {
        if (scheduler.getScheduledExecutor().isShutdown()) {
            return;
        }
        try {
            runSlot(job, slot, work);
        } catch (RuntimeException e) {
            // The database is unreachable (the claim or the outcome could not be written): the next slot tries again.
            log.error("Scheduled job {} could not run its slot {} on node {}", job, slot, node, e);
        }
    }

    @Override
    public Optional<JobRun> runSlot(String job, Instant slot, Work work) {
        int claimed = jdbc.sql("""
                        insert into platform.job_run (job, slot, node) values (:job, :slot, :node)
                        on conflict (job, slot) do nothing
                        """)
                .param("job", job)
                .param("slot", utc(slot))
                .param("node", node)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        String outcome = "SUCCEEDED";
        String summary;
        try {
            summary = work.run(slot);
        } catch (Exception e) {
            outcome = "FAILED";
            summary = e.getClass().getSimpleName();
            log.error("Scheduled job {} failed in its slot {} on node {}", job, slot, node, e);
        }
        jdbc.sql("""
                        update platform.job_run set outcome = :outcome, summary = :summary,
                               finished_at = clock_timestamp()
                         where job = :job and slot = :slot
                        """)
                .param("outcome", outcome)
                .param(
                        "summary",
                        summary == null ? null : summary.substring(0, Math.min(summary.length(), SUMMARY_MAX)))
                .param("job", job)
                .param("slot", utc(slot))
                .update();
        return find(job, slot);
    }

    @Override
    public List<JobRun> recentRuns(String job, int limit) {
        return jdbc.sql(SELECT + " where job = :job order by slot desc limit :limit")
                .param("job", job)
                .param("limit", limit)
                .query((rs, i) -> run(rs))
                .list();
    }

    private Optional<JobRun> find(String job, Instant slot) {
        return jdbc.sql(SELECT + " where job = :job and slot = :slot")
                .param("job", job)
                .param("slot", utc(slot))
                .query((rs, i) -> run(rs))
                .optional();
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }

    /**
     * The latest slot at or before {@code now}, or null when there is none within {@link #LOOK_BACK}. CronExpression
     * only looks forward, so the window behind {@code now} doubles until it holds a slot; the slots found in it are then
     * few, since the window before held none.
     */
    static @Nullable Instant previousSlot(CronExpression expression, ZoneId zone, Instant now) {
        ZonedDateTime end = now.atZone(zone);
        for (Duration window = Duration.ofSeconds(1);
                window.compareTo(LOOK_BACK) <= 0;
                window = window.multipliedBy(2)) {
            ZonedDateTime slot = expression.next(end.minus(window));
            if (slot != null && !slot.isAfter(end)) {
                for (ZonedDateTime n = expression.next(slot); n != null && !n.isAfter(end); n = expression.next(n)) {
                    slot = n;
                }
                return slot.toInstant();
            }
        }
        return null;
    }

    private static JobRun run(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new JobRun(
                rs.getString("job"),
                rs.getObject("slot", OffsetDateTime.class).toInstant(),
                rs.getString("node"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("outcome"),
                rs.getString("summary"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (StringUtils.hasText(env)) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }
}
