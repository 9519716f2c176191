package vn.congdoan.membership;

import vn.congdoan.shared.BusinessException;

/** Someone saved the member after the caller read it (optimistic locking); answered with 409. */
public class StaleMemberException extends BusinessException {

    public StaleMemberException() {
        super("member.stale");
    }
}
