package vn.congdoan.membership.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Ethnicities;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.PhoneNumbers;
import vn.congdoan.shared.Text;
import vn.congdoan.shared.VietnameseNames;

/**
 * The rules every member record passes, whether typed in a form, sent to the API or read from an import row: one place,
 * one set of Vietnamese messages, each naming its field. Pure (no database): scope and uniqueness are the caller's.
 */
@Component
public class MemberRules {

    /** Workers may join from the minimum working age (Bộ luật Lao động 45/2019/QH14, Art. 143: 15 years). */
    static final int MIN_AGE = 15;

    static final int MAX_AGE = 100;

    /** Foreign workers may join from 01/07/2025 (Luật Công đoàn 50/2024/QH15, Art. 5; DOMAIN.md §3.1). */
    static final LocalDate FOREIGN_MEMBERS_FROM = LocalDate.of(2025, 7, 1);

    public static final Set<String> CONTRACT_TYPES = Set.of("INDEFINITE", "FIXED_12_36", "FIXED_UNDER_12", "NONE");

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{2}");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("[0-9]{6,20}");
    private static final Pattern DECISION = Pattern.compile("[\\p{L}\\p{M}0-9 /.\\-–]{1,60}");

    private final Clock clock;
    private final boolean demoCccdAllowed;

    public MemberRules(
            Clock clock,
            @Value("${congdoan.members.accept-demo-cccd:${congdoan.demo:false}}") boolean demoCccdAllowed) {
        this.clock = clock;
        this.demoCccdAllowed = demoCccdAllowed;
    }

    /** The outcome: a typed record, or the problems (never both). */
    public record Result(@Nullable ValidMember member, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks one record.
     *
     * @param withSensitive whether the caller may write sensitive fields; if not, they are ignored (null in the result)
     * @param unitRequired whether {@code unitId} must be given (admission) or may be absent (an update that keeps it)
     */
    public Result check(MemberInput in, boolean withSensitive, boolean unitRequired) {
        List<FieldProblem> p = new ArrayList<>();
        LocalDate today = Dates.today(clock);

        String fullName = Text.clean(in.fullName());
        if (fullName == null || fullName.isEmpty()) {
            p.add(new FieldProblem("fullName", "member.fullName.required"));
        } else if (fullName.length() > 100) {
            p.add(new FieldProblem("fullName", "member.fullName.tooLong", 100));
        } else if (!NAME.matcher(fullName).matches()) {
            p.add(new FieldProblem("fullName", "member.fullName.characters"));
        }

        String sex = sex(in.sex());
        if (sex == null) {
            p.add(new FieldProblem("sex", "member.sex.required"));
        }

        LocalDate birth = date(in.birthDate(), "birthDate", true, p);
        if (birth != null) {
            if (birth.isAfter(today)) {
                p.add(new FieldProblem("birthDate", "member.birthDate.future", Dates.format(birth)));
                birth = null;
            } else {
                int age = Period.between(birth, today).getYears();
                if (age < MIN_AGE || age > MAX_AGE) {
                    p.add(new FieldProblem("birthDate", "member.birthDate.age", MIN_AGE, MAX_AGE, age));
                }
            }
        }

        String nationality = Optional.ofNullable(Text.clean(in.nationality()))
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .orElse("VN");
        if (!NATIONALITY.matcher(nationality).matches()) {
            p.add(new FieldProblem("nationality", "member.nationality.format", nationality));
        }

        String cccd = Cccd.normalize(in.cccd());
        if (cccd.isEmpty()) {
            if ("VN".equals(nationality)) {
                p.add(new FieldProblem("cccd", "cccd.empty"));
            }
            cccd = null;
        } else {
            List<Cccd.Problem> problems = Cccd.check(cccd, birth, sex, demoCccdAllowed);
            for (Cccd.Problem problem : problems) {
                p.add(new FieldProblem("cccd", problem.messageKey(), Cccd.args(cccd, birth, sex)));
            }
        }

        String phone = null;
        String rawPhone = Text.clean(in.phone());
        if (rawPhone != null && !rawPhone.isEmpty()) {
            Optional<String> normalized = PhoneNumbers.normalize(rawPhone);
            if (normalized.isEmpty()) {
                p.add(new FieldProblem("phone", "phone.invalid", rawPhone));
            } else {
                phone = normalized.get();
            }
        }

        String email = blankToNull(Text.clean(in.email()));
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            p.add(new FieldProblem("email", "member.email.format", email));
        }

        String homeTown = text(in.homeTown(), "homeTown", 200, p);
        String residence = text(in.residence(), "residence", 200, p);
        String education = text(in.education(), "education", 30, p);
        String qualification = text(in.qualification(), "qualification", 100, p);
        String theoryLevel = text(in.theoryLevel(), "theoryLevel", 50, p);
        String jobTitle = text(in.jobTitle(), "jobTitle", 100, p);
        String unionPosition = text(in.unionPosition(), "unionPosition", 100, p);

        String contract = blankToNull(Text.clean(in.contractType()));
        if (contract != null) {
            contract = contract.toUpperCase(Locale.ROOT);
            if (!CONTRACT_TYPES.contains(contract)) {
                p.add(new FieldProblem("contractType", "member.contractType.unknown", contract));
                contract = null;
            }
        }

        String decision = blankToNull(Text.clean(in.admissionDecision()));
        if (decision != null && !DECISION.matcher(decision).matches()) {
            p.add(new FieldProblem("admissionDecision", "member.decision.format"));
        }

        LocalDate joined = date(in.joinedOn(), "joinedOn", true, p);
        if (joined != null) {
            if (joined.isAfter(today)) {
                p.add(new FieldProblem("joinedOn", "member.joinedOn.future", Dates.format(joined)));
            } else if (birth != null && joined.isBefore(birth.plusYears(MIN_AGE))) {
                p.add(new FieldProblem(
                        "joinedOn", "member.joinedOn.beforeAge", Dates.format(joined), Dates.format(birth), MIN_AGE));
            }
            if (!"VN".equals(nationality)) {
                // Luật Công đoàn 50/2024/QH15: foreign workers with a contract of 12 months or more, from 01/07/2025.
                if (joined.isBefore(FOREIGN_MEMBERS_FROM)) {
                    p.add(new FieldProblem("joinedOn", "member.foreign.before", Dates.format(FOREIGN_MEMBERS_FROM)));
                }
                if (!"INDEFINITE".equals(contract) && !"FIXED_12_36".equals(contract)) {
                    p.add(new FieldProblem("contractType", "member.foreign.contract"));
                }
            }
        }

        if (unitRequired && in.unitId() == null) {
            p.add(new FieldProblem("unitId", "member.unit.required"));
        }

        ValidMember.SensitiveValues sensitive = null;
        if (withSensitive) {
            sensitive = sensitive(in, birth, p);
        }

        if (!p.isEmpty()) {
            return new Result(null, p);
        }
        return new Result(
                new ValidMember(
                        fullName,
                        Text.searchKey(fullName),
                        VietnameseNames.sortKey(fullName),
                        sex,
                        birth,
                        cccd,
                        phone,
                        email,
                        nationality,
                        homeTown,
                        residence,
                        education,
                        qualification,
                        theoryLevel,
                        in.enterpriseId(),
                        jobTitle,
                        contract,
                        joined,
                        in.unitId(),
                        unionPosition,
                        decision,
                        sensitive),
                List.of());
    }

