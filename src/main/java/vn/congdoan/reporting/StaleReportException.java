package vn.congdoan.reporting;

import vn.congdoan.shared.BusinessException;

/** Someone else changed the report or target set since it was read (optimistic locking). */
public class StaleReportException extends BusinessException {

    public StaleReportException() {
        super("report.stale");
    }
}
