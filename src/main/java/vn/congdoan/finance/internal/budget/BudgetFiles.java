package vn.congdoan.finance.internal.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Budgets.BudgetDetail;
import vn.congdoan.finance.Budgets.LineView;
import vn.congdoan.finance.internal.disclosure.FinancePdf;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Money;

/**
 * A budget as files, in Vietnamese whatever the screen language (they are the unit's official papers): XLSX with
 * fastexcel (title, unit, status, the lines with planned and actual amounts as numbers formatted {@code #,##0},
 * totals, warnings) and PDF on the form's lines in the official layout ({@link FinancePdf}).
 */
@Component
public class BudgetFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final FinancePdf pdf;

    BudgetFiles(MessageSource messages, FinancePdf pdf) {
        this.messages = messages;
        this.pdf = pdf;
    }

    /** A row of the form as both files print it. */
    public record Row(
            String number,
            String label,
            @Nullable Money plannedAmount,
            @Nullable Money actualAmount,
            String style) {

        public String planned() {
            return plannedAmount == null ? "" : plannedAmount.format();
        }

        public String actual() {
            return actualAmount == null ? "" : actualAmount.format();
        }
    }

    /** The rows of the form: sections, their lines, totals, then memo lines. */
    public List<Row> rows(BudgetDetail d) {
        List<Row> rows = new ArrayList<>();
        String[] sections = {BudgetLines.REVENUE, BudgetLines.SPENDING, BudgetLines.MEMO};
        String[] roman = {"A", "B", "C"};
        for (int s = 0; s < sections.length; s++) {
            String section = sections[s];
            rows.add(new Row(roman[s], msg("budgets.section." + section), null, null, "section"));
            int n = 1;
            for (LineView l : d.lines()) {
                if (l.section().equals(section)) {
                    rows.add(new Row(
                            String.valueOf(n++),
                            msg("budgets.line." + l.code()),
                            l.memo() ? null : l.planned(),
                            l.actual(),
                            l.memo() ? "memo" : ""));
                }
            }
            if (section.equals(BudgetLines.REVENUE)) {
                rows.add(new Row("", msg("budgets.total.revenue"), d.plannedRevenue(), d.actualRevenue(), "total"));
            } else if (section.equals(BudgetLines.SPENDING)) {
                rows.add(new Row("", msg("budgets.total.spending"), d.plannedSpending(), d.actualSpending(), "total"));
                Money plannedBalance = d.plannedRevenue().minus(d.plannedSpending());
                Money actualBalance = d.actualRevenue() == null || d.actualSpending() == null
                        ? null
                        : d.actualRevenue().minus(d.actualSpending());
                rows.add(new Row("", msg("budgets.total.balance"), plannedBalance, actualBalance, "total"));
            }
        }
        return rows;
    }

    public List<String> warningTexts(BudgetDetail d) {
        return d.warnings().stream()
                .map(w -> messages.getMessage(w.messageKey(), new Object[] {w.limitPercent(), w.actualPercent()}, VI))
                .toList();
    }

    public String title(BudgetDetail d) {
        return msg(
                        Budgets.ESTIMATE.equals(d.view().kind())
                                ? "budgets.doc.title.estimate"
                                : "budgets.doc.title.settlement",
                        String.valueOf(d.view().year()))
                .toUpperCase(VI);
    }

    public String formCode(BudgetDetail d) {
        return Budgets.ESTIMATE.equals(d.view().kind()) ? "B14-TLĐ" : "B07-TLĐ";
    }

    byte[] xlsx(BudgetDetail d, LocalDate today) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "congdoan", "1.0");
            Worksheet ws = wb.newWorksheet(formCode(d));
            ws.value(0, 0, title(d));
            ws.style(0, 0).bold().fontSize(14).set();
            ws.range(0, 0, 0, 3).merge();
            ws.value(1, 0, msg("budgets.xlsx.unit") + ": " + safe(d.view().unitName()));
            ws.range(1, 0, 1, 3).merge();
            ws.value(
                    2,
                    0,
                    msg("budgets.xlsx.form") + ": " + formCode(d) + " · " + msg("budgets.xlsx.status") + ": "
                            + msg("budgets.status." + d.view().status()) + " · " + msg("budgets.xlsx.exported") + " "
                            + Dates.format(today));
            ws.range(2, 0, 2, 3).merge();
            String[] headers = {
                msg("budgets.col.number"),
                msg("budgets.col.line"),
                msg("budgets.col.planned"),
                msg("budgets.col.actual")
            };
            for (int c = 0; c < headers.length; c++) {
                ws.value(4, c, headers[c]);
                ws.style(4, c).bold().fillColor("DDE7F3").wrapText(true).set();
            }
            int r = 5;
            for (Row row : rows(d)) {
                ws.value(r, 0, row.number());
                ws.value(r, 1, safe(row.label()));
                number(ws, r, 2, row.plannedAmount());
                number(ws, r, 3, row.actualAmount());
                if (!row.style().isEmpty() && !row.style().equals("memo")) {
                    for (int c = 0; c < 4; c++) {
                        ws.style(r, c).bold().set();
                    }
                }
                r++;
            }
            r++;
            for (String w : warningTexts(d)) {
                ws.value(r++, 0, safe(w));
            }
            ws.width(0, 6);
            ws.width(1, 60);
            ws.width(2, 20);
            ws.width(3, 20);
            ws.freezePane(0, 5);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] pdf(BudgetDetail d, LocalDate today) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("superior", d.parentName() == null ? "" : d.parentName().toUpperCase(VI));
        v.put("issuing", d.view().unitName().toUpperCase(VI));
        v.put("formCode", msg("budgets.doc.form", formCode(d)));
        v.put("dateLine", FinancePdf.dateLine(pdf.place(), today));
        v.put("title", title(d));
        v.put("summary", d.view().unitName());
        v.put(
                "statusLine",
                msg("budgets.doc.status", msg("budgets.status." + d.view().status()))
                        + (d.view().decidedOn() == null
                                ? ""
                                : " "
                                        + msg(
                                                "budgets.doc.decidedOn",
                                                Dates.format(d.view().decidedOn()))));
        v.put(
                "headers",
                List.of(
                        msg("budgets.col.number"),
                        msg("budgets.col.line"),
                        msg("budgets.col.planned"),
                        msg("budgets.col.actual")));
        v.put("rows", rows(d));
        v.put("warnings", warningTexts(d));
        v.put("preparer", msg("budgets.doc.preparer"));
        v.put("signatureForm", msg("budgets.doc.signatureForm"));
        v.put("signaturePosition", msg("budgets.doc.signaturePosition"));
        return pdf.render("finance/budgets/budget-pdf", v);
    }

    /** Amounts in the sheet are numbers (sums work in Excel), shown 1.234.567 by the cell format. */
    private static void number(Worksheet ws, int r, int c, @Nullable Money amount) {
        if (amount == null) {
            return;
        }
        ws.value(r, c, amount.amount());
        ws.style(r, c).format("#,##0").set();
    }

    /** Text that starts like a formula is written with a leading apostrophe (CSV/XLSX injection). */
    static String safe(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
