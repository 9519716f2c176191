package vn.congdoan.membership.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.membership.MemberCounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/** Member counts for the tree browser, and the list of members left without a unit by a closure. */
@Controller
class MembersController {

    static final int PAGE = 100;

    private final MemberCounts counts;
    private final Clock clock;

    MembersController(MemberCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /** The unit page's member panel (an htmx fragment): members of the subtree on the date. */
    @GetMapping("/members/subtree/{unitId}")
    String subtree(
            @PathVariable long unitId,
            @RequestParam(required = false) @Nullable String asOf,
            AccessScope scope,
            Model model) {
        model.addAttribute("members", counts.subtree(unitId, date(asOf), scope));
        return "membership/subtree :: panel";
    }

    @GetMapping("/members/without-unit")
    String withoutUnit(
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(defaultValue = "1") int page,
            AccessScope scope,
            Model model) {
        scope.require(MemberCounts.READ);
        LocalDate d = date(asOf);
        int p = Math.max(1, page);
        long total = counts.countWithoutUnit(d, scope);
        model.addAttribute("asOf", d);
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("members", counts.withoutUnit(d, scope, (p - 1) * PAGE, PAGE));
        return "membership/without-unit";
    }

    private LocalDate date(@Nullable String raw) {
        LocalDate d = Dates.parse(raw);
        return d == null ? Dates.today(clock) : d;
    }
}
