package vn.congdoan.enterprises.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.ImportPreview;
import vn.congdoan.enterprises.OrganisingGroup;
import vn.congdoan.enterprises.ReferenceItem;
import vn.congdoan.shared.Text;

/**
 * XLSX files of the register with fastexcel: exports (a title row, then headers, dd/MM/yyyy dates, text that starts
 * like a formula escaped with an apostrophe), the import template, and the streaming reader of uploads.
 */
@Component
class EnterpriseSpreadsheets {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String DATE_FORMAT = "dd/mm/yyyy";
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** The columns of the import file, in order (the template writes them, the reader expects them). */
    enum Column {
        TAX_CODE("taxCode"),
        NAME("name"),
        OWNERSHIP("ownershipCode"),
        SECTOR("sectorCode"),
        COMMUNE("communeCode"),
        ADDRESS("address"),
        WORKERS_TOTAL("workersTotal"),
        WORKERS_FEMALE("workersFemale"),
        FOUNDED_ON("foundedOn"),
        MANAGING_UNIT("managingUnitCode"),
        COVERING_UNIT("coveringUnitCode");

        final String field;

        Column(String field) {
            this.field = field;
        }

        String letter() {
            return String.valueOf((char) ('A' + ordinal()));
        }

        String headerKey() {
            return "enterprise.field." + field;
        }

        static Column ofField(String field) {
            for (Column c : values()) {
                if (c.field.equals(field)) {
                    return c;
                }
            }
            return TAX_CODE;
        }
    }

    /** A data row read from an upload: the command it makes and the cells that could not even be read. */
    record ParsedRow(int row, EnterpriseCommand command, List<ImportPreview.Problem> problems) {}

    /** The rows of an upload, or why the file as a whole was refused. */
    record Parsed(List<ParsedRow> rows, @Nullable String fileProblem, Object[] fileProblemArgs) {}

    private final MessageSource messages;

    EnterpriseSpreadsheets(MessageSource messages) {
        this.messages = messages;
    }

    // ---------------------------------------------------------------------------------------------------- exports

    void writeList(List<EnterpriseView> rows, LocalDate today, OutputStream out) throws IOException {
        String[] headers = {
            msg("enterprise.export.no"),
            msg("enterprise.field.taxCode"),
            msg("enterprise.field.name"),
            msg("enterprise.field.ownershipCode"),
            msg("enterprise.field.sectorCode"),
            msg("enterprise.field.communeCode"),
            msg("enterprise.field.address"),
            msg("enterprise.field.workersTotal"),
            msg("enterprise.field.workersFemale"),
            msg("enterprise.field.foundedOn"),
            msg("enterprise.field.managingUnitCode"),
            msg("enterprise.field.coveringUnitCode")
        };
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(msg("enterprise.export.sheet"));
        int r = title(ws, msg("enterprise.export.list.title"), today, rows.size(), headers);
        int no = 1;
        for (EnterpriseView e : rows) {
            int c = 0;
            ws.value(r, c++, no++);
            text(ws, r, c++, e.taxCode());
            text(ws, r, c++, e.name());
            text(ws, r, c++, english() ? e.ownershipNameEn() : e.ownershipName());
            text(ws, r, c++, e.sectorCode() + " – " + (english() ? e.sectorNameEn() : e.sectorName()));
            text(ws, r, c++, e.communeName());
            text(ws, r, c++, e.address());
            ws.value(r, c++, e.workersTotal());
            ws.value(r, c++, e.workersFemale());
            date(ws, r, c++, e.foundedOn());
            text(ws, r, c++, e.managingUnitName());
            text(ws, r, c, e.covered() ? e.coveringUnitName() : null);
            r++;
        }
        widths(ws, 6, 16, 45, 30, 30, 22, 30, 12, 12, 14, 35, 40);
        wb.finish();
    }

    void writeOrganising(List<OrganisingGroup> groups, LocalDate today, OutputStream out) throws IOException {
        String[] headers = {
            msg("enterprise.export.no"),
            msg("enterprise.field.communeCode"),
            msg("enterprise.field.taxCode"),
            msg("enterprise.field.name"),
            msg("enterprise.field.ownershipCode"),
            msg("enterprise.field.sectorCode"),
            msg("enterprise.field.workersTotal"),
            msg("enterprise.field.workersFemale"),
            msg("enterprise.field.foundedOn"),
            msg("enterprise.field.managingUnitCode"),
            msg("enterprise.field.address")
        };
        int count = groups.stream().mapToInt(OrganisingGroup::count).sum();
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(msg("enterprise.export.organising.sheet"));
        int r = title(
                ws, msg("enterprise.export.organising.title", Enterprises.ORGANISING_THRESHOLD), today, count, headers);
        int no = 1;
        for (OrganisingGroup g : groups) {
            for (EnterpriseView e : g.enterprises()) {
                int c = 0;
                ws.value(r, c++, no++);
                text(ws, r, c++, g.communeName());
                text(ws, r, c++, e.taxCode());
                text(ws, r, c++, e.name());
                text(ws, r, c++, english() ? e.ownershipNameEn() : e.ownershipName());
                text(ws, r, c++, e.sectorCode() + " – " + (english() ? e.sectorNameEn() : e.sectorName()));
                ws.value(r, c++, e.workersTotal());
                ws.value(r, c++, e.workersFemale());
                date(ws, r, c++, e.foundedOn());
                text(ws, r, c++, e.managingUnitName());
                text(ws, r, c, e.address());
                r++;
            }
        }
        widths(ws, 6, 22, 16, 45, 30, 30, 12, 12, 14, 35, 30);
        wb.finish();
    }

