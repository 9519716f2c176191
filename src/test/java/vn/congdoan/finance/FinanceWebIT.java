package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Money;

/**
 * The finance core's pages and API over HTTP: the calculator (page and JSON, with the rule version applied), refused
 * input named by field (422), the rules page with its citations, adding a version through the form, the journal and
 * a reversal with a one-time token (a double submit reverses once), an inspector's view written to the audit trail,
 * and the OpenAPI description.
 */
@FullApplicationTest
class FinanceWebIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Ledger ledger;

    WebUser login(String user) {
        return WebUser.login(port, user, FullApplicationTest.PASSWORD);
    }

    AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    @Test
    void theCalculatorQuotesUnderTheRuleOfTheMonth() {
        WebUser ketoan = login("ketoan");
        HttpResponse<String> page =
                ketoan.get("/finance/calculator?memberGroup=NON_STATE&salary=60.000.000&month=07%2F2025");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("234.000 đ")
                .contains("QĐ 61/QĐ-TLĐ, hiệu lực từ 01/07/2025")
                .contains("Đã áp dụng mức trần");
        HttpResponse<String> june =
                ketoan.get("/api/v1/finance/dues/quote?memberGroup=NON_STATE&salary=10000000&month=2025-06");
        assertThat(june.statusCode()).isEqualTo(200);
        assertThat(june.body())
                .contains("\"amount\":100000")
                .contains("\"documentNo\":\"QĐ 1908/QĐ-TLĐ\"")
                .contains("\"validFrom\":\"2017-01-01\"");
        HttpResponse<String> july =
                ketoan.get("/api/v1/finance/dues/quote?memberGroup=NON_STATE&salary=10000000&month=2025-07");
        assertThat(july.body())
                .contains("\"amount\":50000")
                .contains("\"grassrootsShare\":35000")
                .contains("\"upperShare\":15000");
        HttpResponse<String> groups = ketoan.get("/api/v1/finance/member-groups");
        assertThat(groups.body()).contains("NON_STATE").contains("FLAT").contains("SOE");
    }

    @Test
    void badInputIs422NamingTheField() {
        WebUser ketoan = login("ketoan");
        HttpResponse<String> r = ketoan.get("/api/v1/finance/dues/quote?memberGroup=NOPE&salary=abc&month=13%2F2025");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body())
                .contains("\"field\":\"salary\"")
                .contains("\"field\":\"month\"")
                .contains("Tiền lương");
        HttpResponse<String> unknownGroup =
                ketoan.get("/api/v1/finance/dues/quote?memberGroup=NOPE&salary=1&month=2025-07");
        assertThat(unknownGroup.statusCode()).isEqualTo(422);
        assertThat(unknownGroup.body()).contains("\"field\":\"memberGroup\"");
        HttpResponse<String> page = ketoan.get("/finance/calculator?memberGroup=NON_STATE&salary=-5&month=07%2F2025");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tiền lương: phải là số đồng");
    }

    @Test
    void theRulesPageCitesEveryVersionAndTheFormAddsOne() {
        HttpResponse<String> rules = login("cs1").get("/finance/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.body())
                .contains("QĐ 61/QĐ-TLĐ")
                .contains("QĐ 1408/QĐ-TLĐ")
                .contains("Nghị định 73/2024/NĐ-CP")
                .contains("2.340.000 đ")
                .contains("Chưa kiểm chứng");
        WebUser admin = login("admin");
        HttpResponse<String> refused = admin.post(
                "/finance/rules",
                Map.of("table", "split_rule", "key", "OTHER", "ratePercent", "100", "validFrom", "15/01/2095"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Số văn bản: bắt buộc").contains("ngày đầu tháng");
        HttpResponse<String> added = admin.post(
                "/finance/rules",
                Map.of(
                        "table", "split_rule",
                        "key", "OTHER",
                        "ratePercent", "100",
                        "validFrom", "01/01/2095",
                        "documentNo", "QĐ thử 9/2094/QĐ-TLĐ"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(login("cs1").get("/finance/rules").body()).contains("QĐ thử 9/2094/QĐ-TLĐ");
        assertThat(login("tinh")
                        .post(
                                "/finance/rules",
                                Map.of(
                                        "table",
                                        "fund_rule",
                                        "ratePercent",
                                        "3",
                                        "validFrom",
                                        "01/01/2096",
                                        "documentNo",
                                        "x"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theJournalShowsTheSplitAndAReversalPostsOnceWithItsToken() {
        AccessScope scope = scope("ketoan");
        long a = scope.homeUnitId();
        Ledger.PostingView p = ledger.receive(
                new Ledger.Receipt(
                        "web-it-1",
                        a,
                        FeeRules.DUES,
                        Money.of(50_000),
                        LocalDate.of(2025, 7, 20),
                        YearMonth.of(2025, 7),
                        "Đoàn phí tháng 07/2025 của phép thử",
                        null,
                        null),
                scope,
                scope.actor("127.0.0.1"));
        WebUser ketoan = login("ketoan");
        HttpResponse<String> journal = ketoan.get("/finance/units/" + a + "/ledger?from=20/07/2025&to=20/07/2025");
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(journal.body())
                .contains("Đoàn phí tháng 07/2025 của phép thử")
                .contains("35.000 đ")
                .contains("15.000 đ");
        HttpResponse<String> page = ketoan.get("/finance/postings/" + p.id());
        String token = "reverse-form:" + java.util.UUID.randomUUID();
        assertThat(page.body()).contains("reverse-form").contains("QĐ 1408/QĐ-TLĐ");
        HttpResponse<String> empty =
                ketoan.post("/finance/postings/" + p.id() + "/reverse", Map.of("reason", " ", "token", token));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Lý do: bắt buộc");
        Map<String, String> form = Map.of("reason", "Thu nhầm người", "token", token);
        HttpResponse<String> first = ketoan.post("/finance/postings/" + p.id() + "/reverse", form);
        HttpResponse<String> second = ketoan.post("/finance/postings/" + p.id() + "/reverse", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(jdbc.sql("select count(*) from finance.posting where reverses_id = :id")
                        .param("id", p.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        HttpResponse<String> again = ketoan.post(
                "/finance/postings/" + p.id() + "/reverse",
                Map.of("reason", "Lần nữa", "token", "reverse-form:" + java.util.UUID.randomUUID()));
        assertThat(again.body()).contains("đã được đảo trước đó");
        HttpResponse<String> json = ketoan.get("/api/v1/finance/postings/" + p.id());
        assertThat(json.body()).contains("\"reversedById\":").contains("\"amount\":50000");
        // A sibling union's officer cannot see A's books: 404.
        assertThat(login("cs2").get("/finance/postings/" + p.id()).statusCode()).isEqualTo(404);
        assertThat(login("cs2").get("/api/v1/finance/units/" + a + "/ledger").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInspectorsLookAtABooksIsAuditLogged() {
        long a = scope("ketoan").homeUnitId();
        long before = inspections();
        HttpResponse<String> r = login("kiemtra").get("/finance/units/" + a + "/ledger");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("reverse-form");
        assertThat(login("kiemtra")
                        .get("/api/v1/finance/units/" + a + "/totals")
                        .statusCode())
                .isEqualTo(200);
        assertThat(inspections()).isEqualTo(before + 2);
        // An officer reading their own books is not an inspection.
        login("cs1").get("/finance/units/" + a + "/ledger");
        assertThat(inspections()).isEqualTo(before + 2);
    }

    long inspections() {
        return jdbc.sql("select count(*) from audit.audit_entry where action = 'FINANCE_INSPECTION_VIEW'")
                .query(Long.class)
                .single();
    }

    @Test
    void theHubLinksTheFinancePagesAndTheApiIsDescribed() {
        HttpResponse<String> hub = login("ketoan").get("/finance");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body())
                .contains("/finance/calculator")
                .contains("/finance/rules")
                .contains("/ledger");
        assertThat(login("admin").get("/finance").body()).contains("/finance/rules/new");
        assertThat(login("xa").get("/v3/api-docs").body())
                .contains("/api/v1/finance/dues/quote")
                .contains("/api/v1/finance/member-groups")
                .contains("/api/v1/finance/units/{unitId}/ledger");
    }
}
