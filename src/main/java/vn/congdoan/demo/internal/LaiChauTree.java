package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The organisation tree of the Lai Châu federation as it is today (after 01/07/2025), generated from a fixed seed.
 * Names of enterprises are composed from word pools and are fictitious; commune and ward names are the real
 * administrative units of Nghị quyết 1670/NQ-UBTVQH15 (DOMAIN.md §2.3). The real number of commune unions is not
 * known (DOMAIN.md §2.1): ten are modelled, with some grassroots unions directly under the federation.
 */
final class LaiChauTree {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final int GRASSROOTS = 790;

    /** One unit to create: parent is an index into the list (or -1 for the root). */
    record Node(int parent, String typeCode, String code, String name, LocalDate validFrom) {}

    private static final String[][] COMMUNE_UNITS = {
        {"Phường", "Tân Phong"},
        {"Phường", "Đoàn Kết"},
        {"Xã", "Than Uyên"},
        {"Xã", "Tân Uyên"},
        {"Xã", "Phong Thổ"},
        {"Xã", "Sìn Hồ"},
        {"Xã", "Mường Tè"},
        {"Xã", "Bình Lư"},
        {"Xã", "Nậm Hàng"},
        {"Xã", "Mường Kim"}
    };
    private static final String[] PLACES = {
        "Tân Phong",
        "Đoàn Kết",
        "Mường Kim",
        "Khoen On",
        "Than Uyên",
        "Mường Than",
        "Pắc Ta",
        "Nậm Sỏ",
        "Tân Uyên",
        "Mường Khoa",
        "Bản Bo",
        "Bình Lư",
        "Tả Lèng",
        "Khun Há",
        "Sin Suối Hồ",
        "Phong Thổ",
        "Dào San",
        "Sì Lở Lầu",
        "Khổng Lào",
        "Tủa Sín Chải",
        "Sìn Hồ",
        "Hồng Thu",
        "Nậm Tăm",
        "Pu Sam Cáp",
        "Nậm Cuổi",
        "Nậm Mạ",
        "Lê Lợi",
        "Nậm Hàng",
        "Mường Mô",
        "Hua Bum",
        "Pa Tần",
        "Bum Nưa",
        "Bum Tở",
        "Mường Tè",
        "Thu Lũm",
        "Mù Cả",
        "Tà Tổng"
    };
    private static final String[] SYLLABLES = {
        "An", "Bình", "Cường", "Đại", "Đức", "Gia", "Hải", "Hòa", "Hồng", "Hưng", "Khánh", "Kim", "Lâm", "Long", "Minh",
        "Nam", "Ngọc", "Phát", "Phú", "Phúc", "Quang", "Sơn", "Tâm", "Tân", "Thành", "Thắng", "Thịnh", "Tiến", "Toàn",
        "Trung", "Trường", "Việt", "Vinh", "Xuân", "Hoàng", "Bảo", "Anh", "Huy", "Khang", "Lộc"
    };
    private static final String[] TRADES = {
        "Xây dựng", "Thủy điện", "Chè", "Vận tải", "Khoáng sản", "Nông lâm sản", "Thương mại", "Dịch vụ",
        "Du lịch", "Vật liệu xây dựng", "Cơ khí", "Giao thông", "Môi trường", "Cấp nước", "Dược liệu", "Xăng dầu",
        "Chế biến gỗ", "Thực phẩm", "Cao su", "Tư vấn thiết kế"
    };
    private static final String[] FORMS = {"Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"};
    private static final String[] COOPS = {
        "Hợp tác xã Nông nghiệp", "Hợp tác xã Chè", "Hợp tác xã Dịch vụ", "Hợp tác xã Vận tải", "Hợp tác xã Dược liệu"
    };
    private static final String[] INFORMAL = {
        "Nghiệp đoàn cơ sở Lao động tự do",
        "Nghiệp đoàn cơ sở Buôn bán nhỏ",
        "Nghiệp đoàn cơ sở Xe ôm",
        "Nghiệp đoàn cơ sở Thợ xây dựng"
    };
    private static final String[] PUBLIC_SELF_FUNDED = {
        "Trung tâm Y tế",
        "Bệnh viện Đa khoa",
        "Ban Quản lý rừng phòng hộ",
        "Trung tâm Dịch vụ nông nghiệp",
        "Trường Trung cấp Nghề",
        "Ban Quản lý dự án"
    };

