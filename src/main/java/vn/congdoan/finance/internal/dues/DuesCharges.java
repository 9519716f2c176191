package vn.congdoan.finance.internal.dues;

import java.time.YearMonth;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes monthly charges in one set-based statement, for one unit and month (the accountant's "draw up the month")
 * or for a range of months over many units (the demo world). The formula is the one of DOMAIN.md §4.2 and {@code
 * FeeRules.quoteDues}: rate of the month's {@code dues_rule} × base (the salary basis, or the base salary for the
 * flat group), rounded half-up to the đồng, capped at {@code cap_fraction} × the month's base salary; {@code
 * DuesChargesIT} checks every charge of the demo world against {@code FeeRules.quoteDues}.
 *
 * <p>Decisions written here once:
 *
 * <ul>
 *   <li>The unit that charges a month is the member's last membership of that month (a member transferred on the
 *       15th pays the new unit; one admitted on the 20th owes that month).
 *   <li>Unknown salary basis (no profile, or a profile without salary): the flat amount of group FLAT (at least 0.5 %
 *       of the base salary from 01/07/2025, QĐ 61/QĐ-TLĐ), marked {@code UNKNOWN_SALARY} — unless the member's group
 *       collects nothing that month (state-funded bodies from 01/06/2025, CV 4133/TLĐ-ToC).
 *   <li>Exempt months (QĐ 1908/QĐ-TLĐ Art. 23): a zero charge marked {@code EXEMPT}, so the month shows why.
 *   <li>A unit's higher rate by resolution (enterprise groups only): the extra is rate × salary basis − standard dues,
 *       not capped (the 10 % cap limits the standard dues), never negative.
 * </ul>
 */
@Component
public class DuesCharges {

    private static final String INSERT = """
            with months as (
                select cast(m as date) as period
                  from generate_series(cast(:from as date), cast(:to as date), interval '1 month') m
            ),
            candidates as (
                select distinct member_id from membership.membership_period
                 where unit_id = any(cast(:units as bigint[]))
                   and during && daterange(cast(:from as date), cast(cast(:to as date) + interval '1 month' as date))
            ),
            last_membership as materialized (
                select distinct on (p.member_id, mo.period) p.member_id, p.unit_id, mo.period
                  from months mo
                  join membership.membership_period p
                    on p.during && daterange(mo.period, cast(mo.period + interval '1 month' as date))
                 where p.member_id in (select member_id from candidates)
                 order by p.member_id, mo.period, lower(p.during) desc
            ),
            facts as materialized (
                select w.member_id, w.unit_id, w.period,
                       coalesce(pf.member_group, 'FLAT') as declared_group,
                       pf.salary_basis, e.id as exemption_id
                  from last_membership w
                  left join finance.dues_profile pf
                    on pf.member_id = w.member_id and daterange(pf.valid_from, pf.valid_to) @> w.period
                  left join finance.dues_exemption e
                    on e.member_id = w.member_id and daterange(e.valid_from, e.valid_to) @> w.period
                 where w.unit_id = any(cast(:units as bigint[]))
            ),
            grouped as materialized (
                select f.*,
                       case when f.declared_group <> 'FLAT' and f.salary_basis is null and dr.rate > 0 then 'FLAT'
                            else f.declared_group end as grp,
                       case when f.exemption_id is not null then 'EXEMPT'
                            when f.declared_group = 'FLAT' then 'FLAT'
                            when f.salary_basis is null and dr.rate > 0 then 'UNKNOWN_SALARY'
                            else 'SALARY' end as basis_source
                  from facts f
                  join finance.dues_rule dr
                    on dr.member_group = f.declared_group and daterange(dr.valid_from, dr.valid_to) @> f.period
            ),
            priced as (
                select g.*, r.id as rule_id, r.base_kind, r.rate, b.id as base_salary_id,
                       case when r.base_kind = 'BASE_SALARY' then b.amount else coalesce(g.salary_basis, 0) end as base,
                       case when r.cap_fraction is null then null else round(r.cap_fraction * b.amount) end as cap,
                       ur.id as unit_rate_id, ur.rate as unit_rate
                  from grouped g
                  join finance.dues_rule r
                    on r.member_group = g.grp and daterange(r.valid_from, r.valid_to) @> g.period
                  join finance.base_salary b on daterange(b.valid_from, b.valid_to) @> g.period
                  left join finance.unit_dues_rate ur
                    on ur.org_unit_id = g.unit_id and daterange(ur.valid_from, ur.valid_to) @> g.period
                   and g.grp in ('SOE', 'NON_STATE') and g.basis_source = 'SALARY'
            ),
            amounts as (
                select p.*,
                       case when p.exemption_id is not null then 0
                            else least(round(p.rate * p.base), coalesce(p.cap, round(p.rate * p.base))) end as standard,
                       p.exemption_id is null and p.cap is not null and round(p.rate * p.base) > p.cap as was_capped
                  from priced p
            )
            insert into finance.dues_charge (member_id, org_unit_id, period, member_group, basis_source, base_kind, base,
                                             rate, capped, standard_amount, extra_amount, dues_rule_id, base_salary_id,
                                             unit_rate_id, exemption_id)
            select a.member_id, a.unit_id, a.period, a.grp, a.basis_source, a.base_kind, a.base, a.rate, a.was_capped,
                   a.standard,
                   case when a.exemption_id is not null or a.unit_rate is null then 0
                        else greatest(0, round(a.unit_rate * a.base) - a.standard) end,
                   a.rule_id, a.base_salary_id, case when a.exemption_id is null then a.unit_rate_id end, a.exemption_id
              from amounts a
            on conflict (member_id, period) do nothing
            """;

    private final JdbcClient jdbc;

    DuesCharges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Charges for the months {@code from}..{@code to} (inclusive) of the members of these units. Draw-ups take turns
     * (a transaction-level advisory lock): two of them inserting the same members' charges in different orders (the
     * monthly job and the newcomers' listener, on two nodes) would otherwise deadlock on the unique index.
     */
    public int generate(Collection<Long> unitIds, YearMonth from, YearMonth to) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('finance.dues_charge'))")
                .query((rs, i) -> 1)
                .list();
        return jdbc.sql(INSERT)
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .param("units", unitIds.toArray(Long[]::new))
                .update();
    }
}
