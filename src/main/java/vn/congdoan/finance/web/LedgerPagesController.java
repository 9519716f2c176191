package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/**
 * A unit's journal (read), one posting with its entries, and the reversal form. Reading needs {@code finance.read}
 * or {@code finance.inspect} over the unit; every inspector view is audit-logged. Reversing needs {@code
 * finance.post} over the posting's unit; the page answers 404 to anyone else, as for any finance record they may not
 * act on. The reversal form carries a one-time token used as the idempotency key, so a double click reverses once.
 */
@Controller
class LedgerPagesController {

    static final Set<String> KINDS = Set.of(Ledger.RECEIPT, Ledger.SPENDING, Ledger.REVERSAL);

    private final Ledger ledger;
    private final FinanceAccess access;
    private final OrgTree tree;
    private final MessageSource messages;
    private final Clock clock;

    LedgerPagesController(Ledger ledger, FinanceAccess access, OrgTree tree, MessageSource messages, Clock clock) {
        this.ledger = ledger;
        this.access = access;
        this.tree = tree;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/finance/units/{unitId}/ledger")
    String journal(
            @PathVariable long unitId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        access.requireRead(scope, unitId, "unit", unitId);
        OrgUnitView unit = tree.find(unitId).orElseThrow(() -> new FinanceNotFoundException("unit", unitId));
        LocalDate f = Dates.parse(from);
        LocalDate t = Dates.parse(to);
        List<String> problems = new ArrayList<>();
        if (from != null && !from.isBlank() && f == null) {
            problems.add(message("finance.period.invalid", request));
        }
        if (to != null && !to.isBlank() && t == null) {
            problems.add(message("finance.period.invalid", request));
        }
        if (f != null && t != null && t.isBefore(f)) {
            problems.add(message("finance.period.order", request));
            t = null;
        }
        String k = kind != null && KINDS.contains(kind) ? kind : null;
        LocalDate toExclusive = t == null ? null : t.plusDays(1);
        Ledger.PostingPage result =
                ledger.journal(new Ledger.JournalFilter(unitId, f, toExclusive, k, Math.max(0, page)), scope);
        LocalDate totalsFrom = f == null ? LocalDate.of(2000, 1, 1) : f;
        LocalDate totalsTo = toExclusive == null ? Dates.today(clock).plusDays(1) : toExclusive;
        model.addAttribute("totals", ledger.totals(unitId, totalsFrom, totalsTo, scope));
        access.logInspection(scope, scope.actor(request.getRemoteAddr()), unitId, "ledger", unit.name());
        model.addAttribute("unit", unit);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(Row::of).toList());
        model.addAttribute("pages", (result.total() + result.pageSize() - 1) / result.pageSize());
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("kind", k);
        model.addAttribute("problems", problems);
        model.addAttribute("allTime", f == null && t == null);
        List<OrgUnitView> children = new ArrayList<>();
        if (scope.can(OrgTree.READ)) {
            for (OrgUnitView c : tree.children(unitId, scope)) {
                if (access.canRead(scope, c.id())) {
                    children.add(c);
                }
            }
        }
        model.addAttribute("children", children);
        Long parent = unit.parentId();
        model.addAttribute(
                "parent",
                parent != null && access.canRead(scope, parent)
                        ? tree.find(parent).orElse(null)
                        : null);
        return "finance/ledger";
    }

    @GetMapping("/finance/postings/{id}")
    String posting(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return show(id, scope, request, model, Map.of(), "");
    }

    private String show(
            long id,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            Map<String, List<String>> errors,
            String reason) {
        Ledger.PostingView p = ledger.posting(id, scope);
        access.logInspection(scope, scope.actor(request.getRemoteAddr()), p.unitId(), "posting", p.unitName());
        model.addAttribute("p", p);
        model.addAttribute("original", p.reversesId() == null ? null : ledger.posting(p.reversesId(), scope));
        model.addAttribute(
                "canReverse",
                access.holds(scope, FeeRules.POST, p.unitId())
                        && p.reversedById() == null
                        && !Ledger.REVERSAL.equals(p.kind()));
        model.addAttribute("token", "reverse-form:" + UUID.randomUUID());
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        return "finance/posting";
    }

    @PostMapping("/finance/postings/{id}/reverse")
    String reverse(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String token,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        Ledger.PostingView p = ledger.posting(id, scope);
        if (!access.holds(scope, FeeRules.POST, p.unitId())) {
            throw new FinanceNotFoundException("posting", id);
        }
        try {
            if (token == null || !token.startsWith("reverse-form:")) {
                throw new FinanceRejectedException(new FieldProblem("token", "finance.form.token"));
            }
            Ledger.PostingView r = ledger.reverse(
                    id, reason == null ? "" : reason, token, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "finance.reversal.done");
            return "redirect:/finance/postings/" + r.id();
        } catch (FinanceRejectedException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (FieldProblem fp : e.problems()) {
                errors.computeIfAbsent(fp.field(), x -> new ArrayList<>())
                        .add(messages.getMessage(fp.messageKey(), fp.args(), RequestContextUtils.getLocale(request)));
            }
            return show(id, scope, request, model, errors, reason == null ? "" : reason);
        }
    }

    /** A journal line: the posting and its kept / upper / spent parts, formatted. */
    record Row(Ledger.PostingView p, String kept, String upper, String spent) {
        static Row of(Ledger.PostingView p) {
            vn.congdoan.shared.Money kept = vn.congdoan.shared.Money.ZERO;
            vn.congdoan.shared.Money upper = vn.congdoan.shared.Money.ZERO;
            vn.congdoan.shared.Money spent = vn.congdoan.shared.Money.ZERO;
            for (Ledger.EntryView e : p.entries()) {
                switch (e.account()) {
                    case Ledger.SHARE_KEPT -> kept = kept.plus(e.amount());
                    case Ledger.SHARE_UPPER -> upper = upper.plus(e.amount());
                    default -> spent = spent.plus(e.amount());
                }
            }
            return new Row(
                    p,
                    kept.isZero() ? "" : kept.format(),
                    upper.isZero() ? "" : upper.format(),
                    spent.isZero() ? "" : spent.format());
        }
    }

    private String message(String key, HttpServletRequest request) {
        return messages.getMessage(key, null, RequestContextUtils.getLocale(request));
    }
}
