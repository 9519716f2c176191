package vn.congdoan.directives.internal.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.directives.DemoDocuments;
import vn.congdoan.directives.DocumentInput;
import vn.congdoan.directives.Documents;
import vn.congdoan.directives.IssuerView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;

/**
 * The demo world's documents (DOMAIN.md §12): Thông báo 108/TB-LĐLĐ of 14/10/2024 — the founding notice, summarised
 * in our own words, never its paragraphs — addressed to the province's child units of today's tree, and a few
 * synthetic documents around it. Entered through the register like any paper-era document, so the numbering rules
 * apply (the federation's 2024 counter moves past 108).
 */
@Component
class DemoDocumentSeeder implements DemoDocuments {

    static final String FOUNDING_NUMBER = "108/TB-LĐLĐ";

    /** The nine key tasks of 2025, one line each in our own words (DOMAIN.md §12). */
    static final List<String> NINE_TASKS = List.of(
            "1. Quán triệt nghị quyết đại hội Đảng bộ tỉnh và các chương trình đổi mới tổ chức, hoạt động công đoàn;"
                    + " tiếp tục học tập và làm theo tấm gương Hồ Chí Minh; đoàn viên đi đầu bỏ hủ tục.",
            "2. Tuyên truyền và tham gia các hoạt động kỷ niệm những ngày lễ lớn của đất nước trong năm 2025.",
            "3. Phổ biến Luật Công đoàn (sửa đổi) khi được thông qua; góp ý các dự thảo luật liên quan đến người"
                    + " lao động.",
            "4. Dành nguồn lực cho các hoạt động lớn của năm: Tết Sum vầy, Tháng Công nhân, chăm lo Tết cho đoàn"
                    + " viên.",
            "5. Đại diện, bảo vệ đoàn viên: xử lý nợ lương, nợ bảo hiểm xã hội; nâng chất lượng đối thoại và"
                    + " thương lượng tập thể; quan tâm việc làm, thu nhập, phúc lợi.",
            "6. Thực hiện Điều lệ Công đoàn khóa XIII; đổi mới cách tập hợp đoàn viên, cải cách hành chính, chuyển"
                    + " đổi số; phát triển đoàn viên, thành lập công đoàn cơ sở, nhất là ở doanh nghiệp ngoài nhà nước;"
                    + " bồi dưỡng cán bộ.",
            "7. Phối hợp Mặt trận giám sát, phản biện xã hội; kiểm tra việc thực hiện chính sách lao động tại doanh"
                    + " nghiệp; giới thiệu đoàn viên ưu tú để Đảng xem xét kết nạp.",
            "8. Phát động thi đua chào mừng đại hội Đảng các cấp và các ngày lễ lớn; nhân rộng điển hình, sáng"
                    + " kiến; khen thưởng kịp thời.",
            "9. Tăng cường thu, chi, quản lý tài chính và tài sản công đoàn; kiểm tra tài chính đồng cấp, công khai"
                    + " tài chính ở công đoàn cơ sở.");

