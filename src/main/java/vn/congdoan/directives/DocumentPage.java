package vn.congdoan.directives;

import java.util.List;

/** One page of the list; {@code total} counts every match. */
public record DocumentPage(List<DocumentView> rows, int page, long total, int pageSize) {

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
