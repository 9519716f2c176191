package vn.congdoan.enterprises;

import java.util.List;

/** One page of a filtered list, with the total number of matching enterprises. */
public record EnterprisePage(List<EnterpriseView> items, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