    private ValidMember.SensitiveValues sensitive(MemberInput in, @Nullable LocalDate birth, List<FieldProblem> p) {
        String ethnicity = null;
        String rawEthnicity = blankToNull(Text.clean(in.ethnicity()));
        if (rawEthnicity != null) {
            Optional<Ethnicities.Group> group = Ethnicities.byName(rawEthnicity);
            if (group.isEmpty()) {
                p.add(new FieldProblem("ethnicity", "member.ethnicity.unknown", rawEthnicity));
            } else {
                ethnicity = group.get().code();
            }
        }
        String religion = text(in.religion(), "religion", 100, p);
        boolean party = Boolean.TRUE.equals(in.partyMember());
        LocalDate partyOn = date(in.partyJoinedOn(), "partyJoinedOn", false, p);
        if (partyOn != null && !party) {
            p.add(new FieldProblem("partyJoinedOn", "member.party.dateWithoutMember"));
        }
        if (partyOn != null && birth != null && partyOn.isBefore(birth.plusYears(18))) {
            p.add(new FieldProblem("partyJoinedOn", "member.party.tooYoung", Dates.format(partyOn)));
        }
        if (partyOn != null && partyOn.isAfter(Dates.today(clock))) {
            p.add(new FieldProblem("partyJoinedOn", "member.party.future", Dates.format(partyOn)));
        }
        String health = text(in.healthNote(), "healthNote", 500, p);
        Long salary = null;
        String rawSalary = blankToNull(Text.clean(in.salaryBasis()));
        if (rawSalary != null) {
            String digits = rawSalary.replaceAll("[\\s.,]", "").replace("đ", "").replace("VND", "");
            if (!digits.matches("[0-9]{1,12}")) {
                p.add(new FieldProblem("salaryBasis", "member.salary.format", rawSalary));
            } else {
                salary = Long.parseLong(digits);
            }
        }
        String bank = blankToNull(Text.clean(in.bankAccount()));
        if (bank != null) {
            bank = bank.replaceAll("[\\s.\\-]", "");
            if (!BANK_ACCOUNT.matcher(bank).matches()) {
                p.add(new FieldProblem("bankAccount", "member.bankAccount.format"));
                bank = null;
            }
        }
        return new ValidMember.SensitiveValues(ethnicity, religion, party, partyOn, health, salary, bank);
    }

    /** "M"/"F", also read from "Nam"/"Nữ"/"nu"/"male"/"female"; null when missing or unknown. */
    public static @Nullable String sex(@Nullable String raw) {
        String s = blankToNull(Text.clean(raw));
        if (s == null) {
            return null;
        }
        String key = Text.searchKey(s);
        switch (key) {
            case "m", "nam", "male":
                return "M";
            case "f", "nu", "female":
                return "F";
            default:
                return null;
        }
    }

    private static @Nullable LocalDate date(
            @Nullable String raw, String field, boolean required, List<FieldProblem> problems) {
        String s = blankToNull(Text.clean(raw));
        if (s == null) {
            if (required) {
                problems.add(new FieldProblem(field, "member." + field + ".required"));
            }
            return null;
        }
        try {
            LocalDate d = Dates.parse(s);
            if (d == null || d.getYear() < 1900) {
                problems.add(new FieldProblem(field, "member.date.format", s));
                return null;
            }
            return d;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "member.date.format", s));
            return null;
        }
    }

    private static @Nullable String text(@Nullable String raw, String field, int max, List<FieldProblem> problems) {
        String s = blankToNull(Text.clean(raw));
        if (s != null && s.length() > max) {
            problems.add(new FieldProblem(field, "member.text.tooLong", max));
            return null;
        }
        return s;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
