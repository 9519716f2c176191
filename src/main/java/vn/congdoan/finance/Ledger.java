package vn.congdoan.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * Each unit's append-only journal (DESIGN.md §6, DOMAIN.md §4.4). Money received is posted with its split in the
 * same transaction: the unit's own share ({@code SHARE_KEPT}) and the upper level's share ({@code SHARE_UPPER},
 * payable to the unit's parent on the entry date), summing exactly to the amount. Spending posts {@code SPENT}.
 * Nothing is ever updated or deleted (the database refuses); a correction is a reversal with a reason. Every posting
 * carries an idempotency key: posting the same key again returns the first posting, marked {@code duplicate}.
 * Balances are derived from the entries.
 *
 * <p>Methods join the caller's transaction, so a dues payment and its postings commit or fail together.
 */
public interface Ledger {

    String RECEIPT = "RECEIPT";
    String SPENDING = "SPENDING";
    String REVERSAL = "REVERSAL";

    String SHARE_KEPT = "SHARE_KEPT";
    String SHARE_UPPER = "SHARE_UPPER";
    String SPENT = "SPENT";

    /** Spending categories of the grassroots spending structure (DOMAIN.md §4.6, QĐ 4290/QĐ-TLĐ). */
    List<String> SPENDING_CATEGORIES = List.of(
            "ALLOWANCE",
            "MEMBER_CARE",
            "REPRESENTATION",
            "PROPAGANDA",
            "CULTURE_SPORT",
            "TRAINING",
            "ADMINISTRATION",
            "OTHER");

    /** Records money received by a unit, split by the rule of its entry date. Needs {@link FeeRules#POST}. */
    PostingView receive(Receipt receipt, AccessScope scope, Actor actor);

    /** Records spending by a unit in a category. Needs {@link FeeRules#POST}. */
    PostingView spend(Spending spending, AccessScope scope, Actor actor);

    /**
     * Reverses a posting with a reason (once only): a new posting whose entries negate the original's. Needs
     * {@link FeeRules#POST} over the posting's unit.
     */
    PostingView reverse(long postingId, String reason, String idempotencyKey, AccessScope scope, Actor actor);

    /** One posting with its entries; not found outside the caller's {@link FeeRules#READ} subtrees. */
    PostingView posting(long id, AccessScope scope);

    /** The postings made for a source record (e.g. {@code DUES_PAYMENT} 42), oldest first; reversals included. */
    List<PostingView> postingsFor(String sourceType, long sourceId, AccessScope scope);

    /** A page of a unit's postings, newest first. */
    PostingPage journal(JournalFilter filter, AccessScope scope);

    /** Totals of a unit's books over {@code [from, to)}: derived from the entries, never stored. */
    Totals totals(long unitId, LocalDate from, LocalDate toExclusive, AccessScope scope);

    record Receipt(
            String idempotencyKey,
            long unitId,
            String revenueKind,
            Money amount,
            LocalDate entryDate,
            @Nullable YearMonth period,
            String description,
            @Nullable String sourceType,
            @Nullable Long sourceId) {}

    record Spending(
            String idempotencyKey,
            long unitId,
            String category,
            Money amount,
            LocalDate entryDate,
            String description,
            @Nullable String sourceType,
            @Nullable Long sourceId) {}

    record EntryView(
            long id,
            long unitId,
            String account,
            @Nullable String revenueKind,
            @Nullable String spendingCategory,
            @Nullable Long counterpartyUnitId,
            @Nullable String counterpartyName,
            Money amount,
            LocalDate entryDate) {}

    record PostingView(
            long id,
            String idempotencyKey,
            long unitId,
            String unitName,
            String kind,
            @Nullable String revenueKind,
            @Nullable String spendingCategory,
            Money amount,
            LocalDate entryDate,
            @Nullable YearMonth period,
            String description,
            @Nullable String sourceType,
            @Nullable Long sourceId,
            @Nullable Long reversesId,
            @Nullable Long reversedById,
            @Nullable String reason,
            FeeRules.@Nullable RuleRef splitRule,
            Instant postedAt,
            String postedByName,
            List<EntryView> entries,
            boolean duplicate) {}

    record JournalFilter(
            long unitId,
            @Nullable LocalDate from,
            @Nullable LocalDate toExclusive,
            @Nullable String kind,
            int page) {}

    record PostingPage(List<PostingView> items, int page, int pageSize, long total) {}

    /**
     * @param collected receipts by revenue kind, whole amounts (kept + upper share)
     * @param kept the unit's own share by revenue kind
     * @param upperPayable the upper level's share of this unit's receipts by revenue kind
     * @param fromLower shares payable to this unit by the units below, by revenue kind
     * @param spent spending by category (positive amounts)
     * @param balance kept + fromLower − spent
     */
    record Totals(
            long unitId,
            LocalDate from,
            LocalDate toExclusive,
            Map<String, Money> collected,
            Map<String, Money> kept,
            Map<String, Money> upperPayable,
            Map<String, Money> fromLower,
            Map<String, Money> spent,
            Money balance) {}
}
