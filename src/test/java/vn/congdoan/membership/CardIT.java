package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;

/**
 * Cards through HTTP on the whole application: an officer issues an e-card, its QR code leads anonymous visitors to
 * a page that confirms the member without revealing them, and that stops confirming when the card is replaced or the
 * member leaves; officers of a sibling union cannot reach it; a member sees their own card.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebUser cs1;
    WebUser cs2;
    long unitA;
    long unitB;

    @BeforeAll
    void setUp() {
        cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        cs2 = WebUser.login(port, "cs2", FullApplicationTest.PASSWORD);
        unitA = homeOf("cs1");
        unitB = homeOf("cs2");
    }

    static long insertMember(JdbcClient jdbc, String name, long unit) {
        return jdbc.sql("""
                        insert into membership.member (full_name, search_key, sex, birth_date, joined_on, status, unit_id,
                                                       last_unit_id)
                        values (:n, lower(:n), 'F', date '1990-03-04', date '2015-06-01', 'ACTIVE', :u, :u)
                        returning id""").param("n", name).param("u", unit).query(Long.class).single();
    }

    private long homeOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private String unitName(long unit) {
        return jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
    }

    private Map<String, Object> currentCard(long member) {
        return jdbc.sql("""
                        select id, card_no, card_type, status, replaces_id from membership.member_card
                         where member_id = :m and status in ('ORDERED', 'PRINTED', 'ISSUED')""").param("m", member).query().singleRow();
    }

    private long count(String sql, long member) {
        return jdbc.sql(sql).param("m", member).query(Long.class).single();
    }

    /** The verification path the member's current e-card's QR code points to. */
    private String qrPath(WebUser who, String cardPath) {
        HttpResponse<byte[]> png = who.getBytes(cardPath);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(png.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String url = CardQr.decode(png.body());
        assertThat(url).startsWith("http://localhost:" + port + "/verify/");
        return URI.create(url).getPath();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Test
    void anIssuedECardVerifiesPubliclyUntilTheMemberLeaves() throws Exception {
        String name = "Đặng Thị Ngọc Ánh";
        long member = insertMember(jdbc, name, unitA);
        String code = jdbc.sql("select member_code from membership.member where id = :m")
                .param("m", member)
                .query(String.class)
                .single();

        HttpResponse<String> issued =
                cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD", "issuedOn", "20/11/2026"));
        assertThat(issued.statusCode()).isEqualTo(302);
        Map<String, Object> card = currentCard(member);
        assertThat(card.get("status")).isEqualTo("ISSUED");
        String cardNo = (String) card.get("card_no");
        assertThat(cardNo).matches("TDV[0-9]{10}");
        assertThat(luhnValid(cardNo.substring(3)))
                .as("Luhn check digit of " + cardNo)
                .isTrue();
        assertThat(count(
                        "select count(*) from membership.member_event where member_id = :m and kind = 'CARD_ISSUED'",
                        member))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit.audit_entry where action = 'MEMBER_CARD_ISSUED' and target_id = :m::text",
                        member))
                .isEqualTo(1);
        assertThat(cs1.get("/members/" + member + "/cards").body()).contains(cardNo, "Thẻ điện tử");

        String verify = qrPath(cs1, "/members/" + member + "/card.png");
        HttpResponse<String> ok = WebUser.anonymous(port).get(verify);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(ok.body())
                .contains("Đoàn viên hợp lệ của " + unitName(unitA), "Đ.T.N.Á.", code.substring(code.length() - 4))
                .doesNotContain(name, code, "04/03/1990", "1990-03-04");

        HttpResponse<byte[]> pdf = cs1.getBytes("/members/" + member + "/card.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertThat(text).contains(name, code, cardNo, "THẺ ĐOÀN VIÊN");
        }

        jdbc.sql(
                        "update membership.member set status = 'LEFT', unit_id = null, left_on = date '2026-11-24' where id = :m")
                .param("m", member)
                .update();
        HttpResponse<String> left = WebUser.anonymous(port).get(verify);
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("Thẻ không hợp lệ").doesNotContain("hợp lệ của", "Đ.T.N.Á.");
    }

    @Test
    void forgedOrGarbledTokensAreNotValid() {
        long member = insertMember(jdbc, "Lò Thị Xuân", unitA);
        assertThat(cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD"))
                        .statusCode())
                .isEqualTo(302);
        String genuine = qrPath(cs1, "/members/" + member + "/card.png");
        String token = genuine.substring("/verify/".length());
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String path : new String[] {"/verify/" + forged, "/verify/abc", "/verify/" + "A".repeat(35)}) {
            HttpResponse<String> r = WebUser.anonymous(port).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("Thẻ không hợp lệ").doesNotContain("Lò Thị Xuân");
        }
        assertThat(WebUser.anonymous(port).get(genuine).body()).contains("Đoàn viên hợp lệ");
    }

    @Test
    void aReplacedCardStopsVerifyingAndTheNewOneVerifies() {
        long member = insertMember(jdbc, "Vàng A Sáng", unitA);
        cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD"));
        long oldId = ((Number) currentCard(member).get("id")).longValue();
        String oldVerify = qrPath(cs1, "/members/" + member + "/card.png");

        HttpResponse<String> again = cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from membership.member_card where member_id = :m", member))
                .as("a second current card is refused")
                .isEqualTo(1);

        HttpResponse<String> replaced = cs1.post(
                "/members/" + member + "/cards/replace",
                Map.of("card", String.valueOf(oldId), "reason", "LOST", "type", "PLASTIC"));
        assertThat(replaced.statusCode()).isEqualTo(302);
        Map<String, Object> now = currentCard(member);
        assertThat(now.get("card_type")).isEqualTo("PLASTIC");
        assertThat(now.get("status")).isEqualTo("ORDERED");
        assertThat(((Number) now.get("replaces_id")).longValue()).isEqualTo(oldId);
        assertThat(jdbc.sql("select status from membership.member_card where id = :id")
                        .param("id", oldId)
                        .query(String.class)
                        .single())
                .isEqualTo("LOST");
        assertThat(WebUser.anonymous(port).get(oldVerify).body()).contains("Thẻ không hợp lệ");
        assertThat(WebUser.anonymous(port)
                        .get(qrPath(cs1, "/members/" + member + "/card.png"))
                        .body())
                .contains("Đoàn viên hợp lệ của " + unitName(unitA));

        // Printing the ordered card marks it printed and leaves an audit entry.
        HttpResponse<String> print = cs1.post("/members/cards/print", Map.of("ids", String.valueOf(member)));
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(print.body()).startsWith("%PDF");
        assertThat(currentCard(member).get("status")).isEqualTo("PRINTED");
        assertThat(count(
                        "select count(*) from audit.audit_entry where action = 'MEMBER_CARDS_PRINTED' and detail like '%' || :m || '%'",
                        ((Number) now.get("id")).longValue()))
                .isEqualTo(1);

        cs1.post("/members/" + member + "/cards/revoke", Map.of());
        assertThat(count(
                        "select count(*) from membership.member_card where member_id = :m and status = 'REVOKED'",
                        member))
                .isEqualTo(1);
        assertThat(cs1.getBytes("/members/" + member + "/card.png").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSiblingUnionsOfficerCannotReachTheCards() {
        long member = insertMember(jdbc, "Giàng Thị Mai", unitA);
        long other = insertMember(jdbc, "Sùng A Páo", unitB);
        cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD"));
        cs2.post("/members/" + other + "/cards", Map.of("type", "E_CARD"));
        assertThat(cs2.get("/members/" + member + "/cards").statusCode()).isEqualTo(404);
        assertThat(cs2.getBytes("/members/" + member + "/card.png").statusCode())
                .isEqualTo(404);
        assertThat(cs2.getBytes("/members/" + member + "/card.pdf").statusCode())
                .isEqualTo(404);
        assertThat(cs2.post("/members/" + member + "/cards/revoke", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(count(
                        "select count(*) from membership.member_card where member_id = :m and status = 'ISSUED'",
                        member))
                .isEqualTo(1);
        // One out-of-scope id spoils the whole print request.
        String csrf = WebUser.csrfFrom(cs1.get("/account").body());
        HttpResponse<String> mixed =
                cs1.send("POST", "/members/cards/print", "ids=" + member + "&ids=" + other + "&_csrf=" + csrf);
        assertThat(mixed.statusCode()).isEqualTo(404);
        HttpResponse<String> own = cs1.send("POST", "/members/cards/print", "ids=" + member + "&_csrf=" + csrf);
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberSeesTheirOwnCardAndOfficersHaveNoSelfService() {
        long account = jdbc.sql("select id from identity.app_user where username = 'doanvien'")
                .query(Long.class)
                .single();
        long member = jdbc.sql("select id from membership.member where account_id = :a")
                .param("a", account)
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    long m = insertMember(jdbc, "Vàng Thị Dợ", unitA);
                    jdbc.sql("update membership.member set account_id = :a where id = :m")
                            .param("a", account)
                            .param("m", m)
                            .update();
                    return m;
                });
        WebUser doanvien = WebUser.login(port, "doanvien", FullApplicationTest.PASSWORD);
        if (count(
                        "select count(*) from membership.member_card where member_id = :m and status in ('ORDERED', 'PRINTED', 'ISSUED')",
                        member)
                == 0) {
            assertThat(cs1.post("/members/" + member + "/cards", Map.of("type", "E_CARD"))
                            .statusCode())
                    .isEqualTo(302);
        }
        HttpResponse<String> page = doanvien.get("/me/card");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("/me/card.png", (String) currentCard(member).get("card_no"));
        String verify = qrPath(doanvien, "/me/card.png");
        assertThat(WebUser.anonymous(port).get(verify).body()).contains("Đoàn viên hợp lệ");
        assertThat(doanvien.getBytes("/me/card.pdf").statusCode()).isEqualTo(200);
        assertThat(doanvien.getBytes("/members/" + member + "/card.png").statusCode())
                .isEqualTo(404);
        assertThat(cs1.get("/me/card").statusCode()).isEqualTo(403);
        assertThat(WebUser.anonymous(port).get("/me/card").statusCode()).isEqualTo(302);
    }
}
