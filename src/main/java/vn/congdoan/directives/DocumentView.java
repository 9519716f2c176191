package vn.congdoan.directives;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A document of the register, as lists and other modules see it.
 *
 * @param unitId the unit owning the register entry: the issuer (outgoing) or the receiving unit (incoming)
 * @param direction {@code OUTGOING} or {@code INCOMING}
 * @param numberText the full "số ký hiệu", e.g. {@code 108/TB-LĐLĐ}; null for a draft
 * @param typeCode the document type (reference data, e.g. {@code TB})
 * @param status {@code DRAFT}, {@code ISSUED}, {@code RECEIVED} or {@code CANCELLED}
 */
public record DocumentView(
        long id,
        long unitId,
        String unitName,
        String direction,
        @Nullable String numberText,
        String typeCode,
        String typeName,
        @Nullable LocalDate docDate,
        String summary,
        String status,
        int version) {

    public boolean outgoing() {
        return Documents.OUTGOING.equals(direction);
    }
}