    /** The import template: Vietnamese headers on the first sheet, the code lists on the second. */
    void writeTemplate(
            List<ReferenceItem> ownership,
            List<ReferenceItem> sectors,
            List<ReferenceItem> communes,
            List<ReferenceItem> managing,
            List<ReferenceItem> covering,
            OutputStream out)
            throws IOException {
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(vi("enterprise.import.template.sheet"));
        for (Column c : Column.values()) {
            String required = c == Column.ADDRESS || c == Column.FOUNDED_ON || c == Column.COVERING_UNIT ? "" : " (*)";
            ws.value(0, c.ordinal(), vi(c.headerKey()) + required);
            ws.style(0, c.ordinal()).bold().fillColor("DDE7F3").wrapText(true).set();
            // MST and unit codes are text: Excel must not turn 0100109106 into a number and drop the zero.
            if (c == Column.TAX_CODE || c == Column.MANAGING_UNIT || c == Column.COVERING_UNIT) {
                ws.style(c.ordinal()).format("@").set();
            }
        }
        ws.range(1, Column.FOUNDED_ON.ordinal(), Enterprises.IMPORT_MAX_ROWS, Column.FOUNDED_ON.ordinal())
                .style()
                .format(DATE_FORMAT)
                .set();
        widths(ws, 16, 45, 30, 14, 22, 30, 12, 12, 16, 22, 22);
        ws.freezePane(0, 1);

        Worksheet lists = wb.newWorksheet(vi("enterprise.import.template.lists"));
        int col = 0;
        col = list(lists, col, vi("enterprise.field.ownershipCode"), ownership);
        col = list(lists, col, vi("enterprise.field.sectorCode"), sectors);
        col = list(lists, col, vi("enterprise.field.communeCode"), communes);
        col = list(lists, col, vi("enterprise.field.managingUnitCode"), managing);
        list(lists, col, vi("enterprise.field.coveringUnitCode"), covering);
        wb.finish();
    }

    private static int list(Worksheet ws, int col, String title, List<ReferenceItem> items) {
        ws.value(0, col, title);
        ws.style(0, col).bold().set();
        ws.value(1, col, "Mã");
        ws.value(1, col + 1, "Tên");
        ws.style(1, col).bold().set();
        ws.style(1, col + 1).bold().set();
        int r = 2;
        for (ReferenceItem i : items) {
            ws.value(r, col, i.code());
            ws.value(r, col + 1, safe(i.name()));
            r++;
        }
        ws.width(col, 16);
        ws.width(col + 1, 40);
        return col + 3;
    }

    private int title(Worksheet ws, String title, LocalDate today, int count, String[] headers) {
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        ws.range(0, 0, 0, headers.length - 1).merge();
        ws.value(1, 0, msg("enterprise.export.subtitle", today.format(DATE), count));
        ws.range(1, 0, 1, headers.length - 1).merge();
        for (int c = 0; c < headers.length; c++) {
            ws.value(2, c, headers[c]);
            ws.style(2, c).bold().fillColor("DDE7F3").wrapText(true).set();
        }
        ws.freezePane(0, 3);
        return 3;
    }

    private static void widths(Worksheet ws, double... widths) {
        for (int i = 0; i < widths.length; i++) {
            ws.width(i, widths[i]);
        }
    }

    private static void text(Worksheet ws, int r, int c, @Nullable String value) {
        if (value != null) {
            ws.value(r, c, safe(value));
        }
    }

    private static void date(Worksheet ws, int r, int c, @Nullable LocalDate value) {
        if (value != null) {
            ws.value(r, c, value);
            ws.style(r, c).format(DATE_FORMAT).set();
        }
    }

