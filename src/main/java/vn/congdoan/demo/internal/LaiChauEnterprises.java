package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.ReferenceItem;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.TaxCode;

/**
 * The enterprise register of the demo world, from a fixed seed: one record for each employer whose grassroots union
 * exists today, and about 250 enterprises without a union — most of them small (under 25 workers), some large FDI
 * hydropower and construction companies, many of the larger ones not yet organised (the organising list of task 6).
 * Names are composed from word pools and are fictitious. MSTs pass the checksum (DOMAIN.md §11.2) and start with
 * {@code 99}, a prefix no tax department uses, so no real enterprise's code is reproduced (DOMAIN.md §2.5).
 */
@Component
class LaiChauEnterprises {

    static final int WITHOUT_UNION = 250;
    private static final long SEED = 20250701L;

    private static final String[] BRANDS = {
        "An", "Bình", "Cường", "Đại", "Đức", "Gia", "Hải", "Hòa", "Hồng", "Hưng", "Khánh", "Kim", "Lâm", "Long", "Minh",
        "Nam", "Ngọc", "Phát", "Phú", "Phúc", "Quang", "Sơn", "Tâm", "Thành", "Thắng", "Thịnh", "Tiến", "Toàn", "Trung",
        "Trường", "Việt", "Vinh", "Xuân", "Bảo", "Huy", "Khang", "Lộc", "Thái", "Hà", "Vân"
    };
    /** Village names for addresses (bản); also used for members' residences. */
    static final String[] VILLAGES = {
        "Nà Khum",
        "Pá Mít",
        "Hua Cuông",
        "Nậm Cằm",
        "Tà Pạ",
        "Phìn Hồ",
        "Co Muông",
        "Pắc Pạt",
        "Lả Khum",
        "Nà Tăm",
        "Huổi Chạt",
        "Sẻo Lìn",
        "Chu Va",
        "Can Hồ",
        "Mường Cang"
    };

    /** A kind of enterprise without a union: how to name it, its codes and its size. */
    private record Kind(
            String prefix, String ownership, String sector, int minWorkers, int maxWorkers, int femalePct) {}

    private static final Kind[] SMALL = {
        new Kind("Hộ kinh doanh Tạp hóa", "HOUSEHOLD_BUSINESS", "G", 1, 6, 60),
        new Kind("Hộ kinh doanh Quán ăn", "HOUSEHOLD_BUSINESS", "I", 2, 8, 65),
        new Kind("Hộ kinh doanh Sửa chữa xe máy", "HOUSEHOLD_BUSINESS", "G", 1, 5, 10),
        new Kind("Công ty TNHH Thương mại", "DOMESTIC_PRIVATE", "G", 3, 24, 45),
        new Kind("Công ty TNHH Dịch vụ", "DOMESTIC_PRIVATE", "N", 3, 20, 50),
        new Kind("Công ty TNHH Du lịch", "DOMESTIC_PRIVATE", "I", 4, 24, 55),
        new Kind("Công ty TNHH Tư vấn thiết kế", "DOMESTIC_PRIVATE", "M", 3, 18, 35),
        new Kind("Hợp tác xã Dược liệu", "COOPERATIVE", "A", 7, 24, 55),
        new Kind("Hợp tác xã Nông nghiệp", "COOPERATIVE", "A", 7, 24, 50),
        new Kind("Công ty TNHH Vận tải", "DOMESTIC_PRIVATE", "H", 4, 22, 10)
    };
    private static final Kind[] LARGE = {
        new Kind("Công ty TNHH Thủy điện", "FDI", "D", 50, 400, 15),
        new Kind("Công ty Cổ phần Xây dựng", "DOMESTIC_PRIVATE", "F", 50, 400, 12),
        new Kind("Công ty TNHH Xây dựng và Thương mại", "DOMESTIC_PRIVATE", "F", 25, 180, 15),
        new Kind("Công ty Cổ phần Thủy điện", "DOMESTIC_PRIVATE", "D", 25, 120, 15),
        new Kind("Công ty TNHH Chế biến chè", "DOMESTIC_PRIVATE", "C", 25, 150, 60),
        new Kind("Công ty TNHH Khoáng sản", "FDI", "B", 40, 250, 10),
        new Kind("Hợp tác xã Chè", "COOPERATIVE", "A", 25, 70, 55),
        new Kind("Công ty Cổ phần Vật liệu xây dựng", "STATE_CONTROLLED", "C", 30, 160, 20)
    };

    private final Enterprises enterprises;
    private final OrgTree tree;

