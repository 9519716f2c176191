package vn.congdoan.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congdoan.shared.AccessScope;

/**
 * The organisation tree. Scoped reads take the caller's {@link AccessScope} and answer {@link
 * OrgUnitNotFoundException} (404) for a unit outside the subtrees where the caller holds {@link #READ}.
 */
public interface OrgTree {

    /** Permission to see units. */
    String READ = "org.read";

    /** The unit, if it lies in the caller's scope. */
    OrgUnitView unit(long id, AccessScope scope);

    /** The unit's current children, sorted by type then Vietnamese name. */
    List<OrgUnitView> children(long id, AccessScope scope);

    /** Counts of the current units below the given one, by type. */
    List<UnitTypeCount> subtreeCounts(long id, AccessScope scope);

    /** Units in the caller's scope whose code or name matches, for pickers (at most {@code limit}). */
    List<OrgUnitView> search(String query, String permission, AccessScope scope, int limit);

    /** Unscoped lookup by the unit code, for operators' commands. */
    Optional<OrgUnitView> findByCode(String code);

    /** Unscoped lookup by id, for labels (audit, account pages) once scope has been checked elsewhere. */
    Optional<OrgUnitView> find(long id);

    /** Whether the unit lies in one of the subtrees rooted at {@code roots} (a root contains itself). */
    boolean isWithin(long unitId, Collection<Long> roots);

    /** The tree path of each given unit. */
    Map<Long, String> paths(Collection<Long> ids);

    /** Founds a unit. Seeders and restructuring use it; it checks the parent and the code. */
    long create(CreateOrgUnitCommand command);

    /** All units, current or not. */
    long countUnits();
}
