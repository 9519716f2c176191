package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.MemberDues;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * Member dues over REST for accountants and officers (same facade, same scope as the pages): a unit's month, a
 * member's dues, cash payments, receipts and reversals, arrears, and bank-statement matching.
 */
@RestController
class DuesApiController {

    private final MemberDues dues;
    private final DuesPages pages;

    DuesApiController(MemberDues dues, DuesPages pages) {
        this.dues = dues;
        this.pages = pages;
    }

    @GetMapping("/api/v1/finance/dues/units/{id}")
    MemberDues.UnitMonth unit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request) {
        return dues.unitMonth(id, pages.month(month), scope, scope.actor(request.getRemoteAddr()));
    }

    @PostMapping("/api/v1/finance/dues/units/{id}/charges")
    ResponseEntity<Generated> generate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request) {
        var m = pages.monthField("month", month);
        return ResponseEntity.ok(
                new Generated(m.toString(), dues.generateCharges(id, m, scope, scope.actor(request.getRemoteAddr()))));
    }

    record Generated(String month, int added) {}

    @GetMapping("/api/v1/finance/dues/members/{id}")
    MemberDues.MemberAccount member(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return dues.member(id, "API", scope, scope.actor(request.getRemoteAddr()));
    }

    /**
     * @param idempotencyKey the client's key for this payment: sending it again returns the first receipt
     */
    record PaymentRequest(
            @Nullable String idempotencyKey,
            @Nullable Long memberId,
            @Nullable List<Long> chargeIds,
            @Nullable String method,
            @Nullable LocalDate receivedOn,
            @Nullable String reference) {}

    @PostMapping("/api/v1/finance/dues/payments")
    ResponseEntity<MemberDues.ReceiptView> pay(
            @RequestBody PaymentRequest body, AccessScope scope, HttpServletRequest request) {
        if (body.idempotencyKey() == null || body.idempotencyKey().isBlank()) {
            throw new FinanceRejectedException(new FieldProblem("idempotencyKey", "dues.pay.key.required"));
        }
        if (body.memberId() == null) {
            throw new FinanceRejectedException(new FieldProblem("memberId", "dues.pay.member.required"));
        }
        if (body.receivedOn() == null) {
            throw new FinanceRejectedException(new FieldProblem("receivedOn", "dues.pay.receivedOn.required"));
        }
        var r = dues.pay(
                new MemberDues.PaymentCommand(
                        body.idempotencyKey(),
                        body.memberId(),
                        body.chargeIds() == null ? List.of() : body.chargeIds(),
                        body.method() == null ? "CASH" : body.method(),
                        body.receivedOn(),
                        body.reference()),
                scope,
                scope.actor(request.getRemoteAddr()));
        return ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(r);
    }

    @GetMapping("/api/v1/finance/dues/receipts/{id}")
    MemberDues.ReceiptView receipt(@PathVariable long id, AccessScope scope, HttpServletRequest request) {
        return dues.receipt(id, scope, scope.actor(request.getRemoteAddr()));
    }

    record ReversalRequest(@Nullable String reason) {}

    @PostMapping("/api/v1/finance/dues/receipts/{id}/reversal")
    MemberDues.ReceiptView reverse(
            @PathVariable long id, @RequestBody ReversalRequest body, AccessScope scope, HttpServletRequest request) {
        return dues.reverse(
                id, body.reason() == null ? "" : body.reason(), scope, scope.actor(request.getRemoteAddr()));
    }

    @GetMapping("/api/v1/finance/dues/arrears")
    Arrears arrears(
            @RequestParam long unitId,
            @RequestParam(required = false) @Nullable String upTo,
            AccessScope scope,
            HttpServletRequest request) {
        var m = pages.month(upTo);
        var actor = scope.actor(request.getRemoteAddr());
        return new Arrears(
                m.toString(), dues.arrearsByUnit(unitId, m, scope, actor), dues.arrears(unitId, m, scope, actor));
    }

    record Arrears(String upTo, List<MemberDues.UnitArrears> units, List<MemberDues.MemberArrears> members) {}

    record StatementRequest(
            @Nullable String bankReference,
            @Nullable String content,
            @Nullable Long amount,
            @Nullable LocalDate valueDate,
            boolean record) {}

    /** Matches one statement line by its content {@code DP <member code> <MM/YYYY>}; records it with {@code record}. */
    @PostMapping("/api/v1/finance/dues/statement-lines")
    MemberDues.StatementMatch statement(
            @RequestBody StatementRequest body, AccessScope scope, HttpServletRequest request) {
        if (body.amount() == null || body.amount() <= 0) {
            throw new FinanceRejectedException(new FieldProblem("amount", "dues.statement.amount.required"));
        }
        if (body.valueDate() == null) {
            throw new FinanceRejectedException(new FieldProblem("valueDate", "dues.statement.date.required"));
        }
        return dues.matchStatement(
                new MemberDues.StatementLine(
                        body.bankReference() == null ? "" : body.bankReference(),
                        body.content() == null ? "" : body.content(),
                        Money.of(body.amount()),
                        body.valueDate()),
                body.record(),
                scope,
                scope.actor(request.getRemoteAddr()));
    }
}
