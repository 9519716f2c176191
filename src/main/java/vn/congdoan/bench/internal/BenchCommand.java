package vn.congdoan.bench.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import vn.congdoan.organisation.OrgTree;

/**
 * {@code java -jar congdoan.jar bench org-tree [--units 130000] [--samples 100] [--warmup 10] [--seed S]
 * [--report docs/BENCHMARKS.md|none] [--variant NAME] [--embedded]}: generates the national tree into the configured database
 * ({@code SPRING_DATASOURCE_URL}, which must be empty or hold this benchmark's tree) or into a throw-away embedded
 * PostgreSQL ({@code --embedded}), measures, prints the table and writes it to the report. Runs without a web
 * server; exit code 0, 1 when facade and SQL disagreed, 2 on a usage error.
 */
@Component
@ConditionalOnProperty(name = "congdoan.command", havingValue = "bench")
class BenchCommand implements ApplicationRunner {

    private final OrgTree tree;
    private final DataSource dataSource;
    private final Clock clock;
    private final ApplicationContext context;
    private OrgTreeBenchSuite.Options options;

    BenchCommand(
            OrgTree tree,
            DataSource dataSource,
            Clock clock,
            ApplicationContext context,
            @Value("${congdoan.bench.suite:}") String suite,
            @Value("${congdoan.bench.units:130000}") int units,
            @Value("${congdoan.bench.samples:100}") int samples,
            @Value("${congdoan.bench.warmup:10}") int warmup,
            @Value("${congdoan.bench.seed:" + OrgTreeBenchSuite.DEFAULT_SEED + "}") long seed,
            @Value("${congdoan.bench.report:docs/BENCHMARKS.md}") String report,
            @Value("${congdoan.bench.embedded:false}") boolean embedded,
            @Value("${congdoan.bench.variant:}") String variant) {
        this.tree = tree;
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
        StringBuilder c = new StringBuilder("java -jar target/congdoan.jar bench");
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
                c.append(' ').append(a);
            }
        }
        return c.toString();
    }

    private int execute() {
        if (!options.suite().equals(OrgTreeBenchSuite.SUITE)) {
            System.err.println("Usage: java -jar congdoan.jar bench org-tree [--units 130000] [--samples 100]"
                    + " [--warmup 10] [--seed N] [--report docs/BENCHMARKS.md|none] [--variant NAME] [--embedded]");
            System.err.println("Known benchmarks: " + OrgTreeBenchSuite.SUITE);
            return 2;
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
}
