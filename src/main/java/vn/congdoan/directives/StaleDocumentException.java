package vn.congdoan.directives;

import vn.congdoan.shared.BusinessException;

/** Someone saved the document after the caller read it (optimistic locking); answered with 409. */
public class StaleDocumentException extends BusinessException {

    public StaleDocumentException() {
        super("document.stale");
    }
}
