package vn.congdoan.membership;

import java.util.List;

/** One page of a job's problems (errors first, by row), with the totals. */
public record ImportProblemPage(List<ImportProblem> items, long total, int page, int size) {

    public ImportProblemPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
