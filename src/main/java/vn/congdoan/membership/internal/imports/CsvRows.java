package vn.congdoan.membership.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as Excel and LibreOffice write it (RFC 4180: quotes, doubled quotes, line breaks inside quotes), UTF-8 with or
 * without a BOM, separated by {@code ;} (Excel with Vietnamese regional settings) or {@code ,}, detected from the first
 * line that holds either. UTF-16 and legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) are refused with a reason:
 * guessing would store garbled names. Records are bounded, so a missing closing quote cannot swallow the file.
 */
final class CsvRows implements ImportFiles.Rows {

    static final int MAX_RECORD_CHARS = 64 * 1024;
    static final int MAX_COLUMNS = 300;
    private static final int SNIFF_LINES = 20;
    private static final BitSet NONE = new BitSet();

    private final CountingStream counted;
    private final long expectedBytes;
    private final Reader reader;
    private final char separator;
    private StringBuilder prefix;
    private int prefixPos;
    private int line = 1;
    private boolean ended;
    private final StringBuilder field = new StringBuilder();

    private CsvRows(CountingStream counted, long expectedBytes, Reader reader, char separator, StringBuilder prefix) {
        this.counted = counted;
        this.expectedBytes = expectedBytes;
        this.reader = reader;
        this.separator = separator;
        this.prefix = prefix;
    }

    static CsvRows open(InputStream raw, long expectedBytes) throws IOException {
        CountingStream in = new CountingStream(raw);
        in.mark(4);
        byte[] bom = in.readNBytes(4);
        in.reset();
        int b0 = bom.length > 0 ? bom[0] & 0xFF : -1;
        int b1 = bom.length > 1 ? bom[1] & 0xFF : -1;
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw new ImportFiles.Refused("member.import.file.utf16");
        }
        if (bom.length >= 3 && b0 == 0xEF && b1 == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        } else if (bom.length >= 2 && (bom[0] == 0 || bom[1] == 0)) {
            // UTF-16 without a BOM: every other byte of ASCII text is zero.
            throw new ImportFiles.Refused("member.import.file.utf16");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(in, decoder);
        // Look ahead for the separator; the lines read are replayed to the parser.
        StringBuilder prefix = new StringBuilder();
        char separator = ',';
        for (int i = 0; i < SNIFF_LINES; i++) {
            int start = prefix.length();
            if (!readLine(reader, prefix, 1)) {
                break;
            }
            String l = prefix.substring(start);
            int semicolons = count(l, ';');
            int commas = count(l, ',');
            int tabs = count(l, '\t');
            if (semicolons + commas + tabs > 0) {
                separator = semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
                break;
            }
        }
        return new CsvRows(in, expectedBytes, reader, separator, prefix);
    }

    char separator() {
        return separator;
    }

    @Override
    public ImportFiles.Kind kind() {
        return ImportFiles.Kind.CSV;
    }

    @Override
    public int percent() {
        return expectedBytes <= 0 ? 0 : (int) Math.min(100, counted.count() * 100 / expectedBytes);
    }

    @Override
    public ImportFiles.@Nullable SourceRow next() throws IOException {
        while (!ended) {
            int start = line;
            List<String> cells = record(start);
            if (cells == null) {
                ended = true;
                return null;
            }
            ImportFiles.SourceRow row = new ImportFiles.SourceRow(start, cells, NONE);
            if (!row.blank()) {
                return row;
            }
        }
        return null;
    }

    /** One record, or null at the end of the input. */
    private @Nullable List<String> record(int startLine) throws IOException {
        List<String> cells = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false;
        int chars = 0;
        int c = read();
        if (c < 0) {
            return null;
        }
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new ImportFiles.Refused("member.import.file.csvQuote", startLine);
                }
                cells.add(ImportFiles.cellText(field.toString()));
                return cells;
            }
            if (++chars > MAX_RECORD_CHARS) {
                throw new ImportFiles.Refused("member.import.file.csvLineTooLong", startLine);
            }
            char ch = (char) c;
            if (ch == 0) {
                throw new ImportFiles.Refused("member.import.file.binary");
            }
            if (quoted) {
                if (ch == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == separator) {
                addCell(cells, startLine);
                afterQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int next = read();
                    if (next != '\n' && next >= 0) {
                        unread(next);
                    }
                }
                line++;
                cells.add(ImportFiles.cellText(field.toString()));
                return cells;
            } else if (ch == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                field.append(ch);
            }
            c = read();
        }
    }

    private void addCell(List<String> cells, int startLine) {
        if (cells.size() >= MAX_COLUMNS) {
            throw new ImportFiles.Refused("member.import.file.tooManyColumns", startLine, MAX_COLUMNS);
        }
        cells.add(ImportFiles.cellText(field.toString()));
        field.setLength(0);
    }

    private int pushedBack = -1;

    private void unread(int c) {
        pushedBack = c;
    }

    private int read() throws IOException {
        if (pushedBack >= 0) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        if (prefix != null) {
            if (prefixPos < prefix.length()) {
                return prefix.charAt(prefixPos++);
            }
            prefix = null;
        }
        if (bufPos < bufLen) {
            return buf[bufPos++];
        }
        try {
            bufLen = reader.read(buf, 0, buf.length);
        } catch (CharacterCodingException e) {
            throw new ImportFiles.Refused("member.import.file.notUtf8", line);
        }
        if (bufLen <= 0) {
            bufLen = 0;
            return -1;
        }
        bufPos = 1;
        return buf[0];
    }

    private final char[] buf = new char[16 * 1024];
    private int bufPos;
    private int bufLen;

    /** Reads one physical line (with its end) into {@code out}; false at the end of the input. */
    private static boolean readLine(Reader reader, StringBuilder out, int lineNo) throws IOException {
        int start = out.length();
        while (true) {
            int c;
            try {
                c = reader.read();
            } catch (CharacterCodingException e) {
                throw new ImportFiles.Refused("member.import.file.notUtf8", lineNo);
            }
            if (c < 0) {
                return out.length() > start;
            }
            if (c == 0) {
                throw new ImportFiles.Refused("member.import.file.binary");
            }
            out.append((char) c);
            if (c == '\n') {
                return true;
            }
            if (out.length() - start > MAX_RECORD_CHARS) {
                throw new ImportFiles.Refused("member.import.file.csvLineTooLong", lineNo);
            }
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes read, for progress. */
    static final class CountingStream extends java.io.FilterInputStream {
        private long count;
        private long mark;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = mark;
        }
    }
}
