package vn.congdoan.organisation.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * The only code that writes units and their periods. Each write closes the open period of the units it touches on
 * the effective date and opens a new one (or, when the open period began that same day, corrects it in place), and
 * keeps {@code org_unit} (today's state, read by access scopes) in step.
 */
final class UnitWriter {

    static final int NAME_MAX = 200;

    private UnitWriter() {}

    /** Founds a unit from {@code from}; the parent must exist (open) on that date. */
    static long insert(
            JdbcClient jdbc,
            @Nullable Long parentId,
            String typeCode,
            String rawCode,
            String rawName,
            @Nullable String rawShortName,
            LocalDate from,
            @Nullable Long changeId) {
        String name = name(rawName);
        String shortName = Text.clean(rawShortName);
        if (shortName != null && (shortName.isEmpty() || shortName.length() > NAME_MAX)) {
            shortName = shortName.isEmpty() ? null : shortName.substring(0, NAME_MAX);
        }
        String code = code(rawCode);
        Integer typeOk = jdbc.sql("select count(*) from organisation.unit_type where code = :t")
                .param("t", typeCode)
                .query(Integer.class)
                .single();
        if (typeOk == 0) {
            throw new BusinessException("organisation.unit.typeUnknown", typeCode);
        }
        String parentPath = null;
        if (parentId != null) {
            parentPath = openPeriodPath(jdbc, parentId, from);
        }
        Integer taken = jdbc.sql("""
                        select count(*) from organisation.org_unit
                         where code = :code and (valid_to is null or valid_to > :from)
                        """)
                .param("code", code)
                .param("from", from)
                .query(Integer.class)
                .single();
        if (taken > 0) {
            throw new BusinessException("organisation.unit.codeTaken", code);
        }
        long id = jdbc.sql("""
                        insert into organisation.org_unit
                               (parent_id, path, type_code, code, name, short_name, valid_from, search_key)
                        values (:parent, 'pending', :type, :code, :name, :short, :from, :key) returning id
                        """)
                .param("parent", parentId)
                .param("type", typeCode)
                .param("code", code)
                .param("name", name)
                .param("short", shortName)
                .param("from", from)
                .param("key", Text.searchKey(name))
                .query(Long.class)
                .single();
        String path = (parentPath == null ? "" : parentPath + ".") + "u" + id;
        jdbc.sql("update organisation.org_unit set path = cast(:path as ltree) where id = :id")
                .param("path", path)
                .param("id", id)
                .update();
        jdbc.sql("""
                        insert into organisation.org_unit_period (unit_id, parent_id, path, name, short_name, during, change_id)
                        values (:id, :parent, cast(:path as ltree), :name, :short, daterange(:from, null), :change)
                        """)
                .param("id", id)
                .param("parent", parentId)
                .param("path", path)
                .param("name", name)
                .param("short", shortName)
                .param("from", from)
                .param("change", changeId)
                .update();
        return id;
    }

    /** Moves the unit and its whole subtree under {@code newParentId} from {@code on}. */
    static int reparent(JdbcClient jdbc, long unitId, long newParentId, LocalDate on, long changeId) {
        String oldPath = currentPath(jdbc, unitId);
        String newParentPath = openPeriodPath(jdbc, newParentId, on);
        if ((newParentPath + ".").startsWith(oldPath + ".")) {
            throw new BusinessException("organisation.restructure.moveIntoOwnSubtree");
        }
        requireHistoryNotAfter(jdbc, oldPath, on);
        // Each path under the unit keeps its tail and gets the new parent's path as its head.
        String newPath = newParentPath;
        // Periods that began on this very day are corrected in place.
        jdbc.sql("""
                        update organisation.org_unit_period
                           set path = cast(:np as ltree) || subpath(path, nlevel(cast(:op as ltree)) - 1),
                               parent_id = case when unit_id = :unit then :parent else parent_id end
                         where upper_inf(during) and path <@ cast(:op as ltree) and lower(during) = :on
                        """)
                .param("np", newPath)
                .param("op", oldPath)
                .param("unit", unitId)
                .param("parent", newParentId)
                .param("on", on)
                .update();
        // The others end today and carry on from the same day at the new place.
        List<Long> ended = jdbc.sql("""
                        update organisation.org_unit_period set during = daterange(lower(during), :on)
                         where upper_inf(during) and path <@ cast(:op as ltree) and lower(during) < :on
                        returning id
                        """)
                .param("op", oldPath)
                .param("on", on)
                .query(Long.class)
                .list();
        if (!ended.isEmpty()) {
            jdbc.sql("""
                            insert into organisation.org_unit_period
                                   (unit_id, parent_id, path, name, short_name, during, change_id)
                            select p.unit_id, case when p.unit_id = :unit then :parent else p.parent_id end,
                                   cast(:np as ltree) || subpath(p.path, nlevel(cast(:op as ltree)) - 1),
                                   p.name, p.short_name, daterange(:on, null), :change
                              from unnest(cast(:ids as bigint[])) as i(id)
                              join organisation.org_unit_period p on p.id = i.id
                            """)
                    .param("unit", unitId)
                    .param("parent", newParentId)
                    .param("np", newPath)
                    .param("op", oldPath)
                    .param("on", on)
                    .param("change", changeId)
                    .param("ids", SqlArrays.ofLongs(ended))
                    .update();
        }
        // Today's tree (and the scope of closed units that lived there) follows.
        int moved = jdbc.sql("""
                        update organisation.org_unit
                           set path = cast(:np as ltree) || subpath(path, nlevel(cast(:op as ltree)) - 1),
                               parent_id = case when id = :unit then :parent else parent_id end
                         where path <@ cast(:op as ltree)
                        """)
                .param("np", newPath)
                .param("op", oldPath)
                .param("unit", unitId)
                .param("parent", newParentId)
                .update();
        return moved;
    }

    /** Gives the unit a new name from {@code on}. */
    static void rename(
            JdbcClient jdbc, long unitId, String rawName, @Nullable String rawShortName, LocalDate on, long changeId) {
        String name = name(rawName);
        String shortName = Text.clean(rawShortName);
        if (shortName != null && shortName.isEmpty()) {
            shortName = null;
        }
        LocalDate began = openPeriodStart(jdbc, unitId);
        if (on.isBefore(began)) {
            throw new BusinessException("organisation.restructure.beforeLastChange", Dates.format(began));
        }
        if (on.equals(began)) {
            jdbc.sql("""
                            update organisation.org_unit_period set name = :name, short_name = :short
                             where unit_id = :id and upper_inf(during)
                            """)
                    .param("name", name)
                    .param("short", shortName)
                    .param("id", unitId)
                    .update();
        } else {
            long ended = jdbc.sql("""
                            update organisation.org_unit_period set during = daterange(lower(during), :on)
                             where unit_id = :id and upper_inf(during) returning id
                            """)
                    .param("on", on)
                    .param("id", unitId)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into organisation.org_unit_period
                                   (unit_id, parent_id, path, name, short_name, during, change_id)
                            select unit_id, parent_id, path, :name, :short, daterange(:on, null), :change
                              from organisation.org_unit_period where id = :ended
                            """)
                    .param("name", name)
                    .param("short", shortName)
                    .param("on", on)
                    .param("change", changeId)
                    .param("ended", ended)
                    .update();
        }
        jdbc.sql("update organisation.org_unit set name = :name, short_name = :short, search_key = :key where id = :id")
                .param("name", name)
                .param("short", shortName)
                .param("key", Text.searchKey(name))
                .param("id", unitId)
                .update();
    }

    /** Ends the unit on {@code on} (its last day is the day before), pointing at its successor if any. */
    static void close(JdbcClient jdbc, long unitId, LocalDate on, @Nullable Long successorId, long changeId) {
        LocalDate began = openPeriodStart(jdbc, unitId);
        if (!on.isAfter(began)) {
            throw new BusinessException("organisation.restructure.closeBeforeStart", Dates.format(began));
        }
        jdbc.sql("""
                        update organisation.org_unit_period set during = daterange(lower(during), :on)
                         where unit_id = :id and upper_inf(during)
                        """).param("on", on).param("id", unitId).update();
        jdbc.sql("""
                        update organisation.org_unit set valid_to = :on, successor_id = :successor,
                               closed_by_change = :change, version = version + 1
                         where id = :id
                        """)
                .param("on", on)
                .param("successor", successorId)
                .param("change", changeId)
                .param("id", unitId)
                .update();
    }

    /** Today's path of an open unit; 404 when it does not exist, a rule error when it has ended. */
    static String currentPath(JdbcClient jdbc, long unitId) {
        return jdbc.sql("select path::text from organisation.org_unit where id = :id and valid_to is null")
                .param("id", unitId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> closedOrMissing(jdbc, unitId));
    }

    /** The path of the unit's open period, which must have begun on or before {@code on}. */
    static String openPeriodPath(JdbcClient jdbc, long unitId, LocalDate on) {
        Object[] row = jdbc.sql("""
                        select path::text, lower(during) from organisation.org_unit_period
                         where unit_id = :id and upper_inf(during)
                        """)
                .param("id", unitId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)})
                .optional()
                .orElseThrow(() -> closedOrMissing(jdbc, unitId));
        LocalDate began = (LocalDate) row[1];
        LocalDate founded = jdbc.sql("select valid_from from organisation.org_unit where id = :id")
                .param("id", unitId)
                .query(LocalDate.class)
                .single();
        if (on.isBefore(founded)) {
            throw new BusinessException(
                    "organisation.restructure.unitNotYetFounded", code(jdbc, unitId), Dates.format(founded));
        }
        if (on.isBefore(began)) {
            throw new BusinessException("organisation.restructure.beforeLastChange", Dates.format(began));
        }
        return (String) row[0];
    }

    static LocalDate openPeriodStart(JdbcClient jdbc, long unitId) {
        return jdbc.sql(
                        "select lower(during) from organisation.org_unit_period where unit_id = :id and upper_inf(during)")
                .param("id", unitId)
                .query(LocalDate.class)
                .optional()
                .orElseThrow(() -> closedOrMissing(jdbc, unitId));
    }

    /** No state anywhere in the subtree may have begun or ended after {@code on}: history is only appended. */
    static void requireHistoryNotAfter(JdbcClient jdbc, String path, LocalDate on) {
        LocalDate last =
                jdbc.sql("""
                        select max(greatest(lower(during), coalesce(upper(during), lower(during))))
                          from organisation.org_unit_period where path <@ cast(:p as ltree)
                        """).param("p", path).query(LocalDate.class).optional().orElse(null);
        if (last != null && last.isAfter(on)) {
            throw new BusinessException("organisation.restructure.beforeLastChange", Dates.format(last));
        }
    }

    static String code(JdbcClient jdbc, long unitId) {
        return jdbc.sql("select code from organisation.org_unit where id = :id")
                .param("id", unitId)
                .query(String.class)
                .optional()
                .orElse(String.valueOf(unitId));
    }

    private static RuntimeException closedOrMissing(JdbcClient jdbc, long unitId) {
        return jdbc.sql("select code, valid_to from organisation.org_unit where id = :id")
                .param("id", unitId)
                .query((rs, n) -> (RuntimeException) new BusinessException(
                        "organisation.restructure.unitClosed",
                        rs.getString(1),
                        Dates.format(rs.getObject(2, LocalDate.class).minusDays(1))))
                .optional()
                .orElseGet(() -> new OrgUnitNotFoundException(unitId));
    }

    static String name(@Nullable String raw) {
        String name = Text.clean(raw);
        if (name == null || name.isEmpty()) {
            throw new BusinessException("organisation.unit.nameRequired");
        }
        if (name.length() > NAME_MAX) {
            throw new BusinessException("organisation.unit.nameTooLong", NAME_MAX);
        }
        return name;
    }

    static String code(@Nullable String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("^[A-Z0-9][A-Z0-9._-]{0,39}$")) {
            throw new BusinessException("organisation.unit.codeInvalid", code);
        }
        return code;
    }
}
