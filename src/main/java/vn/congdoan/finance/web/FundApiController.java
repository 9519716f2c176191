package vn.congdoan.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.UnionFund;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * The union fund (KPCĐ) as JSON, through the same facade and scope as the pages: outside the caller's subtree 404;
 * refused fields 422 with {@code errors[]}; a stale {@code version} 409 ({@link FundApiAdvice}). Amounts are whole
 * đồng (integers), months {@code yyyy-MM}, dates {@code yyyy-MM-dd}.
 */
@RestController
@RequestMapping("/api/v1/finance/fund")
@Tag(name = "Union fund", description = "Kinh phí công đoàn 2%: kê khai, nộp, nợ của doanh nghiệp")
class FundApiController {

    private final UnionFund fund;
    private final java.time.Clock clock;

    FundApiController(UnionFund fund, java.time.Clock clock) {
        this.fund = fund;
        this.clock = clock;
    }

    record DeclarationRequest(
            @Nullable String month,
            @Nullable BigDecimal payroll,
            @Nullable Integer employees,
            @Nullable Integer version) {}

    record PaymentRequest(
            @Nullable String month,
            @Nullable BigDecimal amount,
            @Nullable LocalDate paidOn,
            @Nullable String reference,
            @Nullable String token) {}

    @GetMapping("/enterprises/{id}")
    @Operation(
            summary = "An enterprise's KPCĐ month by month over a year, its payments and relief decisions",
            description = "Each month: declared payroll, obligation with the fund rule applied (document, effective"
                    + " date), relief, paid, owed, due date. 404 when the enterprise's fund unit is outside scope.")
    UnionFund.EnterpriseFund enterprise(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer year,
            AccessScope scope,
            HttpServletRequest request) {
        int y = year == null ? vn.congdoan.shared.Dates.today(clock).getYear() : year;
        return fund.enterprise(id, y, scope, scope.actor(request.getRemoteAddr()));
    }

    @PutMapping("/enterprises/{id}/declarations")
    @Operation(
            summary = "Declare (or correct) a month's BHXH payroll; the 2 % obligation is computed under that month's"
                    + " rule",
            description =
                    "month: yyyy-MM (or MM/yyyy). version: omit for a new month, send the version read to correct one (409"
                            + " when stale). Needs finance.post over the enterprise's fund unit.")
    UnionFund.FundMonth declare(
            @PathVariable long id,
            @RequestBody DeclarationRequest body,
            AccessScope scope,
            HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = FundInput.month(body.month(), "month", problems);
        Money payroll = money(body.payroll(), "payroll", problems);
        refuse(id, problems, scope, request);
        return fund.declare(
                new UnionFund.DeclareCommand(id, m, payroll, body.employees(), body.version()),
                scope,
                scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/enterprises/{id}/payments")
    @Operation(
            summary = "Record a KPCĐ payment for a month; posted to the ledger with its 75/25 split in the same"
                    + " transaction",
            description = "token: any string of letters, digits, '-' and '_' chosen by the client; resending the same"
                    + " token returns the first payment (duplicate=true, 200) instead of posting twice.")
    ResponseEntity<UnionFund.PaymentView> pay(
            @PathVariable long id, @RequestBody PaymentRequest body, AccessScope scope, HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = FundInput.month(body.month(), "month", problems);
        Money amount = money(body.amount(), "amount", problems);
        refuse(id, problems, scope, request);
        UnionFund.PaymentView p = fund.pay(
                new UnionFund.PayCommand(
                        id, m, amount, body.paidOn(), body.reference(), body.token() == null ? "" : body.token()),
                scope,
                scope.actor(request.getRemoteAddr()));
        return ResponseEntity.status(p.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(p);
    }

    @GetMapping("/arrears")
    @Operation(
            summary = "Enterprises in arrears in the caller's scope, most months owed first, then the largest amount",
            description = "unitId: only that unit's subtree; minMonths: at least that many months owed; pages of 50.")
    UnionFund.ArrearsPage arrears(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(defaultValue = "1") int minMonths,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            HttpServletRequest request) {
        scope.require(FeeRules.READ);
        return fund.arrears(
                new UnionFund.ArrearsFilter(unitId, Math.max(1, minMonths), Math.max(0, page)),
                scope,
                scope.actor(request.getRemoteAddr()));
    }

    /** Unreadable fields: 404 for a caller who may not write there (as the facade would say), else 422. */
    private void refuse(long id, List<FieldProblem> problems, AccessScope scope, HttpServletRequest request) {
        if (problems.isEmpty()) {
            return;
        }
        if (!fund.enterprise(id, 2000, scope, scope.actor(request.getRemoteAddr()))
                .canPost()) {
            throw new vn.congdoan.finance.FinanceNotFoundException("ENTERPRISE", id);
        }
        throw new FinanceRejectedException(problems);
    }

    private static @Nullable Money money(@Nullable BigDecimal value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(field, "fund.money.format", value.toPlainString()));
            return null;
        }
        return Money.of(value.setScale(0, java.math.RoundingMode.UNNECESSARY));
    }
}
