package vn.congdoan.bench.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.bench.internal.NationalTreeGenerator.Chunks;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.PhoneNumbers;
import vn.congdoan.shared.Text;
import vn.congdoan.shared.VietnameseNames;

/**
 * The national member world: ~11 million synthetic members in the grassroots unions of the national tree, written
 * by COPY straight into {@code membership.member} (with member code, folded search key, Vietnamese sort key, a demo
 * CCCD and a demo phone), one open {@code membership.membership_period} per member, and {@code
 * membership.member_sensitive} for a quarter of them. Deterministic for a seed.
 *
 * <p>To make 11 million rows feasible on a 2-core machine, the secondary indexes and the foreign-key, unique and
 * exclusion constraints of the three tables are dropped before the load and re-created after it from their own
 * definitions (read from the catalog, so a migration that adds one is followed), each step timed. Primary keys stay:
 * ids arrive in order, so their B-trees only ever append.
 */
final class NationalMembersGenerator {

    /** Recorded as the member table's comment once a load is complete; a later run with the same world reuses it. */
    static final String MARKER = "bench:members";

    private static final String[] TABLES = {
        "membership.member",
        "membership.membership_period",
        "membership.member_sensitive",
        "enterprises.enterprise",
        "finance.dues_profile",
        "finance.dues_charge"
    };

    private static final String[] JOBS = {
        "Công nhân",
        "Kỹ sư",
        "Giáo viên",
        "Nhân viên văn phòng",
        "Kế toán",
        "Bác sĩ",
        "Điều dưỡng",
        "Lái xe",
        "Thợ may",
        "Công nhân vận hành",
        "Cán bộ",
        "Bảo vệ"
    };

    private static final String[] CONTRACTS = {"INDEFINITE", "INDEFINITE", "INDEFINITE", "FIXED_12_36", "NONE"};

    private static final String[] RELIGIONS = {"Phật giáo", "Công giáo", "Tin Lành", "Cao Đài"};

    /**
     * The last six digits of a CCCD: a serial per year of birth and sex from here up (so the numbers never repeat;
     * about 135,000 per year and sex at 11 million members), leaving the low serials to other generators' files.
     */
    private static final int SERIAL_BASE = 600_000;

    private NationalMembersGenerator() {}

    /** A timed step of the load. */
    record Step(String what, long millis) {}

    /** What {@link #load} did. */
    record Loaded(
            boolean reused,
            long members,
            long periods,
            long sensitive,
            long enterprises,
            long charges,
            List<Step> steps,
            long millis,
            @Nullable String earlier) {

        long copyMillis() {
            return steps.stream()
                    .filter(s -> s.what().startsWith("generate + COPY"))
                    .mapToLong(Step::millis)
                    .sum();
        }
    }

    static String marker(MemberWorld world) {
        return MARKER + " v2 members=" + world.members() + " units="
                + world.tree().units().size() + " seed=" + world.seed();
    }

