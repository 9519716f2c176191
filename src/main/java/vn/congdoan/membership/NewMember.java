package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A demo member to register with everything the register holds about them (DOMAIN.md §3.5); the member code and the
 * sort key are derived on insert.
 *
 * @param sex {@code "M"} or {@code "F"}
 * @param contractType {@code INDEFINITE}, {@code FIXED_12_36}, {@code FIXED_UNDER_12} or {@code NONE}
 * @param admissionDecision the number of the decision that admitted the member ({@code 12/QĐ-CĐCS})
 */
public record NewMember(
        String fullName,
        String sex,
        LocalDate birthDate,
        LocalDate joinedOn,
        long unitId,
        @Nullable String cccd,
        @Nullable String phone,
        @Nullable String homeTown,
        @Nullable String residence,
        @Nullable String education,
        @Nullable String qualification,
        @Nullable String theoryLevel,
        @Nullable String jobTitle,
        @Nullable String contractType,
        @Nullable String unionPosition,
        @Nullable String admissionDecision,
        Sensitive sensitive) {

    /** A member with a name, a unit and a join date only. */
    public NewMember(String fullName, String sex, LocalDate birthDate, LocalDate joinedOn, long unitId) {
        this(
                fullName,
                sex,
                birthDate,
                joinedOn,
                unitId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Sensitive.NONE);
    }

    /**
     * The sensitive part (DOMAIN.md §10.1), kept in its own table.
     *
     * @param ethnicity the code of QĐ 121-TCTK/PPCĐ ({@code "08"} Mông), see {@link vn.congdoan.shared.Ethnicities}
     * @param salaryBasis the salary dues are computed on, in VND
     */
    public record Sensitive(
            @Nullable String ethnicity,
            @Nullable String religion,
            boolean partyMember,
            @Nullable LocalDate partyJoinedOn,
            @Nullable Long salaryBasis) {

        public static final Sensitive NONE = new Sensitive(null, null, false, null, null);
    }
}
