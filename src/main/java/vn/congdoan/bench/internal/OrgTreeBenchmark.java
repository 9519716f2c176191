package vn.congdoan.bench.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.shared.AccessScope;

/**
 * The organisation facade against the hand-written SQL for the same question on the same data, sample by sample
 * (QUALITY.md §5): a unit's subtree counts as of a date (the unit page), its children (the tree browser's lazy load)
 * and the search box. Each sample asks the facade and then the SQL (or the other way round, alternately) about the
 * same unit, and checks that both give the same answer.
 */
final class OrgTreeBenchmark {

    /** The unit's path on a date: the first of the two hand-written statements for its subtree counts. */
    static final String RAW_PATH = """
            select path from organisation.org_unit_period where unit_id = %1$d and during @> date '%2$s'""";

    /** Counts by type below a path on a date, as one would write it by hand in psql once the path is known. */
    static final String RAW_COUNTS = """
            select u.type_code, count(*)
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
             where p.path <@ '%1$s' and p.during @> date '%2$s' and p.unit_id <> %3$d
             group by u.type_code""";

    /** The facade's counting statement (OrgTreeService.subtreeCounts) as a prepared statement, for EXPLAIN. */
    static final String FACADE_COUNTS = """
            select t.code, t.name, t.name_en, count(*) as n
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
              join organisation.unit_type t on t.code = u.type_code
             where p.path <@ (select r.path from organisation.org_unit_period r
                               where r.unit_id = $2 and r.during @> cast($1 as date))
               and p.during @> cast($1 as date) and p.unit_id <> $2 and
                   u.path <@ cast($3 as ltree[])
             group by t.code, t.name, t.name_en, t.sort_order
             order by t.sort_order""";

    /** The facade's children statement (OrgTreeService.children) as a prepared statement, for EXPLAIN. */
    static final String FACADE_CHILDREN = """
            select u.id, p.parent_id, u.code, p.name, p.short_name, u.type_code, t.name as type_name,
                   t.name_en as type_name_en, t.grassroots, u.valid_from, u.valid_to, nlevel(p.path) as depth,
                   u.successor_id, p.during @> cast($1 as date) as existing,
                   (select count(*) from organisation.org_unit_period c
                     where c.parent_id = u.id and c.during @> cast($1 as date)) as child_count
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
              join organisation.unit_type t on t.code = u.type_code
             where p.during @> cast($1 as date)
               and p.parent_id = $2 and u.path <@ cast($3 as ltree[])
             order by t.sort_order, p.name collate "vi-x-icu", u.id""";

    /** Children on a date with their own number of children (the browser shows whether a node opens). */
    static final String RAW_CHILDREN = """
            select p.unit_id, p.name, u.type_code,
                   (select count(*) from organisation.org_unit_period c
                     where c.parent_id = p.unit_id and c.during @> date '%2$s') as child_count
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
             where p.parent_id = %1$d and p.during @> date '%2$s'
             order by u.type_code, p.name""";

    /** Units existing on a date whose folded name contains the term. */
    static final String RAW_SEARCH = """
            select u.id, p.name
              from organisation.org_unit u
              join organisation.org_unit_period p on p.unit_id = u.id and p.during @> date '%2$s'
             where u.search_key like '%%%1$s%%'
             order by nlevel(p.path), p.name, u.id
             limit 20""";

    /** One line of the report: a question at one level of the tree on one date. */
    record Row(
            String query,
            String level,
            LocalDate asOf,
            double[] facadeMs,
            double[] rawMs,
            double avgAnswer,
            int mismatches,
            long slowestUnit) {

        double facade(double p) {
            return percentile(facadeMs, p);
        }

        double raw(double p) {
            return percentile(rawMs, p);
        }
    }

    /**
     * All rows, and the plans of the slowest facade question: its statement as a server-side prepared statement
     * settles on it after five executions (generic plan) and planned with its values (custom plan), and the raw SQL.
     */
    record Result(List<Row> rows, String slowest, String genericPlan, String customPlan, String rawPlan) {}

    private final OrgTree tree;
    private final DataSource dataSource;
    private final PrintStream log;

    OrgTreeBenchmark(OrgTree tree, DataSource dataSource, PrintStream log) {
        this.tree = tree;
        this.dataSource = dataSource;
        this.log = log;
    }

