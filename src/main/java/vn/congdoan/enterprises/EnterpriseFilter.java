package vn.congdoan.enterprises;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the enterprise list; every field optional.
 *
 * @param q part of the name (diacritics ignored) or the beginning of the MST
 * @param commune an administrative unit code
 * @param ownership an ownership type code
 * @param union "yes": covered by an open grassroots union; "no": not covered
 * @param minWorkers at least this many workers
 * @param sort a key of {@link Enterprises#SORTS}; anything else sorts by name
 * @param page counted from 0
 */
public record EnterpriseFilter(
        @Nullable String q,
        @Nullable String commune,
        @Nullable String ownership,
        @Nullable String union,
        @Nullable Integer minWorkers,
        @Nullable String sort,
        int page) {

    public static EnterpriseFilter all() {
        return new EnterpriseFilter(null, null, null, null, null, null, 0);
    }

    public EnterpriseFilter withPage(int p) {
        return new EnterpriseFilter(q, commune, ownership, union, minWorkers, sort, p);
    }
}
