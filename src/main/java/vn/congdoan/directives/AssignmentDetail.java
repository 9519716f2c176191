package vn.congdoan.directives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An assignment with its task, its report history (newest first) and the sub-assignments cascaded from it.
 *
 * @param documentVisible whether the caller may open the document itself (the assigned unit may not be a recipient)
 */
public record AssignmentDetail(
        AssignmentView assignment,
        String taskDescription,
        @Nullable String ownerRole,
        LocalDate taskDueDate,
        @Nullable String documentSummary,
        boolean documentVisible,
        List<ReportView> reports,
        List<AssignmentView> subAssignments) {

    public AssignmentDetail {
        reports = List.copyOf(reports);
        subAssignments = List.copyOf(subAssignments);
    }

    /** A report of the history, with its attachments' names. */
    public record ReportView(
            long id, int percent, String text, Instant reportedAt, String reportedBy, List<AttachmentRef> files) {

        public ReportView {
            files = List.copyOf(files);
        }

        /** When it was reported, in Vietnam's time ({@code dd/MM/yyyy HH:mm}). */
        public String reportedAtText() {
            return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                    .format(reportedAt.atZone(vn.congdoan.shared.Dates.ZONE));
        }
    }

    public record AttachmentRef(long id, String fileName, String contentType, int sizeBytes) {}
}
