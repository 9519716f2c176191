package vn.congdoan.membership.internal.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * The member sheet of an XLSX, row by row with fastexcel's streaming reader (never a DOM of the workbook). The sheet
 * named like the template's ("Đoàn viên", folded) is read, otherwise the first one. Cells become text: numbers in
 * plain notation (flagged, so that lost leading zeros can be restored), formulas as their formula text (never
 * evaluated, never their cached result), booleans as TRUE/FALSE.
 */
final class XlsxRows implements ImportFiles.Rows {

    static final int MAX_COLUMNS = 300;

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final int expectedRows;
    private int read;

    private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream, int expectedRows) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.expectedRows = expectedRows;
    }

    static XlsxRows open(Path file, XlsxGuard.Inspection inspection) throws IOException {
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        }
        try {
            Sheet sheet = wb.getSheets()
                    .filter(s -> ImportFiles.fold(s.getName()).equals("doanvien"))
                    .findFirst()
                    .orElseGet(wb::getFirstSheet);
            return new XlsxRows(wb, sheet.openStream(), inspection.maxSheetRows());
        } catch (IOException | RuntimeException e) {
            wb.close();
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        }
    }

    @Override
    public ImportFiles.Kind kind() {
        return ImportFiles.Kind.XLSX;
    }

    @Override
    public int percent() {
        return expectedRows <= 0 ? 0 : (int) Math.min(100, (long) read * 100 / expectedRows);
    }

    @Override
    public ImportFiles.@Nullable SourceRow next() throws IOException {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                read++;
                ImportFiles.SourceRow r = convert(row);
                if (!r.blank()) {
                    return r;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        } catch (ImportFiles.Refused e) {
            throw e;
        } catch (RuntimeException e) {
            // fastexcel reports malformed XML (and a DTD it refuses to read) as unchecked exceptions.
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        }
    }

    private static ImportFiles.SourceRow convert(Row row) {
        int n = Math.min(row.getCellCount(), MAX_COLUMNS);
        List<String> cells = new ArrayList<>(n);
        BitSet numeric = new BitSet();
        for (int i = 0; i < n; i++) {
            Cell c = row.getCell(i);
            if (c == null || c.getType() == CellType.EMPTY) {
                cells.add("");
                continue;
            }
            String text;
            switch (c.getType()) {
                case NUMBER -> {
                    BigDecimal v = c.asNumber();
                    text = v == null ? "" : plain(v);
                    numeric.set(i);
                }
                case FORMULA -> text = "=" + c.getFormula();
                case BOOLEAN -> text = Boolean.TRUE.equals(c.asBoolean()) ? "TRUE" : "FALSE";
                default -> text = c.getText();
            }
            cells.add(ImportFiles.cellText(text));
        }
        return new ImportFiles.SourceRow(row.getRowNum(), cells, numeric);
    }

    private static String plain(BigDecimal n) {
        String s = n.stripTrailingZeros().toPlainString();
        return s;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
