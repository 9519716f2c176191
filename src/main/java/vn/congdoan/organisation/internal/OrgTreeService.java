package vn.congdoan.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.organisation.CreateOrgUnitCommand;
import vn.congdoan.organisation.CreateUnitTypeCommand;
import vn.congdoan.organisation.OrgChangeView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.organisation.UnitTypeView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * Reads of the tree through time. Every query joins the unit (today's path, for scope) with the period valid on the
 * asked date (parent, path, name then), so "as of 31/12/2024" and "today" come from the same rows.
 */
@Service
@Transactional(readOnly = true)
class OrgTreeService implements OrgTree {

    // Scope is part of the query: the unit must lie (today) under one of the caller's roots (GiST index on path).
    private static final String IN_SCOPE = " u.path <@ any(cast(:roots as ltree[])) ";

    private static final String COLUMNS = """
            select u.id, p.parent_id, u.code, p.name, p.short_name, u.type_code, t.name as type_name,
                   t.name_en as type_name_en, t.grassroots, u.valid_from, u.valid_to, nlevel(p.path) as depth,
                   u.successor_id, (lower(p.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(p.during), 'infinity')) as existing,
                   (select count(*) from organisation.org_unit_period c
                     where c.parent_id = u.id and (lower(c.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(c.during), 'infinity'))) as child_count
            """;

    /** The unit with the period valid on :d, or else the nearest one (for units that did not exist then). */
    private static final String SELECT_NEAREST = COLUMNS + """
              from organisation.org_unit u
              join organisation.unit_type t on t.code = u.type_code
              join lateral (select * from organisation.org_unit_period x where x.unit_id = u.id
                             order by x.during @> cast(:d as date) desc, lower(x.during) <= cast(:d as date) desc,
                                      lower(x.during) desc
                             limit 1) p on true
            """;

    /** Units with a period valid on :d. */
    private static final String SELECT_ON_DATE = COLUMNS + """
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
              join organisation.unit_type t on t.code = u.type_code
             where (lower(p.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(p.during), 'infinity'))
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    OrgTreeService(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    private LocalDate today() {
        return Dates.today(clock);
    }

    @Override
    public OrgUnitView unit(long id, LocalDate asOf, AccessScope scope) {
        return jdbc.sql(SELECT_NEAREST + " where u.id = :id and" + IN_SCOPE)
                .param("id", id)
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query((rs, n) -> view(rs, asOf))
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(id));
    }

    @Override
    public List<OrgUnitView> children(long id, LocalDate asOf, AccessScope scope) {
        unit(id, asOf, scope);
        return jdbc.sql(SELECT_ON_DATE
                        + " and p.parent_id = :id and" + IN_SCOPE
                        + " order by t.sort_order, p.name collate \"vi-x-icu\", u.id")
                .param("id", id)
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query((rs, n) -> view(rs, asOf))
                .list();
    }

    @Override
    public List<OrgUnitView> ancestors(long id, LocalDate asOf, AccessScope scope) {
        OrgUnitView unit = unit(id, asOf, scope);
        String path = jdbc.sql("""
                        select x.path::text from organisation.org_unit_period x where x.unit_id = :id
                         order by x.during @> cast(:d as date) desc, lower(x.during) <= cast(:d as date) desc,
                                  lower(x.during) desc limit 1
                        """)
                .param("id", unit.id())
                .param("d", asOf)
                .query(String.class)
                .single();
        List<Long> ids = new ArrayList<>();
        String[] labels = path.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            ids.add(Long.parseLong(labels[i].substring(1)));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OrgUnitView> found = new HashMap<>();
        jdbc.sql(SELECT_NEAREST + " where u.id = any(cast(:ids as bigint[])) and" + IN_SCOPE)
                .param("ids", SqlArrays.ofLongs(ids))
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query((rs, n) -> view(rs, asOf))
                .list()
                .forEach(v -> found.put(v.id(), v));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<UnitTypeCount> subtreeCounts(long id, LocalDate asOf, AccessScope scope) {
        OrgUnitView unit = unit(id, asOf, scope);
        if (!unit.existing()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.code, t.name, t.name_en, count(*) as n
                          from organisation.org_unit_period p
                          join organisation.org_unit u on u.id = p.unit_id
                          join organisation.unit_type t on t.code = u.type_code
                         where p.path <@ cast(:path as ltree)
                           and (lower(p.during) <= cast(:d as date) and cast(:d as date) < coalesce(upper(p.during), 'infinity')) and p.unit_id <> :id and
                        """ + IN_SCOPE + """
                         group by t.code, t.name, t.name_en, t.sort_order
                         order by t.sort_order
                        """)
                .param("id", id)
                .param("d", asOf)
                .param("path", pathOn(id, asOf))
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query((rs, n) -> new UnitTypeCount(
                        rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getLong("n")))
                .list();
    }

    @Override
    public List<OrgUnitView> subtree(long id, LocalDate asOf, AccessScope scope, int offset, int limit) {
        OrgUnitView unit = unit(id, asOf, scope);
        if (!unit.existing()) {
            return List.of();
        }
        return jdbc.sql(SELECT_ON_DATE + """
                           and p.path <@ cast(:path as ltree)
                           and p.unit_id <> :id and
                        """ + IN_SCOPE + " order by p.path, u.id offset :offset limit :limit")
                .param("id", id)
                .param("d", asOf)
                .param("path", pathOn(id, asOf))
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> view(rs, asOf))
                .list();
    }

    /** The unit's path on the date (it existed then: callers checked). */
    private String pathOn(long id, LocalDate asOf) {
        return jdbc.sql("""
                        select x.path::text from organisation.org_unit_period x
                         where x.unit_id = :id and lower(x.during) <= :d
                           and :d < coalesce(upper(x.during), 'infinity')
                        """)
                .param("id", id)
                .param("d", asOf)
                .query(String.class)
                .single();
    }

    @Override
    public List<OrgChangeView> history(long id, AccessScope scope) {
        unit(id, today(), scope);
        Map<Long, OrgChangeView> changes = new LinkedHashMap<>();
        Map<Long, List<OrgChangeView.Party>> parties = new HashMap<>();
        jdbc.sql("""
                        select c.*, mine.role as my_role
                          from organisation.org_change c
                          join (select change_id, min(role) as role from organisation.org_change_unit
                                 where unit_id = :id group by change_id) mine on mine.change_id = c.id
                         order by c.effective_on desc, c.id desc
                        """).param("id", id).query((ResultSet rs) -> {
            long changeId = rs.getLong("id");
            List<OrgChangeView.Party> list = new ArrayList<>();
            parties.put(changeId, list);
            changes.put(
                    changeId,
                    new OrgChangeView(
                            changeId,
                            rs.getString("kind"),
                            rs.getObject("effective_on", LocalDate.class),
                            rs.getString("decision_no"),
                            rs.getObject("decision_date", LocalDate.class),
                            rs.getString("decision_issuer"),
                            rs.getString("note"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by_name"),
                            rs.getString("my_role"),
                            list));
        });
        if (changes.isEmpty()) {
            return List.of();
        }
        // Each party with the name it had on the change's date.
        jdbc.sql("""
                        select cu.change_id, cu.unit_id, cu.role, cu.old_name, u.code,
                               coalesce(cu.new_name, (select x.name from organisation.org_unit_period x
                                         where x.unit_id = cu.unit_id and lower(x.during) <= c.effective_on
                                         order by lower(x.during) desc limit 1), u.name) as name
                          from organisation.org_change_unit cu
                          join organisation.org_change c on c.id = cu.change_id
                          join organisation.org_unit u on u.id = cu.unit_id
                         where cu.change_id = any(cast(:ids as bigint[]))
                         order by cu.change_id, cu.role, u.code
                        """).param("ids", SqlArrays.ofLongs(changes.keySet())).query((ResultSet rs) -> {
            parties.get(rs.getLong("change_id"))
                    .add(new OrgChangeView.Party(
                            rs.getLong("unit_id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("role"),
                            rs.getString("old_name")));
        });
        return List.copyOf(changes.values());
    }

    @Override
    public OrgUnitView unit(long id, AccessScope scope) {
        return unit(id, today(), scope);
    }

    @Override
    public List<OrgUnitView> children(long id, AccessScope scope) {
        return children(id, today(), scope);
    }

    @Override
    public List<UnitTypeCount> subtreeCounts(long id, AccessScope scope) {
        return subtreeCounts(id, today(), scope);
    }

    @Override
    public List<OrgUnitView> search(String query, String permission, AccessScope scope, LocalDate asOf, int limit) {
        String q = Text.clean(query);
        String key = q == null ? "" : Text.searchKey(q);
        String pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT_ON_DATE
                        + " and" + IN_SCOPE
                        + " and (u.search_key like :q or lower(u.code) like :q)"
                        + " order by nlevel(p.path), p.name collate \"vi-x-icu\", u.id limit :limit")
                .param("d", asOf)
                .param("roots", SqlArrays.ofLabels(scope.paths(permission)))
                .param("q", pattern)
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> view(rs, asOf))
                .list();
    }

    @Override
    public List<OrgUnitView> search(String query, String permission, AccessScope scope, int limit) {
        return search(query, permission, scope, today(), limit);
    }

    @Override
    public Optional<OrgUnitView> findByCode(String code) {
        LocalDate today = today();
        return jdbc.sql(SELECT_ON_DATE + " and u.code = :code")
                .param("code", code.strip().toUpperCase())
                .param("d", today)
                .query((rs, n) -> view(rs, today))
                .optional();
    }

    @Override
    public Optional<OrgUnitView> find(long id) {
        LocalDate today = today();
        return jdbc.sql(SELECT_NEAREST + " where u.id = :id")
                .param("id", id)
                .param("d", today)
                .query((rs, n) -> view(rs, today))
                .optional();
    }

    @Override
    public Map<Long, OrgUnitView> findAll(Collection<Long> ids) {
        Map<Long, OrgUnitView> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        LocalDate today = today();
        jdbc.sql(SELECT_NEAREST + " where u.id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.ofLongs(ids))
                .param("d", today)
                .query((ResultSet rs) -> {
                    OrgUnitView v = view(rs, today);
                    out.put(v.id(), v);
                });
        return out;
    }

    @Override
    public boolean isWithin(long unitId, Collection<Long> roots) {
        if (roots.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from organisation.org_unit u, organisation.org_unit r
                                        where u.id = :unit and r.id = any(cast(:roots as bigint[])) and u.path <@ r.path)
                        """)
                .param("unit", unitId)
                .param("roots", SqlArrays.ofLongs(roots))
                .query(Boolean.class)
                .single();
    }

    @Override
    public Map<Long, String> paths(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, path::text from organisation.org_unit where id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.ofLongs(ids))
                .query((ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    @Override
    public List<UnitTypeView> unitTypes() {
        return jdbc.sql("select * from organisation.unit_type order by sort_order, code")
                .query((rs, n) -> new UnitTypeView(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getInt("legal_level"),
                        rs.getInt("sort_order"),
                        rs.getBoolean("grassroots"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("note")))
                .list();
    }

    @Override
    @Transactional
    public void addUnitType(CreateUnitTypeCommand c, AccessScope scope, Actor actor) {
        // Types are national reference data: only a holder at a tree root (no parent) may add one.
        boolean atRoot = scope.roots(CONFIGURE).stream()
                .anyMatch(r -> !scope.pathByRoot().getOrDefault(r, "x.y").contains("."));
        if (!atRoot) {
            throw new ForbiddenException(CONFIGURE);
        }
        String code = c.code() == null ? "" : c.code().strip().toUpperCase();
        String name = Text.clean(c.name());
        String nameEn = Text.clean(c.nameEn());
        if (!code.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
            throw new BusinessException("organisation.type.codeInvalid");
        }
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw new BusinessException("organisation.type.nameRequired");
        }
        if (c.legalLevel() < 1 || c.legalLevel() > 5) {
            throw new BusinessException("organisation.type.levelInvalid");
        }
        if (unitTypes().stream().anyMatch(t -> t.code().equals(code))) {
            throw new BusinessException("organisation.type.codeTaken", code);
        }
        jdbc.sql("""
                        insert into organisation.unit_type
                               (code, name, name_en, legal_level, sort_order, grassroots, valid_from, note)
                        values (:code, :name, :nameEn, :level, :sort, :grassroots, :from, :note)
                        """)
                .param("code", code)
                .param("name", name)
                .param("nameEn", nameEn == null || nameEn.isEmpty() ? name : nameEn)
                .param("level", c.legalLevel())
                .param("sort", c.sortOrder())
                .param("grassroots", c.grassroots())
                .param("from", c.validFrom())
                .param("note", Text.clean(c.note()))
                .update();
        audit.record(AuditRecord.of(actor, "UNIT_TYPE_ADDED", null).target("unit_type", code, name));
    }

    @Override
    @Transactional
    public long create(CreateOrgUnitCommand command) {
        return UnitWriter.insert(
                jdbc,
                command.parentId(),
                command.typeCode(),
                command.code(),
                command.name(),
                command.shortName(),
                command.validFrom(),
                null);
    }

    @Override
    public long countUnits() {
        return jdbc.sql("select count(*) from organisation.org_unit")
                .query(Long.class)
                .single();
    }

    static OrgUnitView view(ResultSet rs, LocalDate asOf) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long successor = rs.getLong("successor_id");
        Long successorId = rs.wasNull() ? null : successor;
        return new OrgUnitView(
                rs.getLong("id"),
                parentId,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getString("type_name_en"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getInt("depth"),
                rs.getLong("child_count"),
                asOf,
                rs.getBoolean("existing"),
                rs.getBoolean("grassroots"),
                successorId);
    }
}
