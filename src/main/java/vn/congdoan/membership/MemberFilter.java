package vn.congdoan.membership;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The list's filters. {@code q} is a name fragment (diacritics optional), a CCCD (12 digits, exact) or a member code
 * (exact). {@code ethnicity} is ignored for callers without {@link Members#SENSITIVE}. Ages are whole years today.
 *
 * @param sort {@code name} (default, Vietnamese order), {@code code}, {@code joined} or {@code birth}
 */
public record MemberFilter(
        @Nullable Long unitId,
        @Nullable String q,
        @Nullable String status,
        @Nullable String sex,
        @Nullable String ethnicity,
        @Nullable Integer ageFrom,
        @Nullable Integer ageTo,
        @Nullable Long enterpriseId,
        @Nullable LocalDate joinedFrom,
        @Nullable LocalDate joinedTo,
        @Nullable String sort,
        int page) {

    public static MemberFilter all() {
        return new MemberFilter(null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    public MemberFilter withPage(int p) {
        return new MemberFilter(
                unitId, q, status, sex, ethnicity, ageFrom, ageTo, enterpriseId, joinedFrom, joinedTo, sort, p);
    }

    public MemberFilter withQuery(@Nullable String query) {
        return new MemberFilter(
                unitId, query, status, sex, ethnicity, ageFrom, ageTo, enterpriseId, joinedFrom, joinedTo, sort, page);
    }
}
