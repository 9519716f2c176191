package vn.congdoan.membership;

import java.util.List;

/** One page of a filtered list and the total number of matching members. */
public record MemberPage(List<MemberRow> rows, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
