package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Member dues on the demo world: charges equal {@link FeeRules#quoteDues} under the rule of their month, a cash
 * payment posts once with its split (QĐ 1408/QĐ-TLĐ Art. 28: 70 % kept), a reversal makes the month owed again, a
 * payroll list with an unmatched row records the matched rows only (all in one receipt), a bank statement line is
 * matched back by {@code DP <member code> <MM/YYYY>}, and nobody reaches another subtree's dues.
 */
@FullApplicationTest
class DuesIT {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    MemberDues dues;

    @Autowired
    FeeRules rules;

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

    /** Active members of a unit, in id order, skipping the demo account holder. */
    List<Long> membersOf(long unit) {
        return jdbc.sql("""
                        select id from membership.member where unit_id = :u and status = 'ACTIVE' and account_id is null
                         order by id""").param("u", unit).query(Long.class).list();
    }

    String code(long member) {
        return jdbc.sql("select member_code from membership.member where id = :m")
                .param("m", member)
                .query(String.class)
                .single();
    }

    @Test
    void everyDemoChargeIsTheQuoteOfItsMonthsRule() {
        List<Map<String, Object>> combos = jdbc.sql("""
                        select distinct member_group, base, period, standard_amount, capped, dues_rule_id
                          from finance.dues_charge where basis_source <> 'EXEMPT'""").query().listOfRows();
        assertThat(combos).hasSizeGreaterThan(100);
        for (Map<String, Object> c : combos) {
            YearMonth month = YearMonth.from(((java.sql.Date) c.get("period")).toLocalDate());
            FeeRules.DuesQuote q =
                    rules.quoteDues((String) c.get("member_group"), Money.of((BigDecimal) c.get("base")), month);
            assertThat(q.amount().amount()).as("%s", c).isEqualByComparingTo((BigDecimal) c.get("standard_amount"));
            assertThat(q.capped()).as("%s", c).isEqualTo(c.get("capped"));
            assertThat(q.rule().id()).as("%s", c).isEqualTo(((Number) c.get("dues_rule_id")).longValue());
        }
        // Across 01/07/2025 the same salary owes half (QĐ 61/QĐ-TLĐ): 1 % in June, 0.5 % in July.
        assertThat(jdbc.sql("""
                        select count(*) from finance.dues_charge j join finance.dues_charge l
                            on l.member_id = j.member_id and l.period = date '2025-07-01'
                         where j.period = date '2025-06-01' and j.member_group = 'NON_STATE' and l.member_group = 'NON_STATE'
                           and j.basis_source = 'SALARY' and l.basis_source = 'SALARY' and j.base = l.base
                           and not j.capped and not l.capped and j.standard_amount <> 2 * l.standard_amount
                           and abs(j.standard_amount - 2 * l.standard_amount) > 1""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from finance.dues_charge where basis_source = 'UNKNOWN_SALARY'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aCashPaymentPostsOnceWithItsSplitAndAReversalMakesTheMonthOwedAgain() {
        long a = unitOf("ketoan");
        long member = membersOf(a).get(0);
        AccessScope ketoan = scope("ketoan");
        dues.setProfile(
                member,
                new MemberDues.ProfileCommand("NON_STATE", Money.of(10_000_000), NOW, null),
                ketoan,
                actor("ketoan"));
        dues.generateCharges(a, NOW, ketoan, actor("ketoan"));
        long logged = salaryViews(member);
        MemberDues.ChargeView charge = dues.member(member, "PAGE", ketoan, actor("ketoan")).charges().stream()
                .filter(c -> c.month().equals(NOW))
                .findFirst()
                .orElseThrow();
        // Showing the salary basis is a sensitive read: one access-log entry naming the field, not the value.
        assertThat(salaryViews(member)).isEqualTo(logged + 1);
        // 0.5 % × 10,000,000 from 01/07/2025 (QĐ 61/QĐ-TLĐ).
        assertThat(charge.standard()).isEqualTo(Money.of(50_000));
        assertThat(charge.ruleDocument()).isEqualTo("QĐ 61/QĐ-TLĐ");

        var command = new MemberDues.PaymentCommand(
                "form-token-cash-1", member, List.of(charge.id()), "CASH", LocalDate.of(2026, 11, 20), null);
        MemberDues.ReceiptView first = dues.pay(command, ketoan, actor("ketoan"));
        MemberDues.ReceiptView again = dues.pay(command, ketoan, actor("ketoan"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.duplicate()).isTrue();
        assertThat(first.total()).isEqualTo(Money.of(50_000));
        assertThat(first.postings()).hasSize(1);
        Ledger.PostingView posting = first.postings().get(0);
        assertThat(entry(posting, Ledger.SHARE_KEPT)).isEqualTo(Money.of(35_000));
        assertThat(entry(posting, Ledger.SHARE_UPPER)).isEqualTo(Money.of(15_000));
        assertThat(jdbc.sql(
                                "select count(*) from finance.posting where source_type = 'DUES_RECEIPT' and source_id = :r")
                        .param("r", first.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(owed(member, NOW)).isEqualTo(Money.ZERO);

        assertThatThrownBy(() -> dues.reverse(first.id(), " ", ketoan, actor("ketoan")))
                .isInstanceOf(FinanceRejectedException.class);
        MemberDues.ReceiptView reversed = dues.reverse(first.id(), "Thu nhầm người", ketoan, actor("ketoan"));
        assertThat(reversed.reversed()).isTrue();
        assertThat(reversed.postings()).hasSize(2);
        assertThat(reversed.postings().get(1).amount()).isEqualTo(Money.of(-50_000));
        assertThat(owed(member, NOW)).isEqualTo(Money.of(50_000));
        assertThatThrownBy(() -> dues.reverse(first.id(), "Lần hai", ketoan, actor("ketoan")))
                .isInstanceOf(FinanceRejectedException.class);
    }

    @Test
    void aPayrollListRecordsItsMatchedRowsInOneReceiptAndListsTheUnmatchedOne() throws IOException {
        long a = unitOf("ketoan");
        AccessScope ketoan = scope("ketoan");
        YearMonth month = YearMonth.of(2026, 10);
        dues.generateCharges(a, month, ketoan, actor("ketoan"));
        List<Long> members = membersOf(a);
        long byCode = members.get(1);
        long byCccd = members.get(2);
        String cccd = jdbc.sql("select cccd from membership.member where id = :m")
                .param("m", byCccd)
                .query(String.class)
                .single();
        Money owedCode = owed(byCode, month);
        Money owedCccd = owed(byCccd, month);
        byte[] file = payroll(List.of(
                new Object[] {"Người theo mã", "", code(byCode), owedCode.amount()},
                new Object[] {"Người theo CCCD", cccd, "", owedCccd.amount()},
                new Object[] {"Người không có", "012345678901", "", 50_000}));
        MemberDues.ImportView preview = dues.previewImport(
                new MemberDues.ImportCommand(a, month, LocalDate.of(2026, 11, 5), "bang-ke.xlsx"),
                new ByteArrayInputStream(file),
                ketoan,
                actor("ketoan"));
        assertThat(preview.matched()).hasSize(2);
        assertThat(preview.exceptions()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("UNMATCHED");
            assertThat(r.idHint()).isEqualTo("012******901");
        });
        assertThat(owed(byCode, month)).isEqualTo(owedCode);

        MemberDues.ImportView committed = dues.commitImport(preview.id(), preview.version(), ketoan, actor("ketoan"));
        assertThat(committed.status()).isEqualTo("COMMITTED");
        MemberDues.ImportView twice = dues.commitImport(preview.id(), preview.version(), ketoan, actor("ketoan"));
        assertThat(twice.receiptId()).isEqualTo(committed.receiptId());
        MemberDues.ReceiptView receipt = dues.receipt(committed.receiptId(), ketoan, actor("ketoan"));
        assertThat(receipt.method()).isEqualTo("PAYROLL");
        assertThat(receipt.lines()).hasSize(2);
        assertThat(receipt.total()).isEqualTo(owedCode.plus(owedCccd));
        assertThat(receipt.postings()).hasSize(1);
        assertThat(receipt.postings().get(0).amount()).isEqualTo(owedCode.plus(owedCccd));
        assertThat(owed(byCode, month)).isEqualTo(Money.ZERO);
        assertThat(owed(byCccd, month)).isEqualTo(Money.ZERO);
    }

    @Test
    void aBankStatementLineIsMatchedBackToItsChargeAndRecordedOnce() {
        long a = unitOf("ketoan");
        AccessScope ketoan = scope("ketoan");
        YearMonth month = YearMonth.of(2026, 9);
        dues.generateCharges(a, month, ketoan, actor("ketoan"));
        long member = membersOf(a).get(3);
        Money owed = owed(member, month);
        String content = "MBVCB.8812.NGUYEN VAN A CHUYEN TIEN.DP " + code(member) + " 09-2026.CT TU 0123";
        var line = new MemberDues.StatementLine("FT26320123456", content, owed, LocalDate.of(2026, 10, 3));
        assertThat(dues.matchStatement(line, false, ketoan, actor("ketoan")).outcome())
                .isEqualTo("MATCHED");
        var wrong = new MemberDues.StatementLine("FT2", content, owed.plus(Money.of(1)), LocalDate.of(2026, 10, 3));
        assertThat(dues.matchStatement(wrong, true, ketoan, actor("ketoan")).outcome())
                .isEqualTo("AMOUNT_DIFFERS");
        MemberDues.StatementMatch recorded = dues.matchStatement(line, true, ketoan, actor("ketoan"));
        assertThat(recorded.outcome()).isEqualTo("RECORDED");
        assertThat(dues.matchStatement(line, true, ketoan, actor("ketoan")).receiptId())
                .isEqualTo(recorded.receiptId());
        assertThat(owed(member, month)).isEqualTo(Money.ZERO);
        assertThat(dues.matchStatement(
                                new MemberDues.StatementLine("FT3", "chuyen tien an trua", owed, LocalDate.now()),
                                false,
                                ketoan,
                                actor("ketoan"))
                        .outcome())
                .isEqualTo("UNREADABLE");
    }

    @Test
    void nobodyReachesAnotherSubtreesDuesAndInspectorsOnlyRead() {
        long a = unitOf("ketoan");
        long b = unitOf("cs2");
        long memberOfA = membersOf(a).get(0);
        assertThatThrownBy(() -> dues.member(memberOfA, "PAGE", scope("cs2"), actor("cs2")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dues.unitMonth(b, NOW, scope("ketoan"), actor("ketoan")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dues.generateCharges(a, NOW, scope("kiemtra"), actor("kiemtra")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dues.generateCharges(a, NOW, scope("cs1"), actor("cs1")))
                .isInstanceOf(NotFoundException.class);
        long before = inspections();
        assertThat(dues.unitMonth(a, YearMonth.of(2025, 7), scope("kiemtra"), actor("kiemtra"))
                        .charges())
                .isNotEmpty();
        assertThat(inspections()).isEqualTo(before + 1);
    }

    @Test
    void theDemoWorldHasArrearsReversalsAndAHigherRateShownApart() {
        long province = jdbc.sql("select id from organisation.org_unit where code = 'LCU'")
                .query(Long.class)
                .single();
        var byUnit = dues.arrearsByUnit(province, YearMonth.of(2025, 12), scope("tinh"), actor("tinh"));
        assertThat(byUnit).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from finance.dues_receipt_reversal")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        long b = unitOf("cs2");
        var july = dues.unitMonth(b, YearMonth.of(2025, 7), scope("cs2"), actor("cs2"));
        assertThat(july.totals().extra().isPositive()).isTrue();
        var june = dues.unitMonth(b, YearMonth.of(2025, 6), scope("cs2"), actor("cs2"));
        assertThat(june.totals().extra()).isEqualTo(Money.ZERO);
        // The demo member account owes November and December 2025.
        long own = jdbc.sql("select id from membership.member where account_id is not null")
                .query(Long.class)
                .list()
                .get(0);
        var self = dues.own(own).orElseThrow();
        assertThat(self.oldestOwed()).isNotNull();
        assertThat(self.charges().stream().filter(c -> c.owed().isPositive()).map(MemberDues.ChargeView::month))
                .contains(YearMonth.of(2025, 11), YearMonth.of(2025, 12));
    }

    long inspections() {
        return jdbc.sql("select count(*) from audit.audit_entry where action = 'FINANCE_INSPECTION_VIEW'")
                .query(Long.class)
                .single();
    }

    Money owed(long member, YearMonth month) {
        return Money.of(jdbc.sql("select owed from finance.dues_charge_status where member_id = :m and period = :p")
                .param("m", member)
                .param("p", month.atDay(1))
                .query(BigDecimal.class)
                .single());
    }

    static Money entry(Ledger.PostingView p, String account) {
        return p.entries().stream()
                .filter(e -> e.account().equals(account))
                .map(Ledger.EntryView::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    /** A payroll-deduction list as an employer would send it: header row, then name, CCCD, member code, amount. */
    static byte[] payroll(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Bảng kê");
        String[] header = {"STT", "Họ và tên", "Số CCCD", "Mã đoàn viên", "Số tiền"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            ws.value(r + 1, 0, r + 1);
            ws.value(r + 1, 1, (String) row[0]);
            if (!((String) row[1]).isEmpty()) {
                ws.value(r + 1, 2, (String) row[1]);
            }
            if (!((String) row[2]).isEmpty()) {
                ws.value(r + 1, 3, (String) row[2]);
            }
            ws.value(r + 1, 4, (Number) row[3]);
        }
        wb.finish();
        return out.toByteArray();
    }

    private long salaryViews(long member) {
        return jdbc.sql("""
                        select count(*) from audit.access_log
                         where :m = any(member_ids) and 'salary_basis' = any(fields) and channel = 'PAGE'""").param("m", member).query(Long.class).single();
    }
}
