package vn.congdoan.bench.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import vn.congdoan.membership.Members;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.reporting.Dashboards;

/**
 * {@code java -jar congdoan.jar bench org-tree [--units 130000] [--samples 100] [--warmup 10] [--seed S]
 * [--report docs/BENCHMARKS.md|none] [--variant NAME] [--embedded]}: generates the national tree into the configured database
 * ({@code SPRING_DATASOURCE_URL}, which must be empty or hold this benchmark's tree) or into a throw-away embedded
 * PostgreSQL ({@code --embedded}), measures, prints the table and writes it to the report. Runs without a web
 * server; exit code 0, 1 when facade and SQL disagreed, 2 on a usage error.
 *
 * <p>{@code bench members [--members 11000000] [--units N] [--import-rows 200000] [--samples 100] [--warmup 10]
 * [--seed S] [--report …|none] [--variant NAME] [--embedded]}: the same national tree with the national member world
 * (see {@link MemberBenchSuite}); exit code 1 also when an import did not add what it should have.
 *
 * <p>{@code bench dashboard [--members 11000000] [--units N] [--samples 100] [--warmup 10] [--seed S] [--report …|none]
 * [--variant NAME] [--embedded]}: the same member world, then the dashboards of provinces, communes and grassroots
 * unions (see {@link DashboardBenchmark}).
 */
@Component
@ConditionalOnProperty(name = "congdoan.command", havingValue = "bench")
class BenchCommand implements ApplicationRunner {

    private final OrgTree tree;
    private final ObjectProvider<Members> members;
    private final ObjectProvider<ImportBenchmark.Importer> importer;
    private final ObjectProvider<Dashboards> dashboards;
    private final DataSource dataSource;
    private final Clock clock;
    private final ApplicationContext context;
    private final int memberCount;
    private final int importRows;
    private final boolean demo;
    private final boolean scopeAny;
    private final String world;
    private final long worldMembers;
    private final int seconds;
    private final int connections;
    private final String check;
    private OrgTreeBenchSuite.Options options;

