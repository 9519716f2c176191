package vn.congdoan.directives;

import java.util.List;

/** One page of assignments and the total matching the filter. */
public record AssignmentPage(List<AssignmentView> rows, long total, int page, int pageSize) {

    public AssignmentPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
