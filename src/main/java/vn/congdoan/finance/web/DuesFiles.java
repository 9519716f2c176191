package vn.congdoan.finance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.congdoan.finance.MemberDues;

/**
 * The payroll-deduction list to hand to the employer's accountant: the unit's members with what they owe for the
 * month (member code filled in, CCCD left for the employer, so no personal ID leaves the system). The same columns
 * the import reads back.
 */
final class DuesFiles {

    private DuesFiles() {}

    static byte[] template(MemberDues.UnitMonth month, List<String> headers, String sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().set();
        }
        int row = 1;
        for (MemberDues.ChargeView c : month.charges()) {
            if (!c.owed().isPositive()) {
                continue;
            }
            ws.value(row, 0, row);
            ws.value(row, 1, safe(c.fullName()));
            ws.value(row, 3, c.memberCode());
            ws.value(row, 4, c.owed().amount());
            ws.style(row, 4).format("#,##0").set();
            row++;
        }
        ws.width(1, 32);
        ws.width(2, 16);
        ws.width(3, 16);
        ws.width(4, 14);
        wb.finish();
        return out.toByteArray();
    }

    /** Text a spreadsheet would read as a formula gets a leading apostrophe (QUALITY.md §2). */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
