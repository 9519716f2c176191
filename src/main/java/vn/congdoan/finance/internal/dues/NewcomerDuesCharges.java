package vn.congdoan.finance.internal.dues;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.membership.MembersJoined;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;

/**
 * Keeps drawn-up months complete when members arrive: for each unit of {@link MembersJoined} and each month from the
 * arrival to this month whose charges the unit already has (drawn up by the monthly job or by an accountant), the
 * newcomers' charges are added through {@link DuesCharges}. Months not drawn up yet are left to whoever draws them up.
 * Idempotent (a charge per member and month at most), so a republished event changes nothing; each processing leaves
 * one audit entry per unit it looked at, with the number of charges added.
 */
@Component
class NewcomerDuesCharges {

    static final String AUDIT_ACTION = "FINANCE_DUES_NEWCOMERS_CHARGED";

    private final JdbcClient jdbc;
    private final DuesCharges charges;
    private final AuditTrail audit;
    private final OrgTree tree;
    private final Clock clock;

    NewcomerDuesCharges(JdbcClient jdbc, DuesCharges charges, AuditTrail audit, OrgTree tree, Clock clock) {
        this.jdbc = jdbc;
        this.charges = charges;
        this.audit = audit;
        this.tree = tree;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MembersJoined event) {
        YearMonth from = YearMonth.from(event.on());
        YearMonth to = YearMonth.from(Dates.today(clock));
        if (from.isAfter(to) || event.unitIds().isEmpty()) {
            return;
        }
        Map<Long, List<YearMonth>> drawn = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct org_unit_id, period from finance.dues_charge
                         where org_unit_id = any(cast(:units as bigint[])) and period between :from and :to
                         order by org_unit_id, period
                        """)
                .param("units", event.unitIds().toArray(Long[]::new))
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .query((ResultSet rs) -> {
                    drawn.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>())
                            .add(YearMonth.from(rs.getObject(2, LocalDate.class)));
                });
        Map<Long, String> paths = tree.paths(drawn.keySet());
        drawn.forEach((unit, months) -> {
            int added = 0;
            for (YearMonth month : months) {
                added += charges.generate(List.of(unit), month, month);
            }
            audit.record(AuditRecord.of(Actor.system(), AUDIT_ACTION, paths.get(unit))
                    .target("unit", unit, null)
                    .detail("months=" + months + " charges=" + added));
        });
    }
}
