package vn.congdoan.enterprises;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Registering or correcting an enterprise. Every field is checked by the module (not by annotations), so a form, the
 * API and an import row get the same reasons. Units are given by their code, as people know them.
 *
 * @param taxCode MST, 10 digits or 10 + '-' + 3 (a branch)
 * @param ownershipCode a code of {@link Enterprises#ownershipTypes()}
 * @param sectorCode a VSIC 2018 section letter, A–U
 * @param communeCode a code of {@link Enterprises#communes()}
 * @param managingUnitCode the federation or commune union responsible for the record
 * @param coveringUnitCode the grassroots union that covers the enterprise, if any
 * @param version the version read before editing (ignored when creating)
 */
public record EnterpriseCommand(
        @Nullable String taxCode,
        @Nullable String name,
        @Nullable String ownershipCode,
        @Nullable String sectorCode,
        @Nullable String communeCode,
        @Nullable String address,
        @Nullable Integer workersTotal,
        @Nullable Integer workersFemale,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate foundedOn,

        @Nullable String managingUnitCode,
        @Nullable String coveringUnitCode,
        @Nullable Integer version) {

    /** An empty form. */
    public static EnterpriseCommand blank() {
        return new EnterpriseCommand(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
