package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One member as the caller may see them. The CCCD is masked ({@code ******123456}); {@link #sensitive} is null unless
 * the caller holds {@link Members#SENSITIVE} and asked for it (and the read was logged).
 */
public record MemberDetail(
        long id,
        String memberCode,
        String fullName,
        String sex,
        LocalDate birthDate,
        String cccdMasked,
        @Nullable String phone,
        @Nullable String email,
        String nationality,
        @Nullable String homeTown,
        @Nullable String residence,
        @Nullable String education,
        @Nullable String qualification,
        @Nullable String theoryLevel,
        @Nullable Long enterpriseId,
        @Nullable String enterpriseName,
        @Nullable String jobTitle,
        @Nullable String contractType,
        LocalDate joinedOn,
        @Nullable String unionPosition,
        @Nullable String admissionDecision,
        String status,
        @Nullable Long unitId,
        long lastUnitId,
        String unitName,
        String unitCode,
        @Nullable LocalDate leftOn,
        @Nullable String leaveReason,
        @Nullable String leaveDecision,
        int version,
        @Nullable TransferView pendingTransfer,
        @Nullable Sensitive sensitive) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Name initials for public pages: "Nguyễn Thị Ánh" → "N.T.Á." */
    public String initials() {
        return initials(fullName);
    }

    /** Initials of a full name, for pages that must not show the name. */
    public static String initials(String fullName) {
        StringBuilder b = new StringBuilder();
        for (String w : fullName.split(" ")) {
            if (!w.isEmpty()) {
                b.appendCodePoint(w.codePointAt(0)).append('.');
            }
        }
        return b.toString();
    }

    /** The sensitive part (DOMAIN.md §10.1). */
    public record Sensitive(
            @Nullable String ethnicity,
            @Nullable String ethnicityName,
            @Nullable String religion,
            boolean partyMember,
            @Nullable LocalDate partyJoinedOn,
            @Nullable String healthNote,
            @Nullable Long salaryBasis,
            @Nullable String bankAccount,
            List<PartyReferral> referrals) {}

    public record PartyReferral(
            long id,
            LocalDate introducedOn,
            long unitId,
            String unitName,
            String outcome,
            @Nullable LocalDate outcomeOn) {}
}
