package vn.congdoan.membership.internal.imports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.congdoan.membership.MemberImports;
import vn.congdoan.shared.Text;

/**
 * Reading an uploaded member file, whatever it is: the type comes from the content (an XLSX is a ZIP with a workbook
 * part, anything else must be UTF-8 text), never from the name. Rows are handed over one at a time and never kept: a
 * file of any size is read in constant memory, and reading stops at the first row past the limit.
 *
 * <p>Public for the tests and the benchmark, which read files exactly as jobs do.
 */
public final class ImportFiles {

    /** Rows before the header that may hold a title or notes. */
    static final int MAX_ROWS_BEFORE_HEADER = 20;

    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private ImportFiles() {}

    /** What a file turned out to be. */
    public enum Kind {
        XLSX,
        CSV
    }

    /** The file is refused as a whole: a message key of {@code member-import.properties} and its arguments. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        public Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args.clone();
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * A non-blank row: its number as the spreadsheet shows it (CSV: the line it starts on), its cells as NFC text
     * with surrounding blanks removed ("" for empty), and which cells were numbers in the spreadsheet.
     */
    public record SourceRow(int number, List<String> cells, BitSet numeric) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** Rows of a file in order. */
    public interface Rows extends Closeable {
        /** The next non-blank row, or null at the end. */
        @Nullable
        SourceRow next() throws IOException;

        /** How far the reading got, 0–100 (an estimate). */
        int percent();

        Kind kind();
    }

    /** The header found in a file: which column (0-based) holds which field; what was ignored. */
    public record Header(
            int rowNumber, int[] positions, List<String> headers, List<String> unknown, List<ImportColumn> missing) {

        /** Position of the column in the file (0-based), or -1 when absent. */
        public int position(ImportColumn column) {
            return positions[column.ordinal()];
        }

        public boolean has(ImportColumn column) {
            return positions[column.ordinal()] >= 0;
        }

        /** The header text the file gives the column, or null when absent. */
        public @Nullable String header(ImportColumn column) {
            int p = position(column);
            return p < 0 || p >= headers.size() ? null : headers.get(p);
        }
    }

    /** What to do with the header and with each data row. */
    public interface Handler {
        void header(Header header);

        void row(SourceRow row);
    }

    /**
     * Opens a file: an XLSX after {@link XlsxGuard} has passed it, or UTF-8 CSV.
     *
     * @throws Refused for a PDF, an old .xls, a ZIP that is not a workbook, UTF-16 or binary content, an empty file
     */
    public static Rows open(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new Refused("member.import.file.empty");
        }
        if (size > MemberImports.MAX_FILE_BYTES) {
            throw new Refused("member.import.file.tooLarge", MemberImports.MAX_FILE_BYTES / (1024 * 1024));
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        Kind kind = sniff(head, n);
        if (kind == Kind.XLSX) {
            XlsxGuard.Inspection inspection = XlsxGuard.inspect(file);
            return XlsxRows.open(file, inspection);
        }
        return CsvRows.open(new BufferedInputStream(Files.newInputStream(file), 1 << 16), size);
    }

    /** A CSV (or something claiming to be one) from a stream: the tests feed generated streams through here. */
    public static Rows csv(InputStream in, long expectedBytes) throws IOException {
        return CsvRows.open(
                in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16), expectedBytes);
    }

    /** The type from the first bytes; refuses what is certainly neither. */
    static Kind sniff(byte[] head, int n) {
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Kind.XLSX;
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
            throw new Refused("member.import.file.oldExcel");
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            throw new Refused("member.import.file.notSpreadsheet");
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw new Refused("member.import.file.notSpreadsheet");
        }
        return Kind.CSV;
    }

    /**
     * Reads all rows: finds the header (the first row, among the first {@link #MAX_ROWS_BEFORE_HEADER}, naming the
     * full-name column), then hands over each data row. Refuses the file at the first data row past {@code maxRows},
     * so a file of ten times the limit costs no more than one at the limit.
     *
     * @return the number of data rows
     * @throws Refused when no header is found, required columns are missing, or there are too many rows
     */
    public static int read(Rows rows, int maxRows, Handler handler) throws IOException {
        Header header = null;
        int data = 0;
        int before = 0;
        SourceRow row;
        while ((row = rows.next()) != null) {
            if (header == null) {
                Header h = header(row);
                if (h != null) {
                    if (!h.missing().isEmpty()) {
                        throw new Refused("member.import.file.missingColumns", (Object)
                                h.missing().toArray(ImportColumn[]::new));
                    }
                    header = h;
                    handler.header(h);
                } else if (++before >= MAX_ROWS_BEFORE_HEADER) {
                    throw new Refused("member.import.file.noHeader");
                }
                continue;
            }
            if (++data > maxRows) {
                throw new Refused("member.import.file.tooManyRows", maxRows);
            }
            handler.row(row);
        }
        if (header == null) {
            throw new Refused("member.import.file.noHeader");
        }
        return data;
    }

    /** The row as a header, if it names the full-name column. */
    static @Nullable Header header(SourceRow row) {
        int[] positions = new int[ImportColumn.values().length];
        java.util.Arrays.fill(positions, -1);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String text = row.cells().get(i);
            if (text.isEmpty()) {
                continue;
            }
            Optional<ImportColumn> c = ImportColumn.byHeader(fold(text));
            if (c.isPresent() && positions[c.get().ordinal()] < 0) {
                positions[c.get().ordinal()] = i;
            } else {
                unknown.add(text);
            }
        }
        if (positions[ImportColumn.FULL_NAME.ordinal()] < 0) {
            return null;
        }
        List<ImportColumn> missing = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && positions[c.ordinal()] < 0) {
                missing.add(c);
            }
        }
        return new Header(row.number(), positions, row.cells(), unknown, missing);
    }

    /** A header as compared: folded (no diacritics, lower case), "(*)" and everything but letters and digits gone. */
    public static String fold(String header) {
        return NOT_ALNUM
                .matcher(Text.searchKey(header.replace("(*)", "")).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }

    /** A cell as the validator receives it: NFC, trimmed; our own export's apostrophe before a formula sign removed. */
    static String cellText(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String r = raw;
        if (r.length() > 1 && r.charAt(0) == '\'' && "=+-@\t\r".indexOf(r.charAt(1)) >= 0) {
            r = r.substring(1);
        }
        if (alreadyClean(r)) {
            return r;
        }
        String s = Text.clean(r);
        return s == null ? "" : s;
    }

    /**
     * Whether {@link Text#clean} would return the text unchanged, decided without allocating: no surrounding or
     * doubled blanks, no control characters, and only characters that are their own NFC form (ASCII, Latin-1 and
     * Latin Extended-A/B, and the precomposed Vietnamese letters of Latin Extended Additional). Nearly every cell of a
     * real file passes, which keeps the per-row cost of reading low.
     */
    static boolean alreadyClean(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
            if (!plain || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Reads every row of a file into the consumer (tests). */
    public static void forEach(Rows rows, Consumer<SourceRow> consumer) throws IOException {
        SourceRow r;
        while ((r = rows.next()) != null) {
            consumer.accept(r);
        }
    }
}
