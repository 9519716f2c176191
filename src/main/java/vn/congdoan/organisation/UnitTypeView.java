package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A kind of union unit, with its legal level (DOMAIN.md §1.1) and the dates it may be used. */
public record UnitTypeView(
        String code,
        String name,
        String nameEn,
        int legalLevel,
        int sortOrder,
        boolean grassroots,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String note) {

    /** Whether new units of this type may be founded on the date. */
    public boolean usableOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
