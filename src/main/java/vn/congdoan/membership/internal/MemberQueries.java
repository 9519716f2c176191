package vn.congdoan.membership.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.congdoan.membership.MemberFilter;
import vn.congdoan.membership.MemberRow;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * The list's SQL, built from a {@link MemberFilter}: always limited to the caller's {@link Members#READ} subtrees (by
 * the member's unit, or last unit for members without one), sort columns from an allow-list, every value a parameter.
 */
final class MemberQueries {

    static final Pattern CCCD_QUERY = Pattern.compile("[0-9]{12}");
    static final Pattern CODE_QUERY = Pattern.compile("(?i)DV[0-9]{10}");
    static final Set<String> STATUSES = Set.of("ACTIVE", "WITHOUT_UNIT", "LEFT", "REMOVED");

    static final String ROW_COLUMNS = """
            m.id, m.member_code, m.full_name, m.sex, m.birth_date, m.cccd, m.status, m.last_unit_id, u.name as unit_name,
            m.joined_on, e.name as enterprise_name,
            exists (select 1 from membership.member_transfer t where t.member_id = m.id and t.status = 'PENDING')
                as transfer_pending
            """;

    static final String FROM = """
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
              left join enterprises.enterprise e on e.id = m.enterprise_id
            """;

    private static final Map<String, String> ORDERS = Map.of(
            "name", "m.sort_key collate \"vi-x-icu\", m.birth_date, m.id",
            "code", "m.member_code",
            "joined", "m.joined_on desc, m.sort_key collate \"vi-x-icu\", m.id",
            "birth", "m.birth_date, m.sort_key collate \"vi-x-icu\", m.id");

    private MemberQueries() {}

    /** A WHERE clause and its parameters. */
    record Where(
            String sql,
            Map<String, Object> params,
            @Nullable String nameQuery,
            boolean ethnicityFiltered) {}

    static Where where(MemberFilter f, AccessScope scope, LocalDate today, @Nullable String unitPath) {
        StringBuilder sql = new StringBuilder(" where u.path <@ any(cast(:roots as ltree[])) ");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("roots", SqlArrays.ofLabels(scope.paths(Members.READ)));
        if (unitPath != null) {
            sql.append(" and u.path <@ cast(:unitPath as ltree) ");
            params.put("unitPath", unitPath);
        }
        String nameQuery = null;
        String q = Text.clean(f.q());
        if (q != null && !q.isEmpty()) {
            String digits = Cccd.normalize(q);
            if (CCCD_QUERY.matcher(digits).matches()) {
                sql.append(" and m.cccd = :cccd ");
                params.put("cccd", digits);
            } else if (CODE_QUERY.matcher(q).matches()) {
                sql.append(" and m.member_code = :code ");
                params.put("code", q.toUpperCase(Locale.ROOT));
            } else {
                String fold = Text.searchKey(q);
                sql.append(" and m.search_key like :pattern ");
                params.put("pattern", "%" + escapeLike(fold) + "%");
                nameQuery = q;
            }
        }
        if (f.status() != null && STATUSES.contains(f.status())) {
            sql.append(" and m.status = :status ");
            params.put("status", f.status());
        }
        if ("M".equals(f.sex()) || "F".equals(f.sex())) {
            sql.append(" and m.sex = :sex ");
            params.put("sex", f.sex());
        }
        boolean ethnicity = false;
        if (f.ethnicity() != null && !f.ethnicity().isBlank() && scope.can(Members.SENSITIVE)) {
            // Only where the caller may read ethnicity: the filter itself reveals it.
            sql.append(" and u.path <@ any(cast(:sensitiveRoots as ltree[])) and exists (select 1 from"
                    + " membership.member_sensitive s where s.member_id = m.id and s.ethnicity = :ethnicity) ");
            params.put("sensitiveRoots", SqlArrays.ofLabels(scope.paths(Members.SENSITIVE)));
            params.put("ethnicity", f.ethnicity());
            ethnicity = true;
        }
        if (f.ageFrom() != null) {
            sql.append(" and m.birth_date <= :bornBy ");
            params.put("bornBy", today.minusYears(f.ageFrom()));
        }
        if (f.ageTo() != null) {
            sql.append(" and m.birth_date > :bornAfter ");
            params.put("bornAfter", today.minusYears(f.ageTo() + 1L));
        }
        if (f.enterpriseId() != null) {
            sql.append(" and m.enterprise_id = :enterprise ");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.joinedFrom() != null) {
            sql.append(" and m.joined_on >= :joinedFrom ");
            params.put("joinedFrom", f.joinedFrom());
        }
        if (f.joinedTo() != null) {
            sql.append(" and m.joined_on <= :joinedTo ");
            params.put("joinedTo", f.joinedTo());
        }
        return new Where(sql.toString(), params, nameQuery, ethnicity);
    }

    /** ORDER BY from the allow-list; name searches put exact-diacritic matches first. */
    static String orderBy(MemberFilter f, Where where, Map<String, Object> params) {
        String order = ORDERS.getOrDefault(f.sort() == null ? "name" : f.sort(), ORDERS.get("name"));
        if (where.nameQuery() != null) {
            params.put("exact", "%" + escapeLike(where.nameQuery()) + "%");
            return " order by (m.full_name ilike :exact) desc, " + order;
        }
        return " order by " + order;
    }

    static MemberRow row(ResultSet rs) throws SQLException {
        return new MemberRow(
                rs.getLong("id"),
                rs.getString("member_code"),
                rs.getString("full_name"),
                rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class),
                Cccd.mask(rs.getString("cccd")),
                rs.getString("status"),
                rs.getLong("last_unit_id"),
                rs.getString("unit_name"),
                rs.getObject("joined_on", LocalDate.class),
                rs.getString("enterprise_name"),
                rs.getBoolean("transfer_pending"));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
