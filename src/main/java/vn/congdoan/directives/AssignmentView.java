package vn.congdoan.directives;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One unit's part in a task, as lists, the matrix and the API show it.
 *
 * @param overdue the due date has passed (today in Asia/Ho_Chi_Minh, from the application clock) and it is not done
 * @param parentAssignmentId the assignment it was cascaded from; null when given by the document's issuer
 */
public record AssignmentView(
        long id,
        long taskId,
        int taskSeq,
        String taskTitle,
        long documentId,
        @Nullable String documentNumber,
        long unitId,
        String unitCode,
        String unitName,
        @Nullable Long parentAssignmentId,
        long assignedByUnitId,
        String assignedByUnitName,
        LocalDate dueDate,
        String status,
        int percent,
        @Nullable Instant lastReportAt,
        int reportCount,
        boolean overdue,
        int version) {

    /** The day of the last report in Vietnam, if any. */
    public @Nullable LocalDate lastReportDate() {
        return lastReportAt == null
                ? null
                : lastReportAt.atZone(vn.congdoan.shared.Dates.ZONE).toLocalDate();
    }
}
