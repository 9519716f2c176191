package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.StaleMemberException;
import vn.congdoan.membership.TransferView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.FieldProblem;

/**
 * What happens to a member after admission, from the member page and the two inboxes: transfer (release, accept,
 * cancel), leaving, restoring, Party referrals, and self-service corrections waiting for the unit. A refused action
 * shows the member page again with the reason next to the field.
 */
@Controller
@RequestMapping("/members")
class MemberLifecycleController {

    private final Members members;
    private final MemberPageSupport support;

    MemberLifecycleController(Members members, MemberPageSupport support) {
        this.members = members;
        this.support = support;
    }

    @PostMapping("/{id}/transfer")
    String transfer(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String toUnitCode,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        MemberPageSupport.requireOrNotFound(scope, Members.WRITE);
        Map<String, String> values = values("toUnitCode", toUnitCode, "on", on, "note", note);
        List<FieldProblem> problems = new ArrayList<>();
        Long toUnit = support.unitIdByCode(toUnitCode);
        if (toUnit == null) {
            problems.add(new FieldProblem("toUnitId", "member.transfer.unitUnknown"));
        }
        LocalDate date = MemberPageSupport.date(on, "on", problems);
        if (note != null && note.length() > 500) {
            problems.add(new FieldProblem("note", "member.text.tooLong", 500));
        }
        return act(id, "transfer", values, problems, scope, request, response, model, flash, () -> {
            TransferView t = members.transfer(
                    id,
                    MemberController.parseVersion(version),
                    new Members.TransferCommand(toUnit, date, note),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            return "ACCEPTED".equals(t.status())
                    ? support.message(request, "members.transfer.done", t.toUnitName())
                    : support.message(request, "members.transfer.released", t.toUnitName());
        });
    }

    @PostMapping("/{id}/leave")
    String leave(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        MemberPageSupport.requireOrNotFound(scope, Members.WRITE);
        Map<String, String> values = values("reason", reason, "on", on, "decision", decision, "note", note);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || !MemberPageSupport.LEAVE_REASONS.contains(reason)) {
            problems.add(new FieldProblem("reason", "member.leave.reason"));
        }
        LocalDate date = MemberPageSupport.date(on, "on", problems);
        return act(id, "leave", values, problems, scope, request, response, model, flash, () -> {
            members.leave(
                    id,
                    MemberController.parseVersion(version),
                    new Members.LeaveCommand(reason, date, decision, note),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            return support.message(request, "members.left");
        });
    }

    @PostMapping("/{id}/restore")
    String restore(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String unitId,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        MemberPageSupport.requireOrNotFound(scope, Members.WRITE);
        Map<String, String> values = values("unitId", unitId, "on", on);
        List<FieldProblem> problems = new ArrayList<>();
        Long unit = parseId(unitId);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", "member.unit.required"));
        }
        LocalDate date = MemberPageSupport.date(on, "on", problems);
        return act(id, "restore", values, problems, scope, request, response, model, flash, () -> {
            members.restore(
                    id,
                    MemberController.parseVersion(version),
                    unit,
                    date,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            return support.message(request, "members.restored");
        });
    }

    /** Records an introduction to the Party (sensitive); back to the member page with the sensitive part open. */
    @PostMapping("/{id}/referrals")
    String addReferral(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String introducedOn,
            @RequestParam(required = false) @Nullable String unitCode,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        MemberPageSupport.requireOrNotFound(scope, Members.SENSITIVE);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = MemberPageSupport.date(introducedOn, "introducedOn", problems);
        Long unit = unitCode == null || unitCode.isBlank()
                ? members.get(id, false, scope, scope.actor(request.getRemoteAddr()), "PAGE")
                        .lastUnitId()
                : support.unitIdByCode(unitCode);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", "member.unit.outOfScope"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new MemberRejectedException(problems);
            }
            members.addPartyReferral(id, date, unit, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("memberNotice", support.message(request, "members.referral.added"));
        } catch (MemberRejectedException e) {
            flash.addFlashAttribute("referralErrors", support.messagesByField(e.problems(), request));
        }
        return "redirect:/members/" + id + "?show=sensitive#sensitive-section";
    }

