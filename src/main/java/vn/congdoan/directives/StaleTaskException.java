package vn.congdoan.directives;

import vn.congdoan.shared.BusinessException;

/** Someone reported on or cascaded the assignment after the caller read it (optimistic locking); answered 409. */
public class StaleTaskException extends BusinessException {

    public StaleTaskException() {
        super("task.stale");
    }
}
