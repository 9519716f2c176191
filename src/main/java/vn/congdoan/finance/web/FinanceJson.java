package vn.congdoan.finance.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.Ledger;
import vn.congdoan.shared.Money;

/** The finance core API's JSON shapes: money as whole đồng ({@code long}) plus its Vietnamese text, ISO dates. */
final class FinanceJson {

    private FinanceJson() {}

    record Rule(String table, long id, String documentNo, LocalDate validFrom, boolean verified) {
        static @Nullable Rule of(FeeRules.@Nullable RuleRef r) {
            return r == null ? null : new Rule(r.table(), r.id(), r.documentNo(), r.validFrom(), r.verified());
        }
    }

    record DuesQuote(
            String memberGroup,
            String month,
            String baseKind,
            long base,
            BigDecimal rate,
            @Nullable Long cap,
            long amount,
            String amountText,
            boolean capped,
            boolean collected,
            Rule rule,
            Rule baseSalaryRule,
            long grassrootsShare,
            long upperShare,
            @Nullable Rule splitRule) {}

    record Entry(
            long id,
            long unitId,
            String account,
            @Nullable String revenueKind,
            @Nullable String spendingCategory,
            @Nullable Long counterpartyUnitId,
            @Nullable String counterpartyName,
            long amount,
            LocalDate entryDate) {}

    record Posting(
            long id,
            String idempotencyKey,
            long unitId,
            String unitName,
            String kind,
            @Nullable String revenueKind,
            @Nullable String spendingCategory,
            long amount,
            String amountText,
            LocalDate entryDate,
            @Nullable String period,
            String description,
            @Nullable String sourceType,
            @Nullable Long sourceId,
            @Nullable Long reversesId,
            @Nullable Long reversedById,
            @Nullable String reason,
            @Nullable Rule splitRule,
            Instant postedAt,
            String postedBy,
            List<Entry> entries) {

        static Posting of(Ledger.PostingView p) {
            return new Posting(
                    p.id(),
                    p.idempotencyKey(),
                    p.unitId(),
                    p.unitName(),
                    p.kind(),
                    p.revenueKind(),
                    p.spendingCategory(),
                    p.amount().toLong(),
                    p.amount().format(),
                    p.entryDate(),
                    p.period() == null ? null : p.period().toString(),
                    p.description(),
                    p.sourceType(),
                    p.sourceId(),
                    p.reversesId(),
                    p.reversedById(),
                    p.reason(),
                    Rule.of(p.splitRule()),
                    p.postedAt(),
                    p.postedByName(),
                    p.entries().stream()
                            .map(e -> new Entry(
                                    e.id(),
                                    e.unitId(),
                                    e.account(),
                                    e.revenueKind(),
                                    e.spendingCategory(),
                                    e.counterpartyUnitId(),
                                    e.counterpartyName(),
                                    e.amount().toLong(),
                                    e.entryDate()))
                            .toList());
        }
    }

    record Journal(long unitId, List<Posting> items, int page, int pageSize, long total) {}

    record Totals(
            long unitId,
            LocalDate from,
            LocalDate toExclusive,
            Map<String, Long> collected,
            Map<String, Long> kept,
            Map<String, Long> upperPayable,
            Map<String, Long> fromLower,
            Map<String, Long> spent,
            long balance,
            String balanceText) {

        static Totals of(Ledger.Totals t) {
            return new Totals(
                    t.unitId(),
                    t.from(),
                    t.toExclusive(),
                    longs(t.collected()),
                    longs(t.kept()),
                    longs(t.upperPayable()),
                    longs(t.fromLower()),
                    longs(t.spent()),
                    t.balance().toLong(),
                    t.balance().format());
        }
    }

    static Map<String, Long> longs(Map<String, Money> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.toLong()));
        return out;
    }

    record RuleVersion(
            long id,
            @Nullable String key,
            String value,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String documentNo,
            @Nullable LocalDate documentDate,
            boolean verified,
            @Nullable String note) {
        static RuleVersion of(FeeRules.RuleVersion v) {
            return new RuleVersion(
                    v.id(),
                    v.key(),
                    v.value(),
                    v.validFrom(),
                    v.validTo(),
                    v.documentNo(),
                    v.documentDate(),
                    v.verified(),
                    v.note());
        }
    }

    record RuleBook(
            List<RuleVersion> baseSalaries,
            List<RuleVersion> duesRules,
            List<RuleVersion> fundRules,
            List<RuleVersion> splitRules) {
        static RuleBook of(FeeRules.RuleBook b) {
            return new RuleBook(
                    b.baseSalaries().stream().map(RuleVersion::of).toList(),
                    b.duesRules().stream().map(RuleVersion::of).toList(),
                    b.fundRules().stream().map(RuleVersion::of).toList(),
                    b.splitRules().stream().map(RuleVersion::of).toList());
        }
    }

    /**
     * A new rule version for the API: rates and shares as fractions ({@code 0.005} = 0.5 %), the base salary in whole
     * đồng, dates ISO or dd/MM/yyyy.
     */
    record NewRule(
            @Nullable String table,
            @Nullable String key,
            @Nullable Long amount,
            @Nullable BigDecimal rate,
            @Nullable String baseKind,
            @Nullable BigDecimal capFraction,
            @Nullable String validFrom,
            @Nullable String documentNo,
            @Nullable String documentDate,
            @Nullable String note) {}
}
