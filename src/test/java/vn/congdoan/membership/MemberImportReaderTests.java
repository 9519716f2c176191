package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congdoan.membership.internal.imports.ImportColumn;
import vn.congdoan.membership.internal.imports.ImportFileGenerator;
import vn.congdoan.membership.internal.imports.ImportFiles;

/**
 * The import readers as a user's files meet them: CSV from Excel with or without BOM, either separator, decomposed
 * Vietnamese, formulas; XLSX through fastexcel; and hostile files, refused fast and for the right reason.
 */
class MemberImportReaderTests {

    @TempDir
    Path dir;

    private static final String HEADER = "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày vào công đoàn";

    private static List<ImportFiles.SourceRow> csvRows(byte[] bytes) throws IOException {
        List<ImportFiles.SourceRow> rows = new ArrayList<>();
        try (ImportFiles.Rows r = ImportFiles.csv(new ByteArrayInputStream(bytes), bytes.length)) {
            ImportFiles.forEach(r, rows::add);
        }
        return rows;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ImportFiles.Refused e) {
            return e.key();
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError("expected a refusal, the file was accepted");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void readsCsvWithBomAndCommas() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(utf8(HEADER + "\r\nNguyễn Văn An,Nam,01/02/1990,099090000001,01/01/2015\r\n"));
        List<ImportFiles.SourceRow> rows = csvRows(out.toByteArray());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cell(0)).isEqualTo("Họ và tên");
        assertThat(rows.get(1).cells())
                .containsExactly("Nguyễn Văn An", "Nam", "01/02/1990", "099090000001", "01/01/2015");
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @Test
    void detectsTheSemicolonExcelWritesWithVietnameseSettings() throws IOException {
        List<ImportFiles.SourceRow> rows = csvRows(utf8("Danh sách đoàn viên\n\nHọ và tên;Giới tính;Ghi chú\n"
                + "\"Lò Thị Dợ\";Nữ;\"có dấu, phẩy; và \"\"ngoặc\"\"\nxuống dòng\"\nCầm Văn Sơn;Nam;\n"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).cells()).containsExactly("Lò Thị Dợ", "Nữ", "có dấu, phẩy; và \"ngoặc\" xuống dòng");
        assertThat(rows.get(2).number()).as("the line the record starts on").isEqualTo(4);
        assertThat(rows.get(3).number()).isEqualTo(6);
        assertThat(rows.get(3).cells()).containsExactly("Cầm Văn Sơn", "Nam", "");
    }

