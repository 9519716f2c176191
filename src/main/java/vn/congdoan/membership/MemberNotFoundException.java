package vn.congdoan.membership;

import vn.congdoan.shared.NotFoundException;

/** No such member in the caller's scope (existence outside it is never revealed). */
public class MemberNotFoundException extends NotFoundException {

    public MemberNotFoundException() {
        super("member", "?");
    }
}
