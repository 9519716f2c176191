package vn.congdoan.finance.internal.dues;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.platform.ClusterJobs;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;

/**
 * The month's dues charges, drawn up automatically on the 1st (cron {@code congdoan.jobs.dues-charges.cron}, default
 * 02:00 on the 1st, Vietnam time; {@code -} switches it off) for every unit that has members that month, once across
 * all nodes ({@link ClusterJobs}). The month is the month of today's date by the application clock. Set-based through
 * {@link DuesCharges} (idempotent: members already charged keep their charge), a few hundred units per transaction so
 * a national run never holds one huge transaction. The run log ({@code platform.job_run}) and one audit entry say when
 * and on which node it ran and how many charges it added; an accountant can still draw up a unit's month by hand.
 */
@Component
class MonthlyDuesCharges {

    static final String JOB = "dues-charges";
    static final String AUDIT_ACTION = "FINANCE_DUES_CHARGES_DRAWN_UP";
    private static final int UNITS_PER_TRANSACTION = 500;

    private final ClusterJobs jobs;
    private final DuesCharges charges;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final String cron;

    MonthlyDuesCharges(
            ClusterJobs jobs,
            DuesCharges charges,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            Clock clock,
            @Value("${congdoan.jobs.dues-charges.cron:0 0 2 1 * *}") String cron) {
        this.jobs = jobs;
        this.charges = charges;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
        this.cron = cron;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.schedule(JOB, cron, Dates.ZONE, slot -> drawUp(YearMonth.from(Dates.today(clock))));
    }

    /** Draws up the month for every unit with members in it; returns the run log's summary. */
    String drawUp(YearMonth month) {
        List<Long> units = jdbc.sql("""
                        select distinct unit_id from membership.membership_period
                         where unit_id is not null and during && daterange(:first, :next)
                         order by unit_id
                        """)
                .param("first", month.atDay(1))
                .param("next", month.plusMonths(1).atDay(1))
                .query(Long.class)
                .list();
        int added = 0;
        for (int from = 0; from < units.size(); from += UNITS_PER_TRANSACTION) {
            List<Long> chunk = units.subList(from, Math.min(units.size(), from + UNITS_PER_TRANSACTION));
            Integer n = tx.execute(status -> charges.generate(chunk, month, month));
            added += n == null ? 0 : n;
        }
        String summary = "month=" + month + " units=" + units.size() + " charges=" + added + " node=" + jobs.nodeName();
        audit.record(AuditRecord.of(Actor.system(), AUDIT_ACTION, null)
                .target("DUES_MONTH", month.toString(), null)
                .detail(summary));
        return summary;
    }
}
