package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * Members arrived in units: admitted (one by one, by batch decision or by an imported file), restored, or accepted by
 * transfer. Published in the transaction of the change, so the event publication registry stores it with the change.
 * Stored as JSON: add fields, never rename or remove them.
 *
 * @param unitIds the units the members joined
 * @param on the earliest date of arrival among them
 */
public record MembersJoined(List<Long> unitIds, LocalDate on) {

    public MembersJoined {
        unitIds = List.copyOf(unitIds);
    }
}
