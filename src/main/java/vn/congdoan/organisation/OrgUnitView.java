package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A unit as screens and the API show it. */
public record OrgUnitView(
        long id,
        @Nullable Long parentId,
        String code,
        String name,
        @Nullable String shortName,
        String typeCode,
        String typeName,
        String typeNameEn,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        int depth,
        long childCount) {}
