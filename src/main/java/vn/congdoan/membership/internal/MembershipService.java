package vn.congdoan.membership.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.membership.MemberCounts;
import vn.congdoan.organisation.Impact;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.RestructuringParticipant;
import vn.congdoan.organisation.UnitClosure;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;

/**
 * Members' dated membership. When a unit ends, its members follow the successor from the same day, or become
 * "without unit" (status {@code WITHOUT_UNIT}, still counted against the closed unit's scope so the officers above
 * see them) until someone transfers them.
 */
@Service
@Order(10)
@Transactional(readOnly = true)
class MembershipService implements MemberCounts, RestructuringParticipant {

    private static final String IN_SCOPE = " lu.path <@ any(cast(:roots as ltree[])) ";

    private final JdbcClient jdbc;
    private final OrgTree tree;

    MembershipService(JdbcClient jdbc, OrgTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    @Override
    public SubtreeMembers subtree(long unitId, LocalDate asOf, AccessScope scope) {
        OrgUnitView unit = tree.unit(unitId, asOf, scope);
        if (!unit.existing()) {
            return new SubtreeMembers(unitId, asOf, 0, 0, 0);
        }
        long[] counts = jdbc.sql("""
                        select count(*), count(*) filter (where m.sex = 'F')
                          from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit_period p on p.unit_id = mp.unit_id and (lower(p.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(p.during), 'infinity'))
                         where (lower(mp.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(mp.during), 'infinity'))
                           and p.path <@ (select r.path from organisation.org_unit_period r
                                           where r.unit_id = :id and lower(r.during) <= cast(:d as date)
                                             and cast(:d as date) < coalesce(upper(r.during), 'infinity'))
                        """)
                .param("id", unitId)
                .param("d", asOf)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        // Members without a unit whose last unit lies (today) under this one.
        long without = jdbc.sql("""
                        select count(*)
                          from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit lu on lu.id = m.last_unit_id
                         where mp.unit_id is null and (lower(mp.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(mp.during), 'infinity'))
                           and lu.path <@ (select path from organisation.org_unit where id = :id)
                        """)
                .param("id", unitId)
                .param("d", asOf)
                .query(Long.class)
                .single();
        return new SubtreeMembers(unitId, asOf, counts[0], counts[1], without);
    }

    @Override
    public List<MemberWithoutUnit> withoutUnit(LocalDate asOf, AccessScope scope, int offset, int limit) {
        return jdbc.sql("""
                        select m.id, m.full_name, m.sex, lower(mp.during) as since, lu.id as unit_id, lu.name as unit_name
                          from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit lu on lu.id = m.last_unit_id
                         where mp.unit_id is null and (lower(mp.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(mp.during), 'infinity')) and
                        """ + IN_SCOPE + """
                         order by lu.name, m.full_name, m.id offset :offset limit :limit
                        """)
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new MemberWithoutUnit(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getString("sex"),
                        rs.getObject("since", LocalDate.class),
                        rs.getLong("unit_id"),
                        rs.getString("unit_name")))
                .list();
    }

    @Override
    public long countWithoutUnit(LocalDate asOf, AccessScope scope) {
        return jdbc.sql("""
                        select count(*)
                          from membership.membership_period mp
                          join membership.member m on m.id = mp.member_id
                          join organisation.org_unit lu on lu.id = m.last_unit_id
                         where mp.unit_id is null and (lower(mp.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(mp.during), 'infinity')) and
                        """ + IN_SCOPE)
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional
    public List<Impact> unitsClosed(List<UnitClosure> closures) {
        List<Impact> impacts = new ArrayList<>();
        for (UnitClosure c : closures) {
            Long to = c.successorId();
            String reason = to == null ? "UNIT_CLOSED" : "UNIT_MERGED";
            // Memberships that began on the closing day itself simply change unit.
            int same = jdbc.sql("""
                            update membership.membership_period set unit_id = cast(:to as bigint), reason = :reason, change_ref = :change
                             where unit_id = :unit and upper_inf(during) and lower(during) >= :on
                            """)
                    .param("to", to)
                    .param("reason", reason)
                    .param("change", c.changeId())
                    .param("unit", c.unitId())
                    .param("on", c.effectiveOn())
                    .update();
            List<Long> ended = jdbc.sql("""
                            update membership.membership_period set during = daterange(lower(during), :on)
                             where unit_id = :unit and upper_inf(during) and lower(during) < :on
                            returning member_id
                            """)
                    .param("on", c.effectiveOn())
                    .param("unit", c.unitId())
                    .query(Long.class)
                    .list();
            if (!ended.isEmpty()) {
                jdbc.sql("""
                                insert into membership.membership_period (member_id, unit_id, during, reason, change_ref)
                                select id, cast(:to as bigint), daterange(:on, null), :reason, :change
                                  from membership.member where id = any(cast(:ids as bigint[]))
                                """)
                        .param("to", to)
                        .param("on", c.effectiveOn())
                        .param("reason", reason)
                        .param("change", c.changeId())
                        .param("ids", SqlArrays.ofLongs(ended))
                        .update();
            }
            // Transfers into or out of the ended unit can no longer be completed as released.
            jdbc.sql("""
                            update membership.member_transfer set status = 'CANCELLED', decided_on = :on,
                                   decided_by = 'system'
                             where status = 'PENDING' and (from_unit_id = :unit or to_unit_id = :unit)
                            """).param("on", c.effectiveOn()).param("unit", c.unitId()).update();
            jdbc.sql("""
                            insert into membership.member_event
                                (member_id, kind, happened_on, unit_id, other_unit_id, actor_name)
                            select id, :kind, :on, cast(:to as bigint), :unit, 'system'
                              from membership.member where unit_id = :unit and status = 'ACTIVE'
                            """)
                    .param("kind", reason)
                    .param("on", c.effectiveOn())
                    .param("to", to)
                    .param("unit", c.unitId())
                    .update();
            int moved = jdbc.sql("""
                            update membership.member
                               set unit_id = cast(:to as bigint), last_unit_id = coalesce(cast(:to as bigint), last_unit_id),
                                   status = case when cast(:to as bigint) is null then 'WITHOUT_UNIT' else 'ACTIVE' end,
                                   version = version + 1
                             where unit_id = :unit and status = 'ACTIVE'
                            """).param("to", to).param("unit", c.unitId()).update();
            int affected = Math.max(moved, same + ended.size());
            if (affected == 0) {
                continue;
            }
            impacts.add(
                    to == null
                            ? Impact.of("membership.impact.withoutUnit", affected, c.unitName())
                            : Impact.of("membership.impact.moved", affected, c.unitName(), c.successorName()));
        }
        return impacts;
    }
}
