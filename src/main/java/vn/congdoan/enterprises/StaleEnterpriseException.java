package vn.congdoan.enterprises;

import vn.congdoan.shared.BusinessException;

/** Someone saved the enterprise after the caller read it (optimistic locking); answered with 409. */
public class StaleEnterpriseException extends BusinessException {

    public StaleEnterpriseException() {
        super("error.staleVersion");
    }
}
