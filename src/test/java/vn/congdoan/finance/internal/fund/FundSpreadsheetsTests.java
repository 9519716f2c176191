package vn.congdoan.finance.internal.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import vn.congdoan.shared.Money;

/** Reading declaration files: cells, grouped numbers, refused cells named by row and column, hostile files. */
class FundSpreadsheetsTests {

    private final FundSpreadsheets sheets = new FundSpreadsheets(new StaticMessageSource());

    @Test
    void readsTextAndNumberCellsAndNamesEveryRefusedCell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "t", "1.0");
        Worksheet ws = wb.newWorksheet("S");
        ws.value(0, 0, "Mã số thuế");
        ws.value(1, 0, "6200123456");
        ws.value(1, 1, "07/2025");
        ws.value(1, 2, "1.234.567");
        ws.value(1, 3, 12);
        ws.value(2, 0, "62001");
        ws.value(2, 1, LocalDate.of(2025, 8, 15));
        ws.value(2, 2, "12,5");
        ws.value(3, 0, "6200123456");
        ws.value(3, 1, "2025-13");
        ws.value(3, 2, 1000.5);
        wb.finish();
        FundSpreadsheets.Parsed parsed = sheets.read(out.toByteArray());
        assertThat(parsed.fileProblem()).isNull();
        assertThat(parsed.rows()).hasSize(3);
        var first = parsed.rows().get(0);
        assertThat(first.problems()).isEmpty();
        assertThat(first.month()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(first.payroll()).isEqualTo(Money.of(1_234_567));
        assertThat(first.employees()).isEqualTo(12);
        var second = parsed.rows().get(1);
        assertThat(second.month()).isEqualTo(YearMonth.of(2025, 8));
        assertThat(second.problems())
                .extracting(p -> p.row() + p.column() + " " + p.messageKey())
                .containsExactly("3A fund.import.taxCode.format", "3C fund.import.number");
        assertThat(parsed.rows().get(2).problems())
                .extracting(p -> p.row() + p.column() + " " + p.messageKey())
                .containsExactly("4B fund.import.month.format", "4C fund.import.wholeDong");
    }

    @Test
    void refusesAZipBombADtdAndNonXlsx() throws Exception {
        assertThat(FundSpreadsheets.guard(new byte[0])).contains("fund.import.empty");
        assertThat(FundSpreadsheets.guard("a,b,c".getBytes(StandardCharsets.UTF_8)))
                .contains("fund.import.notXlsx");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 120; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(FundSpreadsheets.MAX_FILE_BYTES);
        assertThat(FundSpreadsheets.guard(bomb.toByteArray())).contains("fund.import.tooLarge");
        ByteArrayOutputStream xxe = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(xxe)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(FundSpreadsheets.guard(xxe.toByteArray())).contains("fund.import.notXlsx");
    }

    @Test
    void theMonthComputationAppliesReliefAndDueDates() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        Money obligation = Money.of(2_000_000);
        var plain = FundMonths.compute(YearMonth.of(2026, 9), obligation, Money.of(500_000), null, today);
        assertThat(plain.owed()).isEqualTo(Money.of(1_500_000));
        assertThat(plain.dueOn()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(plain.inArrears()).isTrue();
        // October 2026 is due on 30/11/2026: not yet in arrears on 24/11/2026.
        assertThat(FundMonths.compute(YearMonth.of(2026, 10), obligation, Money.ZERO, null, today)
                        .inArrears())
                .isFalse();
        var reduced = FundMonths.compute(
                YearMonth.of(2026, 9),
                Money.of(1_000_001),
                Money.ZERO,
                new FundMonths.Relief(
                        "REDUCTION", YearMonth.of(2026, 9), YearMonth.of(2026, 9), new java.math.BigDecimal("0.2")),
                today);
        assertThat(reduced.relief()).isEqualTo(Money.of(200_000));
        assertThat(reduced.owed()).isEqualTo(Money.of(800_001));
        var exempt = FundMonths.compute(
                YearMonth.of(2026, 9),
                obligation,
                Money.of(300_000),
                new FundMonths.Relief("EXEMPTION", YearMonth.of(2026, 1), YearMonth.of(2026, 9), null),
                today);
        assertThat(exempt.owed()).isEqualTo(Money.ZERO);
        assertThat(exempt.due()).isEqualTo(Money.of(300_000));
        var deferred = FundMonths.compute(
                YearMonth.of(2026, 3),
                obligation,
                Money.ZERO,
                new FundMonths.Relief("DEFERRAL", YearMonth.of(2026, 3), YearMonth.of(2026, 12), null),
                today);
        assertThat(deferred.dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(deferred.inArrears()).isFalse();
    }
}
