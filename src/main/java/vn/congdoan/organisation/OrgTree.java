package vn.congdoan.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congdoan.shared.AccessScope;

/**
 * The organisation tree through time. Every read can be asked "as of" a date (the tree as it stood that day);
 * the variants without a date answer for today. Scoped reads take the caller's {@link AccessScope}: a unit is
 * visible when it lies, in today's tree (or at its closing, for a closed unit), under a subtree where the caller
 * holds {@link #READ}; anything else answers {@link OrgUnitNotFoundException} (404).
 */
public interface OrgTree {

    /** Permission to see units. */
    String READ = "org.read";

    /** Permission to add unit types. */
    String CONFIGURE = "org.configure";

    /** The unit as of the date, if it lies in the caller's scope. */
    OrgUnitView unit(long id, LocalDate asOf, AccessScope scope);

    /** The unit's children on the date, sorted by type then Vietnamese name. */
    List<OrgUnitView> children(long id, LocalDate asOf, AccessScope scope);

    /** The unit's ancestors on the date that the caller may see, from the top down (for the breadcrumb). */
    List<OrgUnitView> ancestors(long id, LocalDate asOf, AccessScope scope);

    /** Counts of the units below the given one on the date, by type (the unit itself not counted). */
    List<UnitTypeCount> subtreeCounts(long id, LocalDate asOf, AccessScope scope);

    /** One page of the units below the given one on the date, in tree order. */
    List<OrgUnitView> subtree(long id, LocalDate asOf, AccessScope scope, int offset, int limit);

    /** The restructurings that touched the unit, newest first. */
    List<OrgChangeView> history(long id, AccessScope scope);

    /** Today's unit. */
    OrgUnitView unit(long id, AccessScope scope);

    /** Today's children. */
    List<OrgUnitView> children(long id, AccessScope scope);

    /** Today's subtree counts. */
    List<UnitTypeCount> subtreeCounts(long id, AccessScope scope);

    /**
     * Units open on the date in the caller's scope whose code or name matches (diacritics ignored), for pickers and
     * the tree's search box (at most {@code limit}).
     */
    List<OrgUnitView> search(String query, String permission, AccessScope scope, LocalDate asOf, int limit);

    /** Today's units matching the query. */
    List<OrgUnitView> search(String query, String permission, AccessScope scope, int limit);

    /** Unscoped lookup of the unit open today with this code, for operators' commands and imports. */
    Optional<OrgUnitView> findByCode(String code);

    /** Unscoped lookup by id (today's state), for labels once scope has been checked elsewhere. */
    Optional<OrgUnitView> find(long id);

    /** {@link #find(long)} for many units in one query, for the labels of a page of rows; unknown ids are absent. */
    Map<Long, OrgUnitView> findAll(Collection<Long> ids);

    /** Whether the unit lies in one of the subtrees rooted at {@code roots} (a root contains itself), today. */
    boolean isWithin(long unitId, Collection<Long> roots);

    /** Today's tree path of each given unit. */
    Map<Long, String> paths(Collection<Long> ids);

    /** Unit types, in display order. */
    List<UnitTypeView> unitTypes();

    /** Adds a unit type (needs {@link #CONFIGURE} at a tree root). */
    void addUnitType(CreateUnitTypeCommand command, AccessScope scope, vn.congdoan.shared.Actor actor);

    /** Founds a unit with no deciding document, for seeders of a new installation (history starts here). */
    long create(CreateOrgUnitCommand command);

    /** All units, open or not. */
    long countUnits();
}
