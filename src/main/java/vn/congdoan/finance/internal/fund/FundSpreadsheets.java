package vn.congdoan.finance.internal.fund;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
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
import vn.congdoan.finance.UnionFund;
import vn.congdoan.finance.UnionFund.ArrearsRow;
import vn.congdoan.finance.UnionFund.RowProblem;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.Text;

/**
 * XLSX files of the union fund with fastexcel: the declaration import (streamed, hardened against zip bombs and
 * XML entities before parsing), its template, and the arrears export (dates {@code dd/MM/yyyy}, amounts as numbers
 * shown {@code 1.234.567 đ}, text that starts like a formula escaped with an apostrophe).
 */
@Component
class FundSpreadsheets {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // Amounts stay numbers; the grouping separator follows the reader's locale (1.234.567 \u0111 in Vietnamese).
    private static final String MONEY_FORMAT = "#,##0 \"\u0111\"";

    private final MessageSource messages;

    FundSpreadsheets(MessageSource messages) {
        this.messages = messages;
    }

    /** A data row: what could be read, and the cells that could not. */
    record DeclRow(
            int row,
            String taxCode,
            @Nullable YearMonth month,
            @Nullable Money payroll,
            @Nullable Integer employees,
            List<RowProblem> problems) {}

    record Parsed(List<DeclRow> rows, @Nullable String fileProblem) {}

    // ----------------------------------------------------------------------------------------------------- import

