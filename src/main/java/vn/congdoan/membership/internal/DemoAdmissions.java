package vn.congdoan.membership.internal;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.membership.MemberRegister;
import vn.congdoan.membership.NewMember;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;
import vn.congdoan.shared.VietnameseNames;

/**
 * Bulk writes of the synthetic demo register: every column travels as one PostgreSQL array and each table is filled
 * by one {@code insert … select … from unnest(…)}, so the ~23,000 members of the demo world take a handful of
 * statements. Events and transfers carry the actor name {@value MemberRegister#DEMO_ACTOR}, written into the SQL.
 */
@Service
class DemoAdmissions implements MemberRegister {

    private static final String ACTOR = MemberRegister.DEMO_ACTOR;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DemoAdmissions(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    @Transactional
    public List<Long> admitDemo(List<NewMember> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        // Ids and code serials first, so that the caller gets the ids in its own order. The codes are made here by
        // the rule of membership.next_member_code() (the column default), which costs a function call per row in SQL.
        List<long[]> serials = jdbc.sql("select nextval(pg_get_serial_sequence('membership.member', 'id')),"
                        + " nextval('membership.member_code_seq') from generate_series(1, :n)")
                .param("n", members.size())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        List<Long> ids = serials.stream().map(x -> x[0]).toList();
        String[] codes = serials.stream().map(x -> memberCode(x[1])).toArray(String[]::new);
        List<String> names = members.stream().map(m -> Text.clean(m.fullName())).toList();
        Long[] idColumn = ids.toArray(Long[]::new);
        String[] joined = column(members, m -> m.joinedOn().toString());
        Long[] units = members.stream().map(NewMember::unitId).toArray(Long[]::new);
        update(
                """
                insert into membership.member
                       (id, member_code, full_name, search_key, sort_key, sex, birth_date, joined_on, status,
                        unit_id, last_unit_id, demo, cccd, phone, home_town, residence, education, qualification,
                        theory_level, job_title, contract_type, union_position, admission_decision)
                select id, member_code, full_name, search_key, sort_key, sex, birth_date, joined_on, 'ACTIVE',
                       unit_id, unit_id, true, cccd, phone, home_town, residence, education, qualification,
                       theory_level, job_title, contract_type, union_position, admission_decision
                  from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]), cast(? as date[]), cast(? as date[]),
                              cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                       as t(id, member_code, full_name, search_key, sort_key, sex, birth_date, joined_on, unit_id,
                            cccd, phone, home_town, residence, education, qualification, theory_level, job_title,
                            contract_type, union_position, admission_decision)
                 order by id
                """,
                idColumn,
                codes,
                names.toArray(String[]::new),
                names.stream().map(Text::searchKey).toArray(String[]::new),
                names.stream().map(VietnameseNames::sortKey).toArray(String[]::new),
                column(members, NewMember::sex),
                column(members, m -> m.birthDate().toString()),
                joined,
                units,
                column(members, NewMember::cccd),
                column(members, NewMember::phone),
                column(members, m -> Text.clean(m.homeTown())),
                column(members, m -> Text.clean(m.residence())),
                column(members, NewMember::education),
                column(members, NewMember::qualification),
                column(members, NewMember::theoryLevel),
                column(members, m -> Text.clean(m.jobTitle())),
                column(members, NewMember::contractType),
                column(members, m -> Text.clean(m.unionPosition())),
                column(members, NewMember::admissionDecision));
        update(
                """
                insert into membership.member_sensitive
                       (member_id, ethnicity, religion, party_member, party_joined_on, salary_basis)
                select * from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]),
                                     cast(? as date[]), cast(? as bigint[]))
                """,
                idColumn,
                column(members, m -> m.sensitive().ethnicity()),
                column(members, m -> Text.clean(m.sensitive().religion())),
                members.stream().map(m -> m.sensitive().partyMember()).toArray(Boolean[]::new),
                column(members, m -> date(m.sensitive().partyJoinedOn())),
                members.stream().map(m -> m.sensitive().salaryBasis()).toArray(Long[]::new));
        update("""
                insert into membership.membership_period (member_id, unit_id, during, reason)
                select id, unit_id, daterange(joined_on, null), 'ADMITTED'
                  from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as date[])) as t(id, unit_id, joined_on)
                """, idColumn, units, joined);
        update("""
                insert into membership.member_event (member_id, kind, happened_on, unit_id, decision, actor_name)
                select id, 'ADMITTED', joined_on, unit_id, decision, 'demo'
                  from unnest(cast(? as bigint[]), cast(? as date[]), cast(? as bigint[]), cast(? as text[]))
                       as t(id, joined_on, unit_id, decision)
                """, idColumn, joined, units, column(members, NewMember::admissionDecision));
        return ids;
    }

    @Override
    @Transactional
    public void recordDemoHistory(
            List<DemoTransfer> transfers, List<DemoLeaving> leavers, List<DemoReferral> referrals) {
        if (!transfers.isEmpty()) {
            transfer(transfers);
        }
        if (!leavers.isEmpty()) {
            leave(leavers);
        }
        if (!referrals.isEmpty()) {
            refer(referrals);
        }
    }

    private void transfer(List<DemoTransfer> transfers) {
        List<Long> ids = template.query(
                statement(
                        """
                        insert into membership.member_transfer (member_id, from_unit_id, to_unit_id, released_on,
                               released_by, note, status, decided_on, decided_by)
                        select t.member_id, m.unit_id, t.to_unit_id, t.released_on, 'demo', t.note,
                               case when t.accepted_on is null then 'PENDING' else 'ACCEPTED' end, t.accepted_on,
                               case when t.accepted_on is null then null else 'demo' end
                          from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as date[]),
                                      cast(? as date[]), cast(? as text[]))
                               as t(member_id, to_unit_id, released_on, accepted_on, note)
                          join membership.member m on m.id = t.member_id
                         order by t.released_on, t.member_id
                        returning id
                        """,
                        transfers.stream().map(DemoTransfer::memberId).toArray(Long[]::new),
                        transfers.stream().map(DemoTransfer::toUnitId).toArray(Long[]::new),
                        column(transfers, t -> t.releasedOn().toString()),
                        column(transfers, t -> date(t.acceptedOn())),
                        column(transfers, t -> Text.clean(t.note()))),
                (rs, n) -> rs.getLong(1));
        String idArray = SqlArrays.ofLongs(ids);
        jdbc.sql("""
                        insert into membership.member_event
                               (member_id, kind, happened_on, unit_id, other_unit_id, note, actor_name)
                        select member_id, kind, happened_on, unit_id, other_unit_id, note, :actor from (
                            select member_id, 'TRANSFER_RELEASED' as kind, released_on as happened_on,
                                   from_unit_id as unit_id, to_unit_id as other_unit_id, note, 1 as step
                              from membership.member_transfer where id = any(cast(:ids as bigint[]))
                            union all
                            select member_id, 'TRANSFER_ACCEPTED', decided_on, to_unit_id, from_unit_id, null, 2
                              from membership.member_transfer
                             where id = any(cast(:ids as bigint[])) and status = 'ACCEPTED') as e
                         order by happened_on, member_id, step
                        """).param("ids", idArray).param("actor", ACTOR).update();
        jdbc.sql("""
                        update membership.membership_period p set during = daterange(lower(p.during), x.decided_on)
                          from membership.member_transfer x
                         where x.id = any(cast(:ids as bigint[])) and x.status = 'ACCEPTED'
                           and p.member_id = x.member_id and upper_inf(p.during)
                        """).param("ids", idArray).update();
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        select member_id, to_unit_id, daterange(decided_on, null), 'TRANSFERRED'
                          from membership.member_transfer
                         where id = any(cast(:ids as bigint[])) and status = 'ACCEPTED'
                        """).param("ids", idArray).update();
        // A union office is held in a unit: it ends with the move.
        jdbc.sql("""
                        update membership.member m
                           set unit_id = x.to_unit_id, last_unit_id = x.to_unit_id, union_position = null,
                               version = m.version + 1
                          from membership.member_transfer x
                         where x.id = any(cast(:ids as bigint[])) and x.status = 'ACCEPTED' and m.id = x.member_id
                        """).param("ids", idArray).update();
    }

    private void leave(List<DemoLeaving> leavers) {
        Long[] members = leavers.stream().map(DemoLeaving::memberId).toArray(Long[]::new);
        String[] dates = column(leavers, l -> l.on().toString());
        update("""
                update membership.membership_period p set during = daterange(lower(p.during), l.left_on)
                  from unnest(cast(? as bigint[]), cast(? as date[])) as l(member_id, left_on)
                 where p.member_id = l.member_id and upper_inf(p.during)
                """, members, dates);
        update("""
                update membership.member m
                   set status = case when l.reason in ('REMOVED', 'EXPELLED') then 'REMOVED' else 'LEFT' end,
                       left_on = l.left_on, leave_reason = l.reason, leave_decision = l.decision,
                       last_unit_id = coalesce(m.unit_id, m.last_unit_id), unit_id = null, union_position = null,
                       version = m.version + 1
                  from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as date[]), cast(? as text[]))
                       as l(member_id, reason, left_on, decision)
                 where m.id = l.member_id
                """, members, column(leavers, DemoLeaving::reason), dates, column(leavers, DemoLeaving::decision));
        update("""
                insert into membership.member_event (member_id, kind, happened_on, unit_id, decision, note, actor_name)
                select m.id, m.status, m.left_on, m.last_unit_id, m.leave_decision, l.note, 'demo'
                  from unnest(cast(? as bigint[]), cast(? as text[])) as l(member_id, note)
                  join membership.member m on m.id = l.member_id
                 order by m.left_on, m.id
                """, members, column(leavers, l -> Text.clean(l.note())));
    }

    private void refer(List<DemoReferral> referrals) {
        Long[] members = referrals.stream().map(DemoReferral::memberId).toArray(Long[]::new);
        String[] outcomes = column(referrals, DemoReferral::outcome);
        String[] outcomeDates = column(referrals, r -> date(r.outcomeOn()));
        update(
                """
                insert into membership.party_referral (member_id, introduced_on, unit_id, outcome, outcome_on)
                select * from unnest(cast(? as bigint[]), cast(? as date[]), cast(? as bigint[]), cast(? as text[]),
                                     cast(? as date[]))
                 order by 2, 1
                """,
                members,
                column(referrals, r -> r.introducedOn().toString()),
                referrals.stream().map(DemoReferral::unitId).toArray(Long[]::new),
                outcomes,
                outcomeDates);
        update("""
                update membership.member_sensitive s set party_member = true, party_joined_on = r.outcome_on
                  from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as date[]))
                       as r(member_id, outcome, outcome_on)
                 where s.member_id = r.member_id and r.outcome = 'ADMITTED'
                """, members, outcomes, outcomeDates);
    }

    @Override
    @Transactional
    public void linkDemoEnterprises(Map<Long, Long> enterpriseByUnit) {
        if (enterpriseByUnit.isEmpty()) {
            return;
        }
        Long[] units = enterpriseByUnit.keySet().toArray(Long[]::new);
        Long[] enterprises = new Long[units.length];
        for (int i = 0; i < units.length; i++) {
            enterprises[i] = enterpriseByUnit.get(units[i]);
        }
        update("""
                update membership.member m set enterprise_id = e.enterprise_id
                  from unnest(cast(? as bigint[]), cast(? as bigint[])) as e(unit_id, enterprise_id)
                 where e.unit_id = case when m.status in ('LEFT', 'REMOVED') then m.last_unit_id else m.unit_id end
                """, units, enterprises);
    }

    @Override
    @Transactional
    public void linkDemoAccount(long memberId, long accountId) {
        jdbc.sql("update membership.member set account_id = :account where id = :id")
                .param("account", accountId)
                .param("id", memberId)
                .update();
    }

    /**
     * Runs a statement whose parameters are all arrays: {@code Long[]} as bigint[], {@code Boolean[]} as boolean[],
     * {@code String[]} as text[] (dates travel as ISO text and are cast in SQL).
     */
    private void update(String sql, Object[]... columns) {
        template.update(statement(sql, columns));
    }

    private static PreparedStatementCreator statement(String sql, Object[]... columns) {
        return con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            for (int i = 0; i < columns.length; i++) {
                Object[] c = columns[i];
                String type = c instanceof Long[] ? "bigint" : c instanceof Boolean[] ? "bool" : "text";
                ps.setArray(i + 1, con.createArrayOf(type, c));
            }
            return ps;
        };
    }

    /** {@code DV}, the nine-digit serial and its Luhn check digit: what {@code membership.next_member_code()} makes. */
    static String memberCode(long serial) {
        String digits = String.format("%09d", serial);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            // The rightmost digit is doubled, then every second one to its left.
            if ((digits.length() - 1 - i) % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return "DV" + digits + (10 - sum % 10) % 10;
    }

    private static <T> String[] column(List<T> rows, Function<T, @Nullable String> value) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }

    private static @Nullable String date(@Nullable LocalDate d) {
        return d == null ? null : d.toString();
    }
}
