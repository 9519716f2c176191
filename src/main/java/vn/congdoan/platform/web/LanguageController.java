package vn.congdoan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the interface language (a cookie) and returns to the page the user was on. */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/language")
    String switchLanguage(
            @RequestParam(defaultValue = "vi") String lang,
            @RequestParam(defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        locales.setLocale(request, response, locale);
        // Only a path on this site: never an open redirect.
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : "/");
    }
}