    Result run(NationalTree t, LocalDate today, int samples, int warmup, long seed) throws SQLException {
        String rootPath = "u" + t.rootId();
        AccessScope scope = new AccessScope(
                0L,
                "bench",
                "bench",
                t.rootId(),
                Map.of(OrgTree.READ, Set.of(t.rootId())),
                Map.of(t.rootId(), rootPath));
        LocalDate before = NationalTreeGenerator.BEFORE_REFORM;
        List<Row> rows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Raw raw = new Raw(c);
            // Subtree counts: the unit page and the home page.
            Question counts = (id, d) -> total(tree.subtreeCounts(id, d, scope));
            RawQuestion rawCounts = (id, d) -> {
                String path = raw.text(RAW_PATH.formatted(id, d));
                return path == null ? 0 : raw.sum(RAW_COUNTS.formatted(path, d, id), 2);
            };
            for (LocalDate d : List.of(before, today)) {
                rows.add(measure(
                        "subtree counts",
                        "root (TLĐ)",
                        d,
                        List.of(t.rootId()),
                        counts,
                        rawCounts,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "subtree counts",
                        "provincial federation",
                        d,
                        t.provinces(),
                        counts,
                        rawCounts,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "subtree counts",
                        "central sector union",
                        d,
                        t.sectors(),
                        counts,
                        rawCounts,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "subtree counts",
                        d.isBefore(NationalTreeGenerator.REFORM) ? "district federation" : "commune/ward union",
                        d,
                        d.isBefore(NationalTreeGenerator.REFORM) ? t.districts() : t.communes(),
                        counts,
                        rawCounts,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "subtree counts",
                        "grassroots union",
                        d,
                        t.moved(),
                        counts,
                        rawCounts,
                        samples,
                        warmup,
                        random));
            }
            // Children: the tree browser loads one level at a time.
            Question children = (id, d) -> tree.children(id, d, scope).size();
            RawQuestion rawChildren = (id, d) -> raw.rows(RAW_CHILDREN.formatted(id, d));
            for (LocalDate d : List.of(before, today)) {
                rows.add(measure(
                        "children",
                        "root (TLĐ)",
                        d,
                        List.of(t.rootId()),
                        children,
                        rawChildren,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "children",
                        "provincial federation",
                        d,
                        t.provinces(),
                        children,
                        rawChildren,
                        samples,
                        warmup,
                        random));
                rows.add(measure(
                        "children",
                        d.isBefore(NationalTreeGenerator.REFORM) ? "district federation" : "commune/ward union",
                        d,
                        d.isBefore(NationalTreeGenerator.REFORM) ? t.districts() : t.communes(),
                        children,
                        rawChildren,
                        samples,
                        warmup,
                        random));
            }
            // The search box (at most 20 hits, like the picker).
            List<String> terms = NationalTreeGenerator.SEARCH_TERMS;
            List<Long> termIndexes = new ArrayList<>();
            for (long i = 0; i < terms.size(); i++) {
                termIndexes.add(i);
            }
            Question search = (i, d) ->
                    tree.search(terms.get((int) i), OrgTree.READ, scope, d, 20).size();
            RawQuestion rawSearch = (i, d) -> raw.rows(RAW_SEARCH.formatted(terms.get((int) i), d));
            for (LocalDate d : List.of(before, today)) {
                rows.add(measure(
                        "search (20 hits)", "whole tree", d, termIndexes, search, rawSearch, samples, warmup, random));
            }

            Row slowest = rows.stream()
                    .filter(r -> !r.query().startsWith("search"))
                    .max((a, b) -> Double.compare(a.facade(0.95), b.facade(0.95)))
                    .orElseThrow();
            String statement = slowest.query().equals("children") ? FACADE_CHILDREN : FACADE_COUNTS;
            String[] args = {"'" + slowest.asOf() + "'", Long.toString(slowest.slowestUnit()), "'{" + rootPath + "}'"};
            String generic = raw.explainPrepared(statement, args, "force_generic_plan");
            String custom = raw.explainPrepared(statement, args, "force_custom_plan");
            String rawPlan;
            if (slowest.query().equals("children")) {
                rawPlan = raw.explain(RAW_CHILDREN.formatted(slowest.slowestUnit(), slowest.asOf()));
            } else {
                String path = raw.text(RAW_PATH.formatted(slowest.slowestUnit(), slowest.asOf()));
                rawPlan = raw.explain(RAW_PATH.formatted(slowest.slowestUnit(), slowest.asOf())) + "\n"
                        + raw.explain(RAW_COUNTS.formatted(path, slowest.asOf(), slowest.slowestUnit()));
            }
            return new Result(
                    rows,
                    slowest.query() + ", " + slowest.level() + " (unit " + slowest.slowestUnit() + "), as of "
                            + slowest.asOf(),
                    generic,
                    custom,
                    rawPlan);
        }
    }

    @FunctionalInterface
    interface Question {
        long ask(long id, LocalDate asOf) throws SQLException;
    }

    @FunctionalInterface
    interface RawQuestion {
        long ask(long id, LocalDate asOf) throws SQLException;
    }

    private Row measure(
            String query,
            String level,
            LocalDate asOf,
            List<Long> candidates,
            Question facade,
            RawQuestion raw,
            int samples,
            int warmup,
            SplittableRandom random)
            throws SQLException {
        long[] ids = new long[samples];
        for (int i = 0; i < samples; i++) {
            ids[i] = candidates.get(random.nextInt(candidates.size()));
        }
        for (int i = 0; i < warmup; i++) {
            long id = candidates.get(random.nextInt(candidates.size()));
            facade.ask(id, asOf);
            raw.ask(id, asOf);
        }
        double[] f = new double[samples];
        double[] r = new double[samples];
        long answers = 0;
        int mismatches = 0;
        long slowestUnit = ids[0];
        double slowest = -1;
        for (int i = 0; i < samples; i++) {
            long id = ids[i];
            long a;
            long b;
            if (i % 2 == 0) {
                long t0 = System.nanoTime();
                a = facade.ask(id, asOf);
                long t1 = System.nanoTime();
                b = raw.ask(id, asOf);
                long t2 = System.nanoTime();
                f[i] = (t1 - t0) / 1e6;
                r[i] = (t2 - t1) / 1e6;
            } else {
                long t0 = System.nanoTime();
                b = raw.ask(id, asOf);
                long t1 = System.nanoTime();
                a = facade.ask(id, asOf);
                long t2 = System.nanoTime();
                r[i] = (t1 - t0) / 1e6;
                f[i] = (t2 - t1) / 1e6;
            }
            if (a != b) {
                mismatches++;
            }
            if (f[i] > slowest) {
                slowest = f[i];
                slowestUnit = id;
            }
            answers += a;
        }
        Row row = new Row(query, level, asOf, f, r, (double) answers / samples, mismatches, slowestUnit);
        log.printf(
                "%-18s %-24s %s  facade p50 %8.2f p95 %8.2f  raw p50 %8.2f p95 %8.2f  ratio p95 %5.2f  answer %.0f%s%n",
                query,
                level,
                asOf,
                row.facade(0.5),
                row.facade(0.95),
                row.raw(0.5),
                row.raw(0.95),
                ratio(row.facade(0.95), row.raw(0.95)),
                row.avgAnswer(),
                mismatches == 0 ? "" : "  MISMATCHES " + mismatches);
        return row;
    }

    static double ratio(double a, double b) {
        return b <= 0 ? Double.NaN : a / b;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long total(List<UnitTypeCount> counts) {
        return counts.stream().mapToLong(UnitTypeCount::count).sum();
    }

    /** Plain JDBC on one connection, simple statements with the values written in (what psql sends). */
    private static final class Raw {

        private final Connection connection;

        Raw(Connection connection) {
            this.connection = connection;
        }

        long sum(String sql, int column) throws SQLException {
            long sum = 0;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    sum += rs.getLong(column);
                }
            }
            return sum;
        }

        long rows(String sql) throws SQLException {
            long n = 0;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }

        String text(String sql) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        /** EXPLAIN of a prepared statement ($1 date, $2 unit id, $3 scope roots) under the given plan cache mode. */
        String explainPrepared(String statement, String[] args, String planCacheMode) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("set plan_cache_mode = " + planCacheMode);
                s.execute("prepare bench_explain(date, bigint, text) as " + statement);
                try {
                    return explain("execute bench_explain(" + String.join(", ", args) + ")");
                } finally {
                    s.execute("deallocate bench_explain");
                    s.execute("reset plan_cache_mode");
                }
            }
        }

        String explain(String sql) throws SQLException {
            StringBuilder out = new StringBuilder();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }
}
