package vn.congdoan.directives;

/**
 * A unit configured to issue documents (DOMAIN.md §9.1, §9.2).
 *
 * @param abbreviation the issuer part of the number, e.g. {@code LĐLĐ}
 * @param superiorLine the superior body, regular capitals in the header
 * @param issuingLine the issuing body, bold capitals in the header
 * @param placeName the place on the date line, e.g. "Lai Châu"
 * @param numbering {@code PER_ISSUER} (one sequence for all types) or {@code PER_TYPE}
 * @param archiveUnit the drafting unit after "Lưu: VT," or null
 */
public record IssuerView(
        long unitId,
        String unitName,
        String abbreviation,
        String superiorLine,
        String issuingLine,
        String placeName,
        String numbering,
        @org.jspecify.annotations.Nullable String archiveUnit) {}
