package vn.congdoan.membership;

import java.time.LocalDate;

/** A member to register (the minimal record of issue 4; the full register comes with issue 5). */
public record NewMember(String fullName, String sex, LocalDate birthDate, LocalDate joinedOn, long unitId) {}
