package vn.congdoan.finance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.Chromium;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.finance.internal.accounts.CollectionAccounts;
import vn.congdoan.finance.internal.dues.TransferContent;

/**
 * Member dues in real Chromium (issue 7 acceptance). The accountant {@code ketoan} sets a member's salary basis,
 * draws up August 2026, records the member's cash payment and sees the receipt split 35.000 đ kept / 15.000 đ to the
 * commune union (QĐ 61/QĐ-TLĐ 0.5 %, QĐ 1408/QĐ-TLĐ 70 %); imports a payroll-deduction file with one unmatched row
 * and sees it in the exception list while the two matched rows become one receipt; the member {@code doanvien} sees
 * what she owes and a VietQR code that decodes to the transfer content {@code DP <member code> 11/2025}. Screenshots
 * in {@code target/screenshots/dues-*.png}.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CollectionAccounts collection;

    Chromium chromium;
    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = Chromium.start("dues");
        browser = chromium.browser();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theAccountantRecordsACashPaymentAndSeesTheSplit() {
        // A member of the demo world who is charged dues (other tests import members into A whose membership may
        // start after the month drawn up here).
        long a = homeOf("ketoan");
        long member = jdbc.sql("""
                        select m.id from membership.member m
                         where m.unit_id = :u and m.status = 'ACTIVE' and m.account_id is null
                           and exists (select 1 from finance.dues_charge c where c.member_id = m.id and c.org_unit_id = :u
                                          and c.period = date '2025-12-01')
                         order by m.id desc limit 1""").param("u", a).query(Long.class).single();
        String commune = jdbc.sql("""
                        select p.name from organisation.org_unit u join organisation.org_unit p on p.id = u.parent_id
                         where u.id = :u""").param("u", a).query(String.class).single();
        Page page = loggedIn("ketoan");
        page.navigate(url("/finance/dues/members/" + member));
        page.getByLabel("Nhóm đoàn viên").selectOption("NON_STATE");
        page.getByLabel("Tiền lương làm căn cứ đóng (đồng)").fill("10.000.000");
        page.getByLabel("Áp dụng từ tháng (MM/YYYY)").fill("08/2026");
        page.locator("form[action$='/profile'] button[type=submit]").click();
        assertThat(page.locator("#dues-notice")).containsText("Đã lưu hồ sơ đoàn phí");
        assertThat(page.locator("#profiles")).containsText("10.000.000 đ");

        page.navigate(url("/finance/dues?unitId=" + a + "&month=2026-08"));
        assertThat(page.locator("#not-generated")).isVisible();
        page.locator("#generate-charges").click();
        assertThat(page.locator("#dues-notice")).containsText("tháng 08/2026");
        String code = jdbc.sql("select member_code from membership.member where id = :m")
                .param("m", member)
                .query(String.class)
                .single();
        assertThat(page.locator("#dues-table tr[data-member='" + code + "']")).containsText("50.000 đ");
        shot(page, "dues-1-month.png");

        page.locator("#dues-table tr[data-member='" + code + "'] a").click();
        page.locator("#charges-table tr[data-month='08/2026'] input[type=checkbox]")
                .check();
        page.getByLabel("Ngày thu (dd/MM/yyyy)").fill("20/11/2026");
        page.locator("#record-payment").click();
        assertThat(page.locator("#dues-notice")).containsText("Đã lập phiếu thu");
        assertThat(page.locator("#receipt-total")).hasText("50.000 đ");
        assertThat(page.locator("#receipt-lines")).containsText("08/2026");
        assertThat(page.locator(".split-table tr[data-account='SHARE_KEPT']")).containsText("35.000 đ");
        assertThat(page.locator(".split-table tr[data-account='SHARE_UPPER']")).containsText("15.000 đ");
        assertThat(page.locator(".split-table tr[data-account='SHARE_UPPER']")).containsText(commune);
        assertThat(page.locator("#split-title")).isVisible();
        shot(page, "dues-2-receipt-split.png");

        // Back on the member: August is paid, nothing left to tick for it.
        page.navigate(url("/finance/dues/members/" + member));
        assertThat(page.locator("#charges-table tr[data-month='08/2026'] input[type=checkbox]"))
                .hasCount(0);
        page.context().close();
    }

    @Test
    void aPayrollFileWithOneUnmatchedRowRecordsTheOthersAndListsTheException() throws Exception {
        long a = homeOf("ketoan");
        Page page = loggedIn("ketoan");
        page.navigate(url("/finance/dues?unitId=" + a + "&month=2026-07"));
        page.locator("#generate-charges").click();
        assertThat(page.locator("#dues-table")).isVisible();
        List<Object[]> owing = jdbc.sql("""
                        select m.member_code, m.cccd, m.full_name, s.owed from finance.dues_charge_status s
                          join membership.member m on m.id = s.member_id
                         where s.org_unit_id = :u and s.period = date '2026-07-01' and s.owed > 0 and m.cccd is not null
                         order by m.id limit 2""")
                .param("u", a)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)})
                .list();
        byte[] file = DuesIT.payroll(List.of(
                new Object[] {owing.get(0)[2], "", owing.get(0)[0], owing.get(0)[3]},
                new Object[] {owing.get(1)[2], owing.get(1)[1], "", owing.get(1)[3]},
                new Object[] {"Người lạ", "012198000001", "", 50_000}));
        BigDecimal total = ((BigDecimal) owing.get(0)[3]).add((BigDecimal) owing.get(1)[3]);

        page.locator("#open-import").click();
        assertThat(page.locator("h1")).hasText("Nhập bảng kê khấu trừ đoàn phí qua lương");
        page.getByLabel("Tháng khấu trừ (MM/YYYY)").fill("07/2026");
        page.getByLabel("Ngày nhận tiền (dd/MM/yyyy)").fill("05/08/2026");
        page.getByLabel("Tệp bảng kê (XLSX)")
                .setInputFiles(new FilePayload(
                        "bang-ke-07-2026.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        file));
        page.locator("#check-import").click();
        assertThat(page.locator("#exception-table tbody tr")).hasCount(1);
        assertThat(page.locator("#exception-table")).containsText("Không tìm thấy đoàn viên");
        assertThat(page.locator("#exception-table")).containsText("012******001");
        assertThat(page.locator("#exception-table")).not().containsText("012198000001");
        assertThat(page.locator("#matched-table tbody tr")).hasCount(2);
        shot(page, "dues-3-import-preview.png");

        page.locator("#commit-import").click();
        assertThat(page.locator("#dues-notice")).containsText("Đã ghi nhận 2 dòng khớp");
        page.locator("#import-receipt").click();
        assertThat(page.locator("#receipt-lines tbody tr")).hasCount(2);
        assertThat(page.locator("#receipt-total")).hasText(money(total));
        assertThat(page.locator("dl")).containsText("Khấu trừ qua lương");
        assertThat(page.locator(".split-table tr[data-account='SHARE_KEPT']")).isVisible();
        shot(page, "dues-4-import-receipt.png");
        page.context().close();
    }

    @Test
    void aPastedBankStatementLineIsMatchedByItsContentAndRecordedOnce() {
        long a = homeOf("ketoan");
        // A demo member of A who owes December 2025 (not the self-service member, whose arrears other tests read).
        Object[] owed = jdbc.sql("""
                        select m.member_code, s.owed from finance.dues_charge_status s
                          join membership.member m on m.id = s.member_id
                         where s.org_unit_id = :u and s.period = date '2025-12-01' and s.owed > 0
                           and m.account_id is null
                         order by m.id limit 1""")
                .param("u", a)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                .single();
        String good = "FT-JOURNEY-1;05/01/2026;"
                + vn.congdoan.shared.Money.of((BigDecimal) owed[1]).digits() + ";"
                + TransferContent.of((String) owed[0], java.time.YearMonth.of(2025, 12));
        String lines = good + "\nFT-JOURNEY-2;05/01/2026;10.000;chuyen tien an trua\n";
        Page page = loggedIn("ketoan");
        page.navigate(url("/finance/dues?unitId=" + a + "&month=2025-12"));
        page.locator("#open-statement").click();
        assertThat(page.locator("h1")).hasText("Đối chiếu sao kê ngân hàng");

        page.getByLabel("Các dòng sao kê").fill("FT-X;05/01/2026;10.000");
        page.locator("#statement-check").click();
        assertThat(page.locator("#statement-errors")).containsText("Dòng 1: cần đủ 4 cột");

        page.getByLabel("Các dòng sao kê").fill(lines);
        page.locator("#statement-check").click();
        assertThat(page.locator("#statement-results tbody tr")).hasCount(2);
        assertThat(page.locator("#statement-results tr[data-outcome='MATCHED']"))
                .containsText("FT-JOURNEY-1");
        assertThat(page.locator("#statement-results tr[data-outcome='UNREADABLE']"))
                .containsText("FT-JOURNEY-2");
        shot(page, "dues-6-statement-check.png");

        page.locator("#statement-record").click();
        assertThat(page.locator("#statement-recorded")).isVisible();
        assertThat(page.locator("#statement-results tr[data-outcome='RECORDED']"))
                .containsText("Đã ghi nhận");
        shot(page, "dues-7-statement-recorded.png");

        // The same statement again records nothing new: the bank reference is already there.
        page.locator("#statement-check").click();
        assertThat(page.locator("#statement-results tr[data-outcome='RECORDED']"))
                .hasCount(1);
        assertThat(page.locator("#statement-record")).hasCount(0);
        assertThat(jdbc.sql("""
                        select owed from finance.dues_charge_status s join membership.member m on m.id = s.member_id
                         where m.member_code = :c and s.period = date '2025-12-01'""").param("c", owed[0]).query(BigDecimal.class).single())
                .isZero();
        page.context().close();
    }

    @Test
    void theMemberSeesWhatSheOwesAndAQrCodeThatNamesTheMonth() throws Exception {
        long home = homeOf("doanvien");
        if (collection.forUnit(home, CollectionAccounts.DUES).isEmpty()) {
            long province = jdbc.sql("select id from organisation.org_unit where code = 'LCU'")
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into finance.collection_account (org_unit_id, purpose, bin, bank_name, account_no,
                                                                    account_name, demo, updated_by_name)
                            values (:u, 'DUES', '970415', 'Ngân hàng thử nghiệm', '1122334455',
                                    'LIEN DOAN LAO DONG TINH', true, 'test')""").param("u", province).update();
        }
        CollectionAccounts.Account account =
                collection.forUnit(home, CollectionAccounts.DUES).orElseThrow();
        String code = jdbc.sql("""
                        select m.member_code from membership.member m join identity.app_user u on u.id = m.account_id
                         where u.username = 'doanvien'""").query(String.class).single();
        Page page = loggedIn("doanvien");
        page.locator("nav a[href='/me/dues']").click();
        assertThat(page.locator("h1")).hasText("Đoàn phí của tôi");
        assertThat(page.locator("#my-owed")).isVisible();
        // The oldest month owed comes first; choosing November from the table switches the code.
        page.locator("#my-charges a[href='/me/dues?month=2025-11']").click();
        String expected = TransferContent.of(code, java.time.YearMonth.of(2025, 11));
        assertThat(page.locator("#qr-content")).hasText(expected);
        assertThat(page.locator("#dues-qr")).isVisible();
        byte[] png = page.context()
                .request()
                .get(url("/me/dues/qr.png?month=2025-11"))
                .body();
        // Field by field with the test's own TLV parser (parseChecked verifies the CRC-16/CCITT-FALSE of field 63).
        java.util.Map<String, String> fields = EmvTlv.parseChecked(EmvTlv.decodePng(png));
        assertThat(fields.get("00")).isEqualTo("01");
        assertThat(fields.get("01")).isEqualTo("12");
        java.util.Map<String, String> merchant = EmvTlv.parse(fields.get("38"));
        assertThat(merchant.get("00")).isEqualTo("A000000727");
        assertThat(merchant.get("02")).isEqualTo("QRIBFTTA");
        assertThat(EmvTlv.parse(merchant.get("01")))
                .containsEntry("00", account.bin())
                .containsEntry("01", account.accountNo());
        assertThat(fields.get("53")).isEqualTo("704");
        assertThat(fields.get("58")).isEqualTo("VN");
        assertThat(EmvTlv.parse(fields.get("62")).get("08")).isEqualTo(expected);
        BigDecimal owedInNovember =
                jdbc.sql("""
                        select s.owed from finance.dues_charge_status s join membership.member m on m.id = s.member_id
                         where m.member_code = :c and s.period = date '2025-11-01'""").param("c", code).query(BigDecimal.class).single();
        assertThat(new BigDecimal(fields.get("54"))).isEqualByComparingTo(owedInNovember);
        shot(page, "dues-5-me-qr.png");
        page.context().close();
    }

    private static String money(BigDecimal amount) {
        return vn.congdoan.shared.Money.of(amount).format();
    }

    private void shot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page loggedIn(String username) {
        Page page = vn.congdoan.Chromium.signIn(browser, port, username);
        return page;
    }

    private long homeOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
