package vn.congdoan.membership.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.congdoan.membership.MemberImports;

/**
 * Checks an XLSX before any spreadsheet parser sees it (QUALITY.md §4). It must be a ZIP of few parts with a workbook;
 * every part is inflated once, counting the bytes actually produced (declared sizes are not trusted), so a zip bomb
 * stops at {@link #MAX_INFLATED_BYTES} or at a compression ratio no spreadsheet has, and is never unpacked whole; no
 * XML part may declare a DTD (no external entities, no entity expansion); and the rows of each worksheet are counted
 * on the way, so a sheet with far more than {@link MemberImports#MAX_ROWS} rows is refused before parsing starts.
 */
final class XlsxGuard {

    static final int MAX_ENTRIES = 500;
    /** A 200,000-row template file unpacks to roughly 150 MB; twice the largest legitimate file plus room. */
    static final long MAX_INFLATED_BYTES = 1024L * 1024 * 1024;
    /** Real worksheets compress 5–30 times; bombs 1,000 times. Checked once a part passes 16 MB. */
    static final long MAX_RATIO = 200;

    private static final long RATIO_FROM = 16L * 1024 * 1024;
    private static final int PROLOG_LIMIT = 64 * 1024;
    /** Rows a sheet may have beyond the data limit: the header, titles and blank rows. */
    private static final int ROW_ALLOWANCE = 1_000;

    private XlsxGuard() {}

    /** What the inspection learnt: the largest row count of a worksheet (for progress). */
    record Inspection(int maxSheetRows) {}

    static Inspection inspect(Path file) throws IOException {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        boolean contentTypes = false;
        int maxRows = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new ImportFiles.Refused("member.import.file.zipBomb");
                }
                String name = entry.getName();
                workbook |= name.equals("xl/workbook.xml");
                contentTypes |= name.equals("[Content_Types].xml");
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
                boolean sheet = name.startsWith("xl/worksheets/") && name.endsWith(".xml");
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                Prolog prolog = xml ? new Prolog() : null;
                RowCounter rows = sheet ? new RowCounter() : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        inflated += read;
                        total += read;
                        if (total > MAX_INFLATED_BYTES) {
                            throw new ImportFiles.Refused("member.import.file.zipBomb");
                        }
                        if (inflated > RATIO_FROM && inflated / compressed > MAX_RATIO) {
                            throw new ImportFiles.Refused("member.import.file.zipBomb");
                        }
                        if (prolog != null && !prolog.done) {
                            prolog.feed(buffer, read);
                        }
                        if (rows != null) {
                            rows.feed(buffer, read);
                            if (rows.count > MemberImports.MAX_ROWS + ROW_ALLOWANCE) {
                                throw new ImportFiles.Refused("member.import.file.tooManyRows", MemberImports.MAX_ROWS);
                            }
                        }
                    }
                }
                if (prolog != null && !prolog.done && inflated > 0) {
                    prolog.end();
                }
                if (rows != null) {
                    maxRows = Math.max(maxRows, rows.count);
                }
            }
        } catch (ZipException | SecurityException e) {
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        }
        if (!workbook || !contentTypes) {
            throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
        }
        return new Inspection(maxRows);
    }

    /**
     * The prolog of an XML part: everything before the root element, where a DTD could be. It must end (the root
     * element must start) within {@link #PROLOG_LIMIT} bytes and hold no {@code <!DOCTYPE} or {@code <!ENTITY}.
     */
    private static final class Prolog {
        private final StringBuilder seen = new StringBuilder();
        private boolean done;

        void feed(byte[] b, int n) {
            for (int i = 0; i < n && !done; i++) {
                char c = (char) (b[i] & 0xFF);
                if (c == 0) {
                    // UTF-16 XML would hide a DTD from this check: no spreadsheet writer produces it.
                    throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
                }
                int len = seen.length();
                if (len > 0 && seen.charAt(len - 1) == '<' && (Character.isLetter(c) || c == '_')) {
                    done = true;
                    check();
                    return;
                }
                seen.append(c);
                if (seen.length() > PROLOG_LIMIT) {
                    throw new ImportFiles.Refused("member.import.file.notSpreadsheet");
                }
            }
        }

        void end() {
            done = true;
            check();
        }

        private void check() {
            String s = seen.toString().toUpperCase(java.util.Locale.ROOT);
            if (s.contains("<!DOCTYPE") || s.contains("<!ENTITY")) {
                throw new ImportFiles.Refused("member.import.file.dtd");
            }
        }
    }

    /** Counts {@code <row} elements (with or without a namespace prefix) in a worksheet part. */
    private static final class RowCounter {
        private int count;
        private boolean inName;
        private final StringBuilder name = new StringBuilder();

        void feed(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (inName) {
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':') {
                        if (name.length() < 16) {
                            name.append((char) c);
                        }
                        continue;
                    }
                    inName = false;
                    int len = name.length();
                    if (len >= 3
                            && name.charAt(len - 1) == 'w'
                            && name.charAt(len - 2) == 'o'
                            && name.charAt(len - 3) == 'r'
                            && (len == 3 || name.charAt(len - 4) == ':')) {
                        count++;
                    }
                }
                if (c == '<') {
                    inName = true;
                    name.setLength(0);
                }
            }
        }
    }
}
