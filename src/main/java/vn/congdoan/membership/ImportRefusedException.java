package vn.congdoan.membership;

import vn.congdoan.shared.BusinessException;

/**
 * An import job cannot do what was asked now. {@link #conflict()} tells a state problem (not ready, already committed,
 * the same file already imported: HTTP 409) from a content problem (rows with errors: HTTP 422).
 */
public class ImportRefusedException extends BusinessException {

    private final boolean conflict;

    public ImportRefusedException(String messageKey, boolean conflict, Object... args) {
        super(messageKey, args);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