    LaiChauEnterprises(Enterprises enterprises, OrgTree tree) {
        this.enterprises = enterprises;
        this.tree = tree;
    }

    /**
     * Registers the demo enterprises.
     *
     * @param covered employers whose grassroots union exists today
     * @param managingUnitByCommune for each commune/ward name, the union unit responsible there
     * @param provinceUnitId the provincial federation, for communes without their own union
     * @return the enterprise of each covering grassroots union: unit id → enterprise id
     */
    Map<Long, Long> load(
            List<CoveredEnterprise> covered, Map<String, Long> managingUnitByCommune, long provinceUnitId) {
        Random random = new Random(SEED);
        Set<String> taxCodes = new HashSet<>();
        Set<String> names = new HashSet<>();
        Map<Long, String> codes = new HashMap<>();
        List<ReferenceItem> communes = enterprises.communes();
        Map<Long, Long> byUnit = new HashMap<>();
        for (CoveredEnterprise c : covered) {
            names.add(c.enterpriseName());
            // Most but not all workers of a company with a union are members.
            int workers = c.members() + c.members() * (10 + random.nextInt(80)) / 100 + random.nextInt(5);
            String managing = code(managing(managingUnitByCommune, c.communeName(), provinceUnitId), codes);
            long id = enterprises.seed(
                    new EnterpriseCommand(
                            taxCode(random, taxCodes),
                            c.enterpriseName(),
                            c.ownershipCode(),
                            c.sectorCode(),
                            c.communeName(),
                            address(random, c.communeName(), communes),
                            workers,
                            workers * (10 + random.nextInt(50)) / 100,
                            founded(random),
                            managing,
                            code(c.unitId(), codes),
                            null),
                    true);
            byUnit.put(c.unitId(), id);
        }
        List<String> communeNames = communes.stream().map(ReferenceItem::nameEn).toList();
        for (int i = 0; i < WITHOUT_UNION; i++) {
            // About seven in ten are small; the larger ones are the organising list.
            Kind kind = random.nextInt(100) < 70
                    ? SMALL[random.nextInt(SMALL.length)]
                    : LARGE[random.nextInt(LARGE.length)];
            String commune = communeNames.get(random.nextInt(communeNames.size()));
            int workers = kind.minWorkers() + random.nextInt(kind.maxWorkers() - kind.minWorkers() + 1);
            int female = Math.min(workers, workers * (kind.femalePct() - 10 + random.nextInt(21)) / 100);
            enterprises.seed(
                    new EnterpriseCommand(
                            taxCode(random, taxCodes),
                            name(random, kind, names),
                            kind.ownership(),
                            kind.sector(),
                            commune,
                            address(random, commune, communes),
                            workers,
                            Math.max(0, female),
                            founded(random),
                            code(managing(managingUnitByCommune, commune, provinceUnitId), codes),
                            null,
                            null),
                    true);
        }
        return byUnit;
    }

    private static long managing(Map<String, Long> byCommune, String commune, long province) {
        Long unit = byCommune.get(commune);
        return unit == null ? province : unit;
    }

    private String code(long unitId, Map<Long, String> codes) {
        return codes.computeIfAbsent(
                unitId, id -> tree.find(id).map(OrgUnitView::code).orElseThrow());
    }

    private static String name(Random random, Kind kind, Set<String> taken) {
        while (true) {
            String brand = BRANDS[random.nextInt(BRANDS.length)] + " " + BRANDS[random.nextInt(BRANDS.length)];
            String name = kind.prefix() + " " + brand + (kind.ownership().equals("FDI") ? " Việt Nam" : "");
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** "99" + seven random digits + the check digit, unique. */
    static String taxCode(Random random, Set<String> taken) {
        while (true) {
            String base = "99" + "%07d".formatted(random.nextInt(10_000_000));
            int check = TaxCode.checkDigit(base);
            if (check >= 0 && taken.add(base + check)) {
                return base + check;
            }
        }
    }

    private static String address(Random random, String commune, List<ReferenceItem> communes) {
        String full = communes.stream()
                .filter(c -> c.nameEn().equals(commune))
                .map(ReferenceItem::name)
                .findFirst()
                .orElse(commune);
        String place = full.startsWith("Phường")
                ? "Tổ dân phố số " + (1 + random.nextInt(20))
                : "Bản " + VILLAGES[random.nextInt(VILLAGES.length)];
        return place + ", " + full + ", tỉnh Lai Châu";
    }

    private static LocalDate founded(Random random) {
        return LocalDate.of(1998 + random.nextInt(27), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
}
