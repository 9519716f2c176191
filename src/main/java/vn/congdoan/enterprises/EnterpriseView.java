package vn.congdoan.enterprises;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise as screens, exports and the API show it. {@code covered} is true only while the covering unit is
 * open today; a union that was closed leaves the enterprise on the organising list.
 */
public record EnterpriseView(
        long id,
        String taxCode,
        String name,
        String ownershipCode,
        String ownershipName,
        String ownershipNameEn,
        String sectorCode,
        String sectorName,
        String sectorNameEn,
        String communeCode,
        String communeName,
        @Nullable String address,
        int workersTotal,
        int workersFemale,
        @Nullable LocalDate foundedOn,
        long managingUnitId,
        String managingUnitCode,
        String managingUnitName,
        @Nullable Long coveringUnitId,
        @Nullable String coveringUnitCode,
        @Nullable String coveringUnitName,
        boolean covered,
        boolean demo,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** The command that would save this enterprise unchanged, for edit forms. */
    public EnterpriseCommand toCommand() {
        return new EnterpriseCommand(
                taxCode,
                name,
                ownershipCode,
                sectorCode,
                communeCode,
                address,
                workersTotal,
                workersFemale,
                foundedOn,
                managingUnitCode,
                coveringUnitCode,
                version);
    }
}