    private final Documents documents;
    private final IssuerRegistry issuers;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoDocumentSeeder(Documents documents, IssuerRegistry issuers, OrgTree tree, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.issuers = issuers;
        this.tree = tree;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long seedDemoDocuments() {
        long root = unit("TLD");
        long province = unit("LCU");
        long commune = unit("LCU-X01");
        AccessScope system = new AccessScope(
                0,
                "system",
                "system",
                root,
                Map.of(Documents.READ, Set.of(root), Documents.WRITE, Set.of(root)),
                tree.paths(List.of(root)));
        Actor actor = Actor.system();
        issuers.configure(
                new IssuerView(root, "", "TLĐ", "", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "Hà Nội", "PER_ISSUER", "VP"));
        issuers.configure(new IssuerView(
                province,
                "",
                "LĐLĐ",
                "TỔNG LĐLĐ VIỆT NAM",
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU",
                "Lai Châu",
                "PER_ISSUER",
                "VP"));
        issuers.configure(new IssuerView(
                commune,
                "",
                "CĐ",
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU",
                "CÔNG ĐOÀN PHƯỜNG TÂN PHONG",
                "Lai Châu",
                "PER_ISSUER",
                null));

        // Incoming: the confederation's notice that 108 builds on (synthetic summary).
        documents.create(
                new DocumentInput(
                        Documents.INCOMING,
                        province,
                        "TB",
                        "150/TB-TLĐ",
                        LocalDate.of(2024, 9, 16),
                        "Hà Nội",
                        "Kết luận của Đoàn Chủ tịch Tổng Liên đoàn về định hướng nhiệm vụ trọng tâm công tác công"
                                + " đoàn năm 2025",
                        "Văn bản đến (bản tóm tắt dùng cho dữ liệu minh họa): định hướng các nhóm nhiệm vụ trọng"
                                + " tâm năm 2025 để các liên đoàn lao động tỉnh cụ thể hóa.",
                        "Tổng Liên đoàn Lao động Việt Nam",
                        LocalDate.of(2024, 9, 19),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                system,
                actor);

        // The founding notice: issued on paper on 14/10/2024, entered with its number.
        LocalDate today = Dates.today(clock);
        List<Long> children = openChildren(province, today);
        String body = String.join(
                "\n",
                List.of(
                        "Trên cơ sở định hướng của Tỉnh ủy và của Tổng Liên đoàn, Ban Thường vụ Liên đoàn Lao động tỉnh"
                                + " thông báo định hướng nhiệm vụ trọng tâm công tác công đoàn năm 2025 (bản tóm tắt"
                                + " dùng cho dữ liệu minh họa).",
                        "Chủ đề năm 2025: tập trung phát triển đoàn viên, tham gia xây dựng Đảng trong sạch, vững"
                                + " mạnh.",
                        "Chín nhiệm vụ trọng tâm:"));
        body = body + "\n" + String.join("\n", NINE_TASKS) + "\n"
                + "Các công đoàn cấp trên trực tiếp cơ sở cụ thể hóa thông báo này cho các công đoàn trực thuộc, tổ"
                + " chức thực hiện và báo cáo kết quả về Ban Thường vụ Liên đoàn Lao động tỉnh.";
        long founding = documents
                .create(
                        new DocumentInput(
                                Documents.OUTGOING,
                                province,
                                "TB",
                                FOUNDING_NUMBER,
                                LocalDate.of(2024, 10, 14),
                                "Lai Châu",
                                "Định hướng nhiệm vụ trọng tâm công tác công đoàn năm 2025",
                                body,
                                null,
                                null,
                                "Lò Văn Khoa",
                                "Chủ tịch",
                                "TM",
                                "Ban Thường vụ",
                                children,
                                "Thường trực LĐLĐ tỉnh\nCác ban, Văn phòng LĐLĐ tỉnh"),
                        system,
                        actor)
                .id();

        // The federation's first plan of 2026 (its 2026 sequence stands at 12).
        documents.create(
                new DocumentInput(
                        Documents.OUTGOING,
                        province,
                        "KH",
                        "12/KH-LĐLĐ",
                        LocalDate.of(2026, 1, 5),
                        "Lai Châu",
                        "Tổ chức Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2026",
                        "Kế hoạch minh họa: các công đoàn trực thuộc xây dựng chương trình Tháng Công nhân, ưu tiên"
                                + " thăm hỏi đoàn viên khó khăn và đối thoại tại doanh nghiệp.",
                        null,
                        null,
                        "Lò Văn Khoa",
                        "Chủ tịch",
                        "TM",
                        "Ban Thường vụ",
                        children,
                        null),
                system,
                actor);

        // A commune union's plan that concretises 108 for its grassroots unions.
        List<Long> grassroots = openChildren(commune, today);
        documents.create(
                new DocumentInput(
                        Documents.OUTGOING,
                        commune,
                        "KH",
                        "03/KH-CĐ",
                        LocalDate.of(2025, 8, 12),
                        "Lai Châu",
                        "Cụ thể hóa Thông báo số 108/TB-LĐLĐ tại các công đoàn cơ sở trực thuộc",
                        "Kế hoạch minh họa: giao các công đoàn cơ sở trực thuộc nhiệm vụ phát triển đoàn viên, đối"
                                + " thoại tại nơi làm việc và công khai tài chính; báo cáo kết quả 6 tháng và cả năm.",
                        null,
                        null,
                        "Tòng Văn Piên",
                        "Chủ tịch",
                        "TM",
                        "Ban Chấp hành",
                        grassroots,
                        "Liên đoàn Lao động tỉnh (để báo cáo)"),
                system,
                actor);
        jdbc.sql("update directives.document set demo = true").update();
        return founding;
    }

    @Override
    public Optional<Long> foundingNotice() {
        return jdbc.sql("""
                        select d.id from directives.document d join organisation.org_unit u on u.id = d.unit_id
                         where u.code = 'LCU' and d.number_text = :n and d.number_year = 2024
                        """).param("n", FOUNDING_NUMBER).query(Long.class).optional();
    }

    /** The unit's children in today's tree (org_unit holds today's placement). */
    private List<Long> openChildren(long parent, LocalDate today) {
        return jdbc.sql("""
                        select id from organisation.org_unit
                         where parent_id = :p and valid_from <= :d and (valid_to is null or valid_to > :d)
                         order by type_code, name
                        """)
                .param("p", parent)
                .param("d", today)
                .query(Long.class)
                .list();
    }

    private long unit(String code) {
        return tree.findByCode(code).orElseThrow().id();
    }
}
