package vn.congdoan.membership;

import org.jspecify.annotations.Nullable;

/**
 * A member as typed in a form, an API body or an import row: text as given (dates as {@code dd/MM/yyyy} or ISO), so
 * every reason a value is refused can be told about its field. Sensitive fields are taken only from callers allowed to
 * write them (see {@link Members}).
 */
public record MemberInput(
        @Nullable String fullName,
        @Nullable String sex,
        @Nullable String birthDate,
        @Nullable String cccd,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String nationality,
        @Nullable String homeTown,
        @Nullable String residence,
        @Nullable String education,
        @Nullable String qualification,
        @Nullable String theoryLevel,
        @Nullable Long enterpriseId,
        @Nullable String jobTitle,
        @Nullable String contractType,
        @Nullable String joinedOn,
        @Nullable Long unitId,
        @Nullable String unionPosition,
        @Nullable String admissionDecision,
        @Nullable String ethnicity,
        @Nullable String religion,
        @Nullable Boolean partyMember,
        @Nullable String partyJoinedOn,
        @Nullable String healthNote,
        @Nullable String salaryBasis,
        @Nullable String bankAccount) {

    /** Field names that hold sensitive data (DOMAIN.md §10.1). */
    public static final java.util.List<String> SENSITIVE_FIELDS = java.util.List.of(
            "ethnicity", "religion", "partyMember", "partyJoinedOn", "healthNote", "salaryBasis", "bankAccount");

    public static MemberInput empty() {
        return new MemberInput(
                null, null, null, null, null, null, "VN", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }
}
