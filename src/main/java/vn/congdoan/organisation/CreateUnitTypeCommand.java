package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A new kind of unit an administrator adds (e.g. a union of an industrial park). */
public record CreateUnitTypeCommand(
        String code,
        String name,
        String nameEn,
        int legalLevel,
        int sortOrder,
        boolean grassroots,
        LocalDate validFrom,
        @Nullable String note) {}
