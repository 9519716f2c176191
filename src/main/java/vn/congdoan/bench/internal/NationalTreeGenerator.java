package vn.congdoan.bench.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import vn.congdoan.bench.internal.NationalTree.Period;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.shared.Text;

/**
 * A synthetic national union tree with the 2025 reform in its history, deterministic for a seed: the confederation,
 * 34 provincial federations and ~20 central sector unions; ~700 district federations that carried the grassroots
 * unions until 30/06/2025 and were closed on 01/07/2025; ~3,300 commune/ward unions founded that day, which received
 * the grassroots unions (with their department unions and union groups, whose paths move with them). A few
 * grassroots unions of state-funded agencies close on 01/06/2025 (books closed 31/05) and a few are founded after the
 * reform, so the tree as of 31/12/2024 and as of today differ in shape and in counts.
 *
 * <p>Rows go straight into {@code organisation.org_unit} and {@code organisation.org_unit_period} through COPY, with
 * explicit ids and {@code u<id>} path labels, then both tables are analysed.
 */
final class NationalTreeGenerator {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate PUBLIC_CLOSE = LocalDate.of(2025, 6, 1);
    static final LocalDate BEFORE_REFORM = LocalDate.of(2024, 12, 31);
    static final String ROOT_CODE = "TLD-BENCH";

    private static final LocalDate OLD = LocalDate.of(1990, 1, 1);

    private static final String[] PROVINCES = {
        "thành phố Hà Nội",
        "thành phố Huế",
        "tỉnh Lai Châu",
        "tỉnh Điện Biên",
        "tỉnh Sơn La",
        "tỉnh Lạng Sơn",
        "tỉnh Quảng Ninh",
        "tỉnh Thanh Hóa",
        "tỉnh Nghệ An",
        "tỉnh Hà Tĩnh",
        "tỉnh Cao Bằng",
        "tỉnh Tuyên Quang",
        "tỉnh Lào Cai",
        "tỉnh Thái Nguyên",
        "tỉnh Phú Thọ",
        "tỉnh Bắc Ninh",
        "tỉnh Hưng Yên",
        "thành phố Hải Phòng",
        "tỉnh Ninh Bình",
        "tỉnh Quảng Trị",
        "thành phố Đà Nẵng",
        "tỉnh Quảng Ngãi",
        "tỉnh Gia Lai",
        "tỉnh Khánh Hòa",
        "tỉnh Lâm Đồng",
        "tỉnh Đắk Lắk",
        "Thành phố Hồ Chí Minh",
        "tỉnh Đồng Nai",
        "tỉnh Tây Ninh",
        "thành phố Cần Thơ",
        "tỉnh Vĩnh Long",
        "tỉnh Đồng Tháp",
        "tỉnh Cà Mau",
        "tỉnh An Giang"
    };

    private static final String[] SECTORS = {
        "Ngân hàng Việt Nam",
        "Giáo dục Việt Nam",
        "Y tế Việt Nam",
        "Điện lực Việt Nam",
        "Dầu khí Việt Nam",
        "Công Thương Việt Nam",
        "Xây dựng Việt Nam",
        "Giao thông vận tải Việt Nam",
        "Nông nghiệp và Môi trường Việt Nam",
        "Bưu điện Việt Nam",
        "Cao su Việt Nam",
        "Dệt may Việt Nam",
        "Than - Khoáng sản Việt Nam",
        "Viên chức Việt Nam",
        "Hàng không Việt Nam",
        "Đường sắt Việt Nam",
        "Tài chính Việt Nam",
        "Văn hóa, Thể thao và Du lịch Việt Nam",
        "Thông tin và Truyền thông Việt Nam",
        "Quốc phòng"
    };

