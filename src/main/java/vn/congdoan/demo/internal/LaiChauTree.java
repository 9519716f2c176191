package vn.congdoan.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The Lai Châu federation as it stood on 31/12/2024 (DOMAIN.md §2.1–§2.2): 8 district/city federations and 3 sector
 * unions (education, health and the provincial public-servants union; their names are not confirmed) holding 786
 * grassroots unions, generated from a fixed seed. Employers' names are composed from word pools and are fictitious.
 * Commune and ward names are the 38 administrative units of Nghị quyết 1670/NQ-UBTVQH15; which former district each
 * belonged to is assumed here (not verified), as is the set of six commune/ward unions formed on 01/07/2025 with
 * "host" unions covering neighbouring communes (TLĐ guideline of 12/06/2025: about 1,500 members and 10 grassroots
 * unions).
 */
final class LaiChauTree {

    /** Books of fully state-funded bodies' unions closed on 31/05/2025 (CV 4133/TLĐ-ToC, CV 4181/TLĐ-TC). */
    static final LocalDate BOOKS_CLOSED = LocalDate.of(2025, 6, 1);

    /** District level abolished (Law 97/2025/QH15). */
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

    /** What a grassroots union is attached to: decides its fate in 2025 and the enterprise record it covers. */
    enum Kind {
        ENTERPRISE(false),
        FDI(false),
        STATE_COMPANY(false),
        COOPERATIVE(false),
        INFORMAL(false),
        PUBLIC_SELF_FUNDED(false),
        HEALTH(false),
        SCHOOL(true),
        AGENCY(true),
        NONE(false);

        /** Fully state-funded: the union closed on 31/05/2025. */
        final boolean stateFunded;

        Kind(boolean stateFunded) {
            this.stateFunded = stateFunded;
        }
    }

    /** A former district federation, its communes (post-2025 names) and the union that took its grassroots units. */
    record District(String code, String name, LocalDate founded, int grassroots, List<String> communes, String union) {}

    /** A commune/ward union founded on 01/07/2025; empty code: the grassroots units went straight to the LĐLĐ. */
    record CommuneUnion(String code, String name) {}

    /**
     * One unit of the 2024 tree: parent is an index into the list (-1 for the root).
     *
     * @param employer the employer's name (enterprise, school, agency), empty for upper-level units
     * @param sector VSIC level-1 section of the employer
     * @param members members on 31/12/2024 (grassroots only)
     */
    record Node(
            int parent,
            String typeCode,
            String code,
            String name,
            LocalDate validFrom,
            Kind kind,
            String employer,
            String ownership,
            String sector,
            String commune,
            int members) {}

    static final List<CommuneUnion> COMMUNE_UNIONS = List.of(
            new CommuneUnion("LCU-X01", "Công đoàn phường Tân Phong"),
            new CommuneUnion("LCU-X02", "Công đoàn xã Bình Lư"),
            new CommuneUnion("LCU-X03", "Công đoàn xã Phong Thổ"),
            new CommuneUnion("LCU-X04", "Công đoàn xã Sìn Hồ"),
            new CommuneUnion("LCU-X05", "Công đoàn xã Than Uyên"),
            new CommuneUnion("LCU-X06", "Công đoàn xã Tân Uyên"));

