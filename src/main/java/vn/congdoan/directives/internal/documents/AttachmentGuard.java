package vn.congdoan.directives.internal.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.congdoan.directives.DocumentFile;
import vn.congdoan.directives.DocumentRejectedException;
import vn.congdoan.shared.FieldProblem;

/**
 * Attachments are PDF or DOCX only, recognised by their content, never by the file name: a PDF starts with
 * {@code %PDF-}; a DOCX is a ZIP package holding {@code word/document.xml}. At most 10 MB.
 */
final class AttachmentGuard {

    private static final int MAX_ENTRIES = 2_000;

    private AttachmentGuard() {}

    /** The content type, or a refusal naming the field {@code file}. */
    static String check(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new DocumentRejectedException(new FieldProblem("file", "document.attachment.empty"));
        }
        if (content.length > DocumentFile.MAX_ATTACHMENT_BYTES) {
            throw new DocumentRejectedException(new FieldProblem("file", "document.attachment.tooLarge", 10));
        }
        if (startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return DocumentFile.PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4}) && isWordPackage(content)) {
            return DocumentFile.DOCX;
        }
        throw new DocumentRejectedException(new FieldProblem("file", "document.attachment.type"));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordPackage(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
                if (e.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
