package vn.congdoan.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.membership.Members;
import vn.congdoan.reporting.Dashboards;
import vn.congdoan.shared.Dates;

/**
 * {@code bench --world national|province}: one run, one table. Generates (or reuses) the world — the national one of
 * ~11 million members, or a province-sized one for CI — and measures each figure of QUALITY.md §5 against its anchor
 * in the same run on the same data: the member import against {@code psql \copy}, subtree statistics (the dashboard of
 * the national root, a province, a commune union, a grassroots union) against the hand-written SQL, member search
 * against the bare query, the members list and the dashboard pages under {@code wrk} load against a static file of the
 * same server. Prints a Markdown table, writes it to the report, and with {@code --check} fails when a ratio is past
 * its stated threshold.
 */
final class WorldBenchmark {

    static final String SUITE = "world";

    /** The command's options; {@code members}, {@code units} 0 take the world's defaults. */
    record Options(
            String world,
            long members,
            int units,
            int samples,
            int warmup,
            long seed,
            String report,
            boolean embedded,
            int importRows,
            int seconds,
            int connections,
            String check,
            String commandLine) {

        boolean national() {
            return world.equals("national");
        }

        long memberCount() {
            return members > 0 ? members : national() ? 11_000_000 : 200_000;
        }

        int grassroots() {
            return units > 0 ? units : national() ? 130_000 : Math.max(100, (int) Math.round(memberCount() / 85.0));
        }
    }

    /**
     * One figure: what, its anchor, the figure's and the anchor's p50/p95 (ms, or rows/s for the import), the ratio
     * (how many times the anchor's cost; ≥ 1 means slower than the anchor), the target and whether it is met.
     */
    record Row(
            String id,
            String figure,
            String anchor,
            double p50,
            double p95,
            double p99,
            double anchorP50,
            double anchorP95,
            double ratio,
            String size,
            String target,
            boolean met) {}

    private final Members members;
    private final ImportBenchmark.@Nullable Importer importer;
    private final Dashboards dashboards;
    private final DataSource dataSource;
    private final Clock clock;
    private final int port;
    private final PrintStream out;

    WorldBenchmark(
            Members members,
            ImportBenchmark.@Nullable Importer importer,
            Dashboards dashboards,
            DataSource dataSource,
            Clock clock,
            int port,
            PrintStream out) {
        this.members = members;
        this.importer = importer;
        this.dashboards = dashboards;
        this.dataSource = dataSource;
        this.clock = clock;
        this.port = port;
        this.out = out;
    }

    /** Exit code: 0, 1 when facade and SQL disagreed, an import went wrong or a checked ratio is past its threshold. */
    int run(Options o) throws SQLException, IOException, InterruptedException {
        LocalDate today = Dates.today(clock);
        GeneratedWorld g = GeneratedWorld.load(dataSource, o.grassroots(), o.memberCount(), o.seed(), today, out);
        NationalTree tree = g.tree();
        MemberWorld world = g.world();
        NationalMembersGenerator.Loaded loaded = g.loaded();
        String load = g.load();
        String disk = disk();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("analyze membership.membership_period");
        }
        List<Row> rows = new ArrayList<>();
        int problems = 0;

        // 1. Import against psql \copy of the same rows.
        if (o.importRows() > 0 && importer != null) {
            ImportBenchmark.Result r =
                    new ImportBenchmark(importer, dataSource, out).run(world, o.importRows(), o.seed(), today, false);
            problems += r.problems();
            ImportBenchmark.Row i = r.rows().get(0);
            double share = i.appRowsPerSecond() / i.copyRowsPerSecond();
            rows.add(new Row(
                    "import-csv",
                    "member import, CSV → validated rows (rows/s)",
                    "psql `\\copy` of the same rows (rows/s)",
                    i.appRowsPerSecond(),
                    Double.NaN,
                    Double.NaN,
                    i.copyRowsPerSecond(),
                    Double.NaN,
                    1 / share,
                    String.format(Locale.ROOT, "%,d rows", i.rows()),
                    "≥ 25 % of COPY (ratio ≤ 4)",
                    share >= 0.25));
        }