    static final List<District> DISTRICTS = List.of(
            new District(
                    "LCU-H01",
                    "Liên đoàn Lao động thành phố Lai Châu",
                    LocalDate.of(2013, 12, 27),
                    120,
                    List.of("Tân Phong", "Đoàn Kết"),
                    "LCU-X01"),
            new District(
                    "LCU-H02",
                    "Liên đoàn Lao động huyện Tam Đường",
                    LocalDate.of(2004, 1, 1),
                    80,
                    List.of("Bản Bo", "Bình Lư", "Tả Lèng", "Khun Há", "Sin Suối Hồ"),
                    "LCU-X02"),
            new District(
                    "LCU-H03",
                    "Liên đoàn Lao động huyện Phong Thổ",
                    LocalDate.of(2004, 1, 1),
                    85,
                    List.of("Phong Thổ", "Dào San", "Sì Lở Lầu", "Khổng Lào"),
                    "LCU-X03"),
            new District(
                    "LCU-H04",
                    "Liên đoàn Lao động huyện Sìn Hồ",
                    LocalDate.of(2004, 1, 1),
                    85,
                    List.of("Tủa Sín Chải", "Sìn Hồ", "Hồng Thu", "Nậm Tăm", "Pu Sam Cáp", "Nậm Cuổi", "Nậm Mạ"),
                    "LCU-X04"),
            new District(
                    "LCU-H05",
                    "Liên đoàn Lao động huyện Mường Tè",
                    LocalDate.of(2004, 1, 1),
                    70,
                    List.of("Bum Nưa", "Bum Tở", "Mường Tè", "Thu Lũm", "Pa Ủ", "Mù Cả", "Tà Tổng"),
                    ""),
            new District(
                    "LCU-H06",
                    "Liên đoàn Lao động huyện Nậm Nhùn",
                    LocalDate.of(2013, 1, 2),
                    55,
                    List.of("Lê Lợi", "Nậm Hàng", "Mường Mô", "Hua Bum", "Pa Tần"),
                    ""),
            new District(
                    "LCU-H07",
                    "Liên đoàn Lao động huyện Than Uyên",
                    LocalDate.of(2004, 1, 1),
                    82,
                    List.of("Mường Kim", "Khoen On", "Than Uyên", "Mường Than"),
                    "LCU-X05"),
            new District(
                    "LCU-H08",
                    "Liên đoàn Lao động huyện Tân Uyên",
                    LocalDate.of(2009, 1, 1),
                    75,
                    List.of("Pắc Ta", "Nậm Sỏ", "Tân Uyên", "Mường Khoa"),
                    "LCU-X06"));

    /** Sector unions: code, type, name, grassroots count. Their units sit in the provincial capital. */
    static final String[][] SECTORS = {
        {"LCU-N01", "SECTOR_UNION", "Công đoàn Giáo dục tỉnh Lai Châu", "44"},
        {"LCU-N02", "SECTOR_UNION", "Công đoàn Y tế tỉnh Lai Châu", "30"},
        {"LCU-N03", "PUBLIC_SERVANTS_UNION", "Công đoàn Viên chức tỉnh Lai Châu", "60"}
    };

    private static final String[] SYLLABLES = {
        "An", "Bình", "Cường", "Đại", "Đức", "Gia", "Hải", "Hòa", "Hồng", "Hưng", "Khánh", "Kim", "Lâm", "Long", "Minh",
        "Nam", "Ngọc", "Phát", "Phú", "Phúc", "Quang", "Sơn", "Tâm", "Tân", "Thành", "Thắng", "Thịnh", "Tiến", "Toàn",
        "Trung", "Trường", "Việt", "Vinh", "Xuân", "Hoàng", "Bảo", "Anh", "Huy", "Khang", "Lộc"
    };
    /** Trade and its VSIC 2018 section (QĐ 27/2018/QĐ-TTg). */
    private static final String[][] TRADES = {
        {"Xây dựng", "F"}, {"Thủy điện", "D"}, {"Chè", "A"}, {"Vận tải", "H"}, {"Khoáng sản", "B"},
        {"Nông lâm sản", "A"}, {"Thương mại", "G"}, {"Dịch vụ", "S"}, {"Du lịch", "I"}, {"Vật liệu xây dựng", "C"},
        {"Cơ khí", "C"}, {"Giao thông", "F"}, {"Môi trường", "E"}, {"Dược liệu", "A"}, {"Xăng dầu", "G"},
        {"Chế biến gỗ", "C"}, {"Thực phẩm", "C"}, {"Tư vấn thiết kế", "M"}
    };