    Parsed read(byte[] file) {
        Optional<String> refused = guard(file);
        if (refused.isPresent()) {
            return new Parsed(List.of(), refused.get());
        }
        List<DeclRow> rows = new ArrayList<>();
        boolean header = false;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> stream = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                if (!header) {
                    String a = Text.searchKey(text(row, 0));
                    header = a.startsWith("ma so thue") || a.startsWith("tax code") || a.equals("mst");
                    continue;
                }
                if (blank(row)) {
                    continue;
                }
                if (rows.size() >= UnionFund.IMPORT_MAX_ROWS) {
                    return new Parsed(List.of(), "fund.import.tooManyRows");
                }
                rows.add(parse(row));
            }
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), "fund.import.notXlsx");
        }
        if (!header) {
            return new Parsed(List.of(), "fund.import.noHeader");
        }
        if (rows.isEmpty()) {
            return new Parsed(List.of(), "fund.import.noRows");
        }
        return new Parsed(rows, null);
    }

    private static DeclRow parse(Row row) {
        int n = row.getRowNum();
        List<RowProblem> problems = new ArrayList<>();
        String taxCode = text(row, 0).replace(" ", "");
        if (!taxCode.matches("[0-9]{10}(-[0-9]{3})?")) {
            problems.add(new RowProblem(n, "A", "fund.import.taxCode.format", List.of(taxCode)));
        }
        YearMonth month = month(row, n, problems);
        Money payroll = null;
        BigDecimal p = number(row, 2, n, "C", problems, "fund.payroll.required");
        if (p != null) {
            if (p.stripTrailingZeros().scale() > 0) {
                problems.add(new RowProblem(n, "C", "fund.import.wholeDong", List.of(p.toPlainString())));
            } else {
                payroll = Money.of(p);
            }
        }
        Integer employees = null;
        if (!text(row, 3).isBlank()) {
            BigDecimal e = number(row, 3, n, "D", problems, "fund.employees.range");
            if (e != null) {
                try {
                    employees = e.intValueExact();
                } catch (ArithmeticException ex) {
                    problems.add(new RowProblem(n, "D", "fund.employees.range", List.of()));
                }
            }
        }
        return new DeclRow(n, taxCode, month, payroll, employees, problems);
    }

    /** {@code MM/yyyy} typed as text, {@code yyyy-MM}, or a date cell (its month). */
    private static @Nullable YearMonth month(Row row, int n, List<RowProblem> problems) {
        Optional<Cell> cell = row.getOptionalCell(1);
        if (cell.isPresent() && cell.get().getType() == CellType.NUMBER) {
            try {
                // An Excel date is a day count from 30/12/1899 (LocalDateTime stays out of the code base).
                return YearMonth.from(LocalDate.of(1899, 12, 30)
                        .plusDays(cell.get().asNumber().longValue()));
            } catch (RuntimeException e) {
                // fall through to the text
            }
        }
        String t = text(row, 1).strip();
        if (t.isEmpty()) {
            problems.add(new RowProblem(n, "B", "fund.month.required", List.of()));
            return null;
        }
        for (String pattern : List.of("MM/yyyy", "M/yyyy", "yyyy-MM")) {
            try {
                return YearMonth.parse(t, DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException e) {
                // next
            }
        }
        problems.add(new RowProblem(n, "B", "fund.import.month.format", List.of(t)));
        return null;
    }

    private static @Nullable BigDecimal number(
            Row row, int col, int n, String letter, List<RowProblem> problems, String requiredKey) {
        Optional<Cell> cell = row.getOptionalCell(col);
        if (cell.isPresent() && cell.get().getType() == CellType.NUMBER) {
            return cell.get().asNumber();
        }
        String t = text(row, col).replace("\u0111", "").replace("\u0110", "").strip();
        if (t.isEmpty()) {
            problems.add(new RowProblem(n, letter, requiredKey, List.of()));
            return null;
        }
        // Whole numbers, optionally grouped by threes with dots, commas or spaces (1.234.567); anything else,
        // decimals included, is refused rather than guessed.
        if (!t.matches("[0-9]+|[0-9]{1,3}([., ][0-9]{3})+")) {
            problems.add(new RowProblem(n, letter, "fund.import.number", List.of(t)));
            return null;
        }
        return new BigDecimal(t.replaceAll("[., ]", ""));
    }

    private static String text(Row row, int col) {
        String t = row.getOptionalCell(col).map(Cell::getText).orElse("");
        String clean = Text.clean(t);
        return clean == null ? "" : clean;
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

    /**
     * Why a file may not be parsed, if so: empty, too large, the old binary format, not a zip, too many entries or
     * too many bytes once inflated (zip bomb; inflated bytes are counted, declared sizes are not trusted), or an XML
     * part with a DTD (XXE).
     */
    static Optional<String> guard(byte[] file) {
        if (file.length == 0) {
            return Optional.of("fund.import.empty");
        }
        if (file.length > MAX_FILE_BYTES) {
            return Optional.of("fund.import.tooLarge");
        }
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) {
            return Optional.of("fund.import.notXlsx");
        }
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[32 * 1024];
        java.nio.file.Path temp = null;
        // Through the central directory (ZipFile): streaming writers put entry sizes only there, where ZipInputStream
        // cannot see them. Declared sizes are not trusted: the bytes actually inflated are counted.
        try {
            temp = java.nio.file.Files.createTempFile("congdoan-fund-", ".xlsx");
            java.nio.file.Files.write(temp, file);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(temp.toFile())) {
                var all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    if (++entries > MAX_ENTRIES) {
                        return Optional.of("fund.import.tooLarge");
                    }
                    workbook |= entry.getName().equals("xl/workbook.xml");
                    boolean xml =
                            entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
                    boolean first = true;
                    try (InputStream in = zip.getInputStream(entry)) {
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            total += read;
                            if (total > MAX_UNPACKED_BYTES) {
                                return Optional.of("fund.import.tooLarge");
                            }
                            if (xml && first) {
                                String head = new String(buffer, 0, Math.min(read, 2048), StandardCharsets.ISO_8859_1);
                                if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
                                    return Optional.of("fund.import.notXlsx");
                                }
                                first = false;
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("fund.import.notXlsx");
        } finally {
            if (temp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the system cleans its temporary directory
                }
            }
        }
        return workbook ? Optional.empty() : Optional.of("fund.import.notXlsx");
    }

    // ----------------------------------------------------------------------------------------------- template

    void writeTemplate(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(msg("fund.import.sheet"));
        String[] headers = {
            msg("fund.field.taxCode"), msg("fund.field.month"), msg("fund.field.payroll"), msg("fund.field.employees")
        };
        for (int c = 0; c < headers.length; c++) {
            ws.value(0, c, headers[c]);
            ws.style(0, c).bold().fillColor("DDE7F3").set();
        }
        ws.value(1, 0, "9900000000");
        ws.value(1, 1, "07/2025");
        ws.value(1, 2, 100_000_000);
        ws.style(1, 2).format(MONEY_FORMAT).set();
        ws.value(1, 3, 25);
        ws.width(0, 18);
        ws.width(1, 12);
        ws.width(2, 24);
        ws.width(3, 14);
        wb.finish();
    }

    // ---------------------------------------------------------------------------------------------- arrears

    void writeArrears(List<ArrearsRow> rows, LocalDate asOf, OutputStream out) throws IOException {
        String[] headers = {
            msg("fund.export.no"),
            msg("fund.field.taxCode"),
            msg("fund.field.enterprise"),
            msg("fund.field.fundUnit"),
            msg("fund.arrears.monthsOwed"),
            msg("fund.arrears.owed"),
            msg("fund.arrears.oldest"),
            msg("fund.arrears.latest")
        };
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet ws = wb.newWorksheet(msg("fund.arrears.sheet"));
        ws.value(0, 0, msg("fund.arrears.title"));
        ws.style(0, 0).bold().fontSize(14).set();
        ws.range(0, 0, 0, headers.length - 1).merge();
        Money total = rows.stream().map(ArrearsRow::owed).reduce(Money.ZERO, Money::plus);
        ws.value(1, 0, msg("fund.export.subtitle", asOf.format(DATE), rows.size(), total.format()));
        ws.range(1, 0, 1, headers.length - 1).merge();
        for (int c = 0; c < headers.length; c++) {
            ws.value(2, c, headers[c]);
            ws.style(2, c).bold().fillColor("DDE7F3").wrapText(true).set();
        }
        ws.freezePane(0, 3);
        int r = 3;
        int no = 1;
        for (ArrearsRow a : rows) {
            ws.value(r, 0, no++);
            ws.value(r, 1, safe(a.taxCode()));
            ws.value(r, 2, safe(a.name()));
            ws.value(r, 3, safe(a.fundUnitName()));
            ws.value(r, 4, a.monthsOwed());
            ws.value(r, 5, a.owed().amount());
            ws.style(r, 5).format(MONEY_FORMAT).set();
            ws.value(r, 6, FundService.MONTH.format(a.oldestMonth()));
            ws.value(r, 7, FundService.MONTH.format(a.latestMonth()));
            r++;
        }
        ws.value(r, 4, msg("fund.export.total"));
        ws.style(r, 4).bold().set();
        ws.value(r, 5, total.amount());
        ws.style(r, 5).bold().format(MONEY_FORMAT).set();
        double[] widths = {6, 16, 45, 40, 12, 20, 12, 12};
        for (int i = 0; i < widths.length; i++) {
            ws.width(i, widths[i]);
        }
        wb.finish();
    }

    /** Text that a spreadsheet could take for a formula gets a leading apostrophe (OWASP CSV injection). */
    static String safe(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
