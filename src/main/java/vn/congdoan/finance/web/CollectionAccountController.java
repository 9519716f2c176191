package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.internal.accounts.CollectionAccounts;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;

/**
 * The collection bank accounts of the units in scope (for the VietQR codes), and the form with which an accountant
 * sets their own unit's.
 */
@Controller
class CollectionAccountController {

    private final CollectionAccounts accounts;
    private final OrgTree tree;
    private final MessageSource messages;

    CollectionAccountController(CollectionAccounts accounts, OrgTree tree, MessageSource messages) {
        this.accounts = accounts;
        this.tree = tree;
        this.messages = messages;
    }

    @GetMapping("/finance/fund/accounts")
    String list(@RequestParam(required = false) @Nullable Long edit, AccessScope scope, Model model) {
        scope.require(FeeRules.READ);
        Map<String, String> values = new LinkedHashMap<>();
        if (edit != null) {
            // "Correct" on a row: the form filled with the stored account and its version.
            accounts.inScope(scope).stream()
                    .filter(a -> a.id() == edit)
                    .findFirst()
                    .ifPresent(a -> {
                        values.put("unitId", String.valueOf(a.unitId()));
                        values.put("purpose", a.purpose());
                        values.put("bin", a.bin());
                        values.put("bankName", a.bankName());
                        values.put("accountNo", a.accountNo());
                        values.put("accountName", a.accountName());
                        values.put("version", String.valueOf(a.version()));
                    });
        }
        return show(scope, model, Map.of(), values);
    }

    private String show(AccessScope scope, Model model, Map<String, List<String>> errors, Map<String, String> values) {
        model.addAttribute("accounts", accounts.inScope(scope));
        List<Map<String, Object>> units = new ArrayList<>();
        for (Long root : scope.roots(FeeRules.POST)) {
            tree.find(root).ifPresent(u -> units.add(Map.of("id", u.id(), "name", u.name())));
        }
        model.addAttribute("postUnits", units);
        model.addAttribute(
                "editable",
                accounts.inScope(scope).stream()
                        .filter(a -> scope.roots(FeeRules.POST).stream()
                                .anyMatch(r -> tree.isWithin(a.unitId(), List.of(r))))
                        .map(CollectionAccounts.Account::id)
                        .toList());
        model.addAttribute("purposes", CollectionAccounts.PURPOSES);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "finance/fund/accounts";
    }

    @PostMapping("/finance/fund/accounts")
    String save(
            @RequestParam long unitId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String bin,
            @RequestParam(required = false) @Nullable String bankName,
            @RequestParam(required = false) @Nullable String accountNo,
            @RequestParam(required = false) @Nullable String accountName,
            @RequestParam(required = false) @Nullable Integer version,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        try {
            accounts.save(
                    new CollectionAccounts.SaveAccount(
                            unitId,
                            purpose == null ? "" : purpose,
                            bin,
                            bankName,
                            accountNo,
                            accountName,
                            version == null || version < 0 ? null : version),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (FinanceRejectedException e) {
            Locale locale = RequestContextUtils.getLocale(request);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                        .add(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("unitId", String.valueOf(unitId));
            values.put("purpose", purpose == null ? "" : purpose);
            values.put("bin", bin == null ? "" : bin);
            values.put("bankName", bankName == null ? "" : bankName);
            values.put("accountNo", accountNo == null ? "" : accountNo);
            values.put("accountName", accountName == null ? "" : accountName);
            values.put("version", String.valueOf(version == null ? -1 : version));
            if (errors.containsKey("version")) {
                throw new StaleAccount();
            }
            return show(scope, model, errors, values);
        }
        flash.addFlashAttribute("notice", "fund.accounts.done");
        return "redirect:/finance/fund/accounts";
    }

    /** The account was changed by someone else meanwhile: the conflict page, 409. */
    static final class StaleAccount extends RuntimeException {
        StaleAccount() {
            super(null, null, false, false);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(StaleAccount.class)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CONFLICT)
    String stale(Model model) {
        return "finance/fund/accounts-conflict";
    }
}