    /**
     * Writes the world's members into an empty register, or reuses the same world left by an earlier run (members
     * imported into the two import targets do not count). Refuses any other register.
     */
    static Loaded load(DataSource dataSource, MemberWorld world, LocalDate today, PrintStream log) throws SQLException {
        long start = System.nanoTime();
        List<Step> steps = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long existing = NationalTreeGenerator.single(
                    c,
                    "select count(*) from membership.member where last_unit_id not in ("
                            + world.csvTarget().id() + ", " + world.xlsxTarget().id() + ")");
            if (existing > 0) {
                String comment = text(c, "select obj_description('membership.member'::regclass, 'pg_class')");
                if (marker(world).equals(comment) && existing == world.members()) {
                    return new Loaded(
                            true,
                            existing,
                            NationalTreeGenerator.single(c, "select count(*) from membership.membership_period"),
                            NationalTreeGenerator.single(c, "select count(*) from membership.member_sensitive"),
                            NationalTreeGenerator.single(c, "select count(*) from enterprises.enterprise"),
                            NationalTreeGenerator.single(c, "select count(*) from finance.dues_charge"),
                            List.of(),
                            (System.nanoTime() - start) / 1_000_000,
                            text(c, "select report from public.bench_generation where suite = 'members'"));
                }
                throw new IllegalStateException("The database already holds " + existing + " members that are not"
                        + " this benchmark's world (" + marker(world) + "); use a fresh database.");
            }
            try (Statement s = c.createStatement()) {
                // A statement timeout given to the benchmark's queries does not apply to the load.
                s.execute("set statement_timeout = 0");
                s.execute("set maintenance_work_mem = '1GB'");
                s.execute("set synchronous_commit = off");
            }
            List<String> recreate = dropSecondary(c, log);
            long[] counts;
            try {
                long t = System.nanoTime();
                counts = copy(dataSource, world, today, log);
                steps.add(new Step(
                        String.format(
                                Locale.ROOT,
                                "generate + COPY %,d members, %,d periods, %,d sensitive rows, %,d enterprises, %,d"
                                        + " dues profiles, %,d monthly dues charges",
                                counts[0],
                                counts[1],
                                counts[2],
                                counts[3],
                                counts[4],
                                counts[5]),
                        (System.nanoTime() - t) / 1_000_000));
            } catch (SQLException | RuntimeException e) {
                try (Statement s = c.createStatement()) {
                    s.execute("truncate finance.dues_charge, finance.dues_profile, membership.member_sensitive,"
                            + " membership.membership_period, membership.member, enterprises.enterprise");
                    s.execute("delete from enterprises.administrative_unit where code like 'HC-B%'");
                }
                restore(c, recreate, new ArrayList<>(), log);
                throw e;
            }
            restore(c, recreate, steps, log);
            try (Statement s = c.createStatement()) {
                long t = System.nanoTime();
                s.execute("select setval('membership.member_code_seq', " + Math.max(1, world.members()) + ")");
                s.execute("select setval(pg_get_serial_sequence('membership.member', 'id'), "
                        + Math.max(1, world.members()) + ")");
                s.execute("select setval(pg_get_serial_sequence('membership.membership_period', 'id'), "
                        + Math.max(1, world.members()) + ")");
                s.execute("select setval(pg_get_serial_sequence('enterprises.enterprise', 'id'), " + counts[3] + ")");
                s.execute("select setval(pg_get_serial_sequence('finance.dues_profile', 'id'), "
                        + Math.max(1, counts[4]) + ")");
                s.execute("select setval(pg_get_serial_sequence('finance.dues_charge', 'id'), " + Math.max(1, counts[5])
                        + ")");
                for (String table : TABLES) {
                    s.execute("vacuum (analyze) " + table);
                }
                s.execute("comment on table membership.member is '" + marker(world) + "'");
                steps.add(new Step("vacuum (analyze) the loaded tables", (System.nanoTime() - t) / 1_000_000));
            }
            return new Loaded(
                    false,
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    counts[5],
                    steps,
                    (System.nanoTime() - start) / 1_000_000,
                    null);
        }
    }

    /** Keeps how the world was made beside it, for the report of a later run that reuses it. */
    static void record(DataSource dataSource, String report) throws SQLException {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("insert into public.bench_generation (suite, report)"
                        + " values ('members', ?) on conflict (suite) do update set report = excluded.report")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists public.bench_generation (suite text primary key, report text not"
                        + " null, recorded_at timestamptz not null default now())");
            }
            ps.setString(1, report);
            ps.executeUpdate();
        }
    }

    /**
     * Drops the secondary indexes and the foreign-key, unique and exclusion constraints of the three tables; returns
     * the statements that re-create them, in order (constraints after plain indexes).
     */
    private static List<String> dropSecondary(Connection c, PrintStream log) throws SQLException {
        List<String> constraints = new ArrayList<>();
        List<String> dropConstraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        String tables = String.join(
                ", ",
                java.util.Arrays.stream(TABLES)
                        .map(t -> "'" + t + "'::regclass")
                        .toList());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select conrelid::regclass::text, quote_ident(conname),"
                        + " pg_get_constraintdef(oid) from pg_constraint where conrelid in (" + tables + ")"
                        + " and contype in ('f', 'u', 'x') order by conrelid, conname")) {
            while (rs.next()) {
                constraints.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " "
                        + rs.getString(3));
                dropConstraints.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                        + " from pg_index i where i.indrelid in (" + tables + ") and not i.indisprimary"
                        + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                        + " order by i.indrelid, i.indexrelid")) {
            while (rs.next()) {
                indexes.add(rs.getString(2));
                dropIndexes.add("drop index " + rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : dropConstraints) {
                s.execute(sql);
            }
            for (String sql : dropIndexes) {
                s.execute(sql);
            }
        }
        log.printf("Dropped %d constraints and %d indexes for the load.%n", dropConstraints.size(), dropIndexes.size());
        List<String> recreate = new ArrayList<>(indexes);
        recreate.addAll(constraints);
        return recreate;
    }

    private static void restore(Connection c, List<String> statements, List<Step> steps, PrintStream log)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                long t = System.nanoTime();
                s.execute(sql);
                long ms = (System.nanoTime() - t) / 1_000_000;
                steps.add(new Step(sql.replaceAll("\\s+", " "), ms));
                log.printf("  %,8d ms  %s%n", ms, sql);
            }
        }
    }

    /**
     * Generates and COPYs the world over one connection per table at once: the synthetic communes/wards, the
     * workplaces, the members, their periods, sensitive parts, dues profiles and twelve months of dues charges;
     * returns the row counts (members, periods, sensitive, enterprises, profiles, charges).
     */
    private static long[] copy(DataSource dataSource, MemberWorld world, LocalDate today, PrintStream log)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(world.seed());
        BenchWorkplaces workplaces = BenchWorkplaces.plan(world);
        NationalTree tree = world.tree();
        java.util.Set<Long> communes = new java.util.HashSet<>(tree.communes());
        java.util.Set<Long> provinces = new java.util.HashSet<>(tree.provinces());
        java.util.Map<Long, Integer> regionOf = regions(tree);
        // CCCD serials per (year of birth, sex).
        int[][] serials = new int[today.getYear() - 1900 + 1][2];
        long members = 0;
        long sensitive = 0;
        long profiles = 0;
        long charges = 0;
        long enterprises = 0;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                Connection c = dataSource.getConnection();
                connections.add(c);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = off");
                    s.execute("set statement_timeout = 0");
                }
            }
            BenchDues dues = BenchDues.load(connections.get(0), today);
            LocalDate[] months = dues.months();
            try (Chunks areas = new Chunks(copyManager(connections.get(0))
                    .copyIn("copy enterprises.administrative_unit (code, kind, name, full_name, sort_order) from"
                            + " stdin"))) {
                int order = 1000;
                for (long area : BenchWorkplaces.areas(tree).stream().sorted().toList()) {
                    String name = (communes.contains(area) ? "Địa bàn xã " : "Địa bàn tỉnh ") + area;
                    areas.field(BenchWorkplaces.areaCode(area))
                            .field("COMMUNE")
                            .field(name)
                            .field(name)
                            .last(Integer.toString(order++));
                }
            }
            try (Chunks m = new Chunks(copyManager(connections.get(0))
                            .copyIn("copy membership.member (id, member_code, full_name, search_key, sort_key, sex,"
                                    + " birth_date, joined_on, status, unit_id, last_unit_id, demo, cccd, phone,"
                                    + " contract_type, job_title, enterprise_id) from stdin"));
                    Chunks p = new Chunks(copyManager(connections.get(1))
                            .copyIn("copy membership.membership_period (id, member_id, unit_id, during, reason)"
                                    + " from stdin"));
                    Chunks sv = new Chunks(copyManager(connections.get(2))
                            .copyIn("copy membership.member_sensitive (member_id, ethnicity, religion, party_member,"
                                    + " party_joined_on, salary_basis) from stdin"));
                    Chunks ent = new Chunks(copyManager(connections.get(3))
                            .copyIn("copy enterprises.enterprise (id, tax_code, name, search_key, ownership_code,"
                                    + " sector_code, administrative_unit_code, workers_total, workers_female, founded_on,"
                                    + " managing_unit_id, covering_unit_id, demo) from stdin"));
                    Chunks pf = new Chunks(copyManager(connections.get(4))
                            .copyIn("copy finance.dues_profile (id, member_id, member_group, salary_basis, valid_from,"
                                    + " created_by) from stdin"));
                    Chunks ch = new Chunks(copyManager(connections.get(5))
                            .copyIn("copy finance.dues_charge (id, member_id, org_unit_id, period, member_group,"
                                    + " basis_source, base_kind, base, rate, capped, standard_amount, dues_rule_id,"
                                    + " base_salary_id) from stdin"))) {
                long id = 0;
                long nextReport = 1_000_000;
                for (int k = 0; k < world.units().size(); k++) {
                    Unit unit = world.units().get(k);
                    String unitId = Long.toString(unit.id());
                    BenchWorkplaces.Kind kind = workplaces.kind(k);
                    long area = BenchWorkplaces.area(unit, communes, provinces);
                    String enterpriseId = Long.toString(workplaces.enterpriseId(k));
                    int count = world.count(k);
                    int workers = count + random.nextInt(Math.max(1, count / 3) + 1);
                    int women = (int) Math.round(workers * kind.women());
                    String workplace = BenchWorkplaces.name(random, kind, workplaces.enterpriseId(k));
                    ent.field(enterpriseId)
                            .field(BenchWorkplaces.taxCode(workplaces.enterpriseId(k)))
                            .field(workplace)
                            .field(Text.searchKey(workplace))
                            .field(kind.ownership())
                            .field(kind.sector())
                            .field(BenchWorkplaces.areaCode(area))
                            .field(Integer.toString(workers))
                            .field(Integer.toString(women))
                            .field(unit.validFrom()
                                    .minusYears(1 + random.nextInt(20))
                                    .toString())
                            .field(Long.toString(
                                    unit.last().parentId() == null
                                            ? area
                                            : unit.last().parentId()))
                            .field(unitId)
                            .last("t");
                    enterprises++;
                    double minority = MINORITY_SHARE[regionOf.getOrDefault(unit.id(), 0)];
                    for (int n = count; n > 0; n--) {
                        id++;
                        String ids = Long.toString(id);
                        String sex = random.nextDouble() < kind.women() ? "F" : "M";
                        BenchNames.Group group = BenchNames.group(random, minority);
                        String name = BenchNames.name(random, group, sex);
                        // Working age, most members in their thirties and forties (retirement 60/55 rising, BLLĐ 2019).
                        int age = (int) Math.round(38 + 9.5 * random.nextGaussian());
                        age = Math.max(18, Math.min(sex.equals("M") ? 61 : 58, age));
                        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
                        LocalDate adult = birth.plusYears(18);
                        LocalDate earliest = adult.isAfter(unit.validFrom()) ? adult : unit.validFrom();
                        long span = Math.max(1, ChronoUnit.DAYS.between(earliest, today));
                        LocalDate joined = earliest.plusDays(random.nextLong(span));
                        if (!joined.isAfter(birth)) {
                            joined = birth.plusDays(1);
                        }
                        int[] bucket = serials[birth.getYear() - 1900];
                        int serial = SERIAL_BASE + bucket[sex.equals("M") ? 0 : 1]++;
                        m.field(ids)
                                .field(memberCode(id))
                                .field(name)
                                .field(Text.searchKey(name))
                                .field(VietnameseNames.sortKey(name))
                                .field(sex)
                                .field(birth.toString())
                                .field(joined.toString())
                                .field("ACTIVE")
                                .field(unitId)
                                .field(unitId)
                                .field("t")
                                .field(Cccd.demoNumber(birth, sex, serial))
                                .field(random.nextInt(10) < 8 ? PhoneNumbers.demoNumber(id) : null)
                                .field(CONTRACTS[random.nextInt(CONTRACTS.length)])
                                .field(JOBS[random.nextInt(JOBS.length)])
                                .last(enterpriseId);
                        p.field(ids)
                                .field(ids)
                                .field(unitId)
                                .field("[" + joined + ",)")
                                .last("ADMITTED");
                        long salary = 0;
                        if (random.nextInt(4) == 0) {
                            boolean party = random.nextInt(8) == 0;
                            salary = 4_960_000L + 10_000L * random.nextInt(2500);
                            sv.field(ids)
                                    .field(group.ethnicity())
                                    .field(random.nextInt(10) == 0 ? RELIGIONS[random.nextInt(RELIGIONS.length)] : null)
                                    .field(party ? "t" : "f")
                                    .field(
                                            party
                                                    ? adult.plusDays(random.nextInt(3650))
                                                            .toString()
                                                    : null)
                                    .last(BigDecimal.valueOf(salary).toPlainString());
                            sensitive++;
                            // The salary basis is known for these members: a dues profile from the month they joined
                            // (or the first month charged here); the others owe the flat amount (no profile).
                            LocalDate from = joined.withDayOfMonth(1);
                            if (from.isBefore(months[0])) {
                                from = months[0];
                            }
                            profiles++;
                            pf.field(Long.toString(profiles))
                                    .field(ids)
                                    .field(kind.duesGroup())
                                    .field(Long.toString(salary))
                                    .field(from.toString())
                                    .last("bench");
                        }
                        for (LocalDate month : months) {
                            if (!joined.isBefore(month.plusMonths(1))) {
                                continue;
                            }
                            String duesGroup =
                                    salary > 0 && !joined.withDayOfMonth(1).isAfter(month) ? kind.duesGroup() : "FLAT";
                            BenchDues.Charge c = dues.price(duesGroup, salary, month);
                            charges++;
                            ch.field(Long.toString(charges))
                                    .field(ids)
                                    .field(unitId)
                                    .field(month.toString())
                                    .field(duesGroup)
                                    .field(duesGroup.equals("FLAT") ? "FLAT" : "SALARY")
                                    .field(c.rule().baseKind())
                                    .field(Long.toString(c.base()))
                                    .field(c.rule().rate().toPlainString())
                                    .field(c.capped() ? "t" : "f")
                                    .field(Long.toString(c.amount()))
                                    .field(Long.toString(c.rule().id()))
                                    .last(Long.toString(c.baseSalary().id()));
                        }
                        if (id >= nextReport) {
                            log.printf("  … %,d members%n", id);
                            nextReport += 1_000_000;
                        }
                    }
                }
                // Enterprises without a union: small private firms and household businesses, spread over the areas.
                List<Long> areaList =
                        BenchWorkplaces.areas(tree).stream().sorted().toList();
                long nextId = world.units().size();
                for (int e = 0; e < workplaces.extra(); e++) {
                    nextId++;
                    BenchWorkplaces.Kind kind =
                            random.nextInt(4) == 0 ? BenchWorkplaces.KINDS.get(6) : BenchWorkplaces.KINDS.get(1);
                    long area = areaList.get(random.nextInt(areaList.size()));
                    int workers = 1 + (int) Math.min(2000, Math.round(Math.exp(1.6 + 1.2 * random.nextGaussian())));
                    String name = BenchWorkplaces.name(random, kind, nextId);
                    ent.field(Long.toString(nextId))
                            .field(BenchWorkplaces.taxCode(nextId))
                            .field(name)
                            .field(Text.searchKey(name))
                            .field(kind.ownership())
                            .field(kind.sector())
                            .field(BenchWorkplaces.areaCode(area))
                            .field(Integer.toString(workers))
                            .field(Integer.toString((int) Math.round(workers * kind.women())))
                            .field(today.minusDays(1 + random.nextInt(7300)).toString())
                            .field(Long.toString(area))
                            .field(null)
                            .last("t");
                    enterprises++;
                }
                members = id;
            }
            for (Connection c : connections) {
                c.commit();
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
        return new long[] {members, members, sensitive, enterprises, profiles, charges};
    }

    /**
     * Share of members belonging to an ethnic minority, by region: the lowlands and cities, the central coast and
     * highlands, the northern mountains (the generator's assumption, from the shape of the 2019 census, unverified).
     */
    private static final double[] MINORITY_SHARE = {0.04, 0.18, 0.55};

    /** The region of each unit: the provinces in generation order, a fifth northern mountains, a fifth central. */
    private static java.util.Map<Long, Integer> regions(NationalTree tree) {
        java.util.Map<String, Integer> byLabel = new java.util.HashMap<>();
        List<Long> provinces = tree.provinces();
        for (int i = 0; i < provinces.size(); i++) {
            int region = i % 5 == 0 ? 2 : i % 5 == 1 ? 1 : 0;
            byLabel.put("u" + provinces.get(i), region);
        }
        java.util.Map<Long, Integer> regionOf = new java.util.HashMap<>();
        for (Unit u : tree.units()) {
            String[] labels = u.last().path().split("\\.");
            if (labels.length > 1 && byLabel.containsKey(labels[1])) {
                regionOf.put(u.id(), byLabel.get(labels[1]));
            }
        }
        return regionOf;
    }

    private static CopyManager copyManager(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    /** {@code DV} + nine-digit serial + Luhn check digit, as {@code membership.next_member_code()} makes them. */
    static String memberCode(long serial) {
        String digits = String.format(Locale.ROOT, "%09d", serial);
        return "DV" + digits + luhn(digits);
    }

    /** The Luhn check digit of a digit string (the rightmost digit doubled), like {@code membership.luhn_digit}. */
    static int luhn(String digits) {
        int sum = 0;
        int len = digits.length();
        for (int i = 1; i <= len; i++) {
            int d = digits.charAt(i - 1) - '0';
            sum += (len - i) % 2 == 0 ? (d * 2) / 10 + (d * 2) % 10 : d;
        }
        return (10 - sum % 10) % 10;
    }

    private static @Nullable String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists public.bench_generation (suite text primary key, report text not"
                    + " null, recorded_at timestamptz not null default now())");
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
