package vn.congdoan.membership.internal.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congdoan.shared.Ethnicities;

/**
 * The XLSX template: the member sheet with the Vietnamese headers (required ones marked "(*)"; sensitive columns only
 * for callers who may write them), every column formatted as text so Excel keeps leading zeros and dates as typed, and
 * a sheet of code lists (sex, contract types, the 54 ethnic groups, nationality codes, notes).
 */
@Component
class ImportTemplate {

    static final List<String> CONTRACTS = List.of("INDEFINITE", "FIXED_12_36", "FIXED_UNDER_12", "NONE");
    static final List<String> NATIONALITIES = List.of("VN", "LA", "KH", "CN", "TW", "KR", "JP", "TH", "PH", "US");
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int FORMATTED_ROWS = 5_000;

    private final MessageSource messages;

    ImportTemplate(MessageSource messages) {
        this.messages = messages;
    }

    void write(boolean sensitive, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(vi("member.import.template.sheet"));
        int c = 0;
        for (ImportColumn column : ImportColumn.values()) {
            if (column.sensitive() && !sensitive) {
                continue;
            }
            ws.value(0, c, vi(column.templateKey()) + (column.required() ? " (*)" : ""));
            ws.style(0, c)
                    .bold()
                    .fillColor(column.sensitive() ? "FCE4D6" : "DDE7F3")
                    .wrapText(true)
                    .set();
            ws.range(1, c, FORMATTED_ROWS, c).style().format("@").set();
            ws.width(c, column == ImportColumn.FULL_NAME || column == ImportColumn.RESIDENCE ? 28 : 16);
            c++;
        }
        ws.freezePane(1, 1);

        Worksheet lists = wb.newWorksheet(vi("member.import.template.lists"));
        int col = 0;
        col = list(
                lists,
                col,
                vi("member.import.col.sex"),
                List.of(new String[] {vi("member.import.sex.M"), "M"}, new String[] {vi("member.import.sex.F"), "F"}));
        col = list(
                lists,
                col,
                vi("member.import.col.contractType"),
                CONTRACTS.stream()
                        .map(k -> new String[] {vi("member.import.contract." + k), k})
                        .toList());
        col = list(
                lists,
                col,
                vi("member.import.col.ethnicity"),
                Ethnicities.all().stream()
                        .map(g -> new String[] {g.name(), g.code()})
                        .toList());
        col = list(
                lists,
                col,
                vi("member.import.col.nationality"),
                NATIONALITIES.stream()
                        .map(k -> new String[] {k, vi("member.import.nationality." + k)})
                        .toList());
        lists.value(0, col, vi("member.import.template.notes"));
        lists.style(0, col).bold().set();
        for (int i = 1; i <= 6; i++) {
            lists.value(i, col, vi("member.import.template.note" + i));
        }
        lists.width(col, 90);
        wb.finish();
    }

    /** A titled two-column list: what to write, and what it means. */
    private int list(Worksheet ws, int col, String title, List<String[]> items) {
        ws.value(0, col, title);
        ws.style(0, col).bold().set();
        ws.value(1, col, vi("member.import.template.write"));
        ws.value(1, col + 1, vi("member.import.template.meaning"));
        ws.style(1, col).bold().set();
        ws.style(1, col + 1).bold().set();
        int r = 2;
        for (String[] item : items) {
            ws.value(r, col, item[0]);
            ws.value(r, col + 1, item[1]);
            r++;
        }
        ws.width(col, 30);
        ws.width(col + 1, 30);
        return col + 3;
    }

    private String vi(String key) {
        return messages.getMessage(key, null, key, VI);
    }
}