    @Test
    void decomposedTextBecomesNfc() throws IOException {
        String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Thị Ánh");
        List<ImportFiles.SourceRow> rows = csvRows(utf8(HEADER + "\n" + nfd + "  ,Nữ,x,y,z\n"));
        assertThat(rows.get(1).cell(0)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(Normalizer.isNormalized(rows.get(1).cell(0), Normalizer.Form.NFC))
                .isTrue();
    }

    @Test
    void formulaTextStaysTextAndOurExportEscapeIsRemoved() throws IOException {
        List<ImportFiles.SourceRow> rows =
                csvRows(utf8(HEADER + "\n=HYPERLINK(\"http://x\"),'=1+2,+84,@SUM(A1),'-5\n"));
        assertThat(rows.get(1).cells()).containsExactly("=HYPERLINK(\"http://x\")", "=1+2", "+84", "@SUM(A1)", "-5");
    }

    @Test
    void refusesUtf16WithOrWithoutBomAndLegacyEncodings() throws IOException {
        byte[] le = ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16LE);
        assertThat(refusal(() -> csvRows(le))).isEqualTo("member.import.file.utf16");
        byte[] be = HEADER.getBytes(StandardCharsets.UTF_16BE);
        assertThat(refusal(() -> csvRows(be))).isEqualTo("member.import.file.utf16");
        // "Nguyễn" in Windows-1258 (and in TCVN3/VNI alike): bytes that are not UTF-8.
        byte[] legacy = (HEADER + "\nNguy\u00ean,Nam\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(refusal(() -> csvRows(legacy))).isEqualTo("member.import.file.notUtf8");
    }

    @Test
    void matchesHeadersByFoldedNameInAnyOrder() throws IOException {
        ImportFiles.SourceRow header = csvRows(
                        utf8("NGAY VAO CONG DOAN,ho va ten (*),Số  CCCD,Cột lạ,Giới Tính,Ngày sinh (*)\n"))
                .get(0);
        AtomicInteger seen = new AtomicInteger();
        ImportFiles.Header[] found = new ImportFiles.Header[1];
        try (ImportFiles.Rows rows = ImportFiles.csv(
                new ByteArrayInputStream(utf8(String.join(",", header.cells()) + "\nA,B,C,D,E,F\n")), 100)) {
            ImportFiles.read(rows, 10, new ImportFiles.Handler() {
                @Override
                public void header(ImportFiles.Header h) {
                    found[0] = h;
                }

                @Override
                public void row(ImportFiles.SourceRow row) {
                    seen.incrementAndGet();
                }
            });
        }
        ImportFiles.Header h = found[0];
        assertThat(h.position(ImportColumn.FULL_NAME)).isEqualTo(1);
        assertThat(h.position(ImportColumn.JOINED_ON)).isZero();
        assertThat(h.position(ImportColumn.CCCD)).isEqualTo(2);
        assertThat(h.position(ImportColumn.SEX)).isEqualTo(4);
        assertThat(h.position(ImportColumn.BIRTH_DATE)).isEqualTo(5);
        assertThat(h.unknown()).containsExactly("Cột lạ");
        assertThat(seen).hasValue(1);
    }

    @Test
    void refusesAFileWithoutARequiredColumnOrWithoutAHeader() {
        assertThat(refusal(() -> readAll(utf8("Họ và tên,Giới tính,Ngày sinh\nA,Nam,01/01/1990\n"))))
                .isEqualTo("member.import.file.missingColumns");
        assertThat(refusal(() -> readAll(utf8("a,b,c\n1,2,3\n")))).isEqualTo("member.import.file.noHeader");
    }

    private static int readAll(byte[] bytes) throws IOException {
        try (ImportFiles.Rows rows = ImportFiles.csv(new ByteArrayInputStream(bytes), bytes.length)) {
            return ImportFiles.read(rows, MemberImports.MAX_ROWS, new ImportFiles.Handler() {
                @Override
                public void header(ImportFiles.Header h) {}

                @Override
                public void row(ImportFiles.SourceRow row) {}
            });
        }
    }

    @Test
    void everyTemplateHeaderIsRecognised() throws IOException {
        for (String file : List.of("i18n/member-import.properties", "i18n/member-import_en.properties")) {
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (ImportColumn c : ImportColumn.values()) {
                String header = p.getProperty(c.templateKey());
                assertThat(header).as(file + " " + c).isNotNull();
                assertThat(ImportColumn.byHeader(ImportFiles.fold(header + " (*)")))
                        .as(file + ": header " + header)
                        .contains(c);
            }
        }
    }

    @Test
    void readsXlsxNumbersFormulasAndTheMemberSheet() throws IOException {
        Path file = dir.resolve("members.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet other = wb.newWorksheet("Ghi chú");
            other.value(0, 0, "not this sheet");
            Worksheet ws = wb.newWorksheet("Đoàn viên");
            ws.value(0, 0, "Họ và tên");
            ws.value(0, 1, "Số CCCD");
            ws.value(1, 0, Normalizer.normalize("Lường Thị Hạnh", Normalizer.Form.NFD));
            ws.value(1, 1, 12190012345L);
            ws.formula(1, 2, "1+1");
            ws.value(1, 3, true);
            wb.finish();
        }
        List<ImportFiles.SourceRow> rows = new ArrayList<>();
        try (ImportFiles.Rows r = ImportFiles.open(file)) {
            assertThat(r.kind()).isEqualTo(ImportFiles.Kind.XLSX);
            ImportFiles.forEach(r, rows::add);
        }
        assertThat(rows).hasSize(2);
        ImportFiles.SourceRow row = rows.get(1);
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.cells()).containsExactly("Lường Thị Hạnh", "12190012345", "=1+1", "TRUE");
        assertThat(row.numeric().get(1)).isTrue();
        assertThat(row.numeric().get(0)).isFalse();
    }