    private static final String[] PLACES = {
        "Tân Phong", "Đoàn Kết", "Bình Lư", "Mường So", "Phong Thổ", "Sìn Hồ", "Than Uyên", "Tam Đường",
        "Nậm Nhùn", "Mường Tè", "Hòa Bình", "Tân Uyên", "An Khánh", "Phú Lợi", "Hưng Đạo", "Quang Trung",
        "Yên Thế", "Đông Sơn", "Thanh Xuân", "Cầu Giấy", "Ba Đình", "Long Biên", "Ngũ Hành Sơn", "Hải Châu",
        "Bến Thành", "Tân Định", "Thủ Đức", "Dĩ An", "Biên Hòa", "Long Thành", "Cái Răng", "Ninh Kiều",
        "Vĩnh Yên", "Phúc Yên", "Tứ Sơn", "Kim Bảng", "Nghĩa Lộ", "Mộc Châu", "Điện Biên Phủ", "Sa Pa"
    };

    private static final String[] KINDS = {
        "Công ty TNHH", "Công ty Cổ phần", "Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở",
        "Trạm Y tế", "Bệnh viện Đa khoa", "Ủy ban nhân dân", "Hợp tác xã", "Chi nhánh Ngân hàng Nông nghiệp",
        "Công ty Điện lực", "Nhà máy Thủy điện", "Công ty Xây dựng", "Công ty May", "Khách sạn"
    };

    private static final String[] BRANDS = {
        "An Phát", "Thành Công", "Đại Việt", "Tân Tiến", "Hưng Thịnh", "Sông Đà", "Trường Sơn", "Bình Minh",
        "Hoàng Long", "Việt Tiến", "Đồng Tâm", "Thăng Long", "Phương Đông", "Nam Việt", "Ánh Dương", "Kim Long",
        "Phú Thịnh", "Hồng Hà", "Sao Mai", "Vạn Xuân"
    };

    private static final String[] DEPARTMENTS = {
        "Văn phòng",
        "Phân xưởng",
        "Khoa Nội",
        "Khoa Ngoại",
        "Tổ Kỹ thuật",
        "Phòng Kinh doanh",
        "Đội Thi công",
        "Tổ Bảo vệ"
    };

    /** Diacritic-free terms the search benchmark looks for (the facade folds them as a user's input). */
    static final List<String> SEARCH_TERMS =
            List.of("hoa binh", "song da", "mam non", "dien luc", "thuy dien", "tan phong", "thang long", "kim long");

    private final SplittableRandom random;
    private final LocalDate today;
    private final List<Unit> units = new ArrayList<>();
    private long nextId = 1;

