package vn.congdoan.bench.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A generated national tree, held in memory: every unit with its life and its periods (parent and path over a
 * half-open date range), plus the ids of each level the benchmark samples from.
 *
 * @param units every unit, parents before children
 * @param rootId the confederation
 * @param provinces provincial federations (open throughout)
 * @param sectors central sector unions (open throughout)
 * @param districts district federations (closed on the reform date)
 * @param communes commune/ward unions (founded on the reform date)
 * @param moved grassroots unions that hung under a district federation and under a commune union from the reform
 * @param grassroots number of grassroots unions
 */
record NationalTree(
        List<Unit> units,
        long rootId,
        List<Long> provinces,
        List<Long> sectors,
        List<Long> districts,
        List<Long> communes,
        List<Long> moved,
        int grassroots) {

    /** One state of a unit: parent and path over {@code [from, to)} ({@code to} null: open). */
    record Period(
            @Nullable Long parentId,
            String path,
            LocalDate from,
            @Nullable LocalDate to) {

        boolean contains(LocalDate d) {
            return !d.isBefore(from) && (to == null || d.isBefore(to));
        }
    }

    /** A unit: identity, today's placement (or at its closing) and its periods. */
    record Unit(
            long id,
            String typeCode,
            String code,
            String name,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            List<Period> periods) {

        Period last() {
            return periods.get(periods.size() - 1);
        }

        @Nullable
        Period on(LocalDate d) {
            for (Period p : periods) {
                if (p.contains(d)) {
                    return p;
                }
            }
            return null;
        }
    }

    long periodCount() {
        return units.stream().mapToLong(u -> u.periods().size()).sum();
    }

    /** Units of the type that existed on the date anywhere in the tree. */
    long countOn(String typeCode, LocalDate d) {
        return units.stream()
                .filter(u -> u.typeCode().equals(typeCode) && u.on(d) != null)
                .count();
    }
}