    BenchCommand(
            OrgTree tree,
            ObjectProvider<Members> members,
            ObjectProvider<ImportBenchmark.Importer> importer,
            ObjectProvider<Dashboards> dashboards,
            DataSource dataSource,
            Clock clock,
            ApplicationContext context,
            @Value("${congdoan.bench.suite:}") String suite,
            @Value("${congdoan.bench.units:0}") int units,
            @Value("${congdoan.bench.members:}") String membersText,
            @Value("${congdoan.bench.import-rows:" + MemberBenchSuite.DEFAULT_IMPORT_ROWS + "}") int importRows,
            @Value("${congdoan.bench.samples:100}") int samples,
            @Value("${congdoan.bench.warmup:10}") int warmup,
            @Value("${congdoan.bench.seed:" + OrgTreeBenchSuite.DEFAULT_SEED + "}") long seed,
            @Value("${congdoan.bench.report:docs/BENCHMARKS.md}") String report,
            @Value("${congdoan.bench.embedded:false}") boolean embedded,
            @Value("${congdoan.bench.variant:}") String variant,
            @Value("${congdoan.demo:false}") boolean demo,
            @Value("${congdoan.bench.scope-any:false}") boolean scopeAny,
            @Value("${congdoan.bench.world:}") String world,
            @Value("${congdoan.bench.seconds:0}") int seconds,
            @Value("${congdoan.bench.connections:0}") int connections,
            @Value("${congdoan.bench.check:}") String check) {
        this.tree = tree;
        this.members = members;
        this.importer = importer;
        this.dashboards = dashboards;
        long requested = size(membersText);
        this.memberCount = membersText.isBlank()
                ? MemberBenchSuite.DEFAULT_MEMBERS
                : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, requested));
        this.importRows = importRows;
        this.demo = demo;
        this.scopeAny = scopeAny;
        this.world = world;
        this.worldMembers = size(membersText);
        this.seconds = seconds;
        this.connections = connections;
        this.check = check;
        this.dataSource = dataSource;
        this.clock = clock;
        this.context = context;
        this.options =
                new OrgTreeBenchSuite.Options(suite, units, samples, warmup, seed, report, embedded, variant, "");
    }

    @Override
    public void run(ApplicationArguments args) {
        options = new OrgTreeBenchSuite.Options(
                options.suite(),
                options.units(),
                options.samples(),
                options.warmup(),
                options.seed(),
                options.report(),
                options.embedded(),
                options.variant(),
                commandLine(args.getSourceArgs()));
        int code = execute();
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** The command as typed, rebuilt from the properties {@code UnionApplication.translate} made of it. */
    static String commandLine(String[] translated) {
        StringBuilder c = new StringBuilder("java");
        for (String jvm :
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (jvm.startsWith("-Xmx") || jvm.startsWith("-Xms")) {
                c.append(' ').append(jvm);
            }
        }
        c.append(" -jar target/congdoan.jar bench");
        for (String a : translated) {
            if (a.startsWith("--congdoan.bench.suite=")) {
                c.append(' ').append(a.substring("--congdoan.bench.suite=".length()));
            }
        }
        for (String a : translated) {
            if (a.equals("--congdoan.bench.embedded=true")) {
                c.append(" --embedded");
            } else if (a.startsWith("--congdoan.bench.") && !a.startsWith("--congdoan.bench.suite=")) {
                String[] kv = a.substring("--congdoan.bench.".length()).split("=", 2);
                c.append(" --").append(kv[0]);
                if (kv.length > 1 && !kv[1].equals("true")) {
                    c.append(' ').append(kv[1]);
                }
            } else if (a.startsWith("--spring.")) {
                c.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
            }
        }
        return c.toString();
    }

    private int execute() {
        if (options.suite().equals(WorldBenchmark.SUITE)) {
            return world();
        }
        if (options.suite().equals(MemberBenchSuite.SUITE)) {
            return members();
        }
        if (options.suite().equals(DashboardBenchmark.SUITE)) {
            return dashboard();
        }
        if (!options.suite().equals(OrgTreeBenchSuite.SUITE)) {
            System.err.println("Usage: java -jar congdoan.jar bench org-tree [--units 130000] [--samples 100]"
                    + " [--warmup 10] [--seed N] [--report docs/BENCHMARKS.md|none] [--variant NAME] [--embedded]");
            System.err.println("       java -Xmx512m -jar congdoan.jar bench members [--members 11000000] [--units N]"
                    + " [--import-rows 200000] [--samples 100] [--warmup 10] [--seed N] [--report …|none]"
                    + " [--variant NAME] [--embedded]");
            System.err.println("       java -Xmx1g -jar congdoan.jar bench dashboard [--members 11000000] [--units N]"
                    + " [--samples 100] [--warmup 10] [--seed N] [--report …|none] [--variant NAME] [--embedded]");
            System.err.println("Known benchmarks: " + OrgTreeBenchSuite.SUITE + ", " + MemberBenchSuite.SUITE + ", "
                    + DashboardBenchmark.SUITE);
            return 2;
        }
        if (options.units() == 0) {
            options = new OrgTreeBenchSuite.Options(
                    options.suite(),
                    130_000,
                    options.samples(),
                    options.warmup(),
                    options.seed(),
                    options.report(),
                    options.embedded(),
                    options.variant(),
                    options.commandLine());
        }
        if (options.units() < 100 || options.samples() < 1 || options.warmup() < 0) {
            System.err.println("--units must be at least 100, --samples at least 1, --warmup at least 0");
            return 2;
        }
        try {
            OrgTreeBenchSuite.Outcome outcome = new OrgTreeBenchSuite(tree, dataSource, clock, System.out).run(options);
            return outcome.mismatches() == 0 ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    /** {@code 11m}, {@code 1m}, {@code 200k} or a plain number; -1 when unreadable. */
    static long size(String text) {
        String t =
                text.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace(",", "");
        try {
            if (t.endsWith("m")) {
                return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000_000);
            }
            if (t.endsWith("k")) {
                return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000);
            }
            return t.isEmpty() ? 0 : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int world() {
        if (!world.equals("national") && !world.equals("province")) {
            System.err.println(
                    "Usage: java -Xmx1g -jar congdoan.jar bench --world national|province [--members 11m|1m|…]"
                            + " [--units N] [--samples N] [--warmup N] [--import-rows N] [--seconds N] [--connections 32]"
                            + " [--check true|FILE] [--seed N] [--report docs/BENCHMARKS.md|none] [--embedded]");
            return 2;
        }
        boolean national = world.equals("national");
        if (worldMembers < 0 || (worldMembers > 0 && worldMembers < 1000)) {
            System.err.println("--members: a number of at least 1000, or 1m, 11m, 200k");
            return 2;
        }
        Members register = members.getIfAvailable();
        Dashboards boards = dashboards.getIfAvailable();
        int port = context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        if (register == null || boards == null || port <= 0) {
            System.err.println("This build lacks the member register, the dashboards or the web server.");
            return 1;
        }
        String command = options.commandLine();
        WorldBenchmark.Options o = new WorldBenchmark.Options(
                world,
                worldMembers,
                options.units(),
                options.samples() == 100 ? (national ? 20 : 10) : options.samples(),
                options.warmup() == 10 ? 3 : options.warmup(),
                options.seed(),
                options.report(),
                options.embedded(),
                importRows == MemberBenchSuite.DEFAULT_IMPORT_ROWS && !national ? 20_000 : importRows,
                seconds > 0 ? seconds : national ? 30 : 6,
                connections > 0 ? connections : national ? 32 : 8,
                check,
                command.replace(" bench world", " bench").replace("--world=", "--world "));
        try {
            return new WorldBenchmark(register, importer.getIfAvailable(), boards, dataSource, clock, port, System.out)
                    .run(o);
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private int members() {
        if (memberCount < 1000
                || (options.units() != 0 && options.units() < 100)
                || options.samples() < 1
                || options.warmup() < 0
                || importRows < 0) {
            System.err.println("--members must be at least 1000, --units 0 (derived) or at least 100, --samples at"
                    + " least 1, --warmup and --import-rows at least 0");
            return 2;
        }
        if (importRows > 0 && !demo) {
            System.err.println("The import's files carry demo CCCDs (prefix 099), which the member rules accept only in"
                    + " demo mode: run with CONGDOAN_DEMO=true (the bench exits before the demo world would load; with"
                    + " --embedded also CONGDOAN_DEMO_EMBEDDED_DATABASE=false, so that the demo's own database does"
                    + " not start), or with --import-rows 0.");
            return 2;
        }
        if (importRows > BenchImportFile.MAX_ROWS) {
            System.err.println("--import-rows at most " + BenchImportFile.MAX_ROWS);
            return 2;
        }
        Members register = members.getIfAvailable();
        if (register == null) {
            System.err.println("No member register in this build.");
            return 2;
        }
        MemberBenchSuite.Options o = new MemberBenchSuite.Options(
                memberCount,
                options.units(),
                options.samples(),
                options.warmup(),
                options.seed(),
                options.report(),
                options.embedded(),
                options.variant(),
                importRows,
                scopeAny,
                demo && !options.commandLine().isBlank()
                        ? "CONGDOAN_DEMO=true " + options.commandLine()
                        : options.commandLine());
        try {
            MemberBenchSuite.Outcome outcome =
                    new MemberBenchSuite(register, importer.getIfAvailable(), dataSource, clock, System.out).run(o);
            if (outcome.mismatches() != 0) {
                System.err.println(outcome.mismatches() + " disagreement(s) between the facade and the SQL, or"
                        + " imports that did not add what they should have: see above.");
            }
            return outcome.mismatches() == 0 ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    /** {@code bench dashboard}: the member world of {@code bench members}, then the dashboards (no import). */
    private int dashboard() {
        if (memberCount < 1000
                || (options.units() != 0 && options.units() < 100)
                || options.samples() < 1
                || options.warmup() < 0) {
            System.err.println("--members must be at least 1000, --units 0 (derived) or at least 100, --samples at"
                    + " least 1, --warmup at least 0");
            return 2;
        }
        Dashboards d = dashboards.getIfAvailable();
        if (d == null) {
            System.err.println("No dashboards in this build.");
            return 2;
        }
        MemberBenchSuite.Options o = new MemberBenchSuite.Options(
                memberCount,
                options.units(),
                options.samples(),
                options.warmup(),
                options.seed(),
                options.report(),
                options.embedded(),
                options.variant(),
                0,
                false,
                options.commandLine());
        try {
            int problems = new DashboardBenchmark(d, dataSource, clock, System.out).run(o);
            if (problems != 0) {
                System.err.println(problems + " disagreement(s) between the facade and the SQL or facade failures:"
                        + " see above.");
            }
            return problems == 0 ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }
}
