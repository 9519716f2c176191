package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.Members;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Ethnicities;
import vn.congdoan.shared.FieldProblem;

/**
 * What the member pages share: pickers (units, enterprises, code lists), the member page's model, and turning the
 * facade's {@link FieldProblem}s into messages next to their fields. Scope is never decided here — the facade does
 * that; the flags computed here only choose which forms to show.
 */
@Component
class MemberPageSupport {

    /** The most units or enterprises a picker lists; beyond that the user types a code. */
    static final int PICKER_LIMIT = 200;

    static final List<String> LEAVE_REASONS = List.of("RETIRED", "VOLUNTARY", "DECEASED", "REMOVED", "EXPELLED");
    static final List<String> CONTRACT_TYPES = List.of("INDEFINITE", "FIXED_12_36", "FIXED_UNDER_12", "NONE");
    static final List<String> STATUSES = List.of("ACTIVE", "WITHOUT_UNIT", "LEFT", "REMOVED");

    private static final Set<String> INPUT_FIELDS = Stream.of(MemberInput.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final Members members;
    private final OrgTree tree;
    private final Enterprises enterprises;
    private final MessageSource messages;
    private final Clock clock;

    MemberPageSupport(Members members, OrgTree tree, Enterprises enterprises, MessageSource messages, Clock clock) {
        this.members = members;
        this.tree = tree;
        this.enterprises = enterprises;
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return Dates.today(clock);
    }

    /** Open units where the caller holds the permission (at most {@link #PICKER_LIMIT}), top levels first. */
    List<OrgUnitView> units(AccessScope scope, String permission) {
        if (!scope.can(permission)) {
            return List.of();
        }
        return tree.search("", permission, scope, PICKER_LIMIT);
    }

    /** The unit open today with this code, if any (scope is checked by whoever uses it). */
    @Nullable
    Long unitIdByCode(@Nullable String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return null;
        }
        return tree.findByCode(code).map(OrgUnitView::id).orElse(null);
    }

    boolean within(long unitId, AccessScope scope, String permission) {
        return scope.can(permission) && tree.isWithin(unitId, scope.roots(permission));
    }

    /** Enterprises the caller may see, by name, for the workplace pickers. */
    List<EnterpriseView> enterprises(AccessScope scope) {
        if (!scope.can(Enterprises.READ)) {
            return List.of();
        }
        return enterprises.search(EnterpriseFilter.all(), scope).items();
    }

    void codeLists(Model model, AccessScope scope) {
        model.addAttribute("contractTypes", CONTRACT_TYPES);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("enterpriseChoices", enterprises(scope));
        if (scope.can(Members.SENSITIVE)) {
            model.addAttribute("ethnicities", Ethnicities.all());
        }
        model.addAttribute("mayReadSensitive", scope.can(Members.SENSITIVE));
        model.addAttribute("today", Dates.format(today()));
    }

    /** The member page: the record without its sensitive part, its history, and the forms the caller may use. */
    String memberPage(long id, AccessScope scope, HttpServletRequest request, Model model) {
        MemberDetail m = members.get(id, false, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        model.addAttribute("member", m);
        model.addAttribute("history", members.history(id, scope));
        boolean canWrite = within(m.lastUnitId(), scope, Members.WRITE);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("canSensitive", within(m.lastUnitId(), scope, Members.SENSITIVE));
        boolean current = m.active() || "WITHOUT_UNIT".equals(m.status());
        model.addAttribute("current", current);
        var pending = m.pendingTransfer();
        model.addAttribute("canCancelTransfer", pending != null && canWrite);
        model.addAttribute("canAcceptTransfer", pending != null && within(pending.toUnitId(), scope, Members.WRITE));
        if (canWrite && m.active() && pending == null) {
            model.addAttribute("transferUnits", units(scope, Members.READ));
        }
        if (canWrite && !current) {
            model.addAttribute("restoreUnits", units(scope, Members.WRITE));
        }
        model.addAttribute("leaveReasons", LEAVE_REASONS);
        // After recording a referral the page opens with the sensitive part loaded again (a logged read).
        model.addAttribute("autoSensitive", "sensitive".equals(request.getParameter("show")));
        model.addAttribute("today", Dates.format(today()));
        if (!model.containsAttribute("actionErrors")) {
            model.addAttribute("actionErrors", Map.of());
            model.addAttribute("values", Map.of());
            model.addAttribute("action", "");
        }
        return "membership/member";
    }

    /** Puts each problem next to its field of a {@link MemberInput} form; others become form-wide errors. */
    static void reject(List<FieldProblem> problems, BindingResult errors) {
        for (FieldProblem p : problems) {
            if (INPUT_FIELDS.contains(p.field())) {
                if (!errors.hasFieldErrors(p.field())) {
                    errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
                }
            } else {
                errors.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    /** Field → translated message (the first problem of each field). */
    Map<String, String> messagesByField(List<FieldProblem> problems, HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            out.putIfAbsent(p.field(), message(request, p.messageKey(), p.args()));
        }
        return out;
    }

    String message(HttpServletRequest request, String key, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        return messages.getMessage(key, args, key, locale);
    }

    /** A typed date (dd/MM/yyyy or ISO), or a problem for the field when it is missing or not a date. */
    static @Nullable LocalDate date(@Nullable String raw, String field, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "members.date.required"));
            return null;
        }
        LocalDate d = Dates.parse(raw);
        if (d == null || d.getYear() < 1900) {
            problems.add(new FieldProblem(field, "member.date.format", raw));
            return null;
        }
        return d;
    }

    /** The record as the edit form shows it (dates dd/MM/yyyy; the sensitive part only when it was read). */
    static MemberInput toInput(MemberDetail m) {
        MemberDetail.Sensitive s = m.sensitive();
        return new MemberInput(
                m.fullName(),
                m.sex(),
                Dates.format(m.birthDate()),
                null,
                m.phone(),
                m.email(),
                m.nationality(),
                m.homeTown(),
                m.residence(),
                m.education(),
                m.qualification(),
                m.theoryLevel(),
                m.enterpriseId(),
                m.jobTitle(),
                m.contractType(),
                Dates.format(m.joinedOn()),
                m.unitId(),
                m.unionPosition(),
                m.admissionDecision(),
                s == null ? null : s.ethnicity(),
                s == null ? null : s.religion(),
                s == null ? null : s.partyMember(),
                s == null || s.partyJoinedOn() == null ? null : Dates.format(s.partyJoinedOn()),
                s == null ? null : s.healthNote(),
                s == null || s.salaryBasis() == null ? null : String.valueOf(s.salaryBasis()),
                s == null ? null : s.bankAccount());
    }

    /**
     * For handlers aimed at one record: a caller without the permission learns nothing about the record, so the answer
     * is 404 (as for a record outside their scope), not 403.
     */
    static void requireOrNotFound(AccessScope scope, String permission) {
        if (!scope.can(permission)) {
            throw new vn.congdoan.membership.MemberNotFoundException();
        }
    }
}
