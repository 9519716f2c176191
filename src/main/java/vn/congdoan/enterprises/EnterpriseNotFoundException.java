package vn.congdoan.enterprises;

import vn.congdoan.shared.NotFoundException;

/** No such enterprise, or not in the caller's scope. */
public class EnterpriseNotFoundException extends NotFoundException {

    public EnterpriseNotFoundException(Object id) {
        super("enterprise", id);
    }
}
