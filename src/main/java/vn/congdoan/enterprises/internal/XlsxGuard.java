package vn.congdoan.enterprises.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an uploaded file before any XLSX parser sees it (QUALITY.md §4): it must be a ZIP with a workbook part, of
 * few parts, whose parts unpack to a bounded size (a zip bomb stops at the limit, it is never unpacked whole), and
 * whose XML declares no DTD (no external entities, no entity expansion).
 */
final class XlsxGuard {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 150L * 1024 * 1024;
    static final int MAX_ENTRIES = 500;

    private XlsxGuard() {}

    /** The message key of the reason the file is refused, or empty when it may be parsed. */
    static Optional<String> problem(byte[] file) {
        if (file.length == 0) {
            return Optional.of("enterprise.import.empty");
        }
        if (file.length > MAX_FILE_BYTES) {
            return Optional.of("enterprise.import.tooLarge");
        }
        if (file.length >= 8
                && (file[0] & 0xFF) == 0xD0
                && (file[1] & 0xFF) == 0xCF
                && (file[2] & 0xFF) == 0x11
                && (file[3] & 0xFF) == 0xE0) {
            return Optional.of("enterprise.import.oldFormat");
        }
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) {
            return Optional.of("enterprise.import.notXlsx");
        }
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        Path temp = null;
        // Read through the central directory (java.util.zip.ZipFile): writers such as fastexcel stream entries with
        // sizes only there. Declared sizes are not trusted: the bytes actually inflated are counted.
        try {
            temp = Files.createTempFile("congdoan-import-", ".xlsx");
            Files.write(temp, file);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    if (++entries > MAX_ENTRIES) {
                        return Optional.of("enterprise.import.zipBomb");
                    }
                    String name = entry.getName();
                    workbook |= name.equals("xl/workbook.xml");
                    boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                    boolean head = true;
                    try (InputStream in = zip.getInputStream(entry)) {
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            total += read;
                            if (total > MAX_UNPACKED_BYTES) {
                                return Optional.of("enterprise.import.zipBomb");
                            }
                            if (xml && head) {
                                // A DTD can only come before the root element, in the first bytes of the part.
                                String start = new String(buffer, 0, Math.min(read, 2048), StandardCharsets.ISO_8859_1);
                                if (start.contains("<!DOCTYPE") || start.contains("<!ENTITY")) {
                                    return Optional.of("enterprise.import.notXlsx");
                                }
                                head = false;
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("enterprise.import.notXlsx");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary directory is cleaned by the system.
                }
            }
        }
        return workbook ? Optional.empty() : Optional.of("enterprise.import.notXlsx");
    }
}
