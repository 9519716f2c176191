package vn.congdoan.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.organisation.CreateOrgUnitCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

@Service
@Transactional(readOnly = true)
class OrgTreeService implements OrgTree {

    // Scope is part of the query: the unit must lie under one of the caller's roots (GiST index on path).
    private static final String IN_SCOPE = " u.path <@ cast(:roots as ltree[]) ";

    private static final String SELECT_VIEW = """
            select u.id, u.parent_id, u.code, u.name, u.short_name, u.type_code, t.name as type_name,
                   t.name_en as type_name_en, u.valid_from, u.valid_to, nlevel(u.path) as depth,
                   (select count(*) from organisation.org_unit c where c.parent_id = u.id and c.valid_to is null)
                       as child_count
              from organisation.org_unit u
              join organisation.unit_type t on t.code = u.type_code
            """;

    private final JdbcClient jdbc;

    OrgTreeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OrgUnitView unit(long id, AccessScope scope) {
        return jdbc.sql(SELECT_VIEW + " where u.id = :id and" + IN_SCOPE)
                .param("id", id)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query(OrgTreeService::view)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(id));
    }

    @Override
    public List<OrgUnitView> children(long id, AccessScope scope) {
        unit(id, scope);
        return jdbc.sql(SELECT_VIEW
                        + " where u.parent_id = :id and u.valid_to is null"
                        + " order by t.sort_order, u.name collate \"vi-x-icu\", u.id")
                .param("id", id)
                .query(OrgTreeService::view)
                .list();
    }

    @Override
    public List<UnitTypeCount> subtreeCounts(long id, AccessScope scope) {
        unit(id, scope);
        return jdbc.sql("""
                        select t.code, t.name, t.name_en, count(*) as n
                          from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code
                         where u.path <@ (select path from organisation.org_unit where id = :id)
                           and u.id <> :id and u.valid_to is null
                         group by t.code, t.name, t.name_en, t.sort_order
                         order by t.sort_order
                        """)
                .param("id", id)
                .query((rs, n) -> new UnitTypeCount(
                        rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getLong("n")))
                .list();
    }

    @Override
    public List<OrgUnitView> search(String query, String permission, AccessScope scope, int limit) {
        String q = Text.clean(query);
        String pattern =
                "%" + (q == null ? "" : q.toLowerCase().replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql(SELECT_VIEW
                        + " where u.valid_to is null and" + IN_SCOPE
                        + " and (lower(u.code) like :q or lower(u.name) like :q)"
                        + " order by nlevel(u.path), u.name collate \"vi-x-icu\", u.id limit :limit")
                .param("roots", SqlArrays.ofLabels(scope.paths(permission)))
                .param("q", pattern)
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query(OrgTreeService::view)
                .list();
    }

    @Override
    public Optional<OrgUnitView> findByCode(String code) {
        return jdbc.sql(SELECT_VIEW + " where u.code = :code and u.valid_to is null")
                .param("code", code.strip().toUpperCase())
                .query(OrgTreeService::view)
                .optional();
    }

    @Override
    public Optional<OrgUnitView> find(long id) {
        return jdbc.sql(SELECT_VIEW + " where u.id = :id")
                .param("id", id)
                .query(OrgTreeService::view)
                .optional();
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
    @Transactional
    public long create(CreateOrgUnitCommand command) {
        String name = Text.clean(command.name());
        String code = command.code().strip().toUpperCase();
        if (name == null || name.isEmpty()) {
            throw new BusinessException("organisation.unit.nameRequired");
        }
        String parentPath = null;
        if (command.parentId() != null) {
            parentPath = jdbc.sql("select path::text from organisation.org_unit where id = :id and valid_to is null")
                    .param("id", command.parentId())
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new OrgUnitNotFoundException(command.parentId()));
        }
        if (findByCode(code).isPresent()) {
            throw new BusinessException("organisation.unit.codeTaken", code);
        }
        long id = jdbc.sql("""
                        insert into organisation.org_unit (parent_id, path, type_code, code, name, short_name, valid_from)
                        values (:parent, 'pending', :type, :code, :name, :short, :from) returning id
                        """)
                .param("parent", command.parentId())
                .param("type", command.typeCode())
                .param("code", code)
                .param("name", name)
                .param("short", Text.clean(command.shortName()))
                .param("from", command.validFrom())
                .query(Long.class)
                .single();
        String path = (parentPath == null ? "" : parentPath + ".") + "u" + id;
        jdbc.sql("update organisation.org_unit set path = cast(:path as ltree) where id = :id")
                .param("path", path)
                .param("id", id)
                .update();
        return id;
    }

    @Override
    public long countUnits() {
        return jdbc.sql("select count(*) from organisation.org_unit")
                .query(Long.class)
                .single();
    }

    private static OrgUnitView view(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        java.sql.Date to = rs.getDate("valid_to");
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
                to == null ? null : to.toLocalDate(),
                rs.getInt("depth"),
                rs.getLong("child_count"));
    }
}
