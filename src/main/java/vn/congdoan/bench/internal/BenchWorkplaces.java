package vn.congdoan.bench.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.shared.TaxCode;

/**
 * The workplaces of a generated member world, deterministic for a seed: every grassroots union covers one workplace (a
 * public service unit or an enterprise of some ownership), which decides its members' share of women and their dues
 * group; further enterprises without a union bring the register to about 500,000 at 11 million members (DOMAIN.md
 * §3.6 counts ~900,000 active enterprises nationally; the number with workers registered here is the generator's
 * assumption). The shares below are assumptions for a realistic mix, not statistics.
 */
final class BenchWorkplaces {

    /**
     * A kind of workplace: its ownership code ({@code enterprises.ownership_type}), the dues group of its members
     * ({@code finance.member_group}, QĐ 61/QĐ-TLĐ), its weight among grassroots unions, the share of women among its
     * members, a name prefix and a VSIC section (QĐ 27/2018/QĐ-TTg).
     */
    record Kind(String ownership, String duesGroup, int weight, double women, String prefix, String sector) {}

    static final List<Kind> KINDS = List.of(
            new Kind("PUBLIC_SERVICE_UNIT", "PUBLIC_UNIT", 30, 0.60, "Trường", "P"),
            new Kind("DOMESTIC_PRIVATE", "NON_STATE", 38, 0.42, "Công ty TNHH", "C"),
            new Kind("FDI", "NON_STATE", 12, 0.68, "Công ty TNHH", "C"),
            new Kind("STATE", "SOE", 3, 0.35, "Công ty TNHH MTV", "D"),
            new Kind("STATE_CONTROLLED", "SOE", 4, 0.38, "Công ty cổ phần", "H"),
            new Kind("COOPERATIVE", "NON_STATE", 9, 0.47, "Hợp tác xã", "A"),
            new Kind("HOUSEHOLD_BUSINESS", "NON_STATE", 4, 0.50, "Hộ kinh doanh", "G"));

    private static final int TOTAL = KINDS.stream().mapToInt(Kind::weight).sum();

    /** Enterprises in the register per member of the world: 500,000 at 11 million members. */
    static final double ENTERPRISES_PER_MEMBER = 500_000 / 11_000_000.0;

    private static final String[] WORDS = {
        "Hưng Thịnh", "Phú Cường", "An Phát", "Thành Công", "Minh Long", "Việt Tiến", "Đại Dương", "Sông Hồng",
        "Tây Bắc", "Hoà Bình", "Tân Tiến", "Bình Minh", "Trường Sơn", "Hồng Hà", "Phương Nam", "Kim Long"
    };

    private final Kind[] kinds;
    private final long[] enterprise;
    private final int extra;

    private BenchWorkplaces(Kind[] kinds, long[] enterprise, int extra) {
        this.kinds = kinds;
        this.enterprise = enterprise;
        this.extra = extra;
    }

    /** The workplace of each grassroots union of the world (ids 1…n in the world's order), then the extra ones. */
    static BenchWorkplaces plan(MemberWorld world) {
        SplittableRandom random = new SplittableRandom(world.seed() ^ 0x776f726bL);
        int n = world.units().size();
        Kind[] kinds = new Kind[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = pick(random);
            ids[i] = i + 1L;
        }
        long target = Math.round(world.members() * ENTERPRISES_PER_MEMBER);
        return new BenchWorkplaces(kinds, ids, (int) Math.max(0, target - n));
    }

    static Kind pick(SplittableRandom random) {
        int p = random.nextInt(TOTAL);
        for (Kind k : KINDS) {
            p -= k.weight();
            if (p < 0) {
                return k;
            }
        }
        return KINDS.get(0);
    }

    Kind kind(int unitIndex) {
        return kinds[unitIndex];
    }

    long enterpriseId(int unitIndex) {
        return enterprise[unitIndex];
    }

    /** Enterprises without a union. */
    int extra() {
        return extra;
    }

    long total() {
        return kinds.length + (long) extra;
    }

    /** The code of the synthetic commune/ward an area unit (commune union or province) stands for. */
    static String areaCode(long areaUnitId) {
        return "HC-B" + areaUnitId;
    }

    /**
     * The area of a grassroots union: the nearest commune/ward union above it, else its provincial federation, else
     * (under a central sector union) a province picked by its id.
     */
    static long area(Unit unit, Set<Long> communes, Set<Long> provinces) {
        String[] labels = unit.last().path().split("\\.");
        for (int i = labels.length - 2; i >= 0; i--) {
            long id = Long.parseLong(labels[i].substring(1));
            if (communes.contains(id)) {
                return id;
            }
        }
        for (int i = labels.length - 2; i >= 0; i--) {
            long id = Long.parseLong(labels[i].substring(1));
            if (provinces.contains(id)) {
                return id;
            }
        }
        // Under a central sector union: placed in a province by its id.
        List<Long> all = provinces.stream().sorted().toList();
        return all.get((int) (unit.id() % all.size()));
    }

    /** The areas every enterprise may be placed in: the commune/ward unions and the provinces. */
    static Set<Long> areas(NationalTree tree) {
        Set<Long> all = new HashSet<>(tree.communes());
        all.addAll(tree.provinces());
        return all;
    }

    /** A valid, unique ten-digit tax code (MST, TT 105/2020/TT-BTC) for the serial: prefix 8, check digit last. */
    static String taxCode(long serial) {
        for (long s = serial * 16; s < serial * 16 + 16; s++) {
            String nine = String.format(java.util.Locale.ROOT, "8%08d", s);
            int check = TaxCode.checkDigit(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
        throw new IllegalStateException("no check digit for 16 serials in a row");
    }

    /** A synthetic enterprise name; the serial keeps names apart in searches. */
    static String name(SplittableRandom random, Kind kind, long serial) {
        return kind.prefix() + " " + WORDS[random.nextInt(WORDS.length)] + " " + serial;
    }
}
