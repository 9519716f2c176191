package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.membership.HistoryEntry;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.ForbiddenException;

/**
 * A member's own record (self-service, {@code self.read}): profile with the CCCD masked, own history, a link to the
 * own card, and requests to correct phone or residence, which the unit confirms.
 */
@Controller
class SelfServiceController {

    private final Members members;
    private final MemberPageSupport support;

    SelfServiceController(Members members, MemberPageSupport support) {
        this.members = members;
        this.support = support;
    }

    @GetMapping("/me")
    String me(AccessScope scope, Model model) {
        scope.require(Members.SELF);
        Optional<MemberDetail> me = members.own(scope);
        model.addAttribute("member", me.orElse(null));
        if (me.isPresent()) {
            List<HistoryEntry> history = ownHistory(me.get().id(), scope);
            model.addAttribute("history", history);
            model.addAttribute("pending", pendingFields(history));
        }
        if (!model.containsAttribute("correctionErrors")) {
            model.addAttribute("correctionErrors", Map.of());
        }
        return "membership/me";
    }

    @PostMapping("/me/corrections")
    String requestCorrection(
            @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String value,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        scope.require(Members.SELF);
        try {
            members.requestCorrection(
                    field == null ? "" : field,
                    value == null ? "" : value,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("memberNotice", support.message(request, "members.me.requested"));
            return "redirect:/me";
        } catch (MemberRejectedException e) {
            response.setStatus(422);
            model.addAttribute("correctionErrors", support.messagesByField(e.problems(), request));
            model.addAttribute("correctionField", field);
            model.addAttribute("correctionValue", value);
            return me(scope, model);
        }
    }

    /**
     * The member's history. The facade's {@code history} asks for {@code member.read}; until it also serves the
     * caller's own record under {@code self.read}, a member without it sees no history here.
     */
    private @Nullable List<HistoryEntry> ownHistory(long id, AccessScope scope) {
        try {
            return members.history(id, scope);
        } catch (ForbiddenException e) {
            return null;
        }
    }

    /** Fields with a correction still waiting: the last correction event of the field is a request. */
    static Map<String, Boolean> pendingFields(@Nullable List<HistoryEntry> history) {
        Map<String, Boolean> pending = new HashMap<>();
        if (history == null) {
            return pending;
        }
        for (HistoryEntry e : history) {
            if (e.note() != null && e.kind().startsWith("CORRECTION_")) {
                pending.put(e.note(), "CORRECTION_REQUESTED".equals(e.kind()));
            }
        }
        return pending;
    }
}
