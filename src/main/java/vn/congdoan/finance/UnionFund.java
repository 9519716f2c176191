package vn.congdoan.finance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * The enterprises' union fund (KPCĐ, DOMAIN.md §4.3): per enterprise and month the declared BHXH payroll, the 2 %
 * obligation under the fund rule of that month, payments (posted to the ledger as revenue kind {@code FUND}, split
 * by rule, in the same transaction), exemption / reduction / deferral decisions (Law 50/2024/QH15 Art. 30) and the
 * arrears; the list of enterprises in arrears for representation work; the KPCĐ payment QR.
 *
 * <p>An enterprise's fund records belong to its <em>fund unit</em>: the grassroots union covering it while that
 * union is open, else the unit managing it. Reading needs {@link FeeRules#READ} (or {@link FeeRules#INSPECT}) over
 * the fund unit, writing {@link FeeRules#POST}; anything else answers {@link FinanceNotFoundException} (404). Refused
 * input: {@link FinanceRejectedException} naming each field, nothing written.
 */
public interface UnionFund {

    String RELIEF_EXEMPTION = "EXEMPTION";
    String RELIEF_REDUCTION = "REDUCTION";
    String RELIEF_DEFERRAL = "DEFERRAL";
    List<String> RELIEF_KINDS = List.of(RELIEF_EXEMPTION, RELIEF_REDUCTION, RELIEF_DEFERRAL);

    /** Longest deferral (Law 50/2024/QH15 Art. 30: up to 12 months). */
    int MAX_DEFERRAL_MONTHS = 12;

    /** Rows on one page of the arrears list. */
    int PAGE_SIZE = 50;

    /** Data rows accepted in one declaration import file. */
    int IMPORT_MAX_ROWS = 5_000;

    /** An enterprise's KPCĐ month by month over a year, its payments and relief decisions. */
    EnterpriseFund enterprise(long enterpriseId, int year, AccessScope scope, Actor actor);

    /** Enterprises whose fund unit is in the caller's read scope, matching a name or MST (at most 20), for pickers. */
    List<EnterpriseRef> findEnterprises(String query, AccessScope scope);

    /**
     * Enters or corrects a month's declaration; the obligation is computed under the fund rule of that month. A
     * correction needs the version shown ({@code finance.stale} otherwise).
     */
    FundMonth declare(DeclareCommand command, AccessScope scope, Actor actor);

    /**
     * Imports declarations from XLSX (columns: MST, month {@code MM/yyyy}, payroll, employees): all rows or none.
     * Rows of an existing month correct it. Refused rows are listed with their row number and column.
     */
    ImportResult importDeclarations(byte[] xlsx, AccessScope scope, Actor actor);

    /** The import template (headers and one example row). */
    void writeTemplate(OutputStream out) throws IOException;

    /**
     * Records a payment for a month and posts it to the fund unit's books (revenue kind FUND, split by the rule of
     * the payment date). The form token makes a double submission post once (the first payment is returned).
     */
    PaymentView pay(PayCommand command, AccessScope scope, Actor actor);

    /**
     * Reverses a payment of the enterprise (once) with a reason: a ledger reversal in the same transaction. A second
     * request returns the reversed payment, marked {@code duplicate}.
     */
    PaymentView reversePayment(
            long enterpriseId, long paymentId, String reason, String token, AccessScope scope, Actor actor);

    /** Records an exemption, reduction or deferral decision with its document number. */
    ReliefView decide(ReliefCommand command, AccessScope scope, Actor actor);

    /** Enterprises in arrears in the caller's read scope, most months owed first, then the largest amount. */
    ArrearsPage arrears(ArrearsFilter filter, AccessScope scope, Actor actor);

    /** The whole arrears list (every page) as XLSX; the export is written to the audit trail. */
    void exportArrears(ArrearsFilter filter, AccessScope scope, Actor actor, OutputStream out) throws IOException;

    /**
     * The VietQR code for an enterprise's KPCĐ of a month: the amount still owed (none when nothing is owed: the
     * payer types it), content {@code KPCD <MST> <MM/YYYY>}, to the FUND account of the fund unit or the nearest unit
     * above it that has one.
     */
    FundQr qr(long enterpriseId, YearMonth month, AccessScope scope);

    record EnterpriseRef(long id, String taxCode, String name, long fundUnitId, String fundUnitName) {}

    /**
     * @param fundUnitCovering true when the fund unit is the covering grassroots union (false: the managing unit)
     */
    record EnterpriseFund(
            long enterpriseId,
            String taxCode,
            String name,
            long fundUnitId,
            String fundUnitName,
            boolean fundUnitCovering,
            int year,
            List<FundMonth> months,
            List<PaymentView> payments,
            List<ReliefView> reliefs,
            Money owedTotal,
            int monthsOwed,
            boolean canPost) {}

    /**
     * One month of an enterprise: declared or not; {@code due} = obligation less relief; {@code owed} = due less
     * paid (never negative); in arrears when owed and the due date has passed.
     */
    record FundMonth(
            YearMonth month,
            @Nullable Long declarationId,
            @Nullable Money payroll,
            @Nullable Integer employees,
            @Nullable BigDecimal rate,
            @Nullable Money obligation,
            FeeRules.@Nullable RuleRef rule,
            @Nullable String reliefKind,
            Money relief,
            Money due,
            Money paid,
            Money owed,
            LocalDate dueOn,
            boolean inArrears,
            int version) {}

    record PaymentView(
            long id,
            long enterpriseId,
            YearMonth month,
            Money amount,
            LocalDate paidOn,
            long unitId,
            @Nullable String reference,
            @Nullable Long postingId,
            boolean reversed,
            @Nullable String reversalReason,
            String recordedBy,
            boolean duplicate) {}

    record ReliefView(
            long id,
            long enterpriseId,
            String kind,
            YearMonth from,
            YearMonth to,
            @Nullable BigDecimal reductionRate,
            String documentNo,
            LocalDate documentDate,
            String reason,
            String decidedBy) {}

    /** {@code version}: null for a new declaration, the shown version for a correction. */
    record DeclareCommand(
            long enterpriseId,
            @Nullable YearMonth month,
            @Nullable Money payroll,
            @Nullable Integer employees,
            @Nullable Integer version) {}

    record PayCommand(
            long enterpriseId,
            @Nullable YearMonth month,
            @Nullable Money amount,
            @Nullable LocalDate paidOn,
            @Nullable String reference,
            String token) {}

    /** {@code reductionRate}: the fraction reduced (0.2 = 20 %), REDUCTION only. */
    record ReliefCommand(
            long enterpriseId,
            @Nullable String kind,
            @Nullable YearMonth from,
            @Nullable YearMonth to,
            @Nullable BigDecimal reductionRate,
            @Nullable String documentNo,
            @Nullable LocalDate documentDate,
            @Nullable String reason) {}

    /**
     * @param problems refused rows (row number from 1 = the header, column letter, message key and arguments);
     *     empty when everything was applied
     */
    record ImportResult(int rows, int created, int corrected, List<RowProblem> problems) {
        public boolean applied() {
            return problems.isEmpty();
        }
    }

    record RowProblem(int row, String column, String messageKey, List<String> args) {}

    /** {@code unitId}: limit to one unit's subtree (in scope); {@code minMonths}: at least this many months owed. */
    record ArrearsFilter(@Nullable Long unitId, int minMonths, int page) {}

    record ArrearsRow(
            long enterpriseId,
            String taxCode,
            String name,
            long fundUnitId,
            String fundUnitName,
            int monthsOwed,
            Money owed,
            YearMonth oldestMonth,
            YearMonth latestMonth) {}

    record ArrearsPage(List<ArrearsRow> items, int page, int pageSize, long total, Money owedTotal, LocalDate asOf) {}

    record FundQr(
            String payload,
            byte[] png,
            String content,
            @Nullable Money amount,
            String bin,
            String bankName,
            String accountNo,
            String accountName,
            long accountUnitId,
            String accountUnitName) {}
}
