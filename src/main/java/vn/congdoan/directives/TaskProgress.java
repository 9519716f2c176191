package vn.congdoan.directives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A task of a document with the progress of each assigned unit the caller may see (for the document's page/API). */
public record TaskProgress(
        long id,
        int seq,
        String title,
        String description,
        LocalDate dueDate,
        @Nullable String ownerRole,
        List<UnitProgress> units) {

    public TaskProgress {
        units = List.copyOf(units);
    }

    public record UnitProgress(
            long assignmentId,
            long unitId,
            String unitName,
            @Nullable Long parentAssignmentId,
            String status,
            int percent,
            LocalDate dueDate,
            boolean overdue,
            @Nullable Instant lastReportAt) {}
}
