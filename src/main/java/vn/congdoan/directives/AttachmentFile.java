package vn.congdoan.directives;

/** A report attachment's bytes, for download. */
public record AttachmentFile(String fileName, String contentType, byte[] content) {}
