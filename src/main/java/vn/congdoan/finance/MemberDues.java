package vn.congdoan.finance;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * Member dues (DOMAIN.md §4.2): each member's dated dues profile (member group, salary basis), exemptions, a
 * grassroots union's own higher rate, the monthly charges computed under the rules of that month (the rule versions
 * are stored with the charge), payments one by one or in batch (payroll-deduction file, a union group's cash
 * collection, a bank transfer matched by its content {@code DP <member code> <MM/YYYY>}), receipts, reversals and
 * arrears. Every payment posts to the {@link Ledger} in the same transaction.
 *
 * <p>Scope: reading needs {@link FeeRules#READ} (or {@link FeeRules#INSPECT}) over the unit, writing {@link
 * FeeRules#POST}; outside, a unit's dues do not exist for the caller ({@link FinanceNotFoundException}). Refused
 * input: {@link FinanceRejectedException} naming the field, nothing written.
 */
public interface MemberDues {

    /** Salary basis unknown: the member owes the flat amount (group FLAT) and the charge says so. */
    String UNKNOWN_SALARY = "UNKNOWN_SALARY";

    List<String> EXEMPTION_REASONS = List.of("BHXH_BENEFIT", "NO_INCOME", "UNPAID_LEAVE");

    /**
     * Computes the month's charges for every member who belongs to the unit in that month (the last membership of
     * the month decides the unit) and has none yet. Idempotent: members already charged keep their charge.
     *
     * @return how many charges were added
     */
    int generateCharges(long unitId, YearMonth month, AccessScope scope, Actor actor);

    /** The unit's dues for a month: each member's charge and payments, the totals, and the arrears so far. */
    UnitMonth unitMonth(long unitId, YearMonth month, AccessScope scope, Actor actor);

    /**
     * One member's dues: profile history, exemptions, every charge with what was paid, receipts. Showing a salary
     * basis writes an access-log entry ({@code channel}: {@code PAGE} or {@code API}).
     */
    MemberAccount member(long memberId, String channel, AccessScope scope, Actor actor);

    /** Adds a profile version from a month (the version in force then is closed the month before). */
    void setProfile(long memberId, ProfileCommand command, AccessScope scope, Actor actor);

    /** Records an exemption over whole months. */
    void addExemption(long memberId, ExemptionCommand command, AccessScope scope, Actor actor);

    /** Sets the grassroots union's own higher rate by resolution, from a month. */
    void setUnitRate(long unitId, UnitRateCommand command, AccessScope scope, Actor actor);

    /** The unit's higher-rate resolutions, oldest first. */
    List<UnitRate> unitRates(long unitId, AccessScope scope);

    /**
     * One member pays outstanding months in cash (or by transfer): one receipt, one posting per revenue kind. The
     * idempotency key (a form token) makes a double click record once: the second call returns the first receipt.
     */
    ReceiptView pay(PaymentCommand command, AccessScope scope, Actor actor);

    /** One receipt with its lines and its ledger postings (the split). */
    ReceiptView receipt(long receiptId, AccessScope scope, Actor actor);

    /** Reverses a receipt with a reason: its postings are reversed, its months are owed again. Once only. */
    ReceiptView reverse(long receiptId, String reason, AccessScope scope, Actor actor);

    /**
     * Reads a payroll-deduction XLSX (columns: STT, Họ và tên, Số CCCD, Mã đoàn viên, Số tiền) for a unit and month:
     * rows are matched to the unit's members by member code or CCCD; unmatched rows form the exception list. Nothing
     * is paid yet.
     */
    ImportView previewImport(ImportCommand command, InputStream xlsx, AccessScope scope, Actor actor);

    ImportView importView(long importId, AccessScope scope, Actor actor);

    /**
     * Records every matched row of a previewed file as one receipt (one posting for the batch total) — all or none;
     * the exception rows are not paid. Committing twice returns the same receipt.
     */
    ImportView commitImport(long importId, int version, AccessScope scope, Actor actor);

    /**
     * Matches a bank statement line back to its charge by the transfer content {@code DP <member code> <MM/YYYY>}
     * (case, spaces and diacritics tolerated) and, with {@code record}, records it as a BANK receipt keyed by the bank
     * reference (a statement imported twice records once).
     */
    StatementMatch matchStatement(StatementLine line, boolean record, AccessScope scope, Actor actor);

    /** Arrears of each member of the unit's subtree up to a month (inclusive), largest first. */
    List<MemberArrears> arrears(long unitId, YearMonth upTo, AccessScope scope, Actor actor);

    /** Arrears per unit of the subtree (the unit and its descendants that have charges), up to a month. */
    List<UnitArrears> arrearsByUnit(long unitId, YearMonth upTo, AccessScope scope, Actor actor);

    /** The caller's own dues (self-service), when their account is linked to a member. */
    Optional<SelfDues> own(long memberId);

    record ProfileCommand(
            String memberGroup,
            @Nullable Money salaryBasis,
            YearMonth from,
            @Nullable String note) {}

    record ExemptionCommand(
            String reason,
            YearMonth from,
            YearMonth toInclusive,
            @Nullable String documentNo) {}

    record UnitRateCommand(
            java.math.BigDecimal rate,
            YearMonth from,
            String resolutionNo,
            @Nullable LocalDate resolutionDate) {}

    record UnitRate(
            long id,
            java.math.BigDecimal rate,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String resolutionNo,
            @Nullable LocalDate resolutionDate) {}

    /**
     * @param method {@code CASH} or {@code BANK}
     * @param chargeIds the months paid (each paid in full of what is still owed)
     */
    record PaymentCommand(
            String idempotencyKey,
            long memberId,
            List<Long> chargeIds,
            String method,
            LocalDate receivedOn,
            @Nullable String reference) {}

    record ImportCommand(long unitId, YearMonth month, LocalDate receivedOn, String fileName) {}

    /** A statement line: the bank's transaction reference, the transfer content, the amount and the value date. */
    record StatementLine(String bankReference, String content, Money amount, LocalDate valueDate) {}

    /**
     * @param outcome {@code MATCHED} (charge found, amount equals what is owed), {@code RECORDED}, {@code
     *     AMOUNT_DIFFERS}, {@code ALREADY_PAID}, {@code NO_MEMBER}, {@code NO_CHARGE}, {@code UNREADABLE}
     */
    record StatementMatch(
            String outcome,
            @Nullable String memberCode,
            @Nullable YearMonth month,
            @Nullable Long chargeId,
            @Nullable Money owed,
            @Nullable Long receiptId) {}

    /**
     * A charge and what was paid on it.
     *
     * @param basisSource {@code SALARY}, {@code FLAT}, {@code UNKNOWN_SALARY} (flat amount because the salary is not
     *     known) or {@code EXEMPT}
     */
    record ChargeView(
            long id,
            long memberId,
            String memberCode,
            String fullName,
            long unitId,
            YearMonth month,
            String memberGroup,
            String basisSource,
            String baseKind,
            Money base,
            java.math.BigDecimal rate,
            boolean capped,
            Money standard,
            Money extra,
            Money paid,
            Money owed,
            String ruleDocument,
            LocalDate ruleFrom,
            @Nullable String unitRateResolution,
            @Nullable String exemptionReason) {

        public Money total() {
            return standard.plus(extra);
        }
    }

    record Totals(Money standard, Money extra, Money paid, Money owed, int members, int unpaid) {}

    record UnitMonth(
            long unitId,
            String unitName,
            YearMonth month,
            boolean generated,
            List<ChargeView> charges,
            Totals totals,
            Money arrearsBefore,
            List<ReceiptSummary> receipts,
            @Nullable UnitRate unitRate) {}

    record ReceiptSummary(
            long id,
            String receiptNo,
            String method,
            LocalDate receivedOn,
            @Nullable String payerName,
            Money standard,
            Money extra,
            int lines,
            boolean reversed) {

        public Money total() {
            return standard.plus(extra);
        }
    }

    record ReceiptLine(
            long chargeId, String memberCode, String fullName, YearMonth month, Money standard, Money extra) {}

    record ReceiptView(
            long id,
            String receiptNo,
            long unitId,
            String unitName,
            String method,
            LocalDate receivedOn,
            @Nullable String payerName,
            @Nullable String reference,
            Money standard,
            Money extra,
            List<ReceiptLine> lines,
            List<Ledger.PostingView> postings,
            @Nullable String reversalReason,
            boolean duplicate) {

        public Money total() {
            return standard.plus(extra);
        }

        public boolean reversed() {
            return reversalReason != null;
        }
    }

    record ProfileView(
            long id,
            String memberGroup,
            @Nullable Money salaryBasis,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String note) {}

    record ExemptionView(
            long id,
            String reason,
            LocalDate validFrom,
            LocalDate validTo,
            @Nullable String documentNo) {}

    record MemberAccount(
            long memberId,
            String memberCode,
            String fullName,
            long unitId,
            String unitName,
            List<ProfileView> profiles,
            List<ExemptionView> exemptions,
            List<ChargeView> charges,
            List<ReceiptSummary> receipts,
            Money owed) {}

    record MemberArrears(
            long memberId,
            String memberCode,
            String fullName,
            long unitId,
            String unitName,
            int months,
            Money owed,
            YearMonth oldest) {}

    record UnitArrears(long unitId, String unitName, int members, int months, Money owed) {}

    /** A member's own dues: charges newest first, what is still owed, the oldest month owed. */
    record SelfDues(
            long memberId,
            String memberCode,
            String fullName,
            long unitId,
            String unitName,
            List<ChargeView> charges,
            Money owed,
            @Nullable ChargeView oldestOwed) {}

    /**
     * @param status {@code PREVIEW} or {@code COMMITTED}
     */
    record ImportView(
            long id,
            long unitId,
            String unitName,
            YearMonth month,
            LocalDate receivedOn,
            String fileName,
            String status,
            int version,
            List<ImportRow> matched,
            List<ImportRow> exceptions,
            Money matchedTotal,
            @Nullable Long receiptId) {}

    /**
     * @param outcome {@code MATCHED}, {@code UNMATCHED} (no member of the unit), {@code MISMATCH} (amount differs from
     *     what is owed), {@code PAID} (nothing owed), {@code INVALID} (unreadable row)
     * @param idHint what identified the row: the member code, or the CCCD masked
     */
    record ImportRow(
            int rowNo,
            @Nullable String fullName,
            @Nullable String idHint,
            @Nullable Long memberId,
            @Nullable String memberCode,
            @Nullable Money amount,
            @Nullable Money owed,
            String outcome,
            @Nullable String messageKey) {}
}
