package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberFilter;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.StaleMemberException;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;

/**
 * The member register's pages: the filtered list with its exports, admission, the member page (with the CCCD and the
 * sensitive part shown on demand, both logged by the facade) and editing with optimistic locking.
 */
@Controller
@RequestMapping("/members")
class MemberController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Members members;
    private final MemberPageSupport support;

    MemberController(Members members, MemberPageSupport support) {
        this.members = members;
        this.support = support;
    }

    // ---- list and exports

    @GetMapping
    String list(
            @ModelAttribute("filter") ListForm form,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        scope.require(Members.READ);
        List<FieldProblem> problems = new ArrayList<>();
        MemberFilter filter = form.toFilter(support, problems);
        MemberPage result;
        try {
            result = members.search(filter, scope);
        } catch (NotFoundException e) {
            // A unit code outside the caller's scope reads as unknown, like one that does not exist.
            problems.add(new FieldProblem("unit", "members.filter.unitUnknown", form.unit()));
            filter = new MemberFilter(
                    null,
                    filter.q(),
                    filter.status(),
                    filter.sex(),
                    filter.ethnicity(),
                    filter.ageFrom(),
                    filter.ageTo(),
                    filter.enterpriseId(),
                    filter.joinedFrom(),
                    filter.joinedTo(),
                    filter.sort(),
                    filter.page());
            result = members.search(filter, scope);
        }
        model.addAttribute("result", result);
        model.addAttribute(
                "filterProblems",
                problems.stream()
                        .map(p -> support.message(request, p.messageKey(), p.args()))
                        .toList());
        model.addAttribute("unitFiltered", filter.unitId() != null);
        if (filter.unitId() != null) {
            model.addAttribute("ethnicityCounts", members.countByEthnicity(filter.unitId(), scope));
        }
        model.addAttribute("canWrite", scope.can(Members.WRITE));
        model.addAttribute("unitChoices", support.units(scope, Members.READ));
        support.codeLists(model, scope);
        return htmx ? "membership/list :: results" : "membership/list";
    }

    @GetMapping("/export")
    @Nullable
    ModelAndView export(
            @ModelAttribute("filter") ListForm form,
            @RequestParam(defaultValue = "xlsx") String format,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        scope.require(Members.READ);
        return writeExport(form, format, false, null, scope, request, response, flash);
    }

    /** The export with sensitive columns: holders of the permission only, with a stated purpose (logged). */
    @PostMapping("/export")
    @Nullable
    ModelAndView exportSensitive(
            @ModelAttribute("filter") ListForm form,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) @Nullable String purpose,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        scope.require(Members.SENSITIVE);
        return writeExport(form, format, true, purpose, scope, request, response, flash);
    }

    private @Nullable ModelAndView writeExport(
            ListForm form,
            String format,
            boolean sensitive,
            @Nullable String purpose,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        MemberFilter filter = form.toFilter(support, problems).withPage(0);
        boolean csv = "csv".equalsIgnoreCase(format);
        try {
            response.setContentType(csv ? "text/csv;charset=UTF-8" : XLSX);
            response.setHeader(
                    "Content-Disposition",
                    ContentDisposition.attachment()
                            .filename("doan-vien-" + support.today() + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            members.export(
                    filter,
                    csv ? Members.ExportFormat.CSV : Members.ExportFormat.XLSX,
                    sensitive,
                    purpose,
                    response.getOutputStream(),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            return null;
        } catch (BusinessException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            String key = e instanceof MemberRejectedException r && !r.problems().isEmpty()
                    ? r.problems().get(0).messageKey()
                    : e.messageKey();
            Object[] args =
                    e instanceof MemberRejectedException r && !r.problems().isEmpty()
                            ? r.problems().get(0).args()
                            : e.args();
            flash.addFlashAttribute("memberProblem", support.message(request, key, args));
            return new ModelAndView("redirect:" + form.listUrl());
        }
    }

    // ---- admission

    @GetMapping("/new")
    String newForm(AccessScope scope, Model model) {
        scope.require(Members.WRITE);
        MemberInput blank = MemberInput.empty();
        var units = support.units(scope, Members.WRITE);
        if (units.size() == 1) {
            blank = withUnit(blank, units.get(0).id());
        }
        model.addAttribute("form", blank);
        return form(null, scope, model);
    }

    @PostMapping
    String admit(
            @ModelAttribute("form") MemberInput form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(Members.WRITE);
        try {
            MemberDetail m = members.admit(form, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute(
                    "memberNotice", support.message(request, "members.admitted", m.fullName(), m.memberCode()));
            return "redirect:/members/" + m.id();
        } catch (MemberRejectedException e) {
            MemberPageSupport.reject(e.problems(), errors);
            return form(null, scope, model);
        }
    }

    // ---- one member

    @GetMapping("/{id}")
    String member(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return support.memberPage(id, scope, request, model);
    }

    /** The unmasked CCCD, for the "show" button (an htmx fragment); the facade logs the show. */
    @PostMapping("/{id}/cccd")
    String revealCccd(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        model.addAttribute("cccd", members.revealCccd(id, scope, scope.actor(request.getRemoteAddr()), "PAGE"));
        return "membership/member :: cccd";
    }

    /** The sensitive part, loaded on demand (an htmx fragment); the facade logs the read. */
    @GetMapping("/{id}/sensitive")
    String sensitive(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        MemberPageSupport.requireOrNotFound(scope, Members.SENSITIVE);
        MemberDetail m = members.get(id, true, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        if (m.sensitive() == null) {
            throw new vn.congdoan.membership.MemberNotFoundException();
        }
        model.addAttribute("member", m);
        model.addAttribute("s", m.sensitive());
        model.addAttribute("canWrite", support.within(m.lastUnitId(), scope, Members.WRITE));
        model.addAttribute("today", vn.congdoan.shared.Dates.format(support.today()));
        return "membership/sensitive :: sensitive";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        MemberPageSupport.requireOrNotFound(scope, Members.WRITE);
        MemberDetail m = forEdit(id, scope, request);
        MemberInput input = MemberPageSupport.toInput(m);
        // The form shows the full number, so opening it is a logged "show".
        String cccd = members.revealCccd(id, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        model.addAttribute("form", withCccd(input, cccd));
        model.addAttribute("version", m.version());
        return form(m, scope, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") MemberInput form,
            BindingResult errors,
            @RequestParam(required = false) @Nullable String version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        MemberPageSupport.requireOrNotFound(scope, Members.WRITE);
        MemberDetail current = forEdit(id, scope, request);
        int v = parseVersion(version);
        try {
            members.update(id, v, form, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("memberNotice", support.message(request, "members.updated"));
            return "redirect:/members/" + id;
        } catch (MemberRejectedException e) {
            MemberPageSupport.reject(e.problems(), errors);
            model.addAttribute("version", v);
            return form(current, scope, model);
        } catch (StaleMemberException e) {
            response.setStatus(409);
            model.addAttribute("member", current);
            return "membership/conflict";
        }
    }

    private MemberDetail forEdit(long id, AccessScope scope, HttpServletRequest request) {
        MemberDetail m = members.get(id, false, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        if (!support.within(m.lastUnitId(), scope, Members.WRITE)) {
            throw new vn.congdoan.membership.MemberNotFoundException();
        }
        if (support.within(m.lastUnitId(), scope, Members.SENSITIVE)) {
            // The form carries the sensitive fields (else saving would clear them): a logged read.
            m = members.get(id, true, scope, scope.actor(request.getRemoteAddr()), "PAGE");
        }
        return m;
    }

    private String form(@Nullable MemberDetail existing, AccessScope scope, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("unitChoices", existing == null ? support.units(scope, Members.WRITE) : List.of());
        model.addAttribute(
                "sensitiveSection", existing == null ? scope.can(Members.SENSITIVE) : existing.sensitive() != null);
        support.codeLists(model, scope);
        return "membership/form";
    }

    static int parseVersion(@Nullable String version) {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static MemberInput withUnit(MemberInput in, long unitId) {
        return new MemberInput(
                in.fullName(),
                in.sex(),
                in.birthDate(),
                in.cccd(),
                in.phone(),
                in.email(),
                in.nationality(),
                in.homeTown(),
                in.residence(),
                in.education(),
                in.qualification(),
                in.theoryLevel(),
                in.enterpriseId(),
                in.jobTitle(),
                in.contractType(),
                in.joinedOn(),
                unitId,
                in.unionPosition(),
                in.admissionDecision(),
                in.ethnicity(),
                in.religion(),
                in.partyMember(),
                in.partyJoinedOn(),
                in.healthNote(),
                in.salaryBasis(),
                in.bankAccount());
    }

    private static MemberInput withCccd(MemberInput in, String cccd) {
        return new MemberInput(
                in.fullName(),
                in.sex(),
                in.birthDate(),
                cccd,
                in.phone(),
                in.email(),
                in.nationality(),
                in.homeTown(),
                in.residence(),
                in.education(),
                in.qualification(),
                in.theoryLevel(),
                in.enterpriseId(),
                in.jobTitle(),
                in.contractType(),
                in.joinedOn(),
                in.unitId(),
                in.unionPosition(),
                in.admissionDecision(),
                in.ethnicity(),
                in.religion(),
                in.partyMember(),
                in.partyJoinedOn(),
                in.healthNote(),
                in.salaryBasis(),
                in.bankAccount());
    }

    /**
     * The list's filters as typed (all text, so a wrong value is explained instead of failing the request).
     *
     * @param unit a unit code (the subtree)
     * @param enterprise an enterprise id from the picker
     */
    record ListForm(
            @Nullable String unit,
            @Nullable String q,
            @Nullable String status,
            @Nullable String sex,
            @Nullable String ethnicity,
            @Nullable String ageFrom,
            @Nullable String ageTo,
            @Nullable String enterprise,
            @Nullable String joinedFrom,
            @Nullable String joinedTo,
            @Nullable String sort,
            @Nullable String page) {

        MemberFilter toFilter(MemberPageSupport support, List<FieldProblem> problems) {
            Long unitId = null;
            if (unit != null && !unit.isBlank()) {
                unitId = support.unitIdByCode(unit);
                if (unitId == null) {
                    problems.add(new FieldProblem("unit", "members.filter.unitUnknown", unit));
                }
            }
            return new MemberFilter(
                    unitId,
                    q == null || q.isBlank() ? null : (q.length() > 100 ? q.substring(0, 100) : q),
                    blank(status),
                    blank(sex),
                    blank(ethnicity),
                    number(ageFrom, "ageFrom", 0, 120, problems),
                    number(ageTo, "ageTo", 0, 120, problems),
                    longValue(enterprise),
                    optionalDate(joinedFrom, "joinedFrom", problems),
                    optionalDate(joinedTo, "joinedTo", problems),
                    blank(sort),
                    pageNumber(page));
        }

        /** This list's address (for redirects back to it). */
        String listUrl() {
            return UriComponentsBuilder.fromPath("/members")
                    .queryParamIfPresent("unit", opt(unit))
                    .queryParamIfPresent("q", opt(q))
                    .queryParamIfPresent("status", opt(status))
                    .queryParamIfPresent("sex", opt(sex))
                    .queryParamIfPresent("ethnicity", opt(ethnicity))
                    .queryParamIfPresent("ageFrom", opt(ageFrom))
                    .queryParamIfPresent("ageTo", opt(ageTo))
                    .queryParamIfPresent("enterprise", opt(enterprise))
                    .queryParamIfPresent("joinedFrom", opt(joinedFrom))
                    .queryParamIfPresent("joinedTo", opt(joinedTo))
                    .queryParamIfPresent("sort", opt(sort))
                    .encode()
                    .build()
                    .toUriString();
        }

        private static java.util.Optional<String> opt(@Nullable String s) {
            return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s);
        }

        private static @Nullable String blank(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static int pageNumber(@Nullable String s) {
            Integer n = number(s, "page", 0, 1_000_000, new ArrayList<>());
            return n == null ? 0 : n;
        }

        private static @Nullable Integer number(
                @Nullable String s, String field, int min, int max, List<FieldProblem> problems) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                int n = Integer.parseInt(s.strip());
                if (n < min || n > max) {
                    problems.add(new FieldProblem(field, "members.filter.number", s, min, max));
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "members.filter.number", s, min, max));
                return null;
            }
        }

        private static @Nullable Long longValue(@Nullable String s) {
            try {
                return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static @Nullable LocalDate optionalDate(@Nullable String s, String field, List<FieldProblem> problems) {
            if (s == null || s.isBlank()) {
                return null;
            }
            return MemberPageSupport.date(s, field, problems);
        }
    }
}