    private NationalTreeGenerator(long seed, LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    /**
     * Builds the tree in memory.
     *
     * @param grassroots how many grassroots unions (the national figure is about 130,000); the upper levels scale
     *     with it, up to 34 provinces and 20 sector unions
     */
    static NationalTree generate(int grassroots, long seed, LocalDate today) {
        if (grassroots < 100) {
            throw new IllegalArgumentException("at least 100 grassroots unions");
        }
        return new NationalTreeGenerator(seed, today).build(grassroots);
    }

    private NationalTree build(int grassroots) {
        int provinceCount = clamp(Math.round(grassroots / 3800f), 2, PROVINCES.length);
        int sectorCount = clamp(Math.round(grassroots / 6500f), 1, SECTORS.length);
        int districtCount = Math.max(2 * provinceCount, Math.round(grassroots / 185f));
        int communeCount = Math.max(2 * districtCount, Math.round(grassroots / 39f));

        Unit root = add(
                null,
                "CONFEDERATION",
                ROOT_CODE,
                "Tổng Liên đoàn Lao động Việt Nam",
                LocalDate.of(1929, 7, 28),
                null,
                null);

        List<Unit> provinces = new ArrayList<>();
        double[] provinceWeight = new double[provinceCount];
        for (int i = 0; i < provinceCount; i++) {
            provinces.add(add(
                    root,
                    "PROVINCIAL_FEDERATION",
                    "T%02d".formatted(i + 1),
                    "Liên đoàn Lao động " + PROVINCES[i],
                    OLD,
                    null,
                    null));
            provinceWeight[i] = Math.exp(0.7 * random.nextGaussian());
        }
        List<Unit> sectors = new ArrayList<>();
        double[] sectorWeight = new double[sectorCount];
        for (int i = 0; i < sectorCount; i++) {
            String type = SECTORS[i].startsWith("Viên chức") ? "PUBLIC_SERVANTS_UNION" : "SECTOR_UNION";
            sectors.add(add(root, type, "N%02d".formatted(i + 1), "Công đoàn " + SECTORS[i], OLD, null, null));
            sectorWeight[i] = Math.exp(0.8 * random.nextGaussian());
        }

        // District federations: every province at least one, the rest by province size.
        int[] districtProvince = assign(districtCount, provinceWeight, true);
        List<Unit> districts = new ArrayList<>();
        double[] districtWeight = new double[districtCount];
        for (int i = 0; i < districtCount; i++) {
            Unit province = provinces.get(districtProvince[i]);
            districts.add(add(
                    province,
                    "DISTRICT_FEDERATION",
                    "H%04d".formatted(i + 1),
                    "Liên đoàn Lao động huyện " + pick(PLACES),
                    OLD,
                    REFORM,
                    null));
            districtWeight[i] = provinceWeight[districtProvince[i]] * Math.exp(0.5 * random.nextGaussian());
        }

        // Commune/ward unions from the reform: each former district's area gets at least one.
        int[] communeDistrict = assign(communeCount, districtWeight, true);
        List<Unit> communes = new ArrayList<>();
        List<List<Unit>> communesOfDistrict = new ArrayList<>();
        List<List<Double>> communeWeights = new ArrayList<>();
        for (int i = 0; i < districtCount; i++) {
            communesOfDistrict.add(new ArrayList<>());
            communeWeights.add(new ArrayList<>());
        }
        for (int i = 0; i < communeCount; i++) {
            int d = communeDistrict[i];
            Unit province = provinces.get(districtProvince[d]);
            String prefix = random.nextInt(3) == 0 ? "Công đoàn phường " : "Công đoàn xã ";
            Unit commune =
                    add(province, "COMMUNE_UNION", "X%05d".formatted(i + 1), prefix + pick(PLACES), REFORM, null, null);
            communes.add(commune);
            communesOfDistrict.get(d).add(commune);
            // A few "host" communes take most of the area's grassroots unions.
            communeWeights.get(d).add(Math.exp(0.9 * random.nextGaussian()));
        }

        int underSectors = Math.round(grassroots * 0.08f);
        int underProvinces = Math.round(grassroots * 0.04f);
        int foundedAfter = today.isAfter(REFORM.plusDays(1)) ? Math.round(grassroots * 0.02f) : 0;
        int underDistricts = grassroots - underSectors - underProvinces - foundedAfter;

        List<Long> moved = new ArrayList<>();
        for (int s : assign(underSectors, sectorWeight, false)) {
            grassrootsUnion(sectors.get(s), foundedBefore(), null, null);
        }
        for (int p : assign(underProvinces, provinceWeight, false)) {
            grassrootsUnion(provinces.get(p), foundedBefore(), null, null);
        }
        int[] grassrootsDistrict = assign(underDistricts, districtWeight, false);
        for (int d : grassrootsDistrict) {
            Unit district = districts.get(d);
            if (random.nextInt(100) < 3) {
                // A state-funded agency's union, closed before the reform.
                grassrootsUnion(district, foundedBefore(), PUBLIC_CLOSE, null);
            } else {
                List<Unit> candidates = communesOfDistrict.get(d);
                Unit commune = candidates.get(pickWeighted(communeWeights.get(d)));
                moved.add(grassrootsUnion(district, foundedBefore(), null, commune)
                        .id());
            }
        }
        long afterDays = java.time.temporal.ChronoUnit.DAYS.between(REFORM, today);
        for (int i = 0; i < foundedAfter; i++) {
            Unit commune = communes.get(random.nextInt(communes.size()));
            grassrootsUnion(commune, REFORM.plusDays(1 + random.nextLong(Math.max(1, afterDays - 1))), null, null);
        }

        return new NationalTree(
                List.copyOf(units),
                root.id(),
                ids(provinces),
                ids(sectors),
                ids(districts),
                ids(communes),
                List.copyOf(moved),
                grassroots);
    }

    /**
     * A grassroots union under {@code parent} from {@code from}; closed on {@code closed}, or moved under {@code
     * movedTo} on the reform date. Some have department unions and union groups, which move with them.
     */
    private Unit grassrootsUnion(Unit parent, LocalDate from, @Nullable LocalDate closed, @Nullable Unit movedTo) {
        String name = "Công đoàn " + pick(KINDS) + " " + (random.nextBoolean() ? pick(BRANDS) : pick(PLACES));
        Unit g = add(parent, "GRASSROOTS_UNION", "CS" + nextId, name, from, closed, movedTo);
        if (random.nextInt(100) < 5) {
            int departments = 2 + random.nextInt(5);
            for (int i = 1; i <= departments; i++) {
                Unit dep = add(
                        g,
                        "DEPARTMENT_UNION",
                        "BP" + nextId,
                        "Công đoàn bộ phận " + pick(DEPARTMENTS) + " " + i,
                        from,
                        closed,
                        null);
                if (random.nextInt(100) < 30) {
                    int groups = 1 + random.nextInt(3);
                    for (int k = 1; k <= groups; k++) {
                        add(dep, "UNION_GROUP", "TO" + nextId, "Tổ công đoàn số " + k, from, closed, null);
                    }
                }
            }
        }
        return g;
    }

    /**
     * Adds a unit under {@code parent}, following the parent's periods (a child founded with its parent lives in the
     * same date ranges). With {@code movedTo}, the unit (a child of a district federation) changes parent on the
     * reform date.
     */
    private Unit add(
            @Nullable Unit parent,
            String type,
            String code,
            String rawName,
            LocalDate from,
            @Nullable LocalDate to,
            @Nullable Unit movedTo) {
        long id = nextId++;
        String label = "u" + id;
        List<Period> periods = new ArrayList<>();
        if (parent == null) {
            periods.add(new Period(null, label, from, to));
        } else if (movedTo != null) {
            periods.add(new Period(parent.id(), parent.on(from).path() + "." + label, from, REFORM));
            periods.add(new Period(movedTo.id(), movedTo.last().path() + "." + label, REFORM, to));
        } else {
            // Follow the parent's states that overlap the unit's life.
            for (Period pp : parent.periods()) {
                LocalDate start = pp.from().isAfter(from) ? pp.from() : from;
                LocalDate end = min(pp.to(), to);
                if (end == null || start.isBefore(end)) {
                    periods.add(new Period(parent.id(), pp.path() + "." + label, start, end));
                }
            }
        }
        String name = Normalizer.normalize(rawName, Normalizer.Form.NFC);
        Unit unit = new Unit(id, type, code, name, from, to, List.copyOf(periods));
        units.add(unit);
        return unit;
    }

    private static @Nullable LocalDate min(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    private LocalDate foundedBefore() {
        LocalDate start = LocalDate.of(1995, 1, 1);
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, LocalDate.of(2024, 6, 30));
        return start.plusDays(random.nextLong(days));
    }

    /** For each of {@code n} items, the index of the bucket it goes to, by weight; optionally every bucket once. */
    private int[] assign(int n, double[] weights, boolean everyBucketOnce) {
        int[] out = new int[n];
        int i = 0;
        if (everyBucketOnce) {
            for (; i < Math.min(n, weights.length); i++) {
                out[i] = i;
            }
        }
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            cumulative[k] = sum;
        }
        for (; i < n; i++) {
            double r = random.nextDouble() * sum;
            int k = java.util.Arrays.binarySearch(cumulative, r);
            out[i] = Math.min(weights.length - 1, k >= 0 ? k : -k - 1);
        }
        // Keep ids grouped by bucket, as an operator would have entered them.
        java.util.Arrays.sort(out);
        return out;
    }

