package vn.congdoan.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.Dates;

/**
 * {@code bench members}: generate (or reuse) the national tree and the national member world, measure the import
 * against {@code psql \copy}, search and list pages against the bare SQL, print and record.
 */
final class MemberBenchSuite {

    static final String SUITE = "members";
    static final int DEFAULT_MEMBERS = 11_000_000;
    static final int DEFAULT_IMPORT_ROWS = 200_000;

    /**
     * The command's options. {@code units} 0: derived from {@code members} (about 85 members per grassroots union, at
     * most 130,000 unions); {@code importRows} 0 skips the import measurement; {@code report} "none" writes no file.
     */
    record Options(
            int members,
            int units,
            int samples,
            int warmup,
            long seed,
            String report,
            boolean embedded,
            String variant,
            int importRows,
            boolean scopeAny,
            String commandLine) {

        int grassroots() {
            return units > 0 ? units : Math.max(100, Math.min(130_000, Math.round(members / 85f)));
        }

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
            c.append("java -Xmx512m -jar target/congdoan.jar bench members --members ")
                    .append(members)
                    .append(" --samples ")
                    .append(samples)
                    .append(" --warmup ")
                    .append(warmup);
            if (units > 0) {
                c.append(" --units ").append(units);
            }
            if (importRows != DEFAULT_IMPORT_ROWS) {
                c.append(" --import-rows ").append(importRows);
            }
            if (seed != OrgTreeBenchSuite.DEFAULT_SEED) {
                c.append(" --seed ").append(seed);
            }
            if (scopeAny) {
                c.append(" --scope-any");
            }
            if (embedded) {
                c.append(" --embedded");
            }
            return c.toString();
        }
    }

    /** What the run produced: the report section and how many answers disagreed (facade vs SQL, or the import). */
    record Outcome(
            MemberWorld world,
            NationalMembersGenerator.Loaded loaded,
            ImportBenchmark.@Nullable Result imports,
            MemberBenchmark.Result search,
            String section,
            int mismatches) {}

    private final Members members;
    private final ImportBenchmark.@Nullable Importer importer;
    private final DataSource dataSource;
    private final Clock clock;
    private final PrintStream out;

    MemberBenchSuite(
            Members members,
            ImportBenchmark.@Nullable Importer importer,
            DataSource dataSource,
            Clock clock,
            PrintStream out) {
        this.members = members;
        this.importer = importer;
        this.dataSource = dataSource;
        this.clock = clock;
        this.out = out;
    }

    Outcome run(Options options) throws SQLException, IOException, InterruptedException {
        LocalDate today = Dates.today(clock);
        GeneratedWorld g =
                GeneratedWorld.load(dataSource, options.grassroots(), options.members(), options.seed(), today, out);
        NationalTree tree = g.tree();
        MemberWorld world = g.world();
        NationalMembersGenerator.Loaded loaded = g.loaded();

        int mismatches = 0;
        ImportBenchmark.Result imports = null;
        if (options.importRows() > 0) {
            if (importer == null) {
                out.println("No member import in this build: import not measured.");
            } else {
                imports = new ImportBenchmark(importer, dataSource, out)
                        .run(world, options.importRows(), options.seed(), today);
                mismatches += imports.problems();
            }
        }
        MemberBenchmark.Result search = new MemberBenchmark(members, dataSource, out, options.scopeAny())
                .run(world, options.samples(), options.warmup(), options.seed());
        mismatches += search.rows().stream()
                .mapToInt(r -> r.mismatches() + r.failures())
                .sum();

        String data = String.format(
                Locale.ROOT,
                "%,d members (all ACTIVE, each with one open membership period; %,d with a member_sensitive row) in"
                        + " %,d grassroots unions (log-normal sizes: median %,d, largest %,d) of a national tree of %,d"
                        + " units (%d provincial federations, %d central sector unions, %,d commune/ward unions). Seed"
                        + " %d.",
                loaded.members(),
                loaded.sensitive(),
                world.units().size(),
                median(world.counts()),
                max(world.counts()),
                tree.units().size(),
                tree.provinces().size(),
                tree.sectors().size(),
                tree.communes().size(),
                options.seed());
        String load = g.load();
        BenchReport.Setting setting = new BenchReport.Setting(
                options.command(),
                OffsetDateTime.now(clock)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                OrgTreeBenchSuite.machine(),
                OrgTreeBenchSuite.database(dataSource, options.embedded()),
                data,
                load);
        String title = "Members: import, search and list pages at national scale (issue 5)"
                + (options.variant().isBlank() ? "" : " — " + options.variant());
        String section = MemberBenchReport.render(options.section(), title, setting, imports, search);
        out.println();
        if (imports != null) {
            out.println(MemberBenchReport.importTable(imports));
        }
        out.println(MemberBenchReport.table(search.rows()));
        out.println("Slowest: " + search.slowest());
        out.println(search.rawPlan());
        if (!options.report().isBlank() && !options.report().equals("none")) {
            Path file = Path.of(options.report());
            BenchReport.write(file, options.section(), section);
            out.println("Written to " + file.toAbsolutePath());
        }
        return new Outcome(world, loaded, imports, search, section, mismatches);
    }

    private static int median(int[] counts) {
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static int max(int[] counts) {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
