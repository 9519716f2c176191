package vn.congdoan.directives.internal.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decides a report attachment's type from its content, never from its name or the browser's claim: PDF ({@code
 * %PDF-}), DOCX (a ZIP holding {@code word/document.xml}), PNG and JPEG signatures.
 */
final class AttachmentCheck {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    /** 5 MB per file. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    static final int MAX_FILES = 5;

    private AttachmentCheck() {}

    /** The content type, or null when the content is none of the accepted kinds. */
    static @Nullable String typeOf(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04) && isWordDocument(b)) {
            return DOCX;
        }
        return null;
    }

    private static boolean isWordDocument(byte[] b) {
        // Reads entry names only, and at most 2,000 of them: a zip bomb costs nothing here.
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < 2000) {
                if ("word/document.xml".equals(e.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
