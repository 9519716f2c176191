package vn.congdoan.enterprises.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.SqlArrays;

/**
 * What the register needs to know about union units: labels and lookups through the {@link OrgTree} facade, and
 * subtree tests in SQL on the three columns of {@code organisation.org_unit} that are a stable read contract ({@code
 * id}, {@code path}, {@code valid_to}).
 */
@Component
class UnitDirectory {

    /** Unit types that are not a union of their own level: never a managing unit. */
    static final Set<String> BELOW_UPPER_LEVEL = Set.of("GRASSROOTS_UNION", "DEPARTMENT_UNION", "UNION_GROUP");

    static final String GRASSROOTS = "GRASSROOTS_UNION";

    private final OrgTree tree;
    private final JdbcClient jdbc;

    UnitDirectory(OrgTree tree, JdbcClient jdbc) {
        this.tree = tree;
        this.jdbc = jdbc;
    }

    /** An open unit by its code. */
    Optional<OrgUnitView> open(String code) {
        return tree.findByCode(code).filter(u -> u.validTo() == null);
    }

    Optional<OrgUnitView> find(long id) {
        return tree.find(id);
    }

    /** Whether the unit lies in one of the subtrees with the given root paths. */
    boolean inScope(long unitId, String[] paths) {
        if (paths.length == 0) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from organisation.org_unit where id = :id"
                        + " and path <@ any(cast(:roots as ltree[])))")
                .param("id", unitId)
                .param("roots", SqlArrays.ofLabels(paths))
                .query(Boolean.class)
                .single();
    }

    /** Whether {@code descendant} lies in the subtree of {@code ancestor} (a unit contains itself). */
    boolean contains(long ancestor, long descendant) {
        return jdbc.sql("""
                        select exists (select 1 from organisation.org_unit a, organisation.org_unit d
                                        where a.id = :a and d.id = :d and d.path <@ a.path)""")
                .param("a", ancestor)
                .param("d", descendant)
                .query(Boolean.class)
                .single();
    }

    @Nullable
    String path(long unitId) {
        return tree.paths(List.of(unitId)).get(unitId);
    }

    /** Labels for many rows: each unit read once per call, those of a page of rows in one query ({@link #load}). */
    Labels labels() {
        return new Labels();
    }

    final class Labels {
        private final Map<Long, Optional<OrgUnitView>> cache = new HashMap<>();

        /** Reads the units not read yet, all in one query. */
        void load(Collection<Long> ids) {
            List<Long> missing =
                    ids.stream().distinct().filter(id -> !cache.containsKey(id)).toList();
            Map<Long, OrgUnitView> found = tree.findAll(missing);
            for (Long id : missing) {
                cache.put(id, Optional.ofNullable(found.get(id)));
            }
        }

        Optional<OrgUnitView> of(@Nullable Long id) {
            if (id == null) {
                return Optional.empty();
            }
            return cache.computeIfAbsent(id, tree::find);
        }
    }
}
