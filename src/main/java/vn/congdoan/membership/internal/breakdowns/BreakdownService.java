package vn.congdoan.membership.internal.breakdowns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.membership.MemberBreakdowns;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Ethnicities;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.SqlArrays;

/**
 * The dashboard breakdowns in two statements: one pass over the members of the subtree on the date with grouping
 * sets (sex, age band, ethnicity, ownership, child × without-unit × sex), and one pass over the memberships of the
 * subtree's units that overlap the twelve months for the growth series. See {@link MemberBreakdowns} for the totals
 * rule.
 */
@Service
@Transactional(readOnly = true)
class BreakdownService implements MemberBreakdowns {

    /** The as-of test of a period, written so that generic plans stay good (docs/BENCHMARKS.md, issue 4). */
    private static final String AT_D = " lower(%1$s.during) <= cast(:d as date)"
            + " and cast(:d as date) < coalesce(upper(%1$s.during), 'infinity') ";

    /** Age bands as of the date: lower bound (years) and labels. */
    static final int[] AGE_FROM = {0, 30, 40, 50, 60};

    static final String[][] AGE_LABELS = {
        {"Dưới 30 tuổi", "Under 30"},
        {"Từ 30 đến 39 tuổi", "30 to 39"},
        {"Từ 40 đến 49 tuổi", "40 to 49"},
        {"Từ 50 đến 59 tuổi", "50 to 59"},
        {"Từ 60 tuổi trở lên", "60 and over"}
    };

    private final JdbcClient jdbc;
    private final AccessLog accessLog;

