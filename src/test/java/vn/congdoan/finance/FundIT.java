package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.NotFoundException;

/**
 * The union fund on the demo world (today 24/11/2026): declarations under the 2 % rule, payments split 75/25 by QĐ
 * 1408/QĐ-TLĐ Art. 28 in the ledger, reversal, relief decisions (Law 50/2024/QH15 Art. 30), the arrears list and its
 * export, the declaration import (all or nothing) and the KPCĐ QR, scope.
 */
@FullApplicationTest
class FundIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    UnionFund fund;

    @Autowired
    Ledger ledger;

    AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    Actor actor(String user) {
        return scope(user).actor("127.0.0.1");
    }

    long unitOf(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    /** A demo enterprise covered by the accountant's union A. */
    long enterpriseOfA() {
        return jdbc.sql(
                        "select id from enterprises.enterprise where covering_unit_id = :a and demo order by id limit 1")
                .param("a", unitOf("ketoan"))
                .query(Long.class)
                .single();
    }

    long enterpriseOfB() {
        return jdbc.sql(
                        "select id from enterprises.enterprise where covering_unit_id = :b and demo order by id limit 1")
                .param("b", unitOf("cs2"))
                .query(Long.class)
                .single();
    }

    @Test
    void demoDeclarationsCarryTheTwoPercentRuleOfTheirMonth() {
        var rows = jdbc.sql("""
                        select d.payroll, d.obligation, r.document_no from finance.fund_declaration d
                          join finance.fund_rule r on r.id = d.fund_rule_id where d.period = :p order by d.id limit 5
                        """)
                .param("p", LocalDate.of(2025, 8, 1))
                .query((rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3)})
                .list();
        assertThat(rows).isNotEmpty();
        for (Object[] r : rows) {
            // 2 % of the BHXH payroll, Law 50/2024/QH15 Art. 29 (fund_rule from 01/07/2025).
            assertThat((BigDecimal) r[1])
                    .isEqualByComparingTo(((BigDecimal) r[0])
                            .multiply(new BigDecimal("0.02"))
                            .setScale(0, java.math.RoundingMode.HALF_UP));
            assertThat(r[2]).isEqualTo("Luật Công đoàn 50/2024/QH15");
        }
    }

    @Test
    void aPaymentIsSplit75To25AndADoubleSubmissionPostsOnce() {
        long e = enterpriseOfA();
        String token = UUID.randomUUID().toString();
        var cmd = new UnionFund.PayCommand(
                e, YearMonth.of(2026, 10), Money.of(2_000_000), LocalDate.of(2026, 11, 20), "UNC 1", token);
        UnionFund.PaymentView first = fund.pay(cmd, scope("ketoan"), actor("ketoan"));
        UnionFund.PaymentView again = fund.pay(cmd, scope("ketoan"), actor("ketoan"));
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        Ledger.PostingView posting = ledger.posting(first.postingId(), scope("ketoan"));
        assertThat(posting.revenueKind()).isEqualTo(FeeRules.FUND);
        // QĐ 1408/QĐ-TLĐ Art. 28: the grassroots union keeps 75 % of KPCĐ: 1,500,000 / 500,000.
        Map<String, Money> byAccount = new java.util.HashMap<>();
        posting.entries().forEach(en -> byAccount.merge(en.account(), en.amount(), Money::plus));
        assertThat(byAccount.get(Ledger.SHARE_KEPT)).isEqualTo(Money.of(1_500_000));
        assertThat(byAccount.get(Ledger.SHARE_UPPER)).isEqualTo(Money.of(500_000));
        assertThat(jdbc.sql(
                                "select count(*) from finance.posting where source_type = 'FUND_PAYMENT' and source_id = :id")
                        .param("id", first.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        UnionFund.PaymentView reversed =
                fund.reversePayment(e, first.id(), "Nhập nhầm tháng", "t", scope("ketoan"), actor("ketoan"));
        assertThat(reversed.reversed()).isTrue();
        assertThat(ledger.posting(first.postingId(), scope("ketoan")).reversedById())
                .isNotNull();
        assertThat(fund.reversePayment(e, first.id(), "Lần hai", "t", scope("ketoan"), actor("ketoan"))
                        .duplicate())
                .isTrue();
    }

    @Test
    void badPaymentInputIsRefusedFieldByFieldAndNothingIsWritten() {
        long e = enterpriseOfA();
        long before = count("finance.fund_payment");
        assertThatThrownBy(() -> fund.pay(
                        new UnionFund.PayCommand(e, YearMonth.of(2030, 1), Money.ZERO, null, null, "tok-bad"),
                        scope("ketoan"),
                        actor("ketoan")))
                .isInstanceOfSatisfying(FinanceRejectedException.class, x -> assertThat(
                                x.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("month", "amount", "paidOn"));
        assertThat(count("finance.fund_payment")).isEqualTo(before);
    }

    @Test
    void outsideTheSubtreeTheEnterpriseDoesNotExist() {
        long b = enterpriseOfB();
        assertThatThrownBy(() -> fund.enterprise(b, 2025, scope("ketoan"), actor("ketoan")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fund.pay(
                        new UnionFund.PayCommand(
                                b, YearMonth.of(2025, 1), Money.of(1), LocalDate.of(2025, 2, 1), null, "tok-b"),
                        scope("ketoan"),
                        actor("ketoan")))
                .isInstanceOf(NotFoundException.class);
        // An inspector reads, cannot post.
        long a = enterpriseOfA();
        assertThat(fund.enterprise(a, 2025, scope("kiemtra"), actor("kiemtra")).canPost())
                .isFalse();
        assertThatThrownBy(() -> fund.pay(
                        new UnionFund.PayCommand(
                                a, YearMonth.of(2025, 1), Money.of(1), LocalDate.of(2025, 2, 1), null, "tok-k"),
                        scope("kiemtra"),
                        actor("kiemtra")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeferralLongerThanTwelveMonthsIsRefused() {
        long e = enterpriseOfA();
        assertThatThrownBy(() -> fund.decide(
                        new UnionFund.ReliefCommand(
                                e,
                                UnionFund.RELIEF_DEFERRAL,
                                YearMonth.of(2026, 1),
                                YearMonth.of(2026, 12).plusMonths(1),
                                null,
                                "12/QĐ-LĐLĐ",
                                LocalDate.of(2026, 1, 5),
                                "Tạm dừng sản xuất"),
                        scope("ketoan"),
                        actor("ketoan")))
                .isInstanceOfSatisfying(
                        FinanceRejectedException.class,
                        x -> assertThat(x.problems().get(0).messageKey()).isEqualTo("fund.relief.deferral12"));
    }

    @Test
    void theArrearsListAgreesWithTheMonthByMonthComputation() {
        UnionFund.ArrearsPage page =
                fund.arrears(new UnionFund.ArrearsFilter(null, 1, 0), scope("tinh"), actor("tinh"));
        assertThat(page.total()).isGreaterThan(5);
        List<UnionFund.ArrearsRow> items = page.items();
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).monthsOwed())
                    .isGreaterThanOrEqualTo(items.get(i).monthsOwed());
        }
        for (UnionFund.ArrearsRow row : items.subList(0, Math.min(8, items.size()))) {
            Money owed = Money.ZERO;
            int months = 0;
            for (int year = row.oldestMonth().getYear();
                    year <= row.latestMonth().getYear();
                    year++) {
                for (UnionFund.FundMonth m : fund.enterprise(row.enterpriseId(), year, scope("tinh"), actor("tinh"))
                        .months()) {
                    if (m.inArrears()) {
                        owed = owed.plus(m.owed());
                        months++;
                    }
                }
            }
            assertThat(owed).as("owed by %s", row.taxCode()).isEqualTo(row.owed());
            assertThat(months).as("months of %s", row.taxCode()).isEqualTo(row.monthsOwed());
        }
        // The commune officer sees only what lies under X.
        long x = unitOf("xa");
        var xs = fund.arrears(new UnionFund.ArrearsFilter(null, 1, 0), scope("xa"), actor("xa"));
        assertThat(xs.total()).isLessThan(page.total());
    }

    @Test
    void theExportOpensWithTheSameRows() throws Exception {
        var filter = new UnionFund.ArrearsFilter(null, 1, 0);
        UnionFund.ArrearsPage page = fund.arrears(filter, scope("tinh"), actor("tinh"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fund.exportArrears(filter, scope("tinh"), actor("tinh"), out);
        List<String> taxCodes = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            for (Row r : rows.subList(3, rows.size() - 1)) {
                taxCodes.add(r.getCellText(1));
            }
            assertThat(new BigDecimal(rows.get(rows.size() - 1).getCellText(5)))
                    .isEqualByComparingTo(page.owedTotal().amount());
        }
        assertThat(taxCodes).hasSize((int) page.total());
        assertThat(taxCodes.subList(0, page.items().size()))
                .containsExactlyElementsOf(
                        page.items().stream().map(UnionFund.ArrearsRow::taxCode).toList());
    }

    @Test
    void anImportWithOneBadRowWritesNothingAndNamesTheRow() throws Exception {
        String mst = jdbc.sql("select tax_code from enterprises.enterprise where id = :id")
                .param("id", enterpriseOfA())
                .query(String.class)
                .single();
        long before = count("finance.fund_declaration");
        UnionFund.ImportResult bad = fund.importDeclarations(
                xlsx(new Object[] {mst, "09/2026", 150_000_000L, 30}, new Object[] {mst, "13/2026", 1L, 1}),
                scope("ketoan"),
                actor("ketoan"));
        assertThat(bad.applied()).isFalse();
        assertThat(bad.problems())
                .extracting(UnionFund.RowProblem::row, UnionFund.RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "B"));
        assertThat(count("finance.fund_declaration")).isEqualTo(before);

        UnionFund.ImportResult good = fund.importDeclarations(
                xlsx(new Object[] {mst, "09/2026", 150_000_000L, 30}), scope("ketoan"), actor("ketoan"));
        assertThat(good.applied()).isTrue();
        UnionFund.FundMonth sep = fund.enterprise(enterpriseOfA(), 2026, scope("ketoan"), actor("ketoan"))
                .months()
                .get(8);
        assertThat(sep.obligation()).isEqualTo(Money.of(3_000_000));
        assertThat(sep.rule().documentNo()).isEqualTo("Luật Công đoàn 50/2024/QH15");
    }

    @Test
    void theKpcdQrOfADemoEnterpriseDecodesFieldByField() {
        long e = enterpriseOfA();
        String mst = jdbc.sql("select tax_code from enterprises.enterprise where id = :id")
                .param("id", e)
                .query(String.class)
                .single();
        UnionFund.FundQr qr = fund.qr(e, YearMonth.of(2025, 12), scope("ketoan"));
        String decoded = EmvTlv.decodePng(qr.png());
        assertThat(decoded).isEqualTo(qr.payload());
        Map<String, String> root = EmvTlv.parseChecked(decoded);
        Map<String, String> beneficiary =
                EmvTlv.parse(EmvTlv.parse(root.get("38")).get("01"));
        // KPCĐ is collected by the provincial LĐLĐ (DOMAIN.md §4.3): the province's FUND account.
        assertThat(beneficiary.get("00")).isEqualTo("970418");
        assertThat(beneficiary.get("01")).isEqualTo("8880123456789");
        assertThat(EmvTlv.parse(root.get("62")).get("08")).isEqualTo("KPCD " + mst + " 12/2025");
        assertThat(root.get("53")).isEqualTo("704");
        assertThat(root.get("58")).isEqualTo("VN");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static byte[] xlsx(Object[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("KPCĐ");
        ws.value(0, 0, "Mã số thuế");
        ws.value(0, 1, "Tháng");
        ws.value(0, 2, "Quỹ lương đóng BHXH");
        ws.value(0, 3, "Số lao động");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else {
                    ws.value(r + 1, c, String.valueOf(v));
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
