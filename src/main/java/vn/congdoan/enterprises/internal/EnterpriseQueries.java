package vn.congdoan.enterprises.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * Reads of the register. Scope is part of every query: an enterprise is visible when its managing or its covering
 * unit lies under one of the caller's roots; the filter is never applied in Java afterwards.
 */
@Component
class EnterpriseQueries {

    /** Covered: a covering unit that is open on :today (periods are half-open, valid_to is the first day closed). */
    static final String COVERED = "(cu.id is not null and (cu.valid_to is null or cu.valid_to > :today))";

    private static final String FROM = """
              from enterprises.enterprise e
              join enterprises.ownership_type o on o.code = e.ownership_code
              join enterprises.sector s on s.code = e.sector_code
              join enterprises.administrative_unit a on a.code = e.administrative_unit_code
              left join organisation.org_unit cu on cu.id = e.covering_unit_id
            """;

    private static final String SELECT =
            """
            select e.id, e.tax_code, e.name, e.ownership_code, o.name as ownership_name, o.name_en as ownership_name_en,
                   e.sector_code, s.name as sector_name, s.name_en as sector_name_en,
                   e.administrative_unit_code, a.full_name as commune_name, e.address, e.workers_total,
                   e.workers_female, e.founded_on, e.managing_unit_id, e.covering_unit_id,
            """ + COVERED + " as covered, e.demo, e.version, e.created_at, e.updated_at " + FROM;

    static final String IN_SCOPE = """
             exists (select 1 from organisation.org_unit su
                      where su.id in (e.managing_unit_id, e.covering_unit_id)
                        and su.path <@ any(cast(:roots as ltree[]))) """;

    private static final Map<String, String> SORTS = Map.of(
            "name", "e.name, e.id",
            "taxCode", "e.tax_code, e.id",
            "commune", "a.name, e.name, e.id",
            "workers", "e.workers_total desc, e.name, e.id",
            "founded", "e.founded_on desc nulls last, e.name, e.id",
            "updated", "e.updated_at desc, e.id desc");

    private final JdbcClient jdbc;

    EnterpriseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The WHERE clause and its parameters for a filter. */
    private record Where(
            String sql,
            Map<String, Object> params,
            @Nullable String rawName) {}

    private static Where where(EnterpriseFilter f, String[] roots, LocalDate today) {
        StringBuilder sql = new StringBuilder(" where " + IN_SCOPE);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("roots", SqlArrays.ofLabels(roots));
        p.put("today", today);
        String q = Text.clean(f.q());
        String rawName = null;
        if (q != null && !q.isEmpty()) {
            String digits = q.replaceAll("\\s", "");
            if (digits.matches("[0-9-]+")) {
                sql.append(" and e.tax_code like :taxPrefix");
                p.put("taxPrefix", digits + "%");
            } else {
                sql.append(" and e.search_key like :key escape '\\'");
                p.put("key", "%" + like(Text.searchKey(q)) + "%");
                rawName = q;
            }
        }
        if (notBlank(f.commune())) {
            sql.append(" and e.administrative_unit_code = :commune");
            p.put("commune", f.commune().strip());
        }
        if (notBlank(f.ownership())) {
            sql.append(" and e.ownership_code = :ownership");
            p.put("ownership", f.ownership().strip());
        }
        if ("yes".equals(f.union())) {
            sql.append(" and ").append(COVERED);
        } else if ("no".equals(f.union())) {
            sql.append(" and not ").append(COVERED);
        }
        if (f.minWorkers() != null) {
            sql.append(" and e.workers_total >= :minWorkers");
            p.put("minWorkers", f.minWorkers());
        }
        return new Where(sql.toString(), p, rawName);
    }

    private static String orderBy(EnterpriseFilter f, @Nullable String rawName, Map<String, Object> params) {
        String sort = f.sort() == null ? null : SORTS.get(f.sort());
        if (sort != null) {
            return " order by " + sort;
        }
        if (rawName != null) {
            // Names that contain the words exactly as typed (with their diacritics) come first.
            params.put("raw", rawName.toLowerCase(java.util.Locale.ROOT));
            return " order by (strpos(lower(e.name), :raw) > 0) desc, e.name, e.id";
        }
        return " order by e.name, e.id";
    }

