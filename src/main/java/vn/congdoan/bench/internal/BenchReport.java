package vn.congdoan.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.congdoan.bench.internal.OrgTreeBenchmark.Row;

/** The Markdown section of {@code docs/BENCHMARKS.md} for one benchmark, replaced in place on every run. */
final class BenchReport {

    private static final String FILE_HEADER = """
            # Benchmarks

            Every figure here is measured side by side with its anchor in the same run and reproducible by one command
            of the project (QUALITY.md §5). Absolute times drift on shared machines; read the ratios.

            """;

    private BenchReport() {}

    /** Where and on what the run happened. */
    record Setting(String command, String when, String machine, String database, String data, String load) {}

    static String render(String suite, String title, Setting setting, OrgTreeBenchmark.Result result) {
        StringBuilder md = new StringBuilder();
        md.append(start(suite)).append('\n');
        md.append("## ").append(title).append("\n\n");
        md.append("- Command: `").append(setting.command()).append("`\n");
        md.append("- Date: ").append(setting.when()).append('\n');
        md.append("- Machine: ").append(setting.machine()).append('\n');
        md.append("- Database: ").append(setting.database()).append('\n');
        md.append("- Data: ").append(setting.data()).append('\n');
        md.append("- Load: ").append(setting.load()).append('\n');
        md.append("- Scope: a reader holding `org.read` at the root (the scope filter is part of every facade query). ")
                .append(
                        "Facade = `OrgTree` through Spring (transaction, scope check, unit lookup, mapping); raw = the ")
                .append("hand-written SQL sent by plain JDBC as a simple statement, like psql. Each sample asks both ")
                .append("about the same unit, alternating which goes first; the answers are compared.\n\n");
        md.append(table(result.rows()));
        md.append("\nSlowest facade question: ")
                .append(result.slowest())
                .append(". `EXPLAIN (ANALYZE, BUFFERS)` of")
                .append(" its statement under a generic plan (what a server-side prepared statement settles on after")
                .append(" 5 executions with pgjdbc's defaults):\n\n```\n")
                .append(result.genericPlan().strip())
                .append("\n```\n\nThe same statement planned with its values (custom plan):\n\n```\n")
                .append(result.customPlan().strip())
                .append("\n```\n\nThe raw SQL:\n\n```\n")
                .append(result.rawPlan().strip())
                .append("\n```\n");
        md.append(end(suite)).append('\n');
        return md.toString();
    }

    static String table(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| query | unit level | as of | samples | facade p50 ms | facade p95 ms | facade max ms |")
                .append(" raw p50 ms | raw p95 ms | ratio p50 | ratio p95 | answer (avg) | mismatches |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.query())
                    .append(" | ")
                    .append(r.level())
                    .append(" | ")
                    .append(r.asOf())
                    .append(" | ")
                    .append(r.facadeMs().length)
                    .append(" | ")
                    .append(ms(r.facade(0.5)))
                    .append(" | ")
                    .append(ms(r.facade(0.95)))
                    .append(" | ")
                    .append(ms(r.facade(1.0)))
                    .append(" | ")
                    .append(ms(r.raw(0.5)))
                    .append(" | ")
                    .append(ms(r.raw(0.95)))
                    .append(" | ")
                    .append(ratio(OrgTreeBenchmark.ratio(r.facade(0.5), r.raw(0.5))))
                    .append(" | ")
                    .append(ratio(OrgTreeBenchmark.ratio(r.facade(0.95), r.raw(0.95))))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", r.avgAnswer()))
                    .append(" | ")
                    .append(r.mismatches())
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Replaces this suite's section of the file, or appends it; creates the file when missing. */
    static void write(Path file, String suite, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : FILE_HEADER;
        int from = text.indexOf(start(suite));
        int to = text.indexOf(end(suite));
        String updated;
        if (from >= 0 && to > from) {
            int after = to + end(suite).length();
            if (after < text.length() && text.charAt(after) == '\n') {
                after++;
            }
            updated = text.substring(0, from) + section + text.substring(after);
        } else {
            updated = text
                    + (text.endsWith("\n\n") || text.isEmpty() ? "" : text.endsWith("\n") ? "\n" : "\n\n")
                    + section;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    static String start(String suite) {
        return "<!-- bench:" + suite + ":start -->";
    }

    static String end(String suite) {
        return "<!-- bench:" + suite + ":end -->";
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