    /** Text that a spreadsheet could take for a formula gets a leading apostrophe (OWASP CSV injection). */
    static String safe(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** The inverse of {@link #safe}, for files that come back. */
    static String unescape(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String vi(String key) {
        return messages.getMessage(key, null, key, Locale.forLanguageTag("vi"));
    }

    // ----------------------------------------------------------------------------------------------------- import

    /**
     * Reads the first sheet row by row. The header row is the first whose column A reads "Mã số thuế"; data rows
     * follow it; blank rows are skipped. More than {@link Enterprises#IMPORT_MAX_ROWS} data rows refuse the file,
     * and reading stops there: the rows held in memory never exceed the limit.
     */
    Parsed read(byte[] file) {
        List<ParsedRow> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> stream = wb.getFirstSheet().openStream()) {
            boolean header = false;
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                if (!header) {
                    String a = Text.searchKey(
                            row.getOptionalCell(0).map(Cell::getText).orElse(""));
                    header = a.startsWith("ma so thue") || a.startsWith("tax code");
                    continue;
                }
                if (blank(row)) {
                    continue;
                }
                if (rows.size() >= Enterprises.IMPORT_MAX_ROWS) {
                    return new Parsed(
                            List.of(), "enterprise.import.tooManyRows", new Object[] {Enterprises.IMPORT_MAX_ROWS});
                }
                rows.add(parse(row));
            }
            if (!header) {
                return new Parsed(List.of(), "enterprise.import.noHeader", new Object[0]);
            }
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), "enterprise.import.notXlsx", new Object[0]);
        }
        return new Parsed(rows, null, new Object[0]);
    }

    private static boolean blank(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell c = row.getCell(i);
            if (c != null && c.getType() != CellType.EMPTY && !c.getText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static ParsedRow parse(Row row) {
        int n = row.getRowNum();
        List<ImportPreview.Problem> problems = new ArrayList<>();
        EnterpriseCommand command = new EnterpriseCommand(
                taxCode(cell(row, Column.TAX_CODE)),
                string(cell(row, Column.NAME)),
                string(cell(row, Column.OWNERSHIP)),
                string(cell(row, Column.SECTOR)),
                string(cell(row, Column.COMMUNE)),
                string(cell(row, Column.ADDRESS)),
                integer(row, Column.WORKERS_TOTAL, problems),
                integer(row, Column.WORKERS_FEMALE, problems),
                date(row, Column.FOUNDED_ON, problems),
                string(cell(row, Column.MANAGING_UNIT)),
                string(cell(row, Column.COVERING_UNIT)),
                null);
        return new ParsedRow(n, command, problems);
    }

    private static @Nullable Cell cell(Row row, Column c) {
        Cell cell = row.hasCell(c.ordinal()) ? row.getCell(c.ordinal()) : null;
        return cell == null || cell.getType() == CellType.EMPTY ? null : cell;
    }

    private static @Nullable String string(@Nullable Cell cell) {
        if (cell == null) {
            return null;
        }
        String s = cell.getType() == CellType.NUMBER ? plain(cell.asNumber()) : cell.getText();
        s = Text.clean(s);
        return s == null || s.isEmpty() ? null : unescape(s);
    }

    /** A MST typed as a number has lost its leading zero: give it back (10 digits, or 13 for a branch). */
    private static @Nullable String taxCode(@Nullable Cell cell) {
        if (cell != null && cell.getType() == CellType.NUMBER) {
            String digits = plain(cell.asNumber());
            if (digits.matches("[0-9]{1,10}")) {
                return "0".repeat(10 - digits.length()) + digits;
            }
            if (digits.matches("[0-9]{11,13}")) {
                return "0".repeat(13 - digits.length()) + digits;
            }
            return digits;
        }
        return string(cell);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static @Nullable Integer integer(Row row, Column c, List<ImportPreview.Problem> problems) {
        Cell cell = cell(row, c);
        if (cell == null) {
            return null;
        }
        try {
            BigDecimal n = cell.getType() == CellType.NUMBER
                    ? cell.asNumber()
                    : new BigDecimal(Text.clean(cell.getText()).replaceAll("[\\s.]", ""));
            return n.intValueExact();
        } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
            problems.add(problem(row, c, "enterprise.import.notWholeNumber", cell.getText()));
            return null;
        }
    }

    private static @Nullable LocalDate date(Row row, Column c, List<ImportPreview.Problem> problems) {
        Cell cell = cell(row, c);
        if (cell == null) {
            return null;
        }
        try {
            if (cell.getType() == CellType.NUMBER) {
                // An Excel date is a day count from 30/12/1899 (1900 date system); the time of day is dropped.
                return EXCEL_EPOCH.plusDays(cell.asNumber().longValue());
            }
            return LocalDate.parse(Text.clean(cell.getText()), DateTimeFormatter.ofPattern("d/M/uuuu"));
        } catch (RuntimeException e) {
            problems.add(problem(row, c, "enterprise.import.notADate", cell.getText()));
            return null;
        }
    }

    private static ImportPreview.Problem problem(Row row, Column c, String key, Object... args) {
        return new ImportPreview.Problem(row.getRowNum(), c.letter(), c.headerKey(), key, args);
    }
}