    private static final String[] FORMS = {"Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"};
    private static final String[] COOPS = {
        "Hợp tác xã Nông nghiệp", "Hợp tác xã Chè", "Hợp tác xã Dịch vụ", "Hợp tác xã Vận tải", "Hợp tác xã Dược liệu"
    };
    private static final String[] INFORMAL = {
        "Lao động tự do", "Buôn bán nhỏ", "Xe ôm công nghệ", "Thợ xây dựng", "Hướng dẫn viên du lịch"
    };
    private static final String[] SCHOOLS = {
        "Trường Mầm non",
        "Trường Tiểu học",
        "Trường Trung học cơ sở",
        "Trường Phổ thông dân tộc bán trú Tiểu học",
        "Trường Phổ thông dân tộc bán trú THCS"
    };
    private static final String[] AGENCIES = {
        "Ủy ban nhân dân xã", "Phòng Giáo dục và Đào tạo huyện", "Phòng Tài chính - Kế hoạch huyện",
        "Phòng Nông nghiệp và PTNT huyện", "Phòng Lao động - TB&XH huyện", "Văn phòng HĐND - UBND huyện",
        "Phòng Tài nguyên và Môi trường huyện"
    };
    private static final String[] PROVINCIAL_AGENCIES = {
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "Sở Nội vụ",
        "Sở Tư pháp",
        "Sở Công Thương",
        "Sở Xây dựng",
        "Sở Giao thông vận tải",
        "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và PTNT",
        "Sở Lao động - TB&XH",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông",
        "Thanh tra tỉnh",
        "Văn phòng UBND tỉnh",
        "Ban Dân tộc tỉnh",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    };
    private static final String[] PROVINCIAL_UNITS = {"Chi cục", "Trung tâm", "Ban Quản lý", "Văn phòng", "Phòng"};
    private static final String[] PUBLIC_SELF = {
        "Ban Quản lý rừng phòng hộ",
        "Trung tâm Dịch vụ nông nghiệp",
        "Ban Quản lý dự án đầu tư xây dựng",
        "Trung tâm Giáo dục nghề nghiệp - GDTX",
        "Trung tâm Văn hóa - Thể thao"
    };
    private static final String[] HEALTH = {"Bệnh viện Đa khoa", "Trung tâm Y tế", "Bệnh viện Y dược cổ truyền"};

    private LaiChauTree() {}

    /** The 2024 tree, in creation order (parents first). */
    static List<Node> generate() {
        Random random = new Random(20241231L);
        List<Node> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        nodes.add(node(-1, "CONFEDERATION", "TLD", "Tổng Liên đoàn Lao động Việt Nam", LocalDate.of(1929, 7, 28)));
        nodes.add(
                node(0, "PROVINCIAL_FEDERATION", "LCU", "Liên đoàn Lao động tỉnh Lai Châu", LocalDate.of(2004, 1, 1)));
        int next = 1;
        for (District d : DISTRICTS) {
            int parent = nodes.size();
            nodes.add(node(1, "DISTRICT_FEDERATION", d.code(), d.name(), d.founded()));
            boolean hydropower = d.code().equals("LCU-H05")
                    || d.code().equals("LCU-H07")
                    || d.code().equals("LCU-H08");
            for (int i = 0; i < d.grassroots(); i++) {
                int roll = random.nextInt(100);
                Kind kind = roll < 15
                        ? Kind.AGENCY
                        : roll < 52
                                ? Kind.SCHOOL
                                : roll < 78
                                        ? Kind.ENTERPRISE
                                        : roll < 81
                                                ? (hydropower ? Kind.FDI : Kind.STATE_COMPANY)
                                                : roll < 91
                                                        ? Kind.COOPERATIVE
                                                        : roll < 94 ? Kind.INFORMAL : Kind.PUBLIC_SELF_FUNDED;
                String commune = d.communes().get(random.nextInt(d.communes().size()));
                next = grassroots(nodes, names, random, parent, next, kind, commune, d.founded());
            }
        }
        for (String[] s : SECTORS) {
            int parent = nodes.size();
            nodes.add(node(1, s[1], s[0], s[2], LocalDate.of(2004, 1, 1)));
            int count = Integer.parseInt(s[3]);
            for (int i = 0; i < count; i++) {
                Kind kind =
                        switch (s[0]) {
                            case "LCU-N01" -> i < 40 ? Kind.SCHOOL : Kind.PUBLIC_SELF_FUNDED;
                            case "LCU-N02" -> Kind.HEALTH;
                            default -> Kind.AGENCY;
                        };
                String commune = random.nextInt(3) == 0 ? "Đoàn Kết" : "Tân Phong";
                if (kind == Kind.HEALTH && i >= 3) {
                    // District hospitals and health centres sit in the former district towns.
                    District d = DISTRICTS.get(i % DISTRICTS.size());
                    commune = d.communes().get(0);
                }
                next = grassroots(nodes, names, random, parent, next, kind, commune, LocalDate.of(2004, 1, 1));
            }
        }
        return nodes;
    }

