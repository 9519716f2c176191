package vn.congdoan.membership;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;

/**
 * The card journey in real Chromium: an officer issues an e-card from the member page and opens it, a stranger
 * scans the QR code and sees only that the member is valid, and the member opens their own card. Screenshots in
 * {@code target/screenshots/card-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("card");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page page() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))
                .newPage();
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }

    private long unitOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private boolean hasCurrentCard(long member) {
        return jdbc.sql("""
                        select count(*) from membership.member_card
                         where member_id = :m and status in ('ORDERED', 'PRINTED', 'ISSUED')""").param("m", member).query(Long.class).single() > 0;
    }

    /** On the member page, the card panel loads by itself; the officer issues an e-card. */
    private void issueFromMemberPage(Page officer, long member, String shot) {
        officer.navigate("http://localhost:" + port + "/members/" + member);
        assertThat(officer.locator("#member-cards select[name=type]")).isVisible();
        officer.locator("#member-cards select[name=type]").selectOption("E_CARD");
        officer.locator("#member-cards button[type=submit]", new Page.LocatorOptions().setHasText("Cấp thẻ"))
                .click();
        assertThat(officer.locator("#member-cards")).containsText("Đã cấp thẻ.");
        assertThat(officer.locator("#member-cards img.member-card-preview")).isVisible();
        // The preview is the rendered PNG: wait until the browser has decoded it.
        officer.waitForFunction("() => { const i = document.querySelector('#member-cards img.member-card-preview');"
                + " return i !== null && i.complete && i.naturalWidth > 1000; }");
        officer.locator("#member-cards").scrollIntoViewIfNeeded();
        officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(shot)));
    }

    @Test
    void anOfficerIssuesAnECardThatAStrangerCanVerify() {
        long member = CardIT.insertMember(jdbc, "Hà Thị Thu Hương", unitOf("cs1"));
        Page officer = loggedIn("cs1");
        issueFromMemberPage(officer, member, "card-1-issued.png");
        assertThat(officer.locator("#member-cards")).containsText("Thẻ điện tử");

        String cardUrl = "http://localhost:" + port + "/members/" + member + "/card.png";
        APIResponse png = officer.request().get(cardUrl);
        assertThat(png.status()).isEqualTo(200);
        String verifyUrl = CardQr.decode(png.body());
        assertThat(verifyUrl).startsWith("http://localhost:" + port + "/verify/");
        officer.navigate(cardUrl);
        officer.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("card-2-ecard.png")));

        Page stranger = page();
        stranger.navigate(URI.create(verifyUrl).toString());
        assertThat(stranger.locator("#verify-valid")).containsText("Đoàn viên hợp lệ của");
        assertThat(stranger.locator("#verify-valid")).containsText("H.T.T.H.");
        assertThat(stranger.locator("main")).not().containsText("Hà Thị Thu Hương");
        stranger.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("card-3-verify.png")));

        stranger.navigate("http://localhost:" + port + "/verify/AQAAAAAAAAAB.AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(stranger.locator("#verify-invalid")).containsText("Thẻ không hợp lệ");
        stranger.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("card-4-verify-invalid.png")));
    }

    @Test
    void aMemberOpensTheirOwnCard() {
        long account = jdbc.sql("select id from identity.app_user where username = 'doanvien'")
                .query(Long.class)
                .single();
        long member = jdbc.sql("select id from membership.member where account_id = :a")
                .param("a", account)
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    // Not linked by the demo data (yet): link a member of the account's union.
                    long m = CardIT.insertMember(jdbc, "Vàng Thị Dợ", unitOf("doanvien"));
                    jdbc.sql("update membership.member set account_id = :a where id = :m")
                            .param("a", account)
                            .param("m", m)
                            .update();
                    return m;
                });
        if (!hasCurrentCard(member)) {
            issueFromMemberPage(loggedIn("cs1"), member, "card-5-issued-for-member.png");
        }
        Page self = loggedIn("doanvien");
        self.navigate("http://localhost:" + port + "/me/card");
        assertThat(self.locator("h1")).hasText("Thẻ đoàn viên của tôi");
        assertThat(self.locator("img.member-card-image")).isVisible();
        assertThat(self.getByText("Tải thẻ (PDF)")).isVisible();
        Object width = self.locator("img.member-card-image").evaluate("img => img.naturalWidth");
        assertThat(((Number) width).intValue()).isGreaterThan(1000);
        self.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("card-6-mine.png")));
    }
}