    @PostMapping("/referrals/{id}/outcome")
    String referralOutcome(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String memberId,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        scope.require(Members.SENSITIVE);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = MemberPageSupport.date(on, "outcomeOn", problems);
        try {
            if (!problems.isEmpty()) {
                throw new MemberRejectedException(problems);
            }
            members.setPartyReferralOutcome(
                    id, outcome == null ? "" : outcome, date, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("memberNotice", support.message(request, "members.referral.decided"));
        } catch (MemberRejectedException e) {
            flash.addFlashAttribute("referralErrors", support.messagesByField(e.problems(), request));
        }
        Long member = parseId(memberId);
        // memberId only chooses where to go back to; the facade checked the referral's own member.
        return member == null
                ? "redirect:/members"
                : "redirect:/members/" + member + "?show=sensitive#sensitive-section";
    }

    // ---- transfers inbox

    @GetMapping("/transfers")
    String transfers(AccessScope scope, Model model) {
        scope.require(Members.WRITE);
        model.addAttribute("transfers", members.incomingTransfers(scope));
        model.addAttribute("today", vn.congdoan.shared.Dates.format(support.today()));
        return "membership/transfers";
    }

    @PostMapping("/transfers/{id}/accept")
    String acceptTransfer(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String on,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        scope.require(Members.WRITE);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = MemberPageSupport.date(on, "on", problems);
        try {
            if (!problems.isEmpty()) {
                throw new MemberRejectedException(problems);
            }
            TransferView t = members.acceptTransfer(id, date, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute(
                    "memberNotice",
                    support.message(request, "members.transfer.accepted", t.fullName(), t.memberCode()));
        } catch (MemberRejectedException e) {
            flash.addFlashAttribute("memberProblem", firstMessage(e.problems(), request));
        } catch (vn.congdoan.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("memberProblem", support.message(request, e.messageKey(), e.args()));
        }
        return "redirect:/members/transfers";
    }

    /** Either side withdraws (sending) or refuses (receiving) a pending transfer. */
    @PostMapping("/transfers/{id}/cancel")
    String cancelTransfer(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String back,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        scope.require(Members.WRITE);
        TransferView t = members.cancelTransfer(id, scope, scope.actor(request.getRemoteAddr()));
        flash.addFlashAttribute("memberNotice", support.message(request, "members.transfer.cancelled"));
        return "member".equals(back) ? "redirect:/members/" + t.memberId() : "redirect:/members/transfers";
    }

    // ---- self-service corrections waiting for the unit

    @GetMapping("/corrections")
    String corrections(AccessScope scope, Model model) {
        scope.require(Members.WRITE);
        model.addAttribute("corrections", members.pendingCorrections(scope));
        model.addAttribute("zone", vn.congdoan.shared.Dates.ZONE);
        return "membership/corrections";
    }

    @PostMapping("/corrections/{id}")
    String decideCorrection(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        scope.require(Members.WRITE);
        boolean confirm = "confirm".equals(decision);
        members.decideCorrection(id, confirm, scope, scope.actor(request.getRemoteAddr()));
        flash.addFlashAttribute(
                "memberNotice",
                support.message(request, confirm ? "members.correction.confirmed" : "members.correction.rejected"));
        return "redirect:/members/corrections";
    }

    // ---- helpers

    /** An action of the member page: done → back to the page with a notice; refused → the page with the reasons. */
    private String act(
            long id,
            String action,
            Map<String, String> values,
            List<FieldProblem> problems,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Action body) {
        try {
            if (!problems.isEmpty()) {
                throw new MemberRejectedException(problems);
            }
            flash.addFlashAttribute("memberNotice", body.run());
            return "redirect:/members/" + id;
        } catch (StaleMemberException e) {
            response.setStatus(409);
            model.addAttribute("member", members.get(id, false, scope, scope.actor(request.getRemoteAddr()), "PAGE"));
            return "membership/conflict";
        } catch (MemberRejectedException e) {
            return refused(
                    id,
                    action,
                    values,
                    support.messagesByField(e.problems(), request),
                    scope,
                    request,
                    response,
                    model);
        } catch (vn.congdoan.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            return refused(
                    id,
                    action,
                    values,
                    Map.of("", support.message(request, e.messageKey(), e.args())),
                    scope,
                    request,
                    response,
                    model);
        }
    }

    private String refused(
            long id,
            String action,
            Map<String, String> values,
            Map<String, String> errors,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(422);
        model.addAttribute("action", action);
        model.addAttribute("actionErrors", errors);
        model.addAttribute("values", values);
        return support.memberPage(id, scope, request, model);
    }

    private String firstMessage(List<FieldProblem> problems, HttpServletRequest request) {
        return support.messagesByField(problems, request).values().iterator().next();
    }

    private static Map<String, String> values(@Nullable String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return m;
    }

    private static @Nullable Long parseId(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Action {
        String run();
    }
}