    @Test
    void generatedFilesReadTheSameAsCsvAndXlsx() throws IOException {
        Path csv = dir.resolve("g.csv");
        Path xlsx = dir.resolve("g.xlsx");
        ImportFileGenerator.writeCsv(csv, 300, 7, "CS-01");
        ImportFileGenerator.writeXlsx(xlsx, 300, 7, "CS-01");
        List<List<String>> a = new ArrayList<>();
        List<List<String>> b = new ArrayList<>();
        try (ImportFiles.Rows r = ImportFiles.open(csv)) {
            ImportFiles.forEach(r, row -> a.add(row.cells()));
        }
        try (ImportFiles.Rows r = ImportFiles.open(xlsx)) {
            ImportFiles.forEach(r, row -> b.add(row.cells()));
        }
        assertThat(a).hasSize(301);
        for (int i = 0; i < a.size(); i++) {
            List<String> x = new ArrayList<>(a.get(i));
            List<String> y = new ArrayList<>(b.get(i));
            while (y.size() < x.size()) {
                y.add("");
            }
            assertThat(y).as("row " + i).isEqualTo(x);
        }
    }

    // ------------------------------------------------------------------------------------------------ hostile files

    @Test
    void refusesAPdfOrAnOldXlsRenamedXlsx() throws IOException {
        Path pdf = dir.resolve("bao-cao.xlsx");
        Files.write(pdf, utf8("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"));
        assertThat(refusal(() -> ImportFiles.open(pdf))).isEqualTo("member.import.file.notSpreadsheet");
        Path xls = dir.resolve("cu.xlsx");
        Files.write(
                xls,
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThat(refusal(() -> ImportFiles.open(xls))).isEqualTo("member.import.file.oldExcel");
        Path zip = dir.resolve("nen.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(utf8("not a workbook"));
        }
        assertThat(refusal(() -> ImportFiles.open(zip))).isEqualTo("member.import.file.notSpreadsheet");
        Path broken = dir.resolve("hong.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(refusal(() -> ImportFiles.open(broken))).isEqualTo("member.import.file.notSpreadsheet");
    }

    @Test
    void refusesAZipBombWithoutUnpackingIt() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(utf8("<?xml version=\"1.0\"?><Types/>"));
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write(utf8("<?xml version=\"1.0\"?><workbook/>"));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(utf8("<?xml version=\"1.0\"?><worksheet><sheetData>"));
            for (int i = 0; i < 256; i++) {
                z.write(zeros); // 256 MB of zeros, a few hundred KB compressed
            }
            z.write(utf8("</sheetData></worksheet>"));
        }
        assertThat(Files.size(bomb)).isLessThan(5L * 1024 * 1024);
        long start = System.nanoTime();
        assertThat(refusal(() -> ImportFiles.open(bomb))).isEqualTo("member.import.file.zipBomb");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
    }

    @Test
    void refusesXmlWithADoctype() throws IOException {
        Path good = dir.resolve("good.xlsx");
        ImportFileGenerator.writeXlsx(good, 3, 1, null);
        Path evil = dir.resolve("xxe.xlsx");
        String xxe =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a long comment pushes the DTD away from the start"
                        + " ".repeat(5000) + "-->\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
        rezip(good, evil, Map.of("xl/worksheets/sheet1.xml", utf8(xxe)));
        assertThat(refusal(() -> ImportFiles.open(evil))).isEqualTo("member.import.file.dtd");
    }

