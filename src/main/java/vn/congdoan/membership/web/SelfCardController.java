package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.congdoan.membership.MemberCards;
import vn.congdoan.shared.AccessScope;

/** A member's own e-card (self-service, {@code self.read}): the account must be linked to a member record. */
@Controller
class SelfCardController {

    private final MemberCards cards;

    SelfCardController(MemberCards cards) {
        this.cards = cards;
    }

    @GetMapping("/me/card")
    String page(AccessScope scope, Model model) {
        model.addAttribute("cardPanel", cards.own(scope).orElse(null));
        return "membership/my-card";
    }

    @GetMapping("/me/card.png")
    ResponseEntity<byte[]> png(AccessScope scope, HttpServletRequest request) {
        return CardController.file(cards.ownPng(CardController.baseUrl(request), scope), false);
    }

    @GetMapping("/me/card.pdf")
    ResponseEntity<byte[]> pdf(AccessScope scope, HttpServletRequest request) {
        return CardController.file(cards.ownPdf(CardController.baseUrl(request), scope), true);
    }
}
