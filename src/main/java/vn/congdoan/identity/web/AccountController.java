package vn.congdoan.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;

/** The user's own account page: roles held and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String account(AccessScope scope, Model model) {
        model.addAttribute("tokens", accounts.tokens(scope));
        return "identity/account";
    }

    @PostMapping("/tokens")
    String createToken(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "90") String days,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        try {
            int validDays = parseDays(days);
            model.addAttribute(
                    "created", accounts.createToken(name, validDays, scope, scope.actor(request.getRemoteAddr())));
        } catch (BusinessException e) {
            model.addAttribute("problem", e.messageKey());
            model.addAttribute("tokenName", name);
        }
        // The secret is rendered once in this response and never stored in a flash attribute or the session.
        return account(scope, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, AccessScope scope, HttpServletRequest request, RedirectAttributes flash) {
        accounts.revokeToken(id, scope, scope.actor(request.getRemoteAddr()));
        flash.addFlashAttribute("notice", "identity.token.revoked");
        return "redirect:/account";
    }

    private static int parseDays(String days) {
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException("identity.token.daysRange");
        }
    }
}
