package vn.congdoan.bench.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.membership.MemberFilter;
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRow;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;

/**
 * The member register's facade ({@link Members#search}) against the bare SQL for the same question on the same data,
 * sample by sample (QUALITY.md §5): search by a name fragment, by CCCD and by member code, and list pages (first and
 * deep) in the default Vietnamese order, each for an officer whose {@code member.read} scope is a provincial
 * federation, a commune/ward union or a grassroots union. Each sample asks the facade and then the SQL (or the other
 * way round, alternately) and checks that both return the same page (the same members in the same order) and the
 * same total.
 */
final class MemberBenchmark {

    /** Name fragments an officer of a province types (as typed: without diacritics). */
    static final List<String> PROVINCE_TERMS = List.of("nguyen thi anh", "giang a", "tran van hung", "lo thi");

    /** The page a "deep page" sample asks for (rows 10,001–10,050), or the last page of a smaller list. */
    static final int DEEP_PAGE = 200;

    /**
     * The bare list query as one would type it in psql: the same scope join, condition and order as the facade's
     * (MemberQueries), the columns of the list, the values written in.
     */
    static final String RAW_PAGE = """
            select m.id, m.member_code, m.full_name, m.sex, m.birth_date, m.cccd, m.status, m.last_unit_id,
                   u.name as unit_name, m.joined_on
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
             where %1$s %2$s
             order by %3$sm.sort_key collate "vi-x-icu", m.birth_date, m.id
             limit 50 offset %4$d""";

    static final String RAW_COUNT = """
            select count(*)
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
             where %1$s %2$s""";

    /**
     * The facade's page statement for a name search (MemberService.search with MemberQueries) as a prepared statement,
     * for EXPLAIN: $1 scope roots, $2 the LIKE pattern, $3 the exact-diacritic pattern, $4 the offset.
     */
    static final String FACADE_NAME_PAGE = """
            select m.id, m.member_code, m.full_name, m.sex, m.birth_date, m.cccd, m.status, m.last_unit_id,
                   u.name as unit_name, m.joined_on, e.name as enterprise_name,
                   exists (select 1 from membership.member_transfer t where t.member_id = m.id and t.status = 'PENDING')
                       as transfer_pending
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
              left join enterprises.enterprise e on e.id = m.enterprise_id
             where u.path <@ cast($1 as ltree[]) and m.search_key like $2
             order by (m.full_name ilike $3) desc, m.sort_key collate "vi-x-icu", m.birth_date, m.id
             limit 50 offset $4""";

    /** The facade's page statement for the plain list, as a prepared statement: $1 roots, $2 the offset. */
    static final String FACADE_LIST_PAGE = """
            select m.id, m.member_code, m.full_name, m.sex, m.birth_date, m.cccd, m.status, m.last_unit_id,
                   u.name as unit_name, m.joined_on, e.name as enterprise_name,
                   exists (select 1 from membership.member_transfer t where t.member_id = m.id and t.status = 'PENDING')
                       as transfer_pending
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
              left join enterprises.enterprise e on e.id = m.enterprise_id
             where u.path <@ cast($1 as ltree[])
             order by m.sort_key collate "vi-x-icu", m.birth_date, m.id
             limit 50 offset $2""";

    /** One question asked of both: a scope (one subtree root), a filter, and the bare SQL's pieces. */
    record Sample(long rootId, String rootPath, MemberFilter filter, String condition, String orderPrefix) {}

    /** What a page answered: the members' ids in order and the total. */
    record Answer(List<Long> ids, long total) {}

    /** One line of the report. */
    record Row(
            String query,
            String scope,
            double[] facadeMs,
            double[] rawMs,
            double avgTotal,
            double avgRows,
            int mismatches,
            int failures,
            Sample slowest) {

        double facade(double p) {
            return OrgTreeBenchmark.percentile(facadeMs, p);
        }

        double raw(double p) {
            return OrgTreeBenchmark.percentile(rawMs, p);
        }
    }

    /** All rows and the plans of the slowest facade question. */
    record Result(List<Row> rows, String slowest, String genericPlan, String customPlan, String rawPlan) {}

    private final Members members;
    private final DataSource dataSource;
    private final PrintStream log;
    private final boolean scopeAny;

