package vn.congdoan.directives;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A progress report: what was done, the percent now reached (0–100) and files (PDF, DOCX, PNG, JPEG). */
public record ProgressReport(
        @Nullable String text, @Nullable Integer percent, List<UploadedFile> files) {

    public ProgressReport {
        files = List.copyOf(files);
    }

    /** A file as uploaded; its type is decided by its content, not by its name. */
    public record UploadedFile(String fileName, byte[] content) {}
}