    private LaiChauTree() {}

    static List<Node> generate() {
        Random random = new Random(20251124L);
        List<Node> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        nodes.add(new Node(-1, "CONFEDERATION", "TLD", "Tổng Liên đoàn Lao động Việt Nam", LocalDate.of(1929, 7, 28)));
        nodes.add(new Node(
                0, "PROVINCIAL_FEDERATION", "LCU", "Liên đoàn Lao động tỉnh Lai Châu", LocalDate.of(2004, 1, 1)));
        List<Integer> communes = new ArrayList<>();
        for (int i = 0; i < COMMUNE_UNITS.length; i++) {
            communes.add(nodes.size());
            String[] c = COMMUNE_UNITS[i];
            nodes.add(new Node(
                    1,
                    "COMMUNE_UNION",
                    "LCU-X%02d".formatted(i + 1),
                    "Công đoàn " + c[0].toLowerCase(java.util.Locale.ROOT) + " " + c[1],
                    REFORM));
        }
        for (int i = 1; i <= GRASSROOTS; i++) {
            // About one in sixteen grassroots unions stays directly under the federation (larger employers).
            int parent = i % 16 == 0 ? 1 : communes.get(random.nextInt(communes.size()));
            String name = uniqueName(random, names);
            LocalDate founded = LocalDate.of(1995 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
            if (founded.isAfter(REFORM)) {
                founded = REFORM;
            }
            int index = nodes.size();
            String code = "LCU-CS%04d".formatted(i);
            nodes.add(new Node(parent, "GRASSROOTS_UNION", code, name, founded));
            if (i % 25 == 3) {
                for (int d = 1; d <= 2 + random.nextInt(3); d++) {
                    nodes.add(new Node(
                            index,
                            "DEPARTMENT_UNION",
                            code + "-BP" + d,
                            "Công đoàn bộ phận " + department(d),
                            founded));
                }
            }
            if (i % 20 == 7) {
                for (int g = 1; g <= 2 + random.nextInt(2); g++) {
                    nodes.add(new Node(index, "UNION_GROUP", code + "-T" + g, "Tổ công đoàn số " + g, founded));
                }
            }
        }
        return nodes;
    }

    private static String department(int d) {
        return switch (d) {
            case 1 -> "Văn phòng";
            case 2 -> "Sản xuất";
            case 3 -> "Kỹ thuật";
            default -> "Kinh doanh";
        };
    }

    private static String uniqueName(Random random, Set<String> taken) {
        while (true) {
            String place = PLACES[random.nextInt(PLACES.length)];
            String brand =
                    SYLLABLES[random.nextInt(SYLLABLES.length)] + " " + SYLLABLES[random.nextInt(SYLLABLES.length)];
            int kind = random.nextInt(100);
            String employer;
            if (kind < 60) {
                employer =
                        FORMS[random.nextInt(FORMS.length)] + " " + TRADES[random.nextInt(TRADES.length)] + " " + brand;
            } else if (kind < 80) {
                employer = COOPS[random.nextInt(COOPS.length)] + " " + brand + " " + place;
            } else if (kind < 88) {
                String name = INFORMAL[random.nextInt(INFORMAL.length)] + " " + place;
                if (taken.add(name)) {
                    return name;
                }
                continue;
            } else {
                employer = PUBLIC_SELF_FUNDED[random.nextInt(PUBLIC_SELF_FUNDED.length)] + " " + place;
            }
            String name = "Công đoàn cơ sở " + employer;
            if (taken.add(name)) {
                return name;
            }
        }
    }
}