    /**
     * @param scopeAny write the bare SQL's scope test as {@code u.path <@ any(roots)} (which can use the GiST index on
     *     the path) instead of the facade's {@code u.path <@ roots}: for a variant run against a facade changed the same
     *     way
     */
    MemberBenchmark(Members members, DataSource dataSource, PrintStream log, boolean scopeAny) {
        this.members = members;
        this.dataSource = dataSource;
        this.log = log;
        this.scopeAny = scopeAny;
    }

    private String scopeSql(String rootPath) {
        return scopeAny ? "u.path <@ any('{" + rootPath + "}'::ltree[])" : "u.path <@ '{" + rootPath + "}'::ltree[]";
    }

    /** A member picked for a sample: where it is and what identifies it. */
    private record Picked(long id, Unit unit, String cccd, String code, String searchKey) {}

    Result run(MemberWorld world, int samples, int warmup, long seed) throws SQLException {
        return run(world, samples, warmup, seed, true);
    }

    /** {@code lists} false: the searches only (the list pages are then measured over HTTP by the world bench). */
    Result run(MemberWorld world, int samples, int warmup, long seed, boolean lists) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x73656172L);
        Map<Long, Unit> byId = new java.util.HashMap<>();
        for (Unit u : world.tree().units()) {
            byId.put(u.id(), u);
        }
        Set<Long> provinces = Set.copyOf(world.tree().provinces());
        Set<Long> communes = Set.copyOf(world.tree().communes());
        long[] prefix = new long[world.units().size() + 1];
        for (int k = 0; k < world.units().size(); k++) {
            prefix[k + 1] = prefix[k] + world.count(k);
        }
        int total = samples + warmup;
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Raw raw = new Raw(c);
            // Members under a province (the officer of that province) and under a commune union.
            List<Picked> inProvince =
                    pick(raw, world, prefix, byId, random, total, m -> province(m.unit(), provinces) != 0);
            List<Picked> inCommune =
                    pick(raw, world, prefix, byId, random, total, m -> commune(m.unit(), communes) != 0);
            List<Picked> inGrassroots = pick(raw, world, prefix, byId, random, total, m -> true);

            List<Sample> s;
            // Name fragment.
            s = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Picked p = inProvince.get(i);
                s.add(name(province(p.unit(), provinces), byId, PROVINCE_TERMS.get(i % PROVINCE_TERMS.size())));
            }
            rows.add(measure("search name fragment", "province", s, raw, warmup));
            s = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Picked p = inGrassroots.get(i);
                s.add(name(p.unit().id(), byId, lastWords(p.searchKey(), 2)));
            }
            rows.add(measure("search name fragment", "grassroots", s, raw, warmup));
            // CCCD and member code (exact).
            for (String kind : List.of("CCCD", "member code")) {
                for (String level : List.of("province", "grassroots")) {
                    s = new ArrayList<>();
                    for (int i = 0; i < total; i++) {
                        Picked p = (level.equals("province") ? inProvince : inGrassroots).get(i);
                        long root = level.equals("province")
                                ? province(p.unit(), provinces)
                                : p.unit().id();
                        s.add(exact(root, byId, kind.equals("CCCD") ? p.cccd() : p.code(), kind.equals("CCCD")));
                    }
                    rows.add(measure("search " + kind, level, s, raw, warmup));
                }
            }
            // List pages.
            for (boolean deep : lists ? List.of(false, true) : List.<Boolean>of()) {
                for (String level : List.of("province", "commune", "grassroots")) {
                    s = new ArrayList<>();
                    for (int i = 0; i < total; i++) {
                        long root;
                        if (level.equals("province")) {
                            root = province(inProvince.get(i).unit(), provinces);
                        } else if (level.equals("commune")) {
                            root = commune(inCommune.get(i).unit(), communes);
                        } else {
                            root = inGrassroots.get(i).unit().id();
                        }
                        int page = 0;
                        if (deep) {
                            long count = raw.count(RAW_COUNT.formatted(scopeSql(path(byId, root)), ""));
                            page = (int) Math.min(DEEP_PAGE, Math.max(0, (count - 1) / Members.PAGE_SIZE));
                        }
                        s.add(new Sample(
                                root, path(byId, root), MemberFilter.all().withPage(page), "", ""));
                    }
                    rows.add(measure(deep ? "list deep page" : "list first page", level, s, raw, warmup));
                }
            }

            Row slowest = rows.stream()
                    .max((a, b) -> Double.compare(a.facade(0.95), b.facade(0.95)))
                    .orElseThrow();
            Sample x = slowest.slowest();
            boolean named = x.filter().q() != null && x.condition().contains("like");
            String statement = named ? FACADE_NAME_PAGE : FACADE_LIST_PAGE;
            if (scopeAny) {
                statement = statement.replace("u.path <@ cast($1 as ltree[])", "u.path <@ any(cast($1 as ltree[]))");
            }
            String roots = "'{" + x.rootPath() + "}'";
            String offset = Long.toString((long) x.filter().page() * Members.PAGE_SIZE);
            String like = "'%" + x.filter().q() + "%'";
            String types = named ? "text, text, text, bigint" : "text, bigint";
            String[] args = named ? new String[] {roots, like, like, offset} : new String[] {roots, offset};
            boolean exact = x.condition().contains("=");
            String generic = exact ? "" : raw.explainPrepared(statement, types, args, "force_generic_plan");
            String custom = exact ? "" : raw.explainPrepared(statement, types, args, "force_custom_plan");
            String rawPlan = raw.explain(rawPage(x));
            return new Result(
                    rows,
                    slowest.query() + ", " + slowest.scope() + " scope (unit " + x.rootId() + ", page "
                            + x.filter().page()
                            + (x.filter().q() == null
                                    ? ""
                                    : ", q \"" + x.filter().q() + "\"") + ")",
                    generic,
                    custom,
                    rawPlan);
        }
    }

    private static Sample name(long root, Map<Long, Unit> byId, String term) {
        String t = term.replace("'", "");
        return new Sample(
                root,
                path(byId, root),
                MemberFilter.all().withQuery(t),
                "and m.search_key like '%" + t + "%'",
                "(m.full_name ilike '%" + t + "%') desc, ");
    }

    private static Sample exact(long root, Map<Long, Unit> byId, String value, boolean cccd) {
        return new Sample(
                root,
                path(byId, root),
                MemberFilter.all().withQuery(value),
                (cccd ? "and m.cccd = '" : "and m.member_code = '") + value + "'",
                "");
    }

    private static String path(Map<Long, Unit> byId, long id) {
        return byId.get(id).last().path();
    }

    /** The provincial federation above a unit, or 0 when it hangs under a central sector union. */
    private static long province(Unit unit, Set<Long> provinces) {
        String[] labels = unit.last().path().split("\\.");
        long second = labels.length > 1 ? Long.parseLong(labels[1].substring(1)) : 0;
        return provinces.contains(second) ? second : 0;
    }

    /** The commune/ward union above a unit, or 0. */
    private static long commune(Unit unit, Set<Long> communes) {
        String[] labels = unit.last().path().split("\\.");
        long third = labels.length > 2 ? Long.parseLong(labels[2].substring(1)) : 0;
        return communes.contains(third) ? third : 0;
    }

    private static String lastWords(String key, int n) {
        String[] words = key.split(" ");
        return String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - n), words.length));
    }

    /** Members picked at random (by id: generated members are numbered unit by unit) until {@code n} pass the test. */
    private static List<Picked> pick(
            Raw raw,
            MemberWorld world,
            long[] prefix,
            Map<Long, Unit> byId,
            SplittableRandom random,
            int n,
            java.util.function.Predicate<Picked> accept)
            throws SQLException {
        List<Picked> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < n) {
            if (++tries > 1000 * n) {
                throw new IllegalStateException("the world has no member of the kind the benchmark needs");
            }
            long id = 1 + random.nextLong(world.members());
            // The union k with prefix[k] <= id - 1 < prefix[k + 1] (the last such k when empty unions repeat a prefix).
            int lo = 0;
            int hi = prefix.length - 2;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (prefix[mid] <= id - 1) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int k = lo;
            Unit unit = world.units().get(k);
            Picked probe = new Picked(id, unit, "", "", "");
            if (!accept.test(probe)) {
                continue;
            }
            String[] v = raw.row(
                    "select cccd, member_code, search_key, last_unit_id from membership.member where id = " + id);
            if (v == null || Long.parseLong(v[3]) != unit.id()) {
                throw new IllegalStateException("member " + id + " is not where the generator put it");
            }
            out.add(new Picked(id, byId.get(unit.id()), v[0], v[1], v[2]));
        }
        return out;
    }

    /** Scope: {@code member.read} at the sample's root, as an officer of that unit holds it. */
    private static AccessScope scope(Sample s) {
        return new AccessScope(
                0L,
                "bench",
                "bench",
                s.rootId(),
                Map.of(Members.READ, Set.of(s.rootId())),
                Map.of(s.rootId(), s.rootPath()));
    }

    private Answer facade(Sample s) {
        MemberPage page = members.search(s.filter(), scope(s));
        return new Answer(page.rows().stream().map(MemberRow::id).toList(), page.total());
    }

    /** The facade's answer, or null when it failed (e.g. cancelled by a statement timeout); the failure is logged. */
    private @Nullable Answer facadeOrFailure(Sample s, String query) {
        try {
            return facade(s);
        } catch (RuntimeException e) {
            log.printf("FAILED %s %s: %s%n", query, s, e.getMessage());
            return null;
        }
    }

    private String rawPage(Sample s) {
        return RAW_PAGE.formatted(
                scopeSql(s.rootPath()),
                s.condition(),
                s.orderPrefix(),
                (long) s.filter().page() * Members.PAGE_SIZE);
    }

    private Answer raw(Raw raw, Sample s) throws SQLException {
        long total = raw.count(RAW_COUNT.formatted(scopeSql(s.rootPath()), s.condition()));
        return new Answer(raw.ids(rawPage(s)), total);
    }

    private Row measure(String query, String level, List<Sample> all, Raw raw, int warmup) throws SQLException {
        List<Sample> samples = all.subList(warmup, all.size());
        for (Sample s : all.subList(0, warmup)) {
            facadeOrFailure(s, query);
            raw(raw, s);
        }
        int n = samples.size();
        double[] f = new double[n];
        double[] r = new double[n];
        long totals = 0;
        long rows = 0;
        int mismatches = 0;
        int failures = 0;
        Sample slowest = samples.get(0);
        double slowestMs = -1;
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            Answer a;
            Answer b;
            if (i % 2 == 0) {
                long t0 = System.nanoTime();
                a = facadeOrFailure(s, query);
                long t1 = System.nanoTime();
                b = raw(raw, s);
                long t2 = System.nanoTime();
                f[i] = (t1 - t0) / 1e6;
                r[i] = (t2 - t1) / 1e6;
            } else {
                long t0 = System.nanoTime();
                b = raw(raw, s);
                long t1 = System.nanoTime();
                a = facadeOrFailure(s, query);
                long t2 = System.nanoTime();
                r[i] = (t1 - t0) / 1e6;
                f[i] = (t2 - t1) / 1e6;
            }
            if (a == null) {
                failures++;
            } else if (!a.equals(b)) {
                mismatches++;
                if (mismatches <= 3) {
                    log.printf(
                            "MISMATCH %s %s: facade total %d ids %s; SQL total %d ids %s%n",
                            query, s, a.total(), head(a.ids()), b.total(), head(b.ids()));
                }
            }
            if (f[i] > slowestMs) {
                slowestMs = f[i];
                slowest = s;
            }
            totals += b.total();
            rows += b.ids().size();
        }
        Row row = new Row(query, level, f, r, (double) totals / n, (double) rows / n, mismatches, failures, slowest);
        log.printf(
                "%-22s %-11s facade p50 %8.2f p95 %8.2f  raw p50 %8.2f p95 %8.2f  ratio p95 %5.2f  total %.0f%s%n",
                query,
                level,
                row.facade(0.5),
                row.facade(0.95),
                row.raw(0.5),
                row.raw(0.95),
                OrgTreeBenchmark.ratio(row.facade(0.95), row.raw(0.95)),
                row.avgTotal(),
                (mismatches == 0 ? "" : "  MISMATCHES " + mismatches)
                        + (failures == 0 ? "" : "  FAILURES " + failures));
        return row;
    }

    private static List<Long> head(List<Long> ids) {
        return ids.subList(0, Math.min(5, ids.size()));
    }

    /** Plain JDBC on one connection, simple statements with the values written in (what psql sends). */
    static final class Raw {

        private final Connection connection;

        Raw(Connection connection) {
            this.connection = connection;
        }

        long count(String sql) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<Long> ids(String sql) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }

        String @Nullable [] row(String sql) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    return null;
                }
                int n = rs.getMetaData().getColumnCount();
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Objects.toString(rs.getString(i + 1), "");
                }
                return v;
            }
        }

        /** EXPLAIN of a prepared statement with the given parameter types under the given plan cache mode. */
        String explainPrepared(String statement, String types, String[] args, String planCacheMode)
                throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("set plan_cache_mode = " + planCacheMode);
                s.execute("prepare bench_explain(" + types + ") as " + statement);
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
