package vn.congdoan.directives;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an officer enters for a document.
 *
 * @param unitId the owning unit: the issuer (outgoing) or the receiving unit (incoming)
 * @param numberText only for incoming documents (the sender's number) and outgoing documents issued before the
 *     register (back-fill); an outgoing draft gets its number when issued
 * @param signingForm {@code TM}, {@code KT}, {@code Q}, {@code TL}, {@code TUQ} or null (head signs in person)
 * @param signingBody the body or head signed for, e.g. "BAN THƯỜNG VỤ" in "TM. BAN THƯỜNG VỤ"
 * @param otherRecipients "Nơi nhận" lines outside the tree, one per line
 */
public record DocumentInput(
        String direction,
        @Nullable Long unitId,
        @Nullable String typeCode,
        @Nullable String numberText,
        @Nullable LocalDate docDate,
        @Nullable String place,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String senderName,
        @Nullable LocalDate receivedOn,
        @Nullable String signerName,
        @Nullable String signerPosition,
        @Nullable String signingForm,
        @Nullable String signingBody,
        List<Long> recipientUnitIds,
        @Nullable String otherRecipients) {

    public DocumentInput {
        recipientUnitIds = recipientUnitIds == null ? List.of() : List.copyOf(recipientUnitIds);
    }
}
