package vn.congdoan.finance.internal.dues;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.shared.FieldProblem;

/**
 * A payroll-deduction list as the employer's accountant sends it (QĐ 1908/QĐ-TLĐ Art. 24: deduction with the member's
 * consent, on a list confirmed by the unit's accountant): one sheet, a header row naming the columns (Họ và tên, Số
 * CCCD, Mã đoàn viên, Số tiền; STT optional, any order, diacritics optional), one row per member. Read with
 * fastexcel's streaming reader after a check of the ZIP (no zip bomb, no DTD), formulas never evaluated.
 */
final class PayrollFile {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;
    private static final long MAX_INFLATED = 50L * 1024 * 1024;

    record Line(
            int rowNo,
            @Nullable String fullName,
            @Nullable String cccd,
            @Nullable String memberCode,
            @Nullable String amount) {}

    private PayrollFile() {}

    static List<Line> read(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused("dues.import.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw refused("dues.import.file.tooLarge");
        }
        inspect(bytes);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Row> rows;
            try (var stream = wb.getFirstSheet().openStream()) {
                rows = stream.limit(MAX_ROWS + 10L).toList();
            }
            int[] cols = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : rows) {
                if (cols == null) {
                    cols = header(row);
                    continue;
                }
                String name = text(row, cols[0]);
                String cccd = text(row, cols[1]);
                String code = text(row, cols[2]);
                String amount = text(row, cols[3]);
                if (name == null && cccd == null && code == null && amount == null) {
                    continue;
                }
                lines.add(new Line(row.getRowNum(), name, cccd, code, amount));
                if (lines.size() > MAX_ROWS) {
                    throw refused("dues.import.file.tooManyRows");
                }
            }
            if (cols == null) {
                throw refused("dues.import.file.noHeader");
            }
            if (lines.isEmpty()) {
                throw refused("dues.import.file.noRows");
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof FinanceRejectedException r) {
                throw r;
            }
            throw refused("dues.import.file.notSpreadsheet");
        }
    }

    /** Column indexes of name, CCCD, member code, amount; -1 when a column is missing (code or CCCD may be). */
    private static int @Nullable [] header(Row row) {
        int[] cols = {-1, -1, -1, -1};
        for (int i = 0; i < row.getCellCount(); i++) {
            String h = text(row, i);
            if (h == null) {
                continue;
            }
            String f = fold(h);
            if (f.contains("ho") && f.contains("ten")) {
                cols[0] = i;
            } else if (f.contains("cccd") || f.contains("can cuoc") || f.contains("dinh danh")) {
                cols[1] = i;
            } else if (f.contains("ma doan vien") || f.equals("ma dv") || f.contains("ma so doan vien")) {
                cols[2] = i;
            } else if (f.contains("so tien") || f.contains("doan phi") || f.contains("khau tru")) {
                cols[3] = i;
            }
        }
        if (cols[3] < 0 || (cols[1] < 0 && cols[2] < 0)) {
            throw refused("dues.import.file.noHeader");
        }
        return cols;
    }

    private static @Nullable String text(Row row, int i) {
        if (i < 0 || i >= row.getCellCount()) {
            return null;
        }
        Cell c = row.getCell(i);
        if (c == null || c.getType() == CellType.EMPTY) {
            return null;
        }
        String t =
                switch (c.getType()) {
                    case NUMBER -> {
                        BigDecimal v = c.asNumber();
                        yield v == null ? "" : v.stripTrailingZeros().toPlainString();
                    }
                    case FORMULA -> "=" + c.getFormula();
                    default -> c.getText();
                };
        t = t == null ? "" : Normalizer.normalize(t, Normalizer.Form.NFC).strip();
        return t.isEmpty() ? null : t;
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('\u0111', 'd')
                .replace('\u0110', 'D')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }

    /**
     * A ZIP with a workbook, inflating to at most {@link #MAX_INFLATED} bytes, with no DTD in any XML part. Read
     * through the central directory ({@link ZipFile}): spreadsheet writers stream entries with data descriptors, which
     * {@code ZipInputStream} cannot read.
     */
    private static void inspect(byte[] bytes) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dues-import", ".xlsx");
            Files.write(tmp, bytes);
            long total = 0;
            boolean workbook = false;
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                if (zip.size() > 1000) {
                    throw refused("dues.import.file.notSpreadsheet");
                }
                Enumeration<? extends ZipEntry> entries = zip.entries();
                byte[] buf = new byte[8192];
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    workbook |= e.getName().equals("xl/workbook.xml");
                    StringBuilder head = new StringBuilder();
                    try (InputStream in = zip.getInputStream(e)) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            if (head.length() < 2048) {
                                head.append(new String(buf, 0, Math.min(n, 2048), StandardCharsets.ISO_8859_1));
                            }
                            total += n;
                            if (total > MAX_INFLATED) {
                                throw refused("dues.import.file.tooLarge");
                            }
                        }
                    }
                    if (head.indexOf("<!DOCTYPE") >= 0) {
                        throw refused("dues.import.file.notSpreadsheet");
                    }
                }
            }
            if (!workbook) {
                throw refused("dues.import.file.notSpreadsheet");
            }
        } catch (IOException ex) {
            throw refused("dues.import.file.notSpreadsheet");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind holds no personal data beyond what the upload held; the OS cleans it
                }
            }
        }
    }

    static FinanceRejectedException refused(String key, Object... args) {
        return new FinanceRejectedException(new FieldProblem("file", key, args));
    }
}