    private static int grassroots(
            List<Node> nodes,
            Set<String> names,
            Random random,
            int parent,
            int number,
            Kind kind,
            String commune,
            LocalDate notBefore) {
        String[] employer = employer(random, names, kind, commune, nodes.get(parent));
        LocalDate founded = LocalDate.of(1998 + random.nextInt(26), 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (founded.isBefore(notBefore)) {
            founded = notBefore.plusDays(random.nextInt(400));
        }
        if (founded.isAfter(LocalDate.of(2024, 6, 30))) {
            founded = LocalDate.of(2024, 6, 30).minusDays(random.nextInt(300));
        }
        int members =
                switch (kind) {
                    case SCHOOL -> 15 + random.nextInt(28);
                    case AGENCY -> 10 + random.nextInt(20);
                    case ENTERPRISE -> random.nextInt(10) == 0 ? 60 + random.nextInt(120) : 8 + random.nextInt(25);
                    case FDI -> 60 + random.nextInt(180);
                    case STATE_COMPANY -> 40 + random.nextInt(90);
                    case COOPERATIVE -> 6 + random.nextInt(12);
                    case INFORMAL -> 15 + random.nextInt(25);
                    case PUBLIC_SELF_FUNDED -> 15 + random.nextInt(40);
                    case HEALTH -> 25 + random.nextInt(100);
                    case NONE -> 0;
                };
        String prefix = kind == Kind.INFORMAL ? "Nghiệp đoàn cơ sở " : "Công đoàn cơ sở ";
        String code = "LCU-CS%04d".formatted(number);
        int index = nodes.size();
        nodes.add(new Node(
                parent,
                "GRASSROOTS_UNION",
                code,
                prefix + employer[0],
                founded,
                kind,
                employer[0],
                employer[1],
                employer[2],
                commune,
                members));
        if (members >= 60 && number % 3 == 0) {
            String[] departments = {"Văn phòng", "Sản xuất", "Kỹ thuật", "Kinh doanh"};
            for (int d = 0; d < 2 + random.nextInt(3); d++) {
                nodes.add(node(
                        index,
                        "DEPARTMENT_UNION",
                        code + "-BP" + (d + 1),
                        "Công đoàn bộ phận " + departments[d],
                        founded));
            }
        } else if (members >= 25 && number % 4 == 1) {
            for (int g = 1; g <= 2 + random.nextInt(2); g++) {
                nodes.add(node(index, "UNION_GROUP", code + "-T" + g, "Tổ công đoàn số " + g, founded));
            }
        }
        return number + 1;
    }

    /** Employer name, ownership type code and VSIC section. */
    private static String[] employer(Random random, Set<String> taken, Kind kind, String commune, Node parent) {
        String parentCode = parent.code();
        String district = parent.name().replace("Liên đoàn Lao động ", "");
        for (int attempt = 0; ; attempt++) {
            String brand = pick(random, SYLLABLES) + " " + pick(random, SYLLABLES);
            String[] trade = TRADES[random.nextInt(TRADES.length)];
            String[] e =
                    switch (kind) {
                        case ENTERPRISE ->
                            new String[] {
                                pick(random, FORMS) + " " + trade[0] + " " + brand, "DOMESTIC_PRIVATE", trade[1]
                            };
                        case FDI ->
                            new String[] {
                                (random.nextBoolean() ? "Công ty TNHH Thủy điện " : "Công ty TNHH Xây dựng ") + brand
                                        + " Việt Nam",
                                "FDI",
                                random.nextBoolean() ? "D" : "F"
                            };
                        case STATE_COMPANY ->
                            new String[] {
                                "Công ty Cổ phần " + trade[0] + " " + brand + " Lai Châu", "STATE_CONTROLLED", trade[1]
                            };
                        case COOPERATIVE ->
                            new String[] {pick(random, COOPS) + " " + brand + " " + commune, "COOPERATIVE", "A"};
                        case INFORMAL -> new String[] {pick(random, INFORMAL) + " " + commune, "", ""};
                        case PUBLIC_SELF_FUNDED ->
                            parentCode.equals("LCU-N01")
                                    ? new String[] {"Trường Cao đẳng " + brand, "PUBLIC_SERVICE_UNIT", "P"}
                                    : new String[] {
                                        pick(random, PUBLIC_SELF) + " " + commune, "PUBLIC_SERVICE_UNIT", "O"
                                    };
                        case HEALTH -> new String[] {pick(random, HEALTH) + " " + commune, "PUBLIC_SERVICE_UNIT", "Q"};
                        case SCHOOL ->
                            parentCode.equals("LCU-N01")
                                    ? new String[] {"Trường Trung học phổ thông " + brand, "PUBLIC_SERVICE_UNIT", "P"}
                                    : new String[] {
                                        pick(random, SCHOOLS) + " " + brand + " " + commune, "PUBLIC_SERVICE_UNIT", "P"
                                    };
                        case AGENCY ->
                            parentCode.equals("LCU-N03")
                                    ? new String[] {
                                        random.nextInt(3) == 0
                                                ? pick(random, PROVINCIAL_UNITS) + " " + brand + " tỉnh Lai Châu"
                                                : pick(random, PROVINCIAL_AGENCIES) + " tỉnh Lai Châu",
                                        "STATE",
                                        "O"
                                    }
                                    : new String[] {agency(random, brand, district), "STATE", "O"};
                        case NONE -> new String[] {"", "", ""};
                    };
            if (attempt > 20) {
                // Few names in a small pool (district hospitals): tell them apart by a number, as real ones are.
                e[0] = e[0] + " số " + (attempt - 19);
            }
            if (taken.add(e[0])) {
                return e;
            }
        }
    }

    private static String agency(Random random, String brand, String district) {
        String a = pick(random, AGENCIES);
        // Pre-2025 communes are fictitious here (the 106 old names are not in our sources).
        return a.endsWith("xã") ? a + " " + brand : a.replace(" huyện", "") + " " + district;
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static Node node(int parent, String type, String code, String name, LocalDate from) {
        return new Node(parent, type, code, name, from, Kind.NONE, "", "", "", "", 0);
    }

    /** The commune/ward union (or the LĐLĐ, code "LCU") responsible for a commune after 01/07/2025. */
    static String unionOfCommune(String commune) {
        for (District d : DISTRICTS) {
            if (d.communes().contains(commune)) {
                return d.union().isEmpty() ? "LCU" : d.union();
            }
        }
        return "LCU";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