    long count(EnterpriseFilter f, String[] roots, LocalDate today) {
        Where w = where(f, roots, today);
        return jdbc.sql("select count(*) " + FROM + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    List<EnterpriseView> page(
            EnterpriseFilter f, String[] roots, LocalDate today, int limit, int offset, UnitDirectory.Labels labels) {
        Where w = where(f, roots, today);
        Map<String, Object> params = new LinkedHashMap<>(w.params());
        String order = orderBy(f, w.rawName(), params);
        params.put("limit", limit);
        params.put("offset", offset);
        List<EnterpriseView> out = new ArrayList<>();
        jdbc.sql(SELECT + w.sql() + order + " limit :limit offset :offset")
                .params(params)
                .query((ResultSet rs) -> {
                    out.add(view(rs));
                });
        return labelled(out, labels);
    }

    Optional<EnterpriseView> byId(long id, String[] roots, LocalDate today, UnitDirectory.Labels labels) {
        List<EnterpriseView> out = new ArrayList<>();
        jdbc.sql(SELECT + " where e.id = :id and " + IN_SCOPE)
                .param("id", id)
                .param("roots", SqlArrays.ofLabels(roots))
                .param("today", today)
                .query((ResultSet rs) -> {
                    out.add(view(rs));
                });
        return labelled(out, labels).stream().findFirst();
    }

    /** Enterprises in scope with at least the threshold of workers and no open covering union. */
    List<EnterpriseView> organising(String[] roots, LocalDate today, UnitDirectory.Labels labels) {
        List<EnterpriseView> out = new ArrayList<>();
        jdbc.sql(SELECT + " where " + IN_SCOPE + " and e.workers_total >= :threshold and not " + COVERED
                        + " order by a.name, e.workers_total desc, e.name, e.id")
                .param("roots", SqlArrays.ofLabels(roots))
                .param("today", today)
                .param("threshold", Enterprises.ORGANISING_THRESHOLD)
                .query((ResultSet rs) -> {
                    out.add(view(rs));
                });
        return labelled(out, labels);
    }

    List<EnterpriseView> coveredBy(long unitId, LocalDate today, UnitDirectory.Labels labels) {
        List<EnterpriseView> out = new ArrayList<>();
        jdbc.sql(SELECT + " where e.covering_unit_id = :unit order by e.name, e.id")
                .param("unit", unitId)
                .param("today", today)
                .query((ResultSet rs) -> {
                    out.add(view(rs));
                });
        return labelled(out, labels);
    }

    /** The id and version of the enterprise with this MST, if the caller's roots reach it; empty otherwise. */
    Optional<long[]> idByTaxCode(String taxCode, String[] roots) {
        return jdbc.sql("select e.id, e.version from enterprises.enterprise e where e.tax_code = :tax and " + IN_SCOPE)
                .param("tax", taxCode)
                .param("roots", SqlArrays.ofLabels(roots))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    boolean taxCodeTaken(String taxCode, @Nullable Long exceptId) {
        return jdbc.sql("select exists (select 1 from enterprises.enterprise where tax_code = :tax"
                        + " and id is distinct from :id)")
                .param("tax", taxCode)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The rows with the codes and names of their managing and covering units, read for all rows in one query (a
     * lookup per row would cost a statement per enterprise on every page).
     */
    private static List<EnterpriseView> labelled(List<EnterpriseView> rows, UnitDirectory.Labels labels) {
        List<Long> units = new ArrayList<>();
        for (EnterpriseView v : rows) {
            units.add(v.managingUnitId());
            if (v.coveringUnitId() != null) {
                units.add(v.coveringUnitId());
            }
        }
        labels.load(units);
        List<EnterpriseView> out = new ArrayList<>(rows.size());
        for (EnterpriseView v : rows) {
            Optional<OrgUnitView> m = labels.of(v.managingUnitId());
            Optional<OrgUnitView> cv = labels.of(v.coveringUnitId());
            out.add(new EnterpriseView(
                    v.id(),
                    v.taxCode(),
                    v.name(),
                    v.ownershipCode(),
                    v.ownershipName(),
                    v.ownershipNameEn(),
                    v.sectorCode(),
                    v.sectorName(),
                    v.sectorNameEn(),
                    v.communeCode(),
                    v.communeName(),
                    v.address(),
                    v.workersTotal(),
                    v.workersFemale(),
                    v.foundedOn(),
                    v.managingUnitId(),
                    m.map(OrgUnitView::code).orElse(""),
                    m.map(OrgUnitView::name).orElse(""),
                    v.coveringUnitId(),
                    cv.map(OrgUnitView::code).orElse(null),
                    cv.map(OrgUnitView::name).orElse(null),
                    v.covered(),
                    v.demo(),
                    v.version(),
                    v.createdAt(),
                    v.updatedAt()));
        }
        return out;
    }

    /** A row without its unit labels (see {@link #labelled}). */
    private static EnterpriseView view(ResultSet rs) throws SQLException {
        long managing = rs.getLong("managing_unit_id");
        long c = rs.getLong("covering_unit_id");
        Long covering = rs.wasNull() ? null : c;
        return new EnterpriseView(
                rs.getLong("id"),
                rs.getString("tax_code"),
                rs.getString("name"),
                rs.getString("ownership_code"),
                rs.getString("ownership_name"),
                rs.getString("ownership_name_en"),
                rs.getString("sector_code"),
                rs.getString("sector_name"),
                rs.getString("sector_name_en"),
                rs.getString("administrative_unit_code"),
                rs.getString("commune_name"),
                rs.getString("address"),
                rs.getInt("workers_total"),
                rs.getInt("workers_female"),
                rs.getObject("founded_on", LocalDate.class),
                managing,
                "",
                "",
                covering,
                null,
                null,
                rs.getBoolean("covered"),
                rs.getBoolean("demo"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
