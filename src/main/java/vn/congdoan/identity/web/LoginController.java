package vn.congdoan.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security handles the POST. A signed-in user is sent home. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String throttled,
            @RequestParam(required = false) @Nullable String logout,
            Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal())) {
            return "redirect:/";
        }
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loggedOut", logout != null);
        if (throttled != null) {
            // Minutes left, as the failure handler computed them; anything else shows the generic wording.
            model.addAttribute("throttledMinutes", throttled.matches("\\d{1,3}") ? Integer.parseInt(throttled) : 0);
        }
        return "identity/login";
    }
}
