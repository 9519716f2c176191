package vn.congdoan.organisation;

import java.util.List;

/**
 * A module that keeps records on units (members, grants, ...) and must follow them when units end. Called inside
 * the restructuring's transaction, so everything commits or nothing does; a preview runs the same code and rolls
 * back, so the preview shows exactly what applying would do.
 */
public interface RestructuringParticipant {

    /** Follows the closures and says what it did, for the preview and the result page. */
    List<Impact> unitsClosed(List<UnitClosure> closures);
}
