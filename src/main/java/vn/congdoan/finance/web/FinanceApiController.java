package vn.congdoan.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * The finance core as JSON: the dues calculator, member groups, the dated rules (read; add a version), a unit's
 * journal, totals and one posting. Reads need {@code finance.read} (accountants, officers, inspectors); a unit's books
 * outside the caller's subtrees answer 404; refused fields 422 with {@code errors[]}.
 */
@RestController
@RequestMapping("/api/v1/finance")
@Tag(
        name = "Finance: rules and ledger",
        description = "Quy định tài chính theo thời kỳ (lương cơ sở, đoàn phí, kinh phí công đoàn, tỷ lệ phân phối),"
                + " máy tính đoàn phí, sổ thu chi của đơn vị")
class FinanceApiController {

    private final FeeRules rules;
    private final Ledger ledger;
    private final FinanceAccess access;
    private final OrgTree tree;
    private final Clock clock;

    FinanceApiController(FeeRules rules, Ledger ledger, FinanceAccess access, OrgTree tree, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.access = access;
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping("/member-groups")
    @Operation(summary = "The member groups for dues (codes for the calculator), in display order")
    List<FeeRules.MemberGroupView> memberGroups(AccessScope scope) {
        scope.require(FeeRules.READ);
        return rules.memberGroups();
    }

    @GetMapping("/dues/quote")
    @Operation(
            summary = "Dues calculator: one member's dues for a month under the rule of that month",
            description = "memberGroup: a code of /member-groups; salary: whole đồng (insured salary, take-home pay for"
                    + " SOE; ignored for FLAT); month: YYYY-MM. Returns the amount, the rule version applied (document"
                    + " number, effective date), the base salary rule behind the cap, and the split of that amount if"
                    + " paid in that month (QĐ 1408/QĐ-TLĐ Art. 28). 422 naming the field for a bad value.")
    FinanceJson.DuesQuote quote(
            @RequestParam(required = false) @Nullable String memberGroup,
            @RequestParam(required = false) @Nullable String salary,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope) {
        scope.require(FeeRules.READ);
        List<FieldProblem> problems = new ArrayList<>();
        Money s = FinanceInput.money(salary);
        if (salary == null || salary.isBlank()) {
            problems.add(new FieldProblem("salary", "finance.salary.required"));
        } else if (s == null) {
            problems.add(new FieldProblem("salary", "finance.salary.invalid"));
        }
        YearMonth m = FinanceInput.month(month);
        if (month == null || month.isBlank()) {
            problems.add(new FieldProblem("month", "finance.month.required"));
        } else if (m == null) {
            problems.add(new FieldProblem("month", "finance.month.invalid"));
        }
        if (memberGroup == null || memberGroup.isBlank()) {
            problems.add(new FieldProblem("memberGroup", "finance.memberGroup.required"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        return json(rules, rules.quoteDues(memberGroup, s, m));
    }

    static FinanceJson.DuesQuote json(FeeRules rules, FeeRules.DuesQuote q) {
        FeeRules.ShareSplit split = q.amount().isZero()
                ? null
                : rules.split(FeeRules.DUES, q.amount(), q.month().atDay(1));
        return new FinanceJson.DuesQuote(
                q.memberGroup(),
                q.month().toString(),
                q.baseKind(),
                q.base().toLong(),
                q.rate(),
                q.cap() == null ? null : q.cap().toLong(),
                q.amount().toLong(),
                q.amount().format(),
                q.capped(),
                q.collected(),
                FinanceJson.Rule.of(q.rule()),
                FinanceJson.Rule.of(q.baseSalaryRule()),
                split == null ? 0 : split.grassroots().toLong(),
                split == null ? 0 : split.upper().toLong(),
                split == null ? null : FinanceJson.Rule.of(split.rule()));
    }

    @GetMapping("/rules")
    @Operation(
            summary = "Every version of every rule table (base salary, dues, union fund, split), oldest first, cited")
    FinanceJson.RuleBook ruleBook(AccessScope scope) {
        scope.require(FeeRules.READ);
        return FinanceJson.RuleBook.of(rules.rules());
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a rule version from an effective date (finance.rules)",
            description = "table: base_salary (amount), dues_rule (key = member group, rate, baseKind, capFraction),"
                    + " fund_rule (rate), split_rule (key = revenue kind, rate = grassroots share). Rates are fractions"
                    + " (0.005 = 0.5 %). validFrom: the first of a month, after the latest version's start; the version"
                    + " in force then is closed the day before, earlier months keep their rule.")
    FinanceJson.Rule addRule(@RequestBody FinanceJson.NewRule body, AccessScope scope, HttpServletRequest request) {
        scope.require(FeeRules.RULES);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = Dates.parse(body.validFrom());
        if (body.validFrom() != null && !body.validFrom().isBlank() && from == null) {
            problems.add(new FieldProblem("validFrom", "finance.period.invalid"));
        }
        LocalDate docDate = Dates.parse(body.documentDate());
        if (body.documentDate() != null && !body.documentDate().isBlank() && docDate == null) {
            problems.add(new FieldProblem("documentDate", "finance.period.invalid"));
        }
        if (body.amount() != null && body.amount() < 0) {
            problems.add(new FieldProblem("amount", "finance.rule.amount.positive"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        FeeRules.RuleRef ref = rules.addVersion(
                new FeeRules.NewRuleVersion(
                        body.table() == null ? "" : body.table(),
                        body.key(),
                        body.amount() == null ? null : Money.of(body.amount()),
                        body.rate(),
                        body.baseKind(),
                        body.capFraction(),
                        from,
                        body.documentNo() == null ? "" : body.documentNo(),
                        docDate,
                        body.note()),
                scope,
                scope.actor(request.getRemoteAddr()));
        return FinanceJson.Rule.of(ref);
    }

    @GetMapping("/units/{unitId}/ledger")
    @Operation(
            summary = "A unit's journal (read), newest first, pages of 50",
            description = "from / to: dd/MM/yyyy or ISO, to inclusive; kind: RECEIPT, SPENDING, REVERSAL. 404 outside"
                    + " the caller's finance subtrees; an inspector's read is written to the audit trail.")
    FinanceJson.Journal journal(
            @PathVariable long unitId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            HttpServletRequest request) {
        LocalDate[] range = range(unitId, from, to, scope);
        Ledger.PostingPage p =
                ledger.journal(new Ledger.JournalFilter(unitId, range[0], range[1], blankToNull(kind), page), scope);
        logInspection(scope, request, unitId, "ledger");
        return new FinanceJson.Journal(
                unitId, p.items().stream().map(FinanceJson.Posting::of).toList(), p.page(), p.pageSize(), p.total());
    }

    @GetMapping("/units/{unitId}/totals")
    @Operation(
            summary = "A unit's totals over a period, derived from the entries",
            description = "from / to: dd/MM/yyyy or ISO, to inclusive (default: the current calendar year). collected"
                    + " and kept by revenue kind, the upper level's share payable, shares due from the units below,"
                    + " spending by category, balance = kept + from lower − spent.")
    FinanceJson.Totals totals(
            @PathVariable long unitId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            AccessScope scope,
            HttpServletRequest request) {
        LocalDate[] range = range(unitId, from, to, scope);
        LocalDate f = range[0] == null ? LocalDate.of(Dates.today(clock).getYear(), 1, 1) : range[0];
        LocalDate t = range[1] == null ? f.withDayOfYear(1).plusYears(1) : range[1];
        FinanceJson.Totals out = FinanceJson.Totals.of(ledger.totals(unitId, f, t, scope));
        logInspection(scope, request, unitId, "totals");
        return out;
    }

    @GetMapping("/postings/{id}")
    @Operation(summary = "One posting with its entries (kept / upper share / spent); 404 outside scope")
    FinanceJson.Posting posting(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        Ledger.PostingView p = ledger.posting(id, scope);
        logInspection(scope, request, p.unitId(), "posting");
        return FinanceJson.Posting.of(p);
    }

    private LocalDate[] range(long unitId, @Nullable String from, @Nullable String to, AccessScope scope) {
        access.requireRead(scope, unitId, "unit", unitId);
        LocalDate f = Dates.parse(from);
        LocalDate t = Dates.parse(to);
        List<FieldProblem> problems = new ArrayList<>();
        if (from != null && !from.isBlank() && f == null) {
            problems.add(new FieldProblem("from", "finance.period.invalid"));
        }
        if (to != null && !to.isBlank() && t == null) {
            problems.add(new FieldProblem("to", "finance.period.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        return new LocalDate[] {f, t == null ? null : t.plusDays(1)};
    }

    private void logInspection(AccessScope scope, HttpServletRequest request, long unitId, String what) {
        String label = tree.find(unitId).map(u -> u.name()).orElse(String.valueOf(unitId));
        access.logInspection(scope, scope.actor(request.getRemoteAddr()), unitId, what, label);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
