package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No main page runs a query per row (issue 8, "no N+1 queries"). Each page is opened twice, for a small scope and for
 * a large one (a grassroots unit and the province, or a unit with few rows and one with many), and the SQL statements
 * it sends to PostgreSQL are counted ({@link SqlStatements}). The two counts must be equal, or differ by at most the
 * page's stated allowance, which never depends on the number of rows; neither may pass the page's budget.
 *
 * <p>Spring Session's own statements (reading the session and its attributes, saving its last access) are counted
 * apart, against {@link #SESSION_BUDGET}: they are the same for every request of a signed-in user and belong to the
 * session store (sized in the two-node work), not to the page.
 */
@FullApplicationTest
class SqlStatementBudgetIT {

    /** Most statements Spring Session may add to one request of a signed-in user (measured: 3; 4 on the first page). */
    static final int SESSION_BUDGET = 4;

    /**
     * The main pages: at most {@code budget} statements each (what was measured, plus two or three), and the large
     * visit may differ from the small one by at most {@code allow}. {@code {…}} stands for an id found in the demo world
     * (see {@link #places()}).
     *
     * <p>Dashboard: +2 for a unit with children (the children's reports outstanding), +1 for a grassroots unit (the
     * access-log entry for a breakdown that names few members).
     */
    static final String PAGES = """
            page                       | budget | allow | small visit                                 | large visit
            Trang chủ                  |     12 |     0 | cs1 /                                       | tinh /
            Bảng điều khiển            |     30 |     2 | tinh /dashboard?unit={cs1}                  | tinh /dashboard?unit={province}
            Danh sách đoàn viên        |     14 |     0 | cs1 /members                                | tinh /members
            Tìm đoàn viên              |     14 |     0 | cs1 /members?q=thi                          | tinh /members?q=thi
            Đoàn viên của một đơn vị   |     22 |     0 | tinh /members?unit={cs1Code}                | tinh /members?unit={communeCode}
            Hồ sơ đoàn viên            |     16 |     0 | tinh /members/{quietMember}                 | tinh /members/{busyMember}
            Đơn vị (cây tổ chức)       |     22 |     0 | tinh /units/{cs1}                           | tinh /units/{province}
            Cây: mở một cấp            |     10 |     0 | tinh /units/{cs1}/children                  | tinh /units/{province}/children
            Doanh nghiệp               |     14 |     0 | cs1 /enterprises                            | tinh /enterprises
            Sổ văn bản                 |     10 |     0 | cs1 /documents                              | tinh /documents
            Ma trận nhiệm vụ           |     13 |     0 | cs1 /tasks/documents/{document}             | tinh /tasks/documents/{document}
            Báo cáo thống kê           |     30 |     0 | tinh /reports?unitId={cs1}                  | tinh /reports?unitId={province}
            Đoàn phí của đơn vị        |     14 |     0 | xa /finance/dues?unitId={fewDues}&month={m} | xa /finance/dues?unitId={manyDues}&month={m}
            Nợ đoàn phí                |     15 |     0 | xa /finance/dues/arrears?unitId={cs1}       | xa /finance/dues/arrears?unitId={commune}
            Nợ kinh phí công đoàn      |     12 |     0 | tinh /finance/fund?unitId={cs1}             | tinh /finance/fund?unitId={province}
            Dự toán, quyết toán        |     11 |     0 | xa /finance/budgets                         | tinh /finance/budgets
            Kiểm tra tài chính         |     12 |     0 | kiemtra /finance/inspection?page=999        | kiemtra /finance/inspection
            Kiểm tra một đơn vị        |     20 |     0 | kiemtra /finance/inspection/units/{cs1}     | kiemtra /finance/inspection/units/{province}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, WebUser> users = new HashMap<>();

    record Page(String name, int budget, int allowance, Visit small, Visit large) {}

    record Visit(String user, String path) {}

    record Measured(Page page, Count small, Count large) {}

    /** What one visit cost: its page's statements, Spring Session's, the page's length and time. */
    record Count(List<String> statements, int session, int chars, long millis) {

        int application() {
            return statements.size();
        }

        /** Statements run more than once: the mark of a query per row. */
        Map<String, Long> repeated() {
            Map<String, Long> n =
                    statements.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            n.values().removeIf(c -> c < 2);
            return n;
        }

        /** The statements this visit ran that the other did not (as many times). */
        List<String> beyond(Count other) {
            List<String> extra = new ArrayList<>(statements);
            other.statements().forEach(extra::remove);
            return extra;
        }
    }

    @Test
    void mainPagesSendABoundedNumberOfStatementsWhateverTheirRowCount() {
        List<Measured> measured = pages(places()).stream()
                .map(p -> new Measured(p, count(p.small()), count(p.large())))
                .toList();
        System.out.println(table(measured));
        List<String> failures = new ArrayList<>();
        for (Measured m : measured) {
            Page p = m.page();
            for (Count c : List.of(m.small(), m.large())) {
                if (c.application() > p.budget()) {
                    failures.add(p.name() + ": " + c.application() + " statements, budget " + p.budget()
                            + "; repeated: " + c.repeated());
                }
                if (c.session() > SESSION_BUDGET) {
                    failures.add(p.name() + ": " + c.session() + " session statements");
                }
            }
            if (Math.abs(m.large().application() - m.small().application()) > p.allowance()) {
                failures.add(p.name() + ": " + m.small().application() + " statements for the small scope, "
                        + m.large().application() + " for the large one (allowed difference " + p.allowance()
                        + "); only in the large one: " + m.large().beyond(m.small()) + "; only in the small one: "
                        + m.small().beyond(m.large()));
            }
        }
        assertThat(failures)
                .as("pages over their SQL budget or growing with rows")
                .isEmpty();
    }

    /** The ids the table's visits name, found in the demo world. */
    private Map<String, String> places() {
        Map<String, String> p = new HashMap<>();
        long cs1 = jdbc.sql("select home_unit_id from identity.app_user where username = 'cs1'")
                .query(Long.class)
                .single();
        p.put("cs1", String.valueOf(cs1));
        p.put(
                "cs1Code",
                jdbc.sql("select code from organisation.org_unit where id = :id")
                        .param("id", cs1)
                        .query(String.class)
                        .single());
        p.put("province", unitByCode("LCU"));
        p.put("commune", unitByCode("LCU-X01"));
        p.put("communeCode", "LCU-X01");
        p.put("document", one("select id from directives.document where number_text = '108/TB-LĐLĐ'"));
        // Active members with the shortest and the longest history (periods of membership and events).
        String history = """
                select m.id from membership.member m where m.status = 'ACTIVE'
                 order by (select count(*) from membership.membership_period p where p.member_id = m.id)
                        + (select count(*) from membership.member_event e where e.member_id = m.id) %s, m.id
                 limit 1""";
        p.put("quietMember", one(history.formatted("asc")));
        p.put("busyMember", one(history.formatted("desc")));
        // The month with the most dues charges, and the units with the fewest and the most charges in it.
        String month = one("""
                select to_char(period, 'YYYY-MM') from finance.dues_charge
                 group by period order by count(*) desc, period desc limit 1""");
        p.put("m", month);
        String byCharges = """
                select org_unit_id from finance.dues_charge where to_char(period, 'YYYY-MM') = '%s'
                 group by org_unit_id order by count(*) %s, org_unit_id limit 1""";
        p.put("fewDues", one(byCharges.formatted(month, "asc")));
        p.put("manyDues", one(byCharges.formatted(month, "desc")));
        return p;
    }

    private static List<Page> pages(Map<String, String> places) {
        List<Page> pages = new ArrayList<>();
        for (String line : PAGES.lines().skip(1).toList()) {
            String[] c = line.split("\\|");
            pages.add(new Page(
                    c[0].strip(),
                    Integer.parseInt(c[1].strip()),
                    Integer.parseInt(c[2].strip()),
                    visit(c[3], places),
                    visit(c[4], places)));
        }
        return pages;
    }

    private static Visit visit(String cell, Map<String, String> places) {
        String[] userAndPath = cell.strip().split(" ", 2);
        String path = userAndPath[1];
        for (Map.Entry<String, String> e : places.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        assertThat(path).as("every place in the table is known").doesNotContain("{");
        return new Visit(userAndPath[0], path);
    }

    /** Opens the page once, measured (the application caches nothing a second visit would skip). */
    private Count count(Visit visit) {
        WebUser user = users.computeIfAbsent(visit.user(), u -> WebUser.login(port, u, FullApplicationTest.PASSWORD));
        String token = UUID.randomUUID().toString();
        long start = System.nanoTime();
        HttpResponse<String> response = user.get(visit.path(), SqlStatements.HEADER, token);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as(visit.path()).isEqualTo(200);
        SqlStatements.Recorded r = SqlStatements.take(token);
        return new Count(r.application(), r.session().size(), response.body().length(), millis);
    }

    private static String table(List<Measured> measured) {
        StringBuilder t = new StringBuilder("\nSQL statements per page (Spring Session's apart)\n");
        t.append(String.format(
                "| %-26s | %-8s | %-8s | %5s | %5s | %6s | %7s | %-17s | %s |%n",
                "page",
                "small",
                "large",
                "small",
                "large",
                "budget",
                "session",
                "chars small/large",
                "ms small/large"));
        for (Measured m : measured) {
            t.append(String.format(
                    "| %-26s | %-8s | %-8s | %5d | %5d | %6d | %3d/%-3d | %7d/%-9d | %d/%d |%n",
                    m.page().name(),
                    m.page().small().user(),
                    m.page().large().user(),
                    m.small().application(),
                    m.large().application(),
                    m.page().budget(),
                    m.small().session(),
                    m.large().session(),
                    m.small().chars(),
                    m.large().chars(),
                    m.small().millis(),
                    m.large().millis()));
        }
        return t.toString();
    }

    private String unitByCode(String code) {
        return jdbc.sql("select id::text from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private String one(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }
}
