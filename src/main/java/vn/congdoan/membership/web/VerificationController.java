package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.congdoan.membership.MemberCards;
import vn.congdoan.shared.Dates;

/**
 * The public page behind the e-card's QR code (no login). Always answers 200 — a forged, garbled, unknown or ended
 * card and a member who is no longer active all read "not valid", so the answer tells nothing about why. Never
 * stored by a shared cache, never indexed, no referrer sent on.
 */
@Controller
class VerificationController {

    private final MemberCards cards;
    private final Clock clock;

    VerificationController(MemberCards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("verification", cards.verify(token));
        model.addAttribute("checkedAt", ZonedDateTime.now(clock.withZone(Dates.ZONE)));
        return "membership/card-verify";
    }
}