    private int pickWeighted(List<Double> weights) {
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * sum;
        for (int k = 0; k < weights.size(); k++) {
            r -= weights.get(k);
            if (r < 0) {
                return k;
            }
        }
        return weights.size() - 1;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static List<Long> ids(List<Unit> list) {
        return list.stream().map(Unit::id).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** What {@link #load} did. */
    record Loaded(boolean reused, long units, long periods, long millis) {}

    /**
     * Writes the tree into an empty organisation schema, or reuses the same tree left by an earlier run. Refuses a
     * database that holds any other tree: the benchmark never mixes with real data.
     */
    static Loaded load(DataSource dataSource, NationalTree tree) throws SQLException {
        long start = System.nanoTime();
        long periods = tree.periodCount();
        try (Connection c = dataSource.getConnection()) {
            long existing = single(c, "select count(*) from organisation.org_unit");
            if (existing > 0) {
                long existingPeriods = single(c, "select count(*) from organisation.org_unit_period");
                long roots = single(
                        c,
                        "select count(*) from organisation.org_unit where code = '" + ROOT_CODE
                                + "' and parent_id is null and id = " + tree.rootId());
                if (roots == 1 && existing == tree.units().size() && existingPeriods == periods) {
                    return new Loaded(true, existing, existingPeriods, (System.nanoTime() - start) / 1_000_000);
                }
                throw new IllegalStateException("The database already holds an organisation tree (" + existing
                        + " units) that is not this benchmark's tree; use a fresh database.");
            }
            try (Statement s = c.createStatement()) {
                // A statement timeout given to the benchmark's queries does not apply to the load.
                s.execute("set statement_timeout = 0");
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                try (Chunks out = new Chunks(copy.copyIn("copy organisation.org_unit (id, parent_id, path, type_code,"
                        + " code, name, valid_from, valid_to, search_key) from stdin"))) {
                    for (Unit u : tree.units()) {
                        Period last = u.last();
                        out.field(Long.toString(u.id()))
                                .field(
                                        last.parentId() == null
                                                ? null
                                                : last.parentId().toString())
                                .field(last.path())
                                .field(u.typeCode())
                                .field(u.code())
                                .field(u.name())
                                .field(u.validFrom().toString())
                                .field(u.validTo() == null ? null : u.validTo().toString())
                                .last(Text.searchKey(u.name()));
                    }
                }
                try (Chunks out = new Chunks(copy.copyIn(
                        "copy organisation.org_unit_period (unit_id, parent_id, path, name, during) from stdin"))) {
                    for (Unit u : tree.units()) {
                        for (Period p : u.periods()) {
                            out.field(Long.toString(u.id()))
                                    .field(
                                            p.parentId() == null
                                                    ? null
                                                    : p.parentId().toString())
                                    .field(p.path())
                                    .field(u.name())
                                    .last("[" + p.from() + "," + (p.to() == null ? "" : p.to().toString()) + ")");
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("select setval(pg_get_serial_sequence('organisation.org_unit', 'id'),"
                            + " (select max(id) from organisation.org_unit))");
                    s.execute("select setval(pg_get_serial_sequence('organisation.org_unit_period', 'id'),"
                            + " (select max(id) from organisation.org_unit_period))");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze organisation.org_unit");
                s.execute("analyze organisation.org_unit_period");
            }
        }
        return new Loaded(false, tree.units().size(), periods, (System.nanoTime() - start) / 1_000_000);
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** COPY text format, written in chunks of about 256 KB. */
    static final class Chunks implements AutoCloseable {

        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(1 << 18);

        Chunks(CopyIn in) {
            this.in = in;
        }

        Chunks field(@Nullable String value) throws SQLException {
            append(value);
            buffer.append('\t');
            return this;
        }

        void last(@Nullable String value) throws SQLException {
            append(value);
            buffer.append('\n');
            if (buffer.length() > (1 << 18)) {
                flush();
            }
        }

        private void append(@Nullable String value) {
            if (value == null) {
                buffer.append("\\N");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(ch);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }
}
