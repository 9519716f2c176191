package vn.congdoan.membership.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member record that passed {@link MemberRules}: typed, NFC, with its folded search key and Vietnamese sort key.
 * Scope (may the caller write in {@link #unitId}?) and uniqueness (CCCD) are checked by whoever stores it.
 */
public record ValidMember(
        String fullName,
        String searchKey,
        String sortKey,
        String sex,
        LocalDate birthDate,
        @Nullable String cccd,
        @Nullable String phone,
        @Nullable String email,
        String nationality,
        @Nullable String homeTown,
        @Nullable String residence,
        @Nullable String education,
        @Nullable String qualification,
        @Nullable String theoryLevel,
        @Nullable Long enterpriseId,
        @Nullable String jobTitle,
        @Nullable String contractType,
        LocalDate joinedOn,
        @Nullable Long unitId,
        @Nullable String unionPosition,
        @Nullable String admissionDecision,
        @Nullable SensitiveValues sensitive) {

    /** Sensitive values (DOMAIN.md §10.1); null in {@link ValidMember} when the caller may not write them. */
    public record SensitiveValues(
            @Nullable String ethnicity,
            @Nullable String religion,
            boolean partyMember,
            @Nullable LocalDate partyJoinedOn,
            @Nullable String healthNote,
            @Nullable Long salaryBasis,
            @Nullable String bankAccount) {}
}