    BreakdownService(JdbcClient jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    private record Unit(long id, String code, String name, String typeCode, String path, String todayPath) {}

    @Override
    @Transactional // the detailed ethnicity view writes to the access log
    public Breakdown breakdown(
            long unitId, LocalDate asOf, String permission, AccessScope scope, Actor actor, String channel) {
        // Scope as everywhere: today's path (the path at its closing for a closed unit) under a subtree where the
        // permission is held; anything else is "not found".
        Unit unit = jdbc.sql("""
                        select u.id, u.code, coalesce(p.name, u.name) as name, u.type_code,
                               coalesce(cast(p.path as text), '') as path, cast(u.path as text) as today_path
                          from organisation.org_unit u
                          left join organisation.org_unit_period p on p.unit_id = u.id and""" + AT_D.formatted("p") + """
                         where u.id = :id and u.path <@ any(cast(:roots as ltree[]))
                        """)
                .param("id", unitId)
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(permission)))
                .query((rs, n) -> new Unit(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("type_code"),
                        rs.getString("path"),
                        rs.getString("today_path")))
                .optional()
                .orElseThrow(() -> new NotFoundException("unit", unitId));
        // JIT compilation of these two wide statements cost more than it saved: on a 401,274-member province of the
        // national bench world 2.3 s of compiling for a 1.2 s statement (docs/BENCHMARKS.md, "Dashboards").
        jdbc.sql("set local jit = off").update();
        boolean detailed = scope.can(Members.SENSITIVE)
                && jdbc.sql("select cast(:path as ltree) <@ any(cast(:roots as ltree[]))")
                        .param("path", unit.todayPath())
                        .param("roots", SqlArrays.ofLabels(scope.paths(Members.SENSITIVE)))
                        .query(Boolean.class)
                        .single();
        if (unit.path().isEmpty()) {
            // The unit did not exist on the date: nothing under it.
            return new Breakdown(
                    unit.id(),
                    unit.code(),
                    unit.name(),
                    unit.typeCode(),
                    asOf,
                    0,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    detailed,
                    List.of(),
                    List.of(),
                    growth(unit, asOf));
        }
        List<Row> children = jdbc.sql("""
                        select c.unit_id, u.code, c.name, u.type_code
                          from organisation.org_unit_period c
                          join organisation.org_unit u on u.id = c.unit_id
                          join organisation.unit_type t on t.code = u.type_code
                         where c.parent_id = :id and""" + AT_D.formatted("c") + """
                         order by t.sort_order, c.name, c.unit_id
                        """)
                .param("id", unit.id())
                .param("d", asOf)
                .query((rs, n) ->
                        new Row("CHILD", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), 0, 0, 0))
                .list();

        Map<String, long[]> sex = new LinkedHashMap<>();
        long[] age = new long[AGE_FROM.length];
        Map<String, Long> ethnicity = new LinkedHashMap<>();
        Map<String, long[]> ownership = new LinkedHashMap<>();
        Map<String, String[]> ownershipNames = new HashMap<>();
        // child label (u<id>, "" for the unit itself) → {members, female, without unit}
        Map<String, long[]> byChild = new HashMap<>();
        List<Long> smallIds = new ArrayList<>();
        // The statement groups every member of the subtree (1.2 M in the largest bench province) into a few thousand
        // cells; the planner, unable to estimate that, sorts them all. Hashing measured 5.5 s → 4.1 s there.
        jdbc.sql("set local enable_sort = off").update();
        jdbc.sql(BREAKDOWN)
                .param("path", unit.path())
                .param("today", unit.todayPath())
                .param("d", asOf)
                .param("depth", unit.path().split("\\.").length)
                .param("todayDepth", unit.todayPath().split("\\.").length)
                // Age on the date under 30 ⇔ born after the date 30 years back; and so on.
                .param("a30", asOf.minusYears(30))
                .param("a40", asOf.minusYears(40))
                .param("a50", asOf.minusYears(50))
                .param("a60", asOf.minusYears(60))
                .query((java.sql.ResultSet rs) -> {
                    long n = rs.getLong("n");
                    if (rs.getInt("g_child") == 0) {
                        long[] c = byChild.computeIfAbsent(rs.getString("child"), k -> new long[3]);
                        c[0] += n;
                        if ("F".equals(rs.getString("sex"))) {
                            c[1] += n;
                        }
                        if (rs.getBoolean("wo")) {
                            c[2] += n;
                        }
                    } else if (rs.getInt("g_sex") == 0) {
                        sex.put(rs.getString("sex"), new long[] {n});
                    } else if (rs.getInt("g_band") == 0) {
                        age[rs.getInt("band")] += n;
                    } else if (rs.getInt("g_eth") == 0) {
                        ethnicity.merge(rs.getString("eth"), n, Long::sum);
                        // A group under SMALL_GROUP (3) members: its smallest and largest ids are all its members.
                        if (n < SMALL_GROUP && !rs.getString("eth").isEmpty()) {
                            smallIds.add(rs.getLong("id_min"));
                            if (n > 1) {
                                smallIds.add(rs.getLong("id_max"));
                            }
                        }
                    } else if (rs.getInt("g_own") == 0) {
                        String code = rs.getString("own");
                        ownership.put(code, new long[] {n, rs.getInt("own_order")});
                        ownershipNames.put(code, new String[] {rs.getString("own_name"), rs.getString("own_name_en")});
                    }
                });
        jdbc.sql("set local enable_sort to default").update();

        long total = 0;
        long female = 0;
        long without = 0;
        List<Row> rows = new ArrayList<>();
        for (Row c : children) {
            long[] v = byChild.remove("u" + c.unitId());
            rows.add(v == null ? c : new Row("CHILD", c.unitId(), c.code(), c.name(), c.typeCode(), v[0], v[1], v[2]));
        }
        long[] direct = byChild.remove("");
        rows.add(new Row(
                "DIRECT",
                unit.id(),
                unit.code(),
                unit.name(),
                unit.typeCode(),
                direct == null ? 0 : direct[0],
                direct == null ? 0 : direct[1],
                direct == null ? 0 : direct[2]));
        long[] closed = new long[3];
        byChild.values().forEach(v -> {
            closed[0] += v[0];
            closed[1] += v[1];
            closed[2] += v[2];
        });
        rows.add(new Row(
                "CLOSED", unit.id(), unit.code(), unit.name(), unit.typeCode(), closed[0], closed[1], closed[2]));
        for (Row r : rows) {
            total += r.members();
            female += r.female();
            without += r.withoutUnit();
        }

        List<Bucket> bySex = new ArrayList<>();
        bySex.add(new Bucket("M", "Nam", "Male", sex.getOrDefault("M", new long[1])[0]));
        bySex.add(new Bucket("F", "Nữ", "Female", sex.getOrDefault("F", new long[1])[0]));
        List<Bucket> byAge = new ArrayList<>();
        for (int i = 0; i < AGE_FROM.length; i++) {
            byAge.add(new Bucket("A" + AGE_FROM[i], AGE_LABELS[i][0], AGE_LABELS[i][1], age[i]));
        }
        List<Bucket> byEthnicity = ethnicities(ethnicity, detailed);
        if (detailed && !smallIds.isEmpty()) {
            // The detailed view shows, beyond what anyone reading the unit sees, exactly the groups under 3 members —
            // near-identifying figures: those members are written to the access log (Decree 356/2025/NĐ-CP; DOMAIN.md
            // §10.3). A view without such groups reveals nothing more than the merged one and leaves no entry.
            smallIds.sort(null);
            accessLog.record(new AccessLog.Access(
                    actor, "VIEW", channel, smallIds, List.of("ethnicity"), null, unit.todayPath()));
        }
        List<Bucket> byOwnership = new ArrayList<>();
        ownership.entrySet().stream()
                .sorted((a, b) -> Long.compare(a.getValue()[1], b.getValue()[1]))
                .forEach(e -> {
                    String[] names = ownershipNames.get(e.getKey());
                    byOwnership.add(new Bucket(e.getKey(), names[0], names[1], e.getValue()[0]));
                });
        return new Breakdown(
                unit.id(),
                unit.code(),
                unit.name(),
                unit.typeCode(),
                asOf,
                total,
                female,
                without,
                bySex,
                byAge,
                byEthnicity,
                detailed,
                byOwnership,
                rows,
                growth(unit, asOf));
    }

    /** Largest first; without the detail, groups under {@link #SMALL_GROUP} merged into "*" (never the unknown one). */
    static List<Bucket> ethnicities(Map<String, Long> counts, boolean detailed) {
        List<Bucket> out = new ArrayList<>();
        long small = 0;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue().equals(a.getValue())
                ? a.getKey().compareTo(b.getKey())
                : Long.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Long> e : sorted) {
            String code = e.getKey();
            if (!detailed && e.getValue() < SMALL_GROUP && !code.isEmpty()) {
                small += e.getValue();
            } else {
                String name = code.isEmpty() ? "Chưa khai báo" : Ethnicities.name(code);
                out.add(new Bucket(code, name, code.isEmpty() ? "Not recorded" : name, e.getValue()));
            }
        }
        if (small > 0) {
            out.add(new Bucket("*", "Các dân tộc có dưới 3 đoàn viên", "Groups under 3 members", small));
        }
        return out;
    }

    /**
     * Members of the subtree (its units on the date) and those without a unit (last unit under the unit today), one
     * row per member; then the grouping sets. {@code child} is the label of the date's child the member belongs
     * under ('' for the unit itself); for a member without a unit, the child of today's tree their last unit lies
     * under.
     */
    static final String BREAKDOWN = """
            with x as (
                select m.id, m.sex, m.birth_date, m.enterprise_id, false as wo,
                       case when nlevel(p.path) > :depth then subpath(p.path, :depth, 1)::text else '' end as child
                  from organisation.org_unit_period p
                  join membership.membership_period mp on mp.unit_id = p.unit_id and mp.during @> cast(:d as date)
                  join membership.member m on m.id = mp.member_id
                 where p.path <@ cast(:path as ltree) and p.during @> cast(:d as date)
                union all
                select m.id, m.sex, m.birth_date, m.enterprise_id, true as wo,
                       case when nlevel(lu.path) > :todayDepth then subpath(lu.path, :todayDepth, 1)::text else '' end
                  from membership.membership_period mp
                  join membership.member m on m.id = mp.member_id
                  join organisation.org_unit lu on lu.id = m.last_unit_id
                 where mp.unit_id is null and mp.during @> cast(:d as date) and lu.path <@ cast(:today as ltree)
            ), z as (
                select x.sex, x.child, x.wo,
                       case when x.birth_date > cast(:a30 as date) then 0 when x.birth_date > cast(:a40 as date) then 1
                            when x.birth_date > cast(:a50 as date) then 2 when x.birth_date > cast(:a60 as date) then 3
                            else 4 end as band,
                       coalesce((select s.ethnicity from membership.member_sensitive s where s.member_id = x.id), '')
                           as eth,
                       coalesce(e.ownership_code, '') as own,
                       count(*) as n, min(x.id) as id_min, max(x.id) as id_max
                  from x
                  left join enterprises.enterprise e on e.id = x.enterprise_id
                 group by 1, 2, 3, 4, 5, 6
            )
            select grouping(z.sex) as g_sex, grouping(z.band) as g_band, grouping(z.eth) as g_eth,
                   grouping(z.own) as g_own, grouping(z.child) as g_child,
                   z.sex, z.band, z.eth, z.own, z.child, z.wo, sum(z.n) as n,
                   min(z.id_min) as id_min, max(z.id_max) as id_max,
                   min(coalesce(o.name, 'Không thuộc doanh nghiệp nào')) as own_name,
                   min(coalesce(o.name_en, 'No enterprise')) as own_name_en,
                   min(coalesce(o.sort_order, 1000000)) as own_order
              from z
              left join enterprises.ownership_type o on o.code = z.own
             group by grouping sets ((z.sex), (z.band), (z.eth), (z.own), (z.child, z.wo, z.sex))
            """;

    /**
     * Twelve month ends up to the date (the last one is the date itself): members in the units of the date's subtree
     * at each end, admitted (a membership that began with an admission) and left (a membership that ended on the day
     * the member left) in each month. The units are those of the subtree on the date; members without a unit are not
     * in the series.
     */
    private List<Month> growth(Unit unit, LocalDate asOf) {
        List<LocalDate> ends = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        YearMonth last = YearMonth.from(asOf);
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth ym = last.minusMonths(i);
            starts.add(ym.atDay(1));
            ends.add(i == 0 ? asOf : ym.atEndOfMonth());
        }
        if (unit.path().isEmpty()) {
            List<Month> none = new ArrayList<>();
            ends.forEach(e -> none.add(new Month(e, 0, 0, 0)));
            return none;
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < MONTHS; i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("count(*) filter (where lower(mp.during) <= cast(:e")
                    .append(i)
                    .append(" as date) and coalesce(upper(mp.during), 'infinity') > cast(:e")
                    .append(i)
                    .append(" as date))")
                    .append(", count(*) filter (where mp.reason = 'ADMITTED' and lower(mp.during) between cast(:s")
                    .append(i)
                    .append(" as date) and cast(:e")
                    .append(i)
                    .append(" as date))")
                    .append(", count(*) filter (where mp.left_on between cast(:s")
                    .append(i)
                    .append(" as date) and cast(:e")
                    .append(i)
                    .append(" as date))");
        }
        // left_on: the day the member left, for a membership that ended that very day (looked up only for the
        // memberships that ended within the twelve months; a CASE so that it is never evaluated for the others).
        sql.append("""
                  from (select mp.during, mp.reason,
                               case when not upper_inf(mp.during) and upper(mp.during) >= cast(:s0 as date)
                                    then (select m.left_on from membership.member m
                                           where m.id = mp.member_id and m.left_on = upper(mp.during)) end as left_on
                          from organisation.org_unit_period p
                          join membership.membership_period mp on mp.unit_id = p.unit_id
                               and mp.during && daterange(cast(:s0 as date), cast(:d as date), '[]')
                         where p.path <@ cast(:path as ltree) and p.during @> cast(:d as date)) mp
                """);
        var spec = jdbc.sql(sql.toString()).param("path", unit.path()).param("d", asOf);
        for (int i = 0; i < MONTHS; i++) {
            spec = spec.param("s" + i, starts.get(i)).param("e" + i, ends.get(i));
        }
        return spec.query((rs, n) -> {
                    List<Month> out = new ArrayList<>();
                    for (int i = 0; i < MONTHS; i++) {
                        out.add(new Month(
                                ends.get(i), rs.getLong(3 * i + 1), rs.getLong(3 * i + 2), rs.getLong(3 * i + 3)));
                    }
                    return out;
                })
                .single();
    }
}
