package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;
import vn.congdoan.shared.AccessScope;

/**
 * How many members a subtree held on a date. Counts are aggregates (no personal data) and follow the unit's
 * visibility; lists of names need {@link #READ}.
 */
public interface MemberCounts {

    /** Permission to see members' names. */
    String READ = "member.read";

    /** Members of the unit's subtree on the date, by sex. */
    SubtreeMembers subtree(long unitId, LocalDate asOf, AccessScope scope);

    /** Members without a unit on the date (their union was closed), within the caller's scope. */
    List<MemberWithoutUnit> withoutUnit(LocalDate asOf, AccessScope scope, int offset, int limit);

    /** How many members are without a unit on the date, within the caller's scope. */
    long countWithoutUnit(LocalDate asOf, AccessScope scope);

    /** Member count of the subtree on a date. */
    record SubtreeMembers(long unitId, LocalDate asOf, long total, long female, long withoutUnitFromHere) {}

    /** A member waiting for a transfer after their union closed. */
    record MemberWithoutUnit(
            long memberId, String fullName, String sex, LocalDate since, long lastUnitId, String lastUnitName) {}
}
