package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A transfer between units (chuyển sinh hoạt). */
public record TransferView(
        long id,
        long memberId,
        String memberCode,
        String fullName,
        long fromUnitId,
        String fromUnitName,
        long toUnitId,
        String toUnitName,
        LocalDate releasedOn,
        String status,
        @Nullable LocalDate decidedOn) {}
