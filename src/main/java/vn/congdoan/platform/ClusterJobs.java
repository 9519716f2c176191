package vn.congdoan.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scheduled jobs that run once per slot however many nodes fire them. A slot is an instant of the job's cron
 * expression (the same on every node, whatever the small clock differences); the node that inserts the row {@code
 * (job, slot)} into {@code platform.job_run} runs it, the others skip it. The row is the run log: node, start, end,
 * outcome ({@code SUCCEEDED}, {@code FAILED}, {@code INTERRUPTED} when the node stopped during the run) and the job's
 * summary. Jobs run on the server only, never during the one-shot commands ({@code admin create}, {@code bench}).
 */
public interface ClusterJobs {

    /** The cron value that switches a job off (as in Spring's {@code @Scheduled}). */
    String DISABLED = "-";

    /**
     * Fires the job at every slot of {@code cron} in {@code zone} from now on. When the latest slot before now was
     * run by no node (every node was down), it runs once at once, late: a monthly job is never silently skipped.
     */
    void schedule(String job, String cron, ZoneId zone, Work work);

    /** Claims and runs one slot on this node; empty when another node (or an earlier call) already claimed it. */
    Optional<JobRun> runSlot(String job, Instant slot, Work work);

    /** The job's latest runs, newest slot first. */
    List<JobRun> recentRuns(String job, int limit);

    /** This node's name in the run log ({@code congdoan.node-name}, by default the host name). */
    String nodeName();

    /** A job's work for one slot; returns a short summary for the run log (counts, never personal data). */
    @FunctionalInterface
    interface Work {
        String run(Instant slot) throws Exception;
    }

    /** One row of the run log. */
    record JobRun(
            String job,
            Instant slot,
            String node,
            Instant startedAt,
            @Nullable Instant finishedAt,
            String outcome,
            @Nullable String summary) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(outcome);
        }
    }
}
