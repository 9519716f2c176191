package vn.congdoan.enterprises.internal.statistics;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.enterprises.EnterpriseStatistics;
import vn.congdoan.organisation.UnitStatistics;

/** Enterprise figures of a subtree (QĐ 1454/QĐ-TLĐ statistics; DOMAIN.md §8). */
@Service
@Transactional(readOnly = true)
class EnterpriseStatisticsService implements EnterpriseStatistics {

    /** Enterprises with this many workers should have a grassroots union (DOMAIN.md §8). */
    static final int LARGE = 25;

    private final JdbcClient jdbc;

    EnterpriseStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EnterpriseFigures figures(long unitId, LocalDate asOf) {
        Optional<String> root = jdbc.sql("""
                        select path::text from organisation.org_unit_period
                         where unit_id = :id and during @> cast(:asOf as date)
                        """)
                .param("id", unitId)
                .param("asOf", asOf)
                .query(String.class)
                .optional();
        if (root.isEmpty()) {
            return new EnterpriseFigures(0, 0);
        }
        long nonState = jdbc.sql("""
                        select count(*) from organisation.org_unit_period p
                          join organisation.org_unit u on u.id = p.unit_id
                          join organisation.unit_type t on t.code = u.type_code and t.grassroots
                         where p.during @> cast(:asOf as date) and p.path <@ cast(:root as ltree)
                           and exists (select 1 from enterprises.enterprise e
                                        where e.covering_unit_id = u.id
                                          and e.ownership_code in ('DOMESTIC_PRIVATE', 'FDI', 'COOPERATIVE',
                                                                   'HOUSEHOLD_BUSINESS'))
                        """)
                .param("asOf", asOf)
                .param("root", root.get())
                .query(Long.class)
                .single();
        long large = jdbc.sql("with recursive flows(unit_id) as ("
                        + """
                        select e.managing_unit_id from enterprises.enterprise e
                         where e.workers_total >= :large and e.covering_unit_id is null
                           and (e.founded_on is null or e.founded_on <= cast(:asOf as date))
                        """
                        + "), " + UnitStatistics.placement("select distinct unit_id from flows") + """
                        select count(*) from flows f join placed p on p.origin = f.unit_id
                         where p.path <@ cast(:root as ltree)
                        """)
                .param("large", LARGE)
                .param("asOf", asOf)
                .param("root", root.get())
                .query(Long.class)
                .single();
        return new EnterpriseFigures(nonState, large);
    }
}