    private static void rezip(Path from, Path to, Map<String, byte[]> replace) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (replace.containsKey(e.getName())) {
                    out.write(replace.get(e.getName()));
                } else {
                    try (InputStream s = in.getInputStream(e)) {
                        s.transferTo(out);
                    }
                }
            }
        }
    }

    /** A CSV of ten times the row limit, generated as it is read: never stored, never held. */
    static final class ManyRows extends InputStream {
        private final long rows;
        private long row = -1;
        private byte[] line = new byte[0];
        private int pos;

        ManyRows(long rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (pos >= line.length && !nextLine()) {
                return -1;
            }
            return line[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= line.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean nextLine() {
            if (row >= rows) {
                return false;
            }
            line = row < 0
                    ? utf8(HEADER + "\r\n")
                    : utf8("Nguyễn Văn Số " + row + ",Nam,01/01/1990,0990900" + String.format("%05d", row % 100000)
                            + ",01/01/2015\r\n");
            row++;
            pos = 0;
            return true;
        }
    }

    @Test
    void refusesTenTimesTheRowLimitFastAndInConstantMemory() throws IOException {
        long rows = 10L * MemberImports.MAX_ROWS + 1;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        AtomicInteger handed = new AtomicInteger();
        long[] peak = {0};
        long start = System.nanoTime();
        String key = refusal(() -> {
            try (ImportFiles.Rows r = ImportFiles.csv(new ManyRows(rows), rows * 60)) {
                ImportFiles.read(r, MemberImports.MAX_ROWS, new ImportFiles.Handler() {
                    @Override
                    public void header(ImportFiles.Header h) {}

                    @Override
                    public void row(ImportFiles.SourceRow row) {
                        int n = handed.incrementAndGet();
                        if (n == 100_000 || n == MemberImports.MAX_ROWS) {
                            // What is still reachable after a collection: rows handed over must not be.
                            System.gc();
                            peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                        }
                    }
                });
            }
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(key).isEqualTo("member.import.file.tooManyRows");
        assertThat(handed.get()).as("rows handed over before the refusal").isEqualTo(MemberImports.MAX_ROWS);
        assertThat(ms).as("ms to refuse a 2,000,001-row file").isLessThan(10_000);
        // Rows are not kept: 200,000 rows held would take about 60 MB; the reader retains next to nothing.
        assertThat(peak[0] - before).as("heap retained while reading").isLessThan(24L * 1024 * 1024);
    }

    @Test
    void refusesAnXlsxWithTooManyRowsBeforeParsingIt() throws IOException {
        Path big = dir.resolve("big.xlsx");
        try (OutputStream out = Files.newOutputStream(big)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Đoàn viên");
            ws.value(0, 0, "Họ và tên");
            for (int r = 1; r <= MemberImports.MAX_ROWS + 2_000; r++) {
                ws.value(r, 0, r);
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        long start = System.nanoTime();
        assertThat(refusal(() -> ImportFiles.open(big))).isEqualTo("member.import.file.tooManyRows");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
    }

    @Test
    void refusesABinaryFileAndAnUnclosedQuote() {
        byte[] binary = {'a', ',', 'b', '\n', 0, 1, 2, 3};
        assertThat(refusal(() -> csvRows(binary))).isIn("member.import.file.binary", "member.import.file.utf16");
        byte[] quote = utf8(HEADER + "\n\"Nguyễn Văn An,Nam\n" + "x".repeat(70_000));
        assertThat(refusal(() -> csvRows(quote))).isEqualTo("member.import.file.csvLineTooLong");
        assertThatThrownBy(() -> csvRows(utf8("a,\"b\n"))).isInstanceOf(ImportFiles.Refused.class);
    }
}
