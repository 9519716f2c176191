package vn.congdoan.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.congdoan.membership.MemberBreakdowns;
import vn.congdoan.membership.Members;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.reporting.Dashboard;
import vn.congdoan.reporting.Dashboards;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;

/**
 * {@code bench dashboard}: the national member world of {@code bench members} (generated or reused), then the
 * dashboard of provincial federations, commune/ward unions and grassroots unions — the facade {@link Dashboards}
 * through Spring (transaction, scope check, the two member statements, the tree's counts, the access log of the
 * detailed ethnicity view, mapping) against the same figures by hand-written SQL sent as simple statements (values
 * written in, like psql), alternating which goes first; the answers are compared (total, women, age bands, growth,
 * units by type).
 */
final class DashboardBenchmark {

    static final String SUITE = "dashboard";

    /** One measured question: which level, which date. */
    record Case(String level, LocalDate asOf, List<Long> units) {}

    /** A row of the report. */
    record Row(
            String level,
            LocalDate asOf,
            int samples,
            double[] facadeMs,
            double[] rawMs,
            double avgMembers,
            int mismatches,
            int failures) {

        double facade(double p) {
            return OrgTreeBenchmark.percentile(facadeMs, p);
        }

        double raw(double p) {
            return OrgTreeBenchmark.percentile(rawMs, p);
        }
    }

    private final Dashboards dashboards;
    private final DataSource dataSource;
    private final Clock clock;
    private final PrintStream out;

    DashboardBenchmark(Dashboards dashboards, DataSource dataSource, Clock clock, PrintStream out) {
        this.dashboards = dashboards;
        this.dataSource = dataSource;
        this.clock = clock;
        this.out = out;
    }

    int run(MemberBenchSuite.Options options) throws SQLException, IOException {
        LocalDate today = Dates.today(clock);
        GeneratedWorld g =
                GeneratedWorld.load(dataSource, options.grassroots(), options.members(), options.seed(), today, out);
        NationalTree tree = g.tree();
        MemberWorld world = g.world();
        NationalMembersGenerator.Loaded loaded = g.loaded();
        String load = g.load();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("analyze membership.membership_period");
        }

