package vn.congdoan.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One restructuring operation (DOMAIN.md §1.3): what changes, from which date, by which decision. Operations are
 * previewed and applied through {@link Restructurings}.
 */
public sealed interface Restructuring {

    LocalDate effectiveOn();

    Decision decision();

    /** The kind as stored in the history. */
    String kind();

    /** The deciding document: number and code (e.g. {@code 45/QĐ-LĐLĐ}), date, issuing body. */
    record Decision(String number, LocalDate date, String issuer) {}

    /** A unit to found as part of an operation. */
    record NewUnit(
            long parentId,
            String typeCode,
            String code,
            String name,
            @Nullable String shortName) {}

    /** Found a unit. */
    record Create(NewUnit unit, LocalDate effectiveOn, Decision decision) implements Restructuring {
        public String kind() {
            return "CREATE";
        }
    }

    /** Give a unit a new name; old reports keep the old one. */
    record Rename(long unitId, String name, @Nullable String shortName, LocalDate effectiveOn, Decision decision)
            implements Restructuring {
        public String kind() {
            return "RENAME";
        }
    }

    /** Move a unit with its whole subtree under another parent. */
    record Move(long unitId, long newParentId, LocalDate effectiveOn, Decision decision) implements Restructuring {
        public String kind() {
            return "MOVE";
        }
    }

    /**
     * Merge units into one: an existing unit ({@code targetId}) or a new one ({@code newTarget}). The sources'
     * children and members pass to the target; the sources close and point at it.
     */
    record Merge(
            List<Long> sourceIds,
            @Nullable Long targetId,
            @Nullable NewUnit newTarget,
            LocalDate effectiveOn,
            Decision decision)
            implements Restructuring {
        public String kind() {
            return "MERGE";
        }
    }

    /**
     * Split a unit into new ones: each child goes to the part named in {@code childToPart} (index into {@code
     * parts}), the members to part {@code membersToPart}; the source closes.
     */
    record Split(
            long sourceId,
            List<NewUnit> parts,
            Map<Long, Integer> childToPart,
            int membersToPart,
            LocalDate effectiveOn,
            Decision decision)
            implements Restructuring {
        public String kind() {
            return "SPLIT";
        }
    }

    /**
     * End an upper-level unit. Its children must have been moved away first, unless {@code withDescendants} ends them
     * too. Members it still manages pass to {@code receiverId}, or become "without unit" when there is none.
     */
    record Dissolve(
            long unitId, @Nullable Long receiverId, boolean withDescendants, LocalDate effectiveOn, Decision decision)
            implements Restructuring {
        public String kind() {
            return "DISSOLVE";
        }
    }

    /**
     * Close a grassroots union (and its department unions and groups): its members become "without unit", pending
     * transfer. Books close on the day before {@code effectiveOn}.
     */
    record Close(long unitId, LocalDate effectiveOn, Decision decision) implements Restructuring {
        public String kind() {
            return "CLOSE";
        }
    }
}
