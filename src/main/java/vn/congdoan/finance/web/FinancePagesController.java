package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * The finance hub ({@code /finance}), the dated rules page with its add-version form, and the dues calculator page.
 * The rules are public regulations: any signed-in user may read them; adding a version needs {@code finance.rules}.
 * The calculator needs {@code finance.read} (accountants, officers, inspectors), like its API.
 */
@Controller
class FinancePagesController {

    /** The other finance pages the hub links to (each shown to those who may use it; see the template). */
    static final List<String> OTHER_PAGES = List.of(
            "/finance/dues",
            "/finance/dues/statement",
            "/finance/fund",
            "/finance/budgets",
            "/finance/disclosures",
            "/finance/drives",
            "/finance/inspection",
            "/me/dues");

    private final FeeRules rules;
    private final OrgTree tree;
    private final MessageSource messages;
    private final Clock clock;

    FinancePagesController(FeeRules rules, OrgTree tree, MessageSource messages, Clock clock) {
        this.rules = rules;
        this.tree = tree;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/finance")
    String hub(AccessScope scope, Model model) {
        model.addAttribute("pages", OTHER_PAGES);
        List<OrgUnitView> books = new ArrayList<>();
        Set<Long> roots = new TreeSet<>(scope.roots(FeeRules.READ));
        roots.addAll(scope.roots(FeeRules.INSPECT));
        for (long root : roots) {
            tree.find(root).ifPresent(books::add);
        }
        model.addAttribute("books", books);
        model.addAttribute("canRead", scope.can(FeeRules.READ) || scope.can(FeeRules.INSPECT));
        model.addAttribute("canRules", scope.can(FeeRules.RULES));
        model.addAttribute("canInspect", scope.can(FeeRules.INSPECT));
        model.addAttribute("canSelf", scope.can("self.read"));
        return "finance/hub";
    }

    @GetMapping("/finance/rules")
    String rulesPage(AccessScope scope, HttpServletRequest request, Model model) {
        FeeRules.RuleBook book = rules.rules();
        Map<String, String> groups = groupNames();
        Locale locale = RequestContextUtils.getLocale(request);
        LocalDate today = Dates.today(clock);
        Map<String, List<RuleRow>> sections = new LinkedHashMap<>();
        sections.put("base_salary", rows(book.baseSalaries(), groups, locale, today));
        sections.put("dues_rule", rows(book.duesRules(), groups, locale, today));
        sections.put("fund_rule", rows(book.fundRules(), groups, locale, today));
        sections.put("split_rule", rows(book.splitRules(), groups, locale, today));
        model.addAttribute("sections", sections);
        model.addAttribute("canAdd", scope.can(FeeRules.RULES));
        return "finance/rules";
    }

    /** One rule version as the rules page shows it; {@code to} is the last day in force (inclusive). */
    record RuleRow(
            String table,
            long id,
            @Nullable String keyLabel,
            String valueText,
            String from,
            @Nullable String to,
            String documentNo,
            @Nullable String documentDate,
            boolean verified,
            @Nullable String note,
            String state) {}

    private List<RuleRow> rows(
            List<FeeRules.RuleVersion> versions, Map<String, String> groups, Locale locale, LocalDate today) {
        List<RuleRow> out = new ArrayList<>();
        for (FeeRules.RuleVersion v : versions) {
            String keyLabel =
                    switch (v.table()) {
                        case "dues_rule" -> groups.getOrDefault(v.key(), v.key());
                        case "split_rule" -> messages.getMessage("finance.revenue." + v.key(), null, v.key(), locale);
                        default -> null;
                    };
            String value =
                    switch (v.table()) {
                        case "base_salary" ->
                            Money.of(new BigDecimal(v.value())).format();
                        case "dues_rule" -> {
                            String[] parts = v.value().split(";", -1);
                            String cap = parts.length > 2 && !parts[2].isEmpty()
                                    ? messages.getMessage(
                                            "finance.rules.dues.cap", new Object[] {percent(parts[2])}, locale)
                                    : messages.getMessage("finance.rules.dues.noCap", null, locale);
                            yield messages.getMessage(
                                    "finance.rules.dues.value",
                                    new Object[] {
                                        percent(parts[0]),
                                        messages.getMessage("finance.baseKind." + parts[1], null, parts[1], locale),
                                        cap
                                    },
                                    locale);
                        }
                        default -> percent(v.value()) + " %";
                    };
            String state = v.validFrom().isAfter(today)
                    ? "FUTURE"
                    : v.validTo() == null || v.validTo().isAfter(today) ? "CURRENT" : "PAST";
            out.add(new RuleRow(
                    v.table(),
                    v.id(),
                    keyLabel,
                    value,
                    Dates.format(v.validFrom()),
                    v.validTo() == null ? null : Dates.format(v.validTo().minusDays(1)),
                    v.documentNo(),
                    v.documentDate() == null ? null : Dates.format(v.documentDate()),
                    v.verified(),
                    v.note(),
                    state));
        }
        return out;
    }

    /** A fraction as a Vietnamese percentage without trailing zeros: 0.005 → "0,5". */
    static String percent(String fraction) {
        return new BigDecimal(fraction)
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString()
                .replace('.', ',');
    }

    private Map<String, String> groupNames() {
        Map<String, String> names = new LinkedHashMap<>();
        rules.memberGroups().forEach(g -> names.put(g.code(), g.name()));
        return names;
    }

    @GetMapping("/finance/rules/new")
    String newRule(@RequestParam(defaultValue = "dues_rule") String table, AccessScope scope, Model model) {
        scope.require(FeeRules.RULES);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(
                "table",
                Set.of("base_salary", "dues_rule", "fund_rule", "split_rule").contains(table) ? table : "dues_rule");
        return ruleForm(model, values, Map.of());
    }

    private String ruleForm(Model model, Map<String, String> values, Map<String, List<String>> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", rules.memberGroups());
        model.addAttribute("splitKinds", List.of(FeeRules.DUES, FeeRules.DUES_EXTRA, FeeRules.FUND, FeeRules.OTHER));
        model.addAttribute("baseKinds", List.of("INSURED_SALARY", "TAKE_HOME_PAY", "BASE_SALARY"));
        return "finance/rule-form";
    }

    @PostMapping("/finance/rules")
    String addRule(
            @RequestParam(required = false) @Nullable String table,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String ratePercent,
            @RequestParam(required = false) @Nullable String baseKind,
            @RequestParam(required = false) @Nullable String capPercent,
            @RequestParam(required = false) @Nullable String validFrom,
            @RequestParam(required = false) @Nullable String documentNo,
            @RequestParam(required = false) @Nullable String documentDate,
            @RequestParam(required = false) @Nullable String note,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(FeeRules.RULES);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("table", table == null ? "" : table);
        values.put("key", key == null ? "" : key);
        values.put("amount", amount == null ? "" : amount);
        values.put("ratePercent", ratePercent == null ? "" : ratePercent);
        values.put("baseKind", baseKind == null ? "" : baseKind);
        values.put("capPercent", capPercent == null ? "" : capPercent);
        values.put("validFrom", validFrom == null ? "" : validFrom);
        values.put("documentNo", documentNo == null ? "" : documentNo);
        values.put("documentDate", documentDate == null ? "" : documentDate);
        values.put("note", note == null ? "" : note);
        List<FieldProblem> problems = new ArrayList<>();
        String t = table == null ? "" : table.strip();
        Money money = null;
        if ("base_salary".equals(t)) {
            money = FinanceInput.money(amount);
            if (money == null) {
                problems.add(new FieldProblem("amount", "finance.rule.amount.positive"));
            }
        }
        BigDecimal rate = null;
        if (!"base_salary".equals(t)) {
            rate = FinanceInput.percent(ratePercent);
            if (ratePercent != null && !ratePercent.isBlank() && rate == null) {
                problems.add(new FieldProblem("rate", "finance.rule.rate.range"));
            }
        }
        BigDecimal cap = null;
        if ("dues_rule".equals(t) && capPercent != null && !capPercent.isBlank()) {
            cap = FinanceInput.percent(capPercent);
            if (cap == null) {
                problems.add(new FieldProblem("capFraction", "finance.rule.rate.range"));
            }
        }
        LocalDate from = Dates.parse(validFrom);
        if (validFrom != null && !validFrom.isBlank() && from == null) {
            problems.add(new FieldProblem("validFrom", "finance.period.invalid"));
        }
        LocalDate docDate = Dates.parse(documentDate);
        if (documentDate != null && !documentDate.isBlank() && docDate == null) {
            problems.add(new FieldProblem("documentDate", "finance.period.invalid"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            FeeRules.RuleRef ref = rules.addVersion(
                    new FeeRules.NewRuleVersion(
                            t,
                            key,
                            money,
                            rate,
                            baseKind,
                            cap,
                            from,
                            documentNo == null ? "" : documentNo,
                            docDate,
                            note),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "finance.rules.added");
            return "redirect:/finance/rules#" + ref.table() + "-" + ref.id();
        } catch (FinanceRejectedException e) {
            return ruleForm(model, values, errors(e, request));
        }
    }

    @GetMapping("/finance/calculator")
    String calculator(
            @RequestParam(required = false) @Nullable String memberGroup,
            @RequestParam(required = false) @Nullable String salary,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        scope.require(FeeRules.READ);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("memberGroup", memberGroup == null ? "NON_STATE" : memberGroup);
        values.put("salary", salary == null ? "" : salary);
        values.put("month", month == null ? FinanceInput.monthText(YearMonth.from(Dates.today(clock))) : month);
        model.addAttribute("values", values);
        model.addAttribute("groups", rules.memberGroups());
        Map<String, List<String>> errors = Map.of();
        if (salary != null) {
            List<FieldProblem> problems = new ArrayList<>();
            Money s = FinanceInput.money(salary);
            if (salary.isBlank()) {
                problems.add(new FieldProblem("salary", "finance.salary.required"));
            } else if (s == null) {
                problems.add(new FieldProblem("salary", "finance.salary.invalid"));
            }
            YearMonth m = FinanceInput.month(month);
            if (m == null) {
                problems.add(new FieldProblem("month", "finance.month.invalid"));
            }
            try {
                if (!problems.isEmpty()) {
                    throw new FinanceRejectedException(problems);
                }
                FeeRules.DuesQuote q = rules.quoteDues(memberGroup == null ? "" : memberGroup, s, m);
                model.addAttribute("quote", q);
                model.addAttribute("monthText", FinanceInput.monthText(q.month()));
                if (q.amount().isPositive()) {
                    model.addAttribute(
                            "split",
                            rules.split(FeeRules.DUES, q.amount(), q.month().atDay(1)));
                }
            } catch (FinanceRejectedException e) {
                errors = errors(e, request);
            }
        }
        model.addAttribute("errors", errors);
        return "finance/calculator";
    }

    private Map<String, List<String>> errors(FinanceRejectedException e, HttpServletRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                    .add(messages.getMessage(p.messageKey(), p.args(), RequestContextUtils.getLocale(request)));
        }
        return errors;
    }
}
