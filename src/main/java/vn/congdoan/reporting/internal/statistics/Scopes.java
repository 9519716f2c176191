package vn.congdoan.reporting.internal.statistics;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;

/** Scope tests in SQL: a permission held on a unit covers its subtree (today's tree). */
public final class Scopes {

    private final JdbcClient jdbc;

    public Scopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the unit lies in a subtree where the caller holds one of the permissions. */
    public boolean covers(long unitId, AccessScope scope, String... permissions) {
        String[] paths = Arrays.stream(permissions)
                .flatMap(p -> Stream.of(scope.paths(p)))
                .distinct()
                .toArray(String[]::new);
        if (paths.length == 0) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from organisation.org_unit u
                                        where u.id = :id and u.path <@ any(cast(:roots as ltree[])))
                        """)
                .param("id", unitId)
                .param("roots", SqlArrays.ofLabels(paths))
                .query(Boolean.class)
                .single();
    }
}
