package vn.congdoan.identity;

import vn.congdoan.shared.NotFoundException;

/** No such account, or not in the caller's scope. */
public class UserNotFoundException extends NotFoundException {

    public UserNotFoundException(Object id) {
        super("user", id);
    }
}
