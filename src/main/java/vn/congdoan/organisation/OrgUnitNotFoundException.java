package vn.congdoan.organisation;

import vn.congdoan.shared.NotFoundException;

/** No such unit, or not in the caller's scope. */
public class OrgUnitNotFoundException extends NotFoundException {

    public OrgUnitNotFoundException(Object id) {
        super("unit", id);
    }
}
