package vn.congdoan.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Unit figures of a subtree over a period, read from the effective-dated tree (DOMAIN.md §1.3, §8). Aggregates
 * only; the caller checks the reader's scope.
 *
 * <p><b>Placement as of a date.</b> A period flow (a member admitted or leaving, a unit founded or closed) is placed
 * in the tree of the period's end date {@code T}. The unit it happened in is taken as is when it exists on {@code
 * T}; a unit that closed before {@code T} hands over to its successor (merge, dissolution with a receiver) or, without
 * one, to its last parent; a unit created after {@code T} hands over to its first parent. The hand-over repeats until
 * a unit that exists on {@code T} is reached. So every flow of a period is counted exactly once under the tree of
 * {@code T}, and a parent's figure equals the sum of its children's.
 */
public interface UnitStatistics {

    /** Grassroots units (CĐCS) of the unit's subtree on {@code to}, founded and closed in [{@code from}, {@code to}]. */
    UnitFigures figures(long unitId, LocalDate from, LocalDate to);

    /** The unit as it stood on the date (empty when it did not exist then). */
    Optional<UnitAt> unitAt(long unitId, LocalDate asOf);

    /** The unit's children as they stood on the date, by name. */
    List<UnitAt> children(long unitId, LocalDate asOf);

    /**
     * The common-table expressions {@code placement_chain} and {@code placed(origin, path)} that place each unit id
     * returned by {@code origins} (a select of one column) in the tree of the date bound as {@code :asOf}, as the
     * class comment describes. Use after {@code with recursive}.
     */
    static String placement(String origins) {
        return """
                placement_chain(origin, unit_id, hops) as (
                    select o.unit_id, o.unit_id, 0 from (%s) as o(unit_id) where o.unit_id is not null
                    union all
                    select c.origin,
                           case when u.valid_from > cast(:asOf as date)
                                then (select p.parent_id from organisation.org_unit_period p
                                       where p.unit_id = u.id order by lower(p.during) limit 1)
                                else coalesce(u.successor_id,
                                              (select p.parent_id from organisation.org_unit_period p
                                                where p.unit_id = u.id order by lower(p.during) desc limit 1)) end,
                           c.hops + 1
                      from placement_chain c
                      join organisation.org_unit u on u.id = c.unit_id
                     where c.hops < 32
                       and not exists (select 1 from organisation.org_unit_period p
                                        where p.unit_id = c.unit_id and p.during @> cast(:asOf as date))
                ),
                placed(origin, unit_id, path) as (
                    select c.origin, c.unit_id, p.path
                      from placement_chain c
                      join organisation.org_unit_period p on p.unit_id = c.unit_id and p.during @> cast(:asOf as date)
                )
                """.formatted(origins);
    }

    /** A unit on a date. */
    record UnitAt(
            long id,
            @Nullable Long parentId,
            String code,
            String name,
            String path,
            String typeCode,
            boolean grassroots) {}

    /**
     * @param grassroots CĐCS existing on the period's last day
     * @param founded CĐCS founded in the period (created anew, not the product of a merge or split)
     * @param closed CĐCS that ceased in the period (dissolved, closed, merged away or split)
     */
    record UnitFigures(long grassroots, long founded, long closed) {}
}
