package vn.congdoan.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.sql.DataSource;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.Dates;

/** {@code bench org-tree}: generate (or reuse) the national tree, measure, print and record. */
final class OrgTreeBenchSuite {

    static final String SUITE = "org-tree";
    static final long DEFAULT_SEED = 20250701L;

    /**
     * The command's options. {@code report} "none" writes no file; a {@code variant} (e.g. a configuration being
     * tried) gets its own section of the report; {@code commandLine} is the command as typed, when known.
     */
    record Options(
            String suite,
            int units,
            int samples,
            int warmup,
            long seed,
            String report,
            boolean embedded,
            String variant,
            String commandLine) {

        String section() {
            return variant.isBlank() ? SUITE : SUITE + ":" + variant;
        }

        String command() {
            if (!commandLine.isBlank()) {
                return (embedded ? "" : "SPRING_DATASOURCE_URL=… ") + commandLine;
            }
            StringBuilder c = new StringBuilder();
            if (!embedded) {
                c.append("SPRING_DATASOURCE_URL=… ");
            }
            c.append("java -jar target/congdoan.jar bench ").append(suite);
            c.append(" --units ").append(units).append(" --samples ").append(samples);
            if (warmup != 10) {
                c.append(" --warmup ").append(warmup);
            }
            if (seed != DEFAULT_SEED) {
                c.append(" --seed ").append(seed);
            }
            if (embedded) {
                c.append(" --embedded");
            }
            return c.toString();
        }
    }

    /** What the run produced: the report section and whether facade and SQL ever disagreed. */
    record Outcome(NationalTree tree, OrgTreeBenchmark.Result result, String section, int mismatches) {}

    private final OrgTree orgTree;
    private final DataSource dataSource;
    private final Clock clock;
    private final PrintStream out;

    OrgTreeBenchSuite(OrgTree orgTree, DataSource dataSource, Clock clock, PrintStream out) {
        this.orgTree = orgTree;
        this.dataSource = dataSource;
        this.clock = clock;
        this.out = out;
    }

    Outcome run(Options options) throws SQLException, IOException {
        LocalDate today = Dates.today(clock);
        long t0 = System.nanoTime();
        NationalTree tree = NationalTreeGenerator.generate(options.units(), options.seed(), today);
        long generated = (System.nanoTime() - t0) / 1_000_000;
        out.printf(
                "Generated %,d units (%,d periods, %,d grassroots unions) in %,d ms; loading…%n",
                tree.units().size(), tree.periodCount(), tree.grassroots(), generated);
        NationalTreeGenerator.Loaded loaded = NationalTreeGenerator.load(dataSource, tree);
        String load = loaded.reused()
                ? "the same tree left by an earlier run was reused (" + loaded.units() + " units)"
                : String.format(
                        Locale.ROOT,
                        "generated in %.1f s, written by COPY (with all indexes and constraints) and analysed in %.1f s",
                        generated / 1000.0,
                        loaded.millis() / 1000.0);
        out.println(
                loaded.reused() ? "Reused the tree already in the database." : "Loaded in " + loaded.millis() + " ms.");

        OrgTreeBenchmark.Result result = new OrgTreeBenchmark(orgTree, dataSource, out)
                .run(tree, today, options.samples(), options.warmup(), options.seed());
        int mismatches = result.rows().stream()
                .mapToInt(OrgTreeBenchmark.Row::mismatches)
                .sum();

        String data = String.format(
                Locale.ROOT,
                "%,d units (%,d grassroots unions; %d provincial federations, %d central sector unions, %d district "
                        + "federations closed on 2025-07-01, %d commune/ward unions from 2025-07-01; %,d grassroots "
                        + "unions moved with their departments and groups), %,d periods. Grassroots unions existing "
                        + "on 2024-12-31: %,d; on %s: %,d. Seed %d.",
                tree.units().size(),
                tree.grassroots(),
                tree.provinces().size(),
                tree.sectors().size(),
                tree.districts().size(),
                tree.communes().size(),
                tree.moved().size(),
                tree.periodCount(),
                tree.countOn("GRASSROOTS_UNION", NationalTreeGenerator.BEFORE_REFORM),
                today,
                tree.countOn("GRASSROOTS_UNION", today),
                options.seed());
        BenchReport.Setting setting = new BenchReport.Setting(
                options.command(),
                OffsetDateTime.now(clock)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                machine(),
                database(dataSource, options.embedded()),
                data,
                load);
        String title = "Organisation tree: subtree counts, children and search as of a date (issue 4)"
                + (options.variant().isBlank() ? "" : " — " + options.variant());
        String section = BenchReport.render(options.section(), title, setting, result);
        out.println();
        out.println(BenchReport.table(result.rows()));
        out.println("Slowest: " + result.slowest());
        out.println(result.genericPlan());
        if (!options.report().isBlank() && !options.report().equals("none")) {
            Path file = Path.of(options.report());
            BenchReport.write(file, options.section(), section);
            out.println("Written to " + file.toAbsolutePath());
        }
        return new Outcome(tree, result, section, mismatches);
    }

    static String machine() {
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave the memory unknown.
        }
        return String.format(
                Locale.ROOT,
                "nproc %d, memory %s, %s %s (%s), max heap %d MiB",
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    static String database(DataSource dataSource, boolean embedded) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            String version = text(s, "show server_version");
            String settings = String.format(
                    "shared_buffers %s, work_mem %s, jit %s, random_page_cost %s",
                    text(s, "show shared_buffers"),
                    text(s, "show work_mem"),
                    text(s, "show jit"),
                    text(s, "show random_page_cost"));
            String url = c.getMetaData().getURL().replaceAll("\\?.*$", "");
            return "PostgreSQL " + version + (embedded ? " (embedded, throw-away data directory)" : " at " + url) + "; "
                    + settings;
        }
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
