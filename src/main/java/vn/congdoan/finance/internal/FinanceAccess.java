package vn.congdoan.finance.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.ForbiddenException;

/**
 * The one place finance decides who may see or touch a unit's books. Reading needs {@link FeeRules#READ} or
 * {@link FeeRules#INSPECT} over the unit: outside those subtrees a unit's books do not exist for the caller (404).
 * Writing needs {@link FeeRules#POST} over the unit; a caller who may read but not write is refused (403). An
 * inspector's look at a unit's books is written to the audit trail ({@link #logInspection}).
 */
@Component
public class FinanceAccess {

    private final OrgTree tree;
    private final AuditTrail audit;

    FinanceAccess(OrgTree tree, AuditTrail audit) {
        this.tree = tree;
        this.audit = audit;
    }

    /** Whether the unit lies in a subtree where the caller holds the permission. */
    public boolean holds(AccessScope scope, String permission, long unitId) {
        Set<Long> roots = scope.roots(permission);
        return !roots.isEmpty() && tree.isWithin(unitId, roots);
    }

    /**
     * Those of the units that lie in a subtree where the caller holds the permission: one query for all of them (their
     * tree paths), for filtering a list of rows.
     */
    public Set<Long> holdsOver(AccessScope scope, String permission, Collection<Long> unitIds) {
        String[] roots = scope.paths(permission);
        if (roots.length == 0 || unitIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> out = new HashSet<>();
        tree.paths(unitIds).forEach((unit, path) -> {
            for (String root : roots) {
                if (path.equals(root) || path.startsWith(root + ".")) {
                    out.add(unit);
                    return;
                }
            }
        });
        return out;
    }

    /** Whether the caller may read the unit's books (finance officer, accountant or inspector over it). */
    public boolean canRead(AccessScope scope, long unitId) {
        return holds(scope, FeeRules.READ, unitId) || holds(scope, FeeRules.INSPECT, unitId);
    }

    /** Refuses with "not found" unless the caller may read the unit's books. */
    public void requireRead(AccessScope scope, long unitId, String what, Object id) {
        if (!canRead(scope, unitId)) {
            throw new FinanceNotFoundException(what, id);
        }
    }

    /** Refuses unless the caller holds the permission over the unit: 404 when they cannot even read it, else 403. */
    public void require(AccessScope scope, String permission, long unitId, String what, Object id) {
        if (holds(scope, permission, unitId)) {
            return;
        }
        requireRead(scope, unitId, what, id);
        throw new ForbiddenException(permission);
    }

    /**
     * Writes an inspection view to the audit trail when the caller reads the unit's books as an inspector (holds
     * {@link FeeRules#INSPECT} over it and may not post there). {@code what} names the view (ledger, arrears,
     * budget…). Joins the caller's transaction.
     */
    public void logInspection(AccessScope scope, Actor actor, long unitId, String what, String unitLabel) {
        if (!holds(scope, FeeRules.INSPECT, unitId) || holds(scope, FeeRules.POST, unitId)) {
            return;
        }
        Map<Long, String> paths = tree.paths(Set.of(unitId));
        audit.record(AuditRecord.of(actor, "FINANCE_INSPECTION_VIEW", paths.get(unitId))
                .target("ORG_UNIT", unitId, unitLabel)
                .detail(what));
    }
}
