package vn.congdoan.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One restructuring as a unit's timeline shows it.
 *
 * @param role how the unit whose timeline this is took part (SUBJECT, SOURCE, TARGET, CREATED, OLD_PARENT,
 *     NEW_PARENT, RECEIVER, CHILD)
 * @param parties every unit the change touched, with the name it had then
 */
public record OrgChangeView(
        long id,
        String kind,
        LocalDate effectiveOn,
        String decisionNo,
        LocalDate decisionDate,
        String decisionIssuer,
        @Nullable String note,
        Instant recordedAt,
        String recordedBy,
        String role,
        List<Party> parties) {

    /** A unit in a change. */
    public record Party(
            long unitId,
            String code,
            String name,
            String role,
            @Nullable String oldName) {}

    /** The parties with the given role. */
    public List<Party> withRole(String wanted) {
        return parties.stream().filter(p -> p.role().equals(wanted)).toList();
    }
}
