package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One member card as the officers' panel shows it.
 *
 * @param type {@code PLASTIC}, {@code LINKED} (co-branded with a bank) or {@code E_CARD}
 * @param status {@code ORDERED}, {@code PRINTED}, {@code ISSUED} (current) or {@code LOST}, {@code REPLACED},
 *     {@code REVOKED} (ended)
 * @param replacesCardNo the number of the card this one replaced, if any
 */
public record CardView(
        long id,
        String cardNo,
        String type,
        LocalDate issuedOn,
        String status,
        @Nullable LocalDate endedOn,
        @Nullable String replacesCardNo,
        String issuedBy) {

    /** Whether the card is the member's current one (not lost, replaced or revoked). */
    public boolean current() {
        return MemberCards.CURRENT_STATUSES.contains(status);
    }
}
