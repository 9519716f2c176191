package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import vn.congdoan.membership.internal.imports.ImportFiles;
import vn.congdoan.shared.Text;

/**
 * Export → CSV → import gives the same values: rows shaped like the register's CSV export (UTF-8 with BOM, comma,
 * quotes where needed, CRLF, a leading apostrophe before anything a spreadsheet would take for a formula) read back
 * through the import reader cell for cell — whatever Vietnamese, punctuation, quotes, separators or line breaks the
 * values hold, in NFC or NFD.
 */
class MemberImportRoundTripTests {

    private static final List<String> HEADER = List.of("STT", "Họ và tên", "Số CCCD", "Đơn vị", "Ghi chú");

    @Property(tries = 300)
    void exportShapedCsvReadsBackToTheSameValues(@ForAll("tables") @Size(min = 1, max = 30) List<List<String>> rows)
            throws IOException {
        byte[] file = export(rows);
        List<ImportFiles.SourceRow> read = new ArrayList<>();
        try (ImportFiles.Rows r = ImportFiles.csv(new ByteArrayInputStream(file), file.length)) {
            ImportFiles.forEach(r, read::add);
        }
        assertThat(read).hasSize(rows.size() + 1);
        assertThat(read.get(0).cells()).isEqualTo(HEADER);
        for (int i = 0; i < rows.size(); i++) {
            List<String> expected = rows.get(i).stream()
                    .map(MemberImportRoundTripTests::asStored)
                    .toList();
            assertThat(read.get(i + 1).cells()).as("row " + (i + 1)).isEqualTo(expected);
        }
    }

    /** What the register holds for a typed value: NFC, trimmed, inner blanks collapsed ({@link Text#clean}). */
    private static String asStored(String typed) {
        String s = Text.clean(typed);
        return s == null ? "" : s;
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars(
                                "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ")
                        .withChars(" ,;\"\n\r\t.-/()=+@'0123456789")
                        .ofMaxLength(40),
                Arbitraries.of(
                        "Nguyễn Thị Ánh",
                        Normalizer.normalize("Giàng A Páo", Normalizer.Form.NFD),
                        "=HYPERLINK(\"http://x\",\"y\")",
                        "+84 912 345 678",
                        "-5",
                        "@SUM(A1:A9)",
                        "a \"quoted\" word, and; more",
                        "two\r\nlines",
                        ""));
        // Values never start with an apostrophe: the export only adds one before a formula sign, and the import
        // removes exactly that one (a typed leading apostrophe followed by "=" is indistinguishable from it).
        Arbitrary<String> value = text.filter(s -> {
            String c = Text.clean(s);
            return c == null || !c.startsWith("'");
        });
        Arbitrary<String> first = Arbitraries.integers().between(1, 99_999).map(String::valueOf);
        Arbitrary<List<String>> row = net.jqwik.api.Combinators.combine(
                        first, value.list().ofSize(HEADER.size() - 1))
                .as((n, rest) -> {
                    List<String> r = new ArrayList<>();
                    r.add(n);
                    r.addAll(rest);
                    return r;
                });
        return row.list();
    }

    /** The register's CSV export format (MemberExporter's CsvSink). */
    static byte[] export(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, HEADER);
        rows.forEach(r -> line(sb, r));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            String s = values.get(c);
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }
}
