package vn.congdoan.membership;

import vn.congdoan.shared.BusinessException;

/** A card action was refused by a rule (unknown type, member not active, no current card, a date out of range). */
public class CardRejectedException extends BusinessException {

    public CardRejectedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
