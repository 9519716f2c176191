package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.congdoan.membership.CardFile;
import vn.congdoan.membership.CardRejectedException;
import vn.congdoan.membership.MemberCards;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/**
 * The member page's card panel (an htmx fragment) and its actions, the e-card as PNG / PDF, and the print sheet
 * for members ticked on the list. An htmx POST answers with the panel (status 200, with the notice or the reason
 * for refusal); a plain POST redirects to the member page with a flash message.
 */
@Controller
class CardController {

    private final MemberCards cards;
    private final Clock clock;

    CardController(MemberCards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping("/members/{id}/cards")
    String panel(@PathVariable long id, AccessScope scope, Model model) {
        return panel(id, scope, model, null, null);
    }

    @PostMapping("/members/{id}/cards")
    String issue(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(required = false) @Nullable String issuedOn,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        return act(
                id,
                htmx,
                scope,
                model,
                flash,
                "card.issued",
                () -> cards.issue(id, type, date(issuedOn), scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/members/{id}/cards/replace")
    String replace(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long card,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(required = false) @Nullable String issuedOn,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        return act(
                id,
                htmx,
                scope,
                model,
                flash,
                "card.replaced",
                () -> cards.replace(
                        id, card, reason, type, date(issuedOn), scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/members/{id}/cards/revoke")
    String revoke(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long card,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        return act(
                id,
                htmx,
                scope,
                model,
                flash,
                "card.revoked",
                () -> cards.revoke(id, card, scope, scope.actor(request.getRemoteAddr())));
    }

    @PostMapping("/members/{id}/cards/delivered")
    String delivered(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long card,
            @RequestHeader(value = "HX-Request", defaultValue = "false") boolean htmx,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        return act(
                id,
                htmx,
                scope,
                model,
                flash,
                "card.delivered",
                () -> cards.delivered(id, card, scope, scope.actor(request.getRemoteAddr())));
    }

    @GetMapping("/members/{id}/card.png")
    ResponseEntity<byte[]> png(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return file(cards.png(id, baseUrl(request), scope), false);
    }

    @GetMapping("/members/{id}/card.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return file(cards.pdf(id, baseUrl(request), scope), true);
    }

    /** Cards of the members ticked on the list (checkboxes {@code ids}), ten per A4 page. */
    @PostMapping("/members/cards/print")
    Object print(
            @RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            return file(
                    cards.printSheet(
                            ids == null ? List.of() : ids,
                            baseUrl(request),
                            scope,
                            scope.actor(request.getRemoteAddr())),
                    true);
        } catch (CardRejectedException e) {
            flash.addFlashAttribute("problem", e.messageKey());
            return "redirect:/members";
        }
    }

    private String act(
            long id,
            boolean htmx,
            AccessScope scope,
            Model model,
            RedirectAttributes flash,
            String doneKey,
            Runnable action) {
        String notice = null;
        CardRejectedException problem = null;
        try {
            action.run();
            notice = doneKey;
        } catch (CardRejectedException e) {
            problem = e;
        }
        if (!htmx) {
            if (problem != null) {
                flash.addFlashAttribute("problem", problem.messageKey());
            } else {
                flash.addFlashAttribute("notice", notice);
            }
            return "redirect:/members/" + id;
        }
        return panel(id, scope, model, notice, problem);
    }

    private String panel(
            long id, AccessScope scope, Model model, @Nullable String notice, @Nullable CardRejectedException problem) {
        model.addAttribute("cardPanel", cards.panel(id, scope));
        model.addAttribute("cardTypes", MemberCards.TYPES);
        model.addAttribute("cardReasons", MemberCards.REPLACE_REASONS);
        model.addAttribute("cardToday", Dates.today(clock));
        model.addAttribute("cardNotice", notice);
        model.addAttribute("cardProblem", problem == null ? null : problem.messageKey());
        model.addAttribute("cardProblemArgs", problem == null ? null : problem.args());
        return "membership/cards :: panel";
    }

    private LocalDate date(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Dates.today(clock);
        }
        LocalDate d = Dates.parse(raw);
        if (d == null) {
            throw new CardRejectedException("card.date.invalid");
        }
        return d;
    }

    /** Where the QR code's verification address starts when {@code congdoan.public-base-url} is not set. */
    static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** Personal data: never stored by a cache. */
    static ResponseEntity<byte[]> file(CardFile f, boolean attachment) {
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(f.fileName(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(f.content());
    }
}
