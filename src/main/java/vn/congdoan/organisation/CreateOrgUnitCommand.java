package vn.congdoan.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Founding a unit under a parent (or a tree root when the parent is null). */
public record CreateOrgUnitCommand(
        @Nullable Long parentId,
        String typeCode,
        String code,
        String name,
        @Nullable String shortName,
        LocalDate validFrom) {}