        // 2. Subtree statistics: the dashboard facade against the hand-written SQL, four levels.
        SplittableRandom random = new SplittableRandom(o.seed() ^ 0x776f726cL);
        List<Long> grassroots = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            grassroots.add(
                    world.units().get(random.nextInt(world.units().size())).id());
        }
        DashboardBenchmark stats = new DashboardBenchmark(dashboards, dataSource, clock, out);
        List<DashboardBenchmark.Case> cases = List.of(
                new DashboardBenchmark.Case("national root", today, List.of(tree.rootId())),
                new DashboardBenchmark.Case("provincial federation", today, tree.provinces()),
                new DashboardBenchmark.Case("commune/ward union", today, tree.communes()),
                new DashboardBenchmark.Case("grassroots union", today, grassroots));
        String[] ids = {"stats-root", "stats-province", "stats-commune", "stats-grassroots"};
        for (int k = 0; k < cases.size(); k++) {
            // The root is one unit: fewer samples of it (each reads every membership of the country).
            int samples = k == 0 ? Math.max(3, o.samples() / 4) : o.samples();
            DashboardBenchmark.Row r = stats.measure(
                            List.of(cases.get(k)), samples, Math.min(o.warmup(), samples), random)
                    .get(0);
            problems += r.mismatches() + r.failures();
            rows.add(new Row(
                    ids[k],
                    "subtree statistics, " + r.level() + " (`Dashboards.dashboard`, ms)",
                    "hand-written SQL of the same figures (ms)",
                    r.facade(0.5),
                    r.facade(0.95),
                    r.facade(0.99),
                    r.raw(0.5),
                    r.raw(0.95),
                    r.facade(0.95) / r.raw(0.95),
                    String.format(Locale.ROOT, "%,.0f members avg, %d samples", r.avgMembers(), samples),
                    "p95 ≤ 200 ms",
                    r.facade(0.95) <= 200));
        }

        // 3. Member search against the bare query.
        MemberBenchmark.Result search = new MemberBenchmark(members, dataSource, out, false)
                .run(world, o.samples(), o.warmup(), o.seed(), false);
        for (MemberBenchmark.Row r : search.rows()) {
            problems += r.mismatches() + r.failures();
            rows.add(new Row(
                    ("search-" + r.query().replace("search ", "").replace(' ', '-') + "-" + r.scope())
                            .toLowerCase(Locale.ROOT),
                    r.query() + ", " + r.scope() + " officer (`Members.search`, ms)",
                    "the same query as bare SQL (ms)",
                    r.facade(0.5),
                    r.facade(0.95),
                    r.facade(0.99),
                    r.raw(0.5),
                    r.raw(0.95),
                    r.facade(0.95) / r.raw(0.95),
                    String.format(Locale.ROOT, "%,.0f found avg, %d samples", r.avgTotal(), r.facadeMs().length),
                    "p95 ≤ 100 ms",
                    r.facade(0.95) <= 100));
        }

        // 4. Pages under load against a static file of the same server.
        String wrk = "not run";
        if (!HttpLoad.available()) {
            out.println("wrk is not installed: the pages under load are not measured (apt-get install wrk).");
            problems++;
        } else {
            wrk = HttpLoad.version();
            HttpLoad http = new HttpLoad(dataSource, port, out);
            http.login(tree.rootId());
            List<String> grassrootsCodes = new ArrayList<>();
            Map<Long, Unit> byId = new LinkedHashMap<>();
            tree.units().forEach(u -> byId.put(u.id(), u));
            for (Long id : grassroots) {
                grassrootsCodes.add(byId.get(id).code());
            }
            List<String> provinceCodes = new ArrayList<>();
            List<String> provinceIds = new ArrayList<>();
            for (Long id : tree.provinces()) {
                provinceCodes.add(byId.get(id).code());
                provinceIds.add(Long.toString(id));
            }
            List<String> staticPath = List.of("/css/app.css");
            List<String> grassrootsList = HttpLoad.paths("/members?unit=", grassrootsCodes);
            List<String> provinceList = HttpLoad.paths("/members?unit=", provinceCodes);
            List<String> dashboardProvince = HttpLoad.paths("/dashboard?unit=", provinceIds);
            List<String> dashboardGrassroots = HttpLoad.paths(
                    "/dashboard?unit=", grassroots.stream().map(String::valueOf).toList());
            http.check(grassrootsList.get(0), "Đoàn viên");
            http.check(dashboardGrassroots.get(0), "</html>");
            int c = o.connections();
            HttpLoad.Run anchor = http.run("static file /css/app.css", staticPath, c, o.seconds());
            List<HttpLoad.Run> runs = List.of(
                    http.run("members list page, grassroots union", grassrootsList, c, o.seconds()),
                    http.run("members list page, provincial federation", provinceList, c, o.seconds()),
                    http.run("dashboard page, grassroots union", dashboardGrassroots, c, o.seconds()),
                    http.run("dashboard page, provincial federation", dashboardProvince, c, o.seconds()));
            String[] runIds = {
                "http-members-grassroots",
                "http-members-province",
                "http-dashboard-grassroots",
                "http-dashboard-province"
            };
            for (int k = 0; k < runs.size(); k++) {
                HttpLoad.Run r = runs.get(k);
                // No answer within the run, or errors: a failure, never a fast page.
                problems += r.errors() > 0 || r.requests() == 0 ? 1 : 0;
                boolean list = r.name().startsWith("members list");
                rows.add(new Row(
                        runIds[k],
                        r.name() + ", " + c + " connections (`wrk`, ms; "
                                + String.format(Locale.ROOT, "%,.1f", r.perSecond()) + " req/s)",
                        "static file, same server and load ("
                                + String.format(Locale.ROOT, "%,.0f", anchor.perSecond()) + " req/s, p99 "
                                + String.format(Locale.ROOT, "%.1f", anchor.p99()) + " ms)",
                        r.p50(),
                        r.p95(),
                        r.p99(),
                        anchor.p50(),
                        anchor.p95(),
                        anchor.perSecond() / r.perSecond(),
                        String.format(
                                Locale.ROOT,
                                "%,d requests, %d errors, %d units rotated",
                                r.requests(),
                                r.errors(),
                                r.paths().size()),
                        list ? "p99 ≤ 300 ms" : "—",
                        r.requests() > 0 && (!list || r.p99() <= 300)));
            }
        }

        String table = table(rows);
        out.println();
        out.println(table);
        List<String> regressions = o.check().isBlank() || o.check().equals("none") ? List.of() : check(o, rows);
        String setting = setting(o, tree, world, loaded, load, disk, wrk);
        if (!o.report().isBlank() && !o.report().equals("none")) {
            String key = SUITE + ":" + o.world();
            String section =
                    BenchReport.start(key) + "\n## One run, one table: the " + o.world() + " world (issue 8)\n\n"
                            + setting + "\n" + table + "\n" + notes(o, regressions) + BenchReport.end(key) + "\n";
            Path file = Path.of(o.report());
            BenchReport.write(file, key, section);
            out.println("Written to " + file.toAbsolutePath());
        }
        if (!regressions.isEmpty()) {
            out.println("REGRESSION past the thresholds:");
            regressions.forEach(r -> out.println("  " + r));
        } else if (!o.check().isBlank() && !o.check().equals("none")) {
            out.println("Every ratio within its threshold (" + o.check() + ").");
        }
        if (problems > 0) {
            out.println(problems + " problem(s): facade and SQL disagreed, an import or a page went wrong.");
        }
        return problems + regressions.size() > 0 ? 1 : 0;
    }

    /**
     * Ratios past their thresholds. {@code check} "true" reads the thresholds of the world from the classpath ({@code
     * bench/thresholds-<world>.properties}), otherwise a properties file: {@code <row id> = <largest ratio allowed>}.
     */
    static List<String> check(Options o, List<Row> rows) throws IOException {
        Properties limits = new Properties();
        if (o.check().equals("true")) {
            String name = "bench/thresholds-" + o.world() + ".properties";
            try (InputStream in = WorldBenchmark.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    return List.of("no thresholds for the " + o.world() + " world (" + name + ")");
                }
                limits.load(in);
            }
        } else {
            try (InputStream in = Files.newInputStream(Path.of(o.check()))) {
                limits.load(in);
            }
        }
        List<String> past = new ArrayList<>();
        for (Row r : rows) {
            String limit = limits.getProperty(r.id());
            if (limit == null) {
                continue;
            }
            double max = Double.parseDouble(limit.trim());
            if (!(r.ratio() <= max)) {
                past.add(String.format(Locale.ROOT, "%s: ratio %.2f > %.2f", r.id(), r.ratio(), max));
            }
        }
        return past;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| figure | anchor | p50 | p95 | p99 | anchor p50 | anchor p95 | ratio | size | target | met |\n");
        b.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (Row r : rows) {
            b.append("| ")
                    .append(r.figure())
                    .append(" | ")
                    .append(r.anchor())
                    .append(" | ")
                    .append(num(r.p50()))
                    .append(" | ")
                    .append(num(r.p95()))
                    .append(" | ")
                    .append(num(r.p99()))
                    .append(" | ")
                    .append(num(r.anchorP50()))
                    .append(" | ")
                    .append(num(r.anchorP95()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" | ")
                    .append(r.size())
                    .append(" | ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private String setting(
            Options o,
            NationalTree tree,
            MemberWorld world,
            NationalMembersGenerator.Loaded loaded,
            String load,
            String disk,
            String wrk)
            throws SQLException {
        String date = OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return "- Command: `" + (o.embedded() ? "" : "SPRING_DATASOURCE_URL=… ") + o.commandLine() + "`\n"
                + "- Date: " + date + "\n"
                + "- Machine: " + OrgTreeBenchSuite.machine() + "; load generator " + wrk + " on the same machine\n"
                + "- Database: " + OrgTreeBenchSuite.database(dataSource, o.embedded()) + "\n"
                + String.format(
                        Locale.ROOT,
                        "- Data: %,d members in %,d grassroots unions of a tree of %,d units (%d provincial federations,"
                                + " %,d commune/ward unions), %,d enterprises, %,d monthly dues charges (%d months);"
                                + " seed %d. Disk: %s.%n",
                        loaded.members(),
                        world.units().size(),
                        tree.units().size(),
                        tree.provinces().size(),
                        tree.communes().size(),
                        loaded.enterprises(),
                        loaded.charges(),
                        BenchDues.MONTHS,
                        o.seed(),
                        disk)
                + "- Generation: " + load + "\n";
    }

    private static String notes(Options o, List<String> regressions) {
        StringBuilder b = new StringBuilder();
        b.append("Ratio = the figure's p95 ÷ the anchor's p95 (statistics, search); requests/s of the static file ÷ the"
                        + " page's (pages under load); COPY's rows/s ÷ the import's (import). Pages: `wrk -t2 -c")
                .append(o.connections())
                .append(" -d")
                .append(o.seconds())
                .append("s` with the bench officer's session (a federation officer of the national root), each request"
                        + " to the next unit of the list.\n");
        if (!o.check().isBlank() && !o.check().equals("none")) {
            b.append(
                    regressions.isEmpty()
                            ? "\nEvery ratio within its threshold (`--check`).\n"
                            : "\nPast the thresholds: " + String.join("; ", regressions) + "\n");
        }
        return b.toString();
    }

    private String disk() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database())),"
                        + " pg_size_pretty(pg_total_relation_size('membership.member')),"
                        + " pg_size_pretty(pg_total_relation_size('finance.dues_charge'))")) {
            rs.next();
            return "database " + rs.getString(1) + " (members with indexes " + rs.getString(2) + ", dues charges "
                    + rs.getString(3) + ")";
        }
    }
}
