package vn.congdoan.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Restructuring the tree (DOMAIN.md §1.3): each operation is checked, can be previewed (run and rolled back), and
 * is applied atomically with an entry in the unit's history. Only holders of {@link #PERMISSION} restructure, inside
 * their own subtree and never their own root.
 */
public interface Restructurings {

    String PERMISSION = "org.restructure";

    /** What the operation would do; nothing is kept. */
    RestructuringOutcome preview(Restructuring operation, AccessScope scope);

    /** Applies the operation for a user. */
    RestructuringOutcome apply(Restructuring operation, AccessScope scope, Actor actor);

    /** Applies an operation for a trusted caller (demo seeding, operators' commands): no scope check. */
    RestructuringOutcome applyTrusted(Restructuring operation, Actor actor);

    /** Checks a bulk plan (XLSX) row by row and previews it; nothing is kept. */
    PlanResult checkPlan(InputStream xlsx, AccessScope scope) throws IOException;

    /** Applies a bulk plan in one transaction when every row is valid; otherwise applies nothing. */
    PlanResult applyPlan(InputStream xlsx, AccessScope scope, Actor actor) throws IOException;

    /** Writes the plan template (Vietnamese headers, an example row, a sheet of operations and unit types). */
    void writePlanTemplate(OutputStream out) throws IOException;
}
