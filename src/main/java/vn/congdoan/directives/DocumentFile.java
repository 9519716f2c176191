package vn.congdoan.directives;

/** A file to download: official output or an attachment. */
public record DocumentFile(String fileName, String contentType, byte[] content) {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Attachments: at most 10 MB each. */
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
}
