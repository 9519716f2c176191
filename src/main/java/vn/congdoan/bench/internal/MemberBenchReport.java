package vn.congdoan.bench.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The "Members" section of {@code docs/BENCHMARKS.md}. */
final class MemberBenchReport {

    private MemberBenchReport() {}

    static String render(
            String suite,
            String title,
            BenchReport.Setting setting,
            ImportBenchmark.@Nullable Result imports,
            MemberBenchmark.Result search) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- bench:").append(suite).append(":start -->\n");
        md.append("## ").append(title).append("\n\n");
        md.append("- Command: `").append(setting.command()).append("`\n");
        md.append("- Date: ").append(setting.when()).append('\n');
        md.append("- Machine: ").append(setting.machine()).append('\n');
        md.append("- Database: ").append(setting.database()).append('\n');
        md.append("- Data: ").append(setting.data()).append('\n');
        md.append("- Generation: ").append(setting.load()).append("\n\n");
        md.append("### Import\n\n");
        if (imports == null) {
            md.append("Not measured in this run.\n\n");
        } else {
            md.append("The app's import (`MemberImports.runNow`: streaming parse, validation, write, all or nothing)")
                    .append(" of a generated file into an empty grassroots union — ")
                    .append(imports.target())
                    .append(" — against ")
                    .append(imports.psqlVersion())
                    .append(" `\\copy … from 'file' with (format csv, header true)` of the same rows (the median of")
                    .append(" three) into a scratch table with one `text` column per CSV column (logged, no index, no")
                    .append(" validation: the cost of getting the bytes into PostgreSQL). For the XLSX row the anchor")
                    .append(" is the COPY of the CSV with the same rows. Heap: the most in use, sampled every 10 ms")
                    .append(" during the import, of the JVM's maximum. Before the run: ")
                    .append(imports.cleanup())
                    .append(".\n\n");
            md.append(importTable(imports)).append('\n');
        }
        md.append("### Search and list pages\n\n");
        md.append("Facade = `Members.search(MemberFilter, AccessScope)` through Spring (transaction, scope, count and")
                .append(" page statements, mapping) for an officer holding `member.read` at a provincial federation, a")
                .append(" commune/ward union or a grassroots union (a different unit and member each sample). Bare SQL")
                .append(
                        " = the same count and page query (scope join `u.path <@ roots`, `search_key like '%…%'` on the")
                .append(" trigram index, `cccd =` / `member_code =`, order `sort_key collate \"vi-x-icu\", birth_date,")
                .append(" id`, 50 rows) typed as in psql and sent by plain JDBC as simple statements, values written")
                .append(" in, without the facade's enterprise join and pending-transfer column. Each sample asks both,")
                .append(" alternating which goes first, and compares the page (ids in order) and the total. Name")
                .append(" fragments: the province officer types ")
                .append(String.join(
                        ", ",
                        MemberBenchmark.PROVINCE_TERMS.stream()
                                .map(t -> "\"" + t + "\"")
                                .toList()))
                .append(" in turn; the grassroots officer the last two words of a member's folded name. CCCD and")
                .append(" code: those of a random member in the scope. Deep page: page ")
                .append(MemberBenchmark.DEEP_PAGE)
                .append(" (rows 10,001–10,050) or the last page of a shorter list. Times include both statements")
                .append(" (count and page).\n\n");
        md.append(table(search.rows()));
        md.append("\nSlowest facade question: ").append(search.slowest()).append(".\n");
        if (!search.genericPlan().isBlank()) {
            md.append("\n`EXPLAIN (ANALYZE, BUFFERS)` of its page statement under a generic plan (what a server-side")
                    .append(" prepared statement may settle on after 5 executions with pgjdbc's defaults):\n\n```\n")
                    .append(search.genericPlan().strip())
                    .append("\n```\n\nThe same statement planned with its values (custom plan):\n\n```\n")
                    .append(search.customPlan().strip())
                    .append("\n```\n");
        }
        md.append("\nThe bare page query:\n\n```\n")
                .append(search.rawPlan().strip())
                .append("\n```\n");
        md.append("<!-- bench:").append(suite).append(":end -->\n");
        return md.toString();
    }

    static String importTable(ImportBenchmark.Result imports) {
        StringBuilder md = new StringBuilder();
        md.append("| import | format | rows | file MB | app s | app rows/s | added | COPY s | COPY rows/s |")
                .append(" app ÷ COPY time | peak heap MiB | max heap MiB | outcome |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (ImportBenchmark.Row r : imports.rows()) {
            md.append("| ")
                    .append(r.what())
                    .append(" | ")
                    .append(r.format())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.rows()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.fileBytes() / 1024.0 / 1024.0))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", r.appSeconds()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", r.appRowsPerSecond()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.added()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", r.copySeconds()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", r.copyRowsPerSecond()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.ratio()))
                    .append(" | ")
                    .append(r.peakHeapBytes() / 1024 / 1024)
                    .append(" | ")
                    .append(r.maxHeapBytes() / 1024 / 1024)
                    .append(" | ")
                    .append(r.outcome().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String table(List<MemberBenchmark.Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| query | officer scope | samples | facade p50 ms | facade p95 ms | facade max ms | SQL p50 ms |")
                .append(
                        " SQL p95 ms | ratio p50 | ratio p95 | total (avg) | rows (avg) | mismatches | facade failures |\n");
        md.append(
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (MemberBenchmark.Row r : rows) {
            md.append("| ")
                    .append(r.query())
                    .append(" | ")
                    .append(r.scope())
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
                    .append(String.format(Locale.ROOT, "%,.0f", r.avgTotal()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", r.avgRows()))
                    .append(" | ")
                    .append(r.mismatches())
                    .append(" | ")
                    .append(r.failures())
                    .append(" |\n");
        }
        return md.toString();
    }

    /** How the world was made, step by step with times. */
    static String loadSteps(
            NationalMembersGenerator.Loaded loaded, NationalTreeGenerator.Loaded tree, long treeMillis) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%.1f min in all for the members (%s; tree %s in %.1f s). Secondary indexes and FK/unique/exclusion"
                        + " constraints of the three tables dropped before the COPY and re-created after it"
                        + " (maintenance_work_mem 1GB, synchronous_commit off for the load):",
                loaded.millis() / 60000.0,
                String.format(
                        Locale.ROOT,
                        "%,d members, %,d periods, %,d sensitive rows",
                        loaded.members(),
                        loaded.periods(),
                        loaded.sensitive()),
                tree.reused() ? "reused" : "generated and loaded",
                treeMillis / 1000.0));
        s.append("\n");
        for (NationalMembersGenerator.Step step : loaded.steps()) {
            s.append("  - ")
                    .append(String.format(Locale.ROOT, "%.1f s", step.millis() / 1000.0))
                    .append(": `")
                    .append(step.what().length() > 160 ? step.what().substring(0, 160) + "…" : step.what())
                    .append("`\n");
        }
        return s.toString().stripTrailing();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
