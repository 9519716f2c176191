package vn.congdoan.membership.internal.imports;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.SqlArrays;

/**
 * What rows refer to, looked up once per distinct value for one job: units by code (open today, and whether the
 * caller may write and read sensitive data there) and enterprises by MST (only those the caller may see, through the
 * {@link Enterprises} facade).
 */
final class ImportLookups {

    /** A unit as an import sees it. */
    record Unit(long id, String code, String name, String path, boolean open, boolean writable, boolean sensitive) {}

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final AccessScope scope;
    private final String writeRoots;
    private final String sensitiveRoots;
    private final java.time.LocalDate today;
    private final Map<String, Optional<Unit>> units = new HashMap<>();
    private final Map<String, Optional<Long>> taxCodes = new HashMap<>();

    ImportLookups(JdbcClient jdbc, Enterprises enterprises, AccessScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.scope = scope;
        this.writeRoots = SqlArrays.ofLabels(scope.paths(Members.WRITE));
        this.sensitiveRoots = SqlArrays.ofLabels(scope.paths(Members.SENSITIVE));
        this.today = Dates.today(clock);
    }

    private static final String UNIT = """
            select u.id, u.code, u.name, cast(u.path as text) as path,
                   (u.valid_from <= :today and (u.valid_to is null or u.valid_to > :today)) as open,
                   u.path <@ any(cast(:w as ltree[])) as writable, u.path <@ any(cast(:s as ltree[])) as sensitive
              from organisation.org_unit u
            """;

    Optional<Unit> unit(long id) {
        return jdbc.sql(UNIT + " where u.id = :id")
                .param("today", today)
                .param("w", writeRoots)
                .param("s", sensitiveRoots)
                .param("id", id)
                .query(ImportLookups::unitRow)
                .optional();
    }

    /** The unit open today with this code (the latest one when codes were reused). */
    Optional<Unit> unitByCode(String code) {
        return units.computeIfAbsent(code, c -> jdbc.sql(UNIT + """
                         where u.code = :code and u.valid_from <= :today
                         order by (u.valid_to is null or u.valid_to > :today) desc, u.valid_from desc limit 1
                        """)
                .param("today", today)
                .param("w", writeRoots)
                .param("s", sensitiveRoots)
                .param("code", c)
                .query(ImportLookups::unitRow)
                .optional());
    }

    private static Unit unitRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Unit(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("path"),
                rs.getBoolean("open"),
                rs.getBoolean("writable"),
                rs.getBoolean("sensitive"));
    }

    /** The id of the enterprise with exactly this MST among those the caller may see. */
    @Nullable
    Long enterprise(String taxCode) {
        if (!scope.can(Enterprises.READ)) {
            return null;
        }
        return taxCodes.computeIfAbsent(
                        taxCode,
                        t ->
                                enterprises
                                        .search(new EnterpriseFilter(t, null, null, null, null, null, 0), scope)
                                        .items()
                                        .stream()
                                        .filter(e -> e.taxCode().equals(t))
                                        .map(EnterpriseView::id)
                                        .findFirst())
                .orElse(null);
    }
}
