package vn.congdoan.finance;

import vn.congdoan.shared.NotFoundException;

/** A finance record that does not exist or lies outside the caller's subtrees (both answer 404). */
public class FinanceNotFoundException extends NotFoundException {

    public FinanceNotFoundException(String what, Object id) {
        super(what, id);
    }
}