        LocalDate before = LocalDate.of(2024, 12, 31);
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x64617368L);
        List<Long> grassroots = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            grassroots.add(
                    world.units().get(random.nextInt(world.units().size())).id());
        }
        // Provinces the size the issue names (a 63rd of the country, ~175,000 members): 100,000 to 250,000 members.
        Map<Long, Long> perProvince = new java.util.HashMap<>();
        Map<String, Long> provinceByLabel = new java.util.HashMap<>();
        tree.provinces().forEach(p -> provinceByLabel.put("u" + p, p));
        for (int i = 0; i < world.units().size(); i++) {
            String[] labels = world.units().get(i).last().path().split("\\.");
            Long province = labels.length > 1 ? provinceByLabel.get(labels[1]) : null;
            if (province != null) {
                perProvince.merge(province, (long) world.count(i), Long::sum);
            }
        }
        List<Long> typical = new ArrayList<>();
        perProvince.forEach((p, n) -> {
            if (n >= 100_000 && n <= 250_000) {
                typical.add(p);
            }
        });
        typical.sort(null);
        List<Case> cases = new ArrayList<>();
        if (!typical.isEmpty()) {
            cases.add(new Case("provincial federation of 100,000–250,000 members", today, typical));
        }
        cases.addAll(List.of(
                new Case("provincial federation", today, tree.provinces()),
                new Case("provincial federation", before, tree.provinces()),
                new Case("commune/ward union", today, tree.communes()),
                new Case("grassroots union", today, grassroots)));
        List<Row> rows = measure(cases, options.samples(), options.warmup(), random);
        String slowest = this.slowest;
        String data = String.format(
                Locale.ROOT,
                "%,d members in %,d grassroots unions of a national tree of %,d units (%d provincial federations,"
                        + " %,d commune/ward unions from 2025-07-01, %d district federations until then); seed %d."
                        + " Members as generated by `bench members` (all ACTIVE, one open membership from their joining"
                        + " date, a quarter with an ethnicity, none attached to an enterprise).",
                loaded.members(),
                world.units().size(),
                tree.units().size(),
                tree.provinces().size(),
                tree.communes().size(),
                tree.districts().size(),
                options.seed());
        BenchReport.Setting setting = new BenchReport.Setting(
                options.command(),
                OffsetDateTime.now(clock)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                OrgTreeBenchSuite.machine(),
                OrgTreeBenchSuite.database(dataSource, options.embedded()),
                data,
                load);
        String section = render(options, setting, rows, slowest);
        out.println();
        out.println(table(rows));
        out.println("Slowest facade sample: " + slowest);
        if (!options.report().isBlank() && !options.report().equals("none")) {
            Path file = Path.of(options.report());
            BenchReport.write(file, options.variant().isBlank() ? SUITE : SUITE + ":" + options.variant(), section);
            out.println("Written to " + file.toAbsolutePath());
        }
        return rows.stream().mapToInt(x -> x.mismatches() + x.failures()).sum();
    }

    private String slowest = "";
    private double slowestMs = -1;

    /** Facade and hand-written SQL side by side for each case: a random unit of the case per sample. */
    List<Row> measure(List<Case> cases, int samples, int warmup, SplittableRandom random) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection raw = dataSource.getConnection()) {
            raw.setAutoCommit(true);
            try (Statement s = raw.createStatement()) {
                // The facade turns JIT off for its statements (see BreakdownService); the anchor runs the same way.
                s.execute("set jit = off");
            }
            for (Case k : cases) {
                int n = samples + warmup;
                double[] f = new double[samples];
                double[] r = new double[samples];
                long members = 0;
                int mismatches = 0;
                int failures = 0;
                for (int i = 0; i < n; i++) {
                    long unit = k.units().get(random.nextInt(k.units().size()));
                    String path = path(raw, unit);
                    AccessScope scope = new AccessScope(
                            0L,
                            "bench",
                            "bench",
                            unit,
                            Map.of(
                                    Dashboards.READ, Set.of(unit),
                                    OrgTree.READ, Set.of(unit),
                                    Members.READ, Set.of(unit),
                                    Members.SENSITIVE, Set.of(unit)),
                            Map.of(unit, path));
                    boolean facadeFirst = i % 2 == 0;
                    Answer fa = null;
                    Answer ra = null;
                    long fNs = 0;
                    long rNs = 0;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == facadeFirst) {
                            long s = System.nanoTime();
                            try {
                                fa = facade(unit, k.asOf(), scope);
                            } catch (RuntimeException e) {
                                failures++;
                                out.println("Facade failed: " + e);
                            }
                            fNs = System.nanoTime() - s;
                        } else {
                            long s = System.nanoTime();
                            ra = raw(raw, unit, k.asOf());
                            rNs = System.nanoTime() - s;
                        }
                    }
                    if (i < warmup) {
                        continue;
                    }
                    int j = i - warmup;
                    f[j] = fNs / 1e6;
                    r[j] = rNs / 1e6;
                    members += ra.total();
                    if (fa != null && !fa.equals(ra)) {
                        mismatches++;
                        out.println("Mismatch for unit " + unit + " on " + k.asOf() + ":\n  facade " + fa
                                + "\n  raw    " + ra);
                    }
                    if (f[j] > this.slowestMs) {
                        this.slowestMs = f[j];
                        this.slowest = k.level() + " (unit " + unit + "), as of " + k.asOf();
                    }
                }
                Row row = new Row(k.level(), k.asOf(), samples, f, r, members / (double) samples, mismatches, failures);
                rows.add(row);
                out.printf(
                        Locale.ROOT,
                        "%-22s %s facade p50 %8.1f p95 %8.1f  raw p50 %8.1f p95 %8.1f  ratio p95 %5.2f  members %,.0f"
                                + "  mismatches %d%n",
                        row.level(),
                        row.asOf(),
                        row.facade(0.5),
                        row.facade(0.95),
                        row.raw(0.5),
                        row.raw(0.95),
                        row.facade(0.95) / row.raw(0.95),
                        row.avgMembers(),
                        row.mismatches());
            }
            try (Statement s = raw.createStatement()) {
                // Back to the server's setting before the connection returns to the pool (the report reads it).
                s.execute("reset jit");
            }
        }
        return rows;
    }

    /** The case measured slowest through the facade so far. */
    String slowest() {
        return slowest;
    }

    /** What both sides are compared on. */
    record Answer(
            long total,
            long female,
            Map<String, Long> age,
            Map<String, Long> ethnicity,
            List<Long> growth,
            Map<String, Long> types) {}

    private Answer facade(long unit, LocalDate asOf, AccessScope scope) {
        Dashboard d = dashboards.dashboard(unit, asOf, scope, new Actor(0L, "bench", "127.0.0.1"), "PAGE");
        MemberBreakdowns.Breakdown b = d.members();
        Map<String, Long> age = new TreeMap<>();
        b.byAge().forEach(x -> {
            if (x.count() > 0) {
                age.put(x.key(), x.count());
            }
        });
        Map<String, Long> eth = new TreeMap<>();
        b.byEthnicity().forEach(x -> eth.put(x.key(), x.count()));
        List<Long> growth = new ArrayList<>();
        b.growth().forEach(m -> growth.add(m.members()));
        Map<String, Long> types = new TreeMap<>();
        for (UnitTypeCount t : d.unitsByType()) {
            types.put(t.typeCode(), t.count());
        }
        return new Answer(b.total(), b.female(), age, eth, growth, types);
    }

    private static String path(Connection c, long unit) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select path::text from organisation.org_unit where id = " + unit)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The same figures by hand, as one would type them in psql: the members of the subtree on the date grouped by
     * sex, age band and ethnicity (plus those without a unit), the memberships of the subtree's units over the twelve
     * months, the units by type.
     */
    private static Answer raw(Connection c, long unit, LocalDate d) throws SQLException {
        String day = "'" + d + "'::date";
        long total = 0;
        long female = 0;
        Map<String, Long> age = new TreeMap<>();
        Map<String, Long> eth = new TreeMap<>();
        List<Long> growth = new ArrayList<>();
        Map<String, Long> types = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            String root;
            try (ResultSet rs = s.executeQuery("select path::text from organisation.org_unit_period where unit_id = "
                    + unit + " and during @> " + day)) {
                if (!rs.next()) {
                    return new Answer(0, 0, age, eth, growth, types);
                }
                root = "'" + rs.getString(1) + "'::ltree";
            }
            // Age bands: under 30 on the date ⇔ born after the date 30 years back.
            String sql = "select m.sex, case when b > " + day + " - interval '30 years' then 'A0'"
                    + " when b > " + day + " - interval '40 years' then 'A30'"
                    + " when b > " + day + " - interval '50 years' then 'A40'"
                    + " when b > " + day + " - interval '60 years' then 'A50' else 'A60' end as band,"
                    + " coalesce(s.ethnicity, '') as eth, count(*)"
                    + " from (select m.id, m.sex, m.birth_date as b"
                    + "   from organisation.org_unit_period p"
                    + "   join membership.membership_period mp on mp.unit_id = p.unit_id and mp.during @> " + day
                    + "   join membership.member m on m.id = mp.member_id"
                    + "  where p.path <@ " + root + " and p.during @> " + day
                    + " union all select m.id, m.sex, m.birth_date"
                    + "   from membership.membership_period mp join membership.member m on m.id = mp.member_id"
                    + "   join organisation.org_unit lu on lu.id = m.last_unit_id"
                    + "  where mp.unit_id is null and mp.during @> " + day
                    + "    and lu.path <@ (select path from organisation.org_unit where id = " + unit + ")) m"
                    + " left join membership.member_sensitive s on s.member_id = m.id group by 1, 2, 3";
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    long n = rs.getLong(4);
                    total += n;
                    if ("F".equals(rs.getString(1))) {
                        female += n;
                    }
                    age.merge(rs.getString(2), n, Long::sum);
                    eth.merge(rs.getString(3), n, Long::sum);
                }
            }
            YearMonth last = YearMonth.from(d);
            StringBuilder g = new StringBuilder("select ");
            for (int i = MemberBreakdowns.MONTHS - 1; i >= 0; i--) {
                LocalDate end = i == 0 ? d : last.minusMonths(i).atEndOfMonth();
                g.append(i == MemberBreakdowns.MONTHS - 1 ? "" : ", ")
                        .append("count(*) filter (where mp.during @> '")
                        .append(end)
                        .append("'::date)");
            }
            g.append(" from organisation.org_unit_period p join membership.membership_period mp on mp.unit_id ="
                            + " p.unit_id and mp.during && daterange('")
                    .append(last.minusMonths(MemberBreakdowns.MONTHS - 1).atDay(1))
                    .append("', ")
                    .append(day)
                    .append(", '[]') where p.path <@ ")
                    .append(root)
                    .append(" and p.during @> ")
                    .append(day);
            try (ResultSet rs = s.executeQuery(g.toString())) {
                rs.next();
                for (int i = 1; i <= MemberBreakdowns.MONTHS; i++) {
                    growth.add(rs.getLong(i));
                }
            }
            try (ResultSet rs = s.executeQuery("select u.type_code, count(*) from organisation.org_unit_period p"
                    + " join organisation.org_unit u on u.id = p.unit_id where p.path <@ " + root
                    + " and p.during @> " + day + " and p.unit_id <> " + unit + " group by 1")) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        // The facade merges nothing here (the reader holds member.read-sensitive over the unit).
        Map<String, Long> ethnicity = new TreeMap<>(eth);
        return new Answer(total, female, age, ethnicity, growth, types);
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| unit level | as of | samples | facade p50 ms | facade p95 ms | facade max ms | raw p50 ms |"
                + " raw p95 ms | ratio p50 | ratio p95 | members (avg) | mismatches | facade failures |\n");
        t.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            t.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %s | %s | %s | %s | %s | %.2f | %.2f | %,.0f | %d | %d |%n",
                    r.level(),
                    r.asOf(),
                    r.samples(),
                    ms(r.facade(0.5)),
                    ms(r.facade(0.95)),
                    ms(r.facade(1.0)),
                    ms(r.raw(0.5)),
                    ms(r.raw(0.95)),
                    r.facade(0.5) / r.raw(0.5),
                    r.facade(0.95) / r.raw(0.95),
                    r.avgMembers(),
                    r.mismatches(),
                    r.failures()));
        }
        return t.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String render(
            MemberBenchSuite.Options options, BenchReport.Setting s, List<Row> rows, String slowest) {
        String suite = options.variant().isBlank() ? SUITE : SUITE + ":" + options.variant();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Command", "`" + s.command() + "`");
        lines.put("Date", s.when());
        lines.put("Machine", s.machine());
        lines.put("Database", s.database());
        lines.put("Data", s.data());
        lines.put("Load", s.load());
        lines.put(
                "Scope",
                "an officer holding `report.read`, `org.read`, `member.read` and `member.read-sensitive` at the"
                        + " sample's unit (so ethnicity is detailed and the view of groups under 3 members is written to"
                        + " the access log, part of the facade's time). Facade = `Dashboards.dashboard` through Spring;"
                        + " raw = three hand-written statements (members grouped by sex × age band × ethnicity with the"
                        + " members without a unit, the 12 month ends, units by type) sent by plain JDBC as simple"
                        + " statements. Each sample asks both about the same unit (a random one of the level),"
                        + " alternating which goes first; total, women, age bands, ethnicity, the 12 month-end counts"
                        + " and the units by type are compared.");
        StringBuilder b = new StringBuilder();
        b.append("<!-- bench:").append(suite).append(":start -->\n");
        b.append("## Dashboards: a unit's dashboard as of a date at national scale (issue 6)")
                .append(options.variant().isBlank() ? "" : " — " + options.variant())
                .append("\n\n");
        lines.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append('\n').append(table(rows)).append('\n');
        b.append("Slowest facade sample: ").append(slowest).append(".\n");
        b.append("<!-- bench:").append(suite).append(":end -->\n");
        return b.toString();
    }
}
