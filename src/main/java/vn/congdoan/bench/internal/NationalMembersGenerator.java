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
        "membership.member", "membership.membership_period", "membership.member_sensitive"
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
        return MARKER + " members=" + world.members() + " units="
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
                                "generate + COPY %,d members, %,d periods, %,d sensitive rows",
                                counts[0],
                                counts[1],
                                counts[2]),
                        (System.nanoTime() - t) / 1_000_000));
            } catch (SQLException | RuntimeException e) {
                try (Statement s = c.createStatement()) {
                    s.execute("truncate membership.member_sensitive, membership.membership_period, membership.member");
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
                for (String table : TABLES) {
                    s.execute("vacuum (analyze) " + table);
                }
                s.execute("comment on table membership.member is '" + marker(world) + "'");
                steps.add(new Step("vacuum (analyze) the three tables", (System.nanoTime() - t) / 1_000_000));
            }
            return new Loaded(
                    false, counts[0], counts[1], counts[2], steps, (System.nanoTime() - start) / 1_000_000, null);
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
        String tables = "'membership.member'::regclass, 'membership.membership_period'::regclass,"
                + " 'membership.member_sensitive'::regclass";
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

    /** Generates and COPYs the three tables over three connections at once; returns the three row counts. */
    private static long[] copy(DataSource dataSource, MemberWorld world, LocalDate today, PrintStream log)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(world.seed());
        // CCCD serials per (year of birth, sex).
        int[][] serials = new int[today.getYear() - 1900 + 1][2];
        long members = 0;
        long sensitive = 0;
        try (Connection cm = dataSource.getConnection();
                Connection cp = dataSource.getConnection();
                Connection cs = dataSource.getConnection()) {
            for (Connection c : List.of(cm, cp, cs)) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = off");
                    s.execute("set statement_timeout = 0");
                }
            }
            try (Chunks m = new Chunks(copyManager(cm)
                            .copyIn("copy membership.member (id, member_code, full_name, search_key, sort_key, sex,"
                                    + " birth_date, joined_on, status, unit_id, last_unit_id, demo, cccd, phone,"
                                    + " contract_type, job_title) from stdin"));
                    Chunks p = new Chunks(copyManager(cp)
                            .copyIn("copy membership.membership_period (id, member_id, unit_id, during, reason)"
                                    + " from stdin"));
                    Chunks sv = new Chunks(copyManager(cs)
                            .copyIn("copy membership.member_sensitive (member_id, ethnicity, religion, party_member,"
                                    + " party_joined_on, salary_basis) from stdin"))) {
                long id = 0;
                long nextReport = 1_000_000;
                for (int k = 0; k < world.units().size(); k++) {
                    Unit unit = world.units().get(k);
                    String unitId = Long.toString(unit.id());
                    for (int n = world.count(k); n > 0; n--) {
                        id++;
                        String ids = Long.toString(id);
                        String sex = random.nextInt(100) < 48 ? "F" : "M";
                        BenchNames.Group group = BenchNames.group(random);
                        String name = BenchNames.name(random, group, sex);
                        int age = 18 + random.nextInt(sex.equals("M") ? 44 : 42);
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
                                .last(JOBS[random.nextInt(JOBS.length)]);
                        p.field(ids)
                                .field(ids)
                                .field(unitId)
                                .field("[" + joined + ",)")
                                .last("ADMITTED");
                        if (random.nextInt(4) == 0) {
                            boolean party = random.nextInt(8) == 0;
                            sv.field(ids)
                                    .field(group.ethnicity())
                                    .field(random.nextInt(10) == 0 ? RELIGIONS[random.nextInt(RELIGIONS.length)] : null)
                                    .field(party ? "t" : "f")
                                    .field(
                                            party
                                                    ? adult.plusDays(random.nextInt(3650))
                                                            .toString()
                                                    : null)
                                    .last(BigDecimal.valueOf(2_340_000L + 10_000L * random.nextInt(1500))
                                            .toPlainString());
                            sensitive++;
                        }
                        if (id >= nextReport) {
                            log.printf("  … %,d members%n", id);
                            nextReport += 1_000_000;
                        }
                    }
                }
                members = id;
            }
            for (Connection c : List.of(cm, cp, cs)) {
                c.commit();
            }
        }
        return new long[] {members, members, sensitive};
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
