package vn.congdoan.membership.internal.statistics;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.membership.MemberStatistics;
import vn.congdoan.organisation.UnitStatistics;

/** Member figures of a subtree as of a period end (QĐ 1454/QĐ-TLĐ statistics; DOMAIN.md §8). */
@Service
@Transactional(readOnly = true)
class MemberStatisticsService implements MemberStatistics {

    private final JdbcClient jdbc;

    MemberStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MemberFigures figures(long unitId, LocalDate from, LocalDate to) {
        Optional<String> root = jdbc.sql("""
                        select path::text from organisation.org_unit_period
                         where unit_id = :id and during @> cast(:asOf as date)
                        """)
                .param("id", unitId)
                .param("asOf", to)
                .query(String.class)
                .optional();
        if (root.isEmpty()) {
            return new MemberFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] stock = jdbc.sql("""
                        select count(*),
                               count(*) filter (where m.sex = 'F'),
                               count(*) filter (where s.ethnicity is not null and s.ethnicity not in ('01', 'NN', 'KX')),
                               count(*) filter (where e.ownership_code in ('STATE', 'STATE_CONTROLLED')),
                               count(*) filter (where e.ownership_code in ('DOMESTIC_PRIVATE', 'COOPERATIVE',
                                                                          'HOUSEHOLD_BUSINESS')),
                               count(*) filter (where e.ownership_code = 'FDI')
                          from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit_period p on p.unit_id = mp.unit_id
                               and p.during @> cast(:asOf as date)
                          left join membership.member_sensitive s on s.member_id = m.id
                          left join enterprises.enterprise e on e.id = m.enterprise_id
                         where mp.during @> cast(:asOf as date) and p.path <@ cast(:root as ltree)
                        """)
                .param("asOf", to)
                .param("root", root.get())
                .query((rs, n) -> new long[] {
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)
                })
                .single();
        // Admitted: where the member stands on the period end, else their last unit before it.
        long admitted = placed("""
                select l.unit_id
                  from membership.membership_period a
                  join (select distinct on (member_id) member_id, unit_id from membership.membership_period
                         where unit_id is not null and lower(during) <= cast(:asOf as date)
                         order by member_id, lower(during) desc) l on l.member_id = a.member_id
                 where a.reason = 'ADMITTED' and lower(a.during) between cast(:from as date) and cast(:asOf as date)
                """, from, to, root.get());
        // Left: a membership with a unit ended in the period and nothing follows on the same day.
        long left = placed("""
                select a.unit_id
                  from membership.membership_period a
                 where a.unit_id is not null
                   and upper(a.during) between cast(:from as date) and cast(:asOf as date)
                   and not exists (select 1 from membership.membership_period b
                                    where b.member_id = a.member_id and lower(b.during) = upper(a.during))
                """, from, to, root.get());
        long referrals = placed("""
                select r.unit_id from membership.party_referral r
                 where r.introduced_on between cast(:from as date) and cast(:asOf as date)
                """, from, to, root.get());
        return new MemberFigures(stock[0], stock[1], stock[2], stock[3], stock[4], stock[5], admitted, left, referrals);
    }

    /** Counts the flow rows (one unit id each) placed under the root in the tree of the period end. */
    private long placed(String origins, LocalDate from, LocalDate to, String root) {
        // placement() works on distinct origins; keep the multiplicity by counting per origin.
        return jdbc.sql("with recursive flows(unit_id) as (" + origins + "), "
                        + UnitStatistics.placement("select distinct unit_id from flows") + """
                        select count(*) from flows f join placed p on p.origin = f.unit_id
                         where p.path <@ cast(:root as ltree)
                        """)
                .param("from", from)
                .param("asOf", to)
                .param("root", root)
                .query(Long.class)
                .single();
    }
}
