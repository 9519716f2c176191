package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A member in a list: no sensitive field, CCCD masked. */
public record MemberRow(
        long id,
        String memberCode,
        String fullName,
        String sex,
        LocalDate birthDate,
        String cccdMasked,
        String status,
        long unitId,
        String unitName,
        LocalDate joinedOn,
        @Nullable String enterpriseName,
        boolean transferPending) {}
