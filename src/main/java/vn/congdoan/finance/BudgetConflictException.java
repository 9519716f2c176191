package vn.congdoan.finance;

import vn.congdoan.shared.BusinessException;

/** The budget, disclosure or drive changed since the form was opened (stale version), or its status forbids it. */
public class BudgetConflictException extends BusinessException {

    public BudgetConflictException(String messageKey) {
        super(messageKey);
    }
}
