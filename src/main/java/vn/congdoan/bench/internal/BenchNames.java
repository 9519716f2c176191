package vn.congdoan.bench.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic Vietnamese names for the national member world: family name, a middle word when the group uses one (Mông
 * men usually carry "A"), a given name — combined at random, so never a real person's full name by construction
 * (DOMAIN.md §2.5). The pools are those of the demo ({@code demo/name-pools.txt}), copied here so that the benchmark's
 * world does not change when the demo's does; the weights are national (Kinh the large majority of union members,
 * unverified) instead of Lai Châu's.
 */
final class BenchNames {

    /** One group: its ethnicity code (DOMAIN.md §11.4), weight and the parts of its names. */
    record Group(
            String name, String ethnicity, int weight, List<String> families, List<String> men, List<String> women) {}

    static final List<Group> GROUPS = List.of(
            new Group(
                    "Kinh",
                    "01",
                    860,
                    List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"),
                    List.of("Văn", "Đức", "Minh", "Quang"),
                    List.of("Thị", "Ngọc", "Thu")),
            new Group(
                    "Thái",
                    "03",
                    40,
                    List.of(
                            "Lò", "Lường", "Quàng", "Tòng", "Cà", "Mè", "Lù", "Lềm", "Ngần", "Cầm", "Điêu", "Bạc", "Vì",
                            "Tao", "Khằm", "Sầm"),
                    List.of("Văn"),
                    List.of("Thị")),
            new Group(
                    "Mông",
                    "08",
                    20,
                    List.of(
                            "Giàng", "Vàng", "Thào", "Sùng", "Lý", "Hầu", "Mùa", "Hạng", "Vừ", "Lầu", "Chá", "Phàng",
                            "Tráng", "Cứ"),
                    List.of("A"),
                    List.of("Thị")),
            new Group(
                    "Dao",
                    "09",
                    15,
                    List.of("Tẩn", "Chảo", "Phàn", "Lý", "Triệu", "Đặng", "Chu", "Phùng"),
                    List.of("Văn", "Láo"),
                    List.of("Thị", "Mẩy")),
            new Group(
                    "Giáy",
                    "25",
                    5,
                    List.of("Hoàng", "Vàng", "Lò", "Lù", "Sần", "Giàng"),
                    List.of("Văn"),
                    List.of("Thị")),
            new Group(
                    "Hà Nhì",
                    "35",
                    2,
                    List.of("Lỳ", "Pờ", "Chu", "Sừ", "Phu", "Hờ", "Chang"),
                    List.of(),
                    List.of("Thị")),
            new Group("Lự", "42", 1, List.of("Lò", "Tao", "Lường", "Chang", "Pan"), List.of("Văn"), List.of("Thị")),
            new Group("Khơ Mú", "29", 5, List.of("Vì", "Lò", "Quàng", "Cút"), List.of("Văn"), List.of("Thị")),
            new Group("La Hủ", "41", 1, List.of("Lý", "Chu", "Phàn", "Pờ", "Thàng"), List.of(), List.of()),
            new Group("Cống", "48", 1, List.of("Chang", "Lò", "Pạc"), List.of("Văn"), List.of("Thị")),
            new Group(
                    "Hoa",
                    "04",
                    10,
                    List.of("Trương", "Lưu", "Hầu", "Lâm"),
                    List.of("Văn", "Quốc"),
                    List.of("Thị", "Mỹ")));

    static final List<String> GIVEN_MEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Đông", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Quân",
            "Sơn", "Thắng", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Chứ", "Pao", "Sử", "Dơ", "Lả", "Páo", "Chinh",
            "Thanh", "Hiếu", "Tài", "Kiên", "Lực", "Sình", "Chẩn", "Phìn", "Su");

    static final List<String> GIVEN_WOMEN = List.of(
            "Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương",
            "Thảo", "Thu", "Trang", "Tuyết", "Vân", "Yến", "Dợ", "Mỷ", "Sua", "Pằng", "Xuân", "Say", "Làn", "Chiến",
            "Mỉ", "Lả", "Xá", "Ánh", "Hằng", "Hiền", "Ngân");

    private static final int TOTAL_WEIGHT =
            GROUPS.stream().mapToInt(Group::weight).sum();

    private BenchNames() {}

    /**
     * A group for a member of a region where {@code minorityShare} of the members belong to an ethnic minority: Kinh
     * with the rest of the probability, otherwise a minority group by the weights above. The shares per region are
     * the generator's assumption (unverified), not statistics: the northern mountain provinces mostly minority, the
     * lowlands almost all Kinh.
     */
    static Group group(SplittableRandom random, double minorityShare) {
        if (random.nextDouble() >= minorityShare) {
            return GROUPS.get(0);
        }
        int pick = random.nextInt(TOTAL_WEIGHT - GROUPS.get(0).weight());
        for (int i = 1; i < GROUPS.size(); i++) {
            pick -= GROUPS.get(i).weight();
            if (pick < 0) {
                return GROUPS.get(i);
            }
        }
        return GROUPS.get(GROUPS.size() - 1);
    }

    /** A group by weight. */
    static Group group(SplittableRandom random) {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (Group g : GROUPS) {
            pick -= g.weight();
            if (pick < 0) {
                return g;
            }
        }
        return GROUPS.get(0);
    }

    /** A full name (NFC: the literals above are composed) for the group and sex ("M" or "F"). */
    static String name(SplittableRandom random, Group group, String sex) {
        boolean man = sex.equals("M");
        List<String> middles = man ? group.men() : group.women();
        List<String> given = man ? GIVEN_MEN : GIVEN_WOMEN;
        StringBuilder name = new StringBuilder(24);
        name.append(pick(random, group.families()));
        if (!middles.isEmpty()) {
            name.append(' ').append(pick(random, middles));
        }
        name.append(' ').append(pick(random, given));
        return name.toString();
    }

    private static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
