package vn.congdoan.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.CreateUserCommand;
import vn.congdoan.identity.GrantRoleCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;

/** The account administration pages: list, create, grant and revoke roles, enable and disable. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final Accounts accounts;
    private final OrgTree tree;

    UserAdminController(Accounts accounts, OrgTree tree) {
        this.accounts = accounts;
        this.tree = tree;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        scope.require(Accounts.MANAGE);
        model.addAttribute("users", accounts.list(q, page, scope));
        model.addAttribute("q", q);
        model.addAttribute("page", Math.max(0, page));
        return "identity/users";
    }

    @GetMapping("/new")
    String newUser(AccessScope scope, Model model) {
        scope.require(Accounts.MANAGE);
        model.addAttribute("form", new CreateUserCommand("", "", "", "UNIT_OFFICER", ""));
        return form(scope, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") CreateUserCommand form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(Accounts.MANAGE);
        if (errors.hasErrors()) {
            return form(scope, model);
        }
        try {
            long id = accounts.create(form, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "identity.user.created");
            return "redirect:/admin/users/" + id;
        } catch (BusinessException e) {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
            return form(scope, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, AccessScope scope, Model model) {
        model.addAttribute("user", accounts.get(id, scope));
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", new GrantRoleCommand("UNIT_OFFICER", ""));
        }
        model.addAttribute("roles", accounts.roles());
        model.addAttribute("units", tree.search("", Accounts.MANAGE, scope, 200));
        return "identity/user";
    }

    @PostMapping("/{id}/grants")
    String grant(
            @PathVariable long id,
            @Valid @ModelAttribute("grantForm") GrantRoleCommand form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        accounts.get(id, scope);
        if (!errors.hasErrors()) {
            try {
                accounts.grant(id, form, scope, scope.actor(request.getRemoteAddr()));
                flash.addFlashAttribute("notice", "identity.grant.added");
                return "redirect:/admin/users/" + id;
            } catch (BusinessException e) {
                errors.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        return detail(id, scope, model);
    }

    @PostMapping("/{id}/grants/{grantId}/revoke")
    String revoke(
            @PathVariable long id,
            @PathVariable long grantId,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            accounts.revoke(id, grantId, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "identity.grant.revoked");
        } catch (vn.congdoan.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    /** A grant in review after a restructuring: move it to the suggested successor unit. */
    @PostMapping("/{id}/grants/{grantId}/repoint")
    String repoint(
            @PathVariable long id,
            @PathVariable long grantId,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            accounts.repoint(id, grantId, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "identity.grant.repointed");
        } catch (vn.congdoan.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @RequestParam int version,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            accounts.setEnabled(id, enabled, version, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", enabled ? "identity.user.enabled" : "identity.user.disabled");
        } catch (vn.congdoan.shared.NotFoundException e) {
            throw e;
        } catch (BusinessException e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    private String form(AccessScope scope, Model model) {
        model.addAttribute("roles", accounts.roles());
        model.addAttribute("units", tree.search("", Accounts.MANAGE, scope, 200));
        return "identity/user-new";
    }
}
