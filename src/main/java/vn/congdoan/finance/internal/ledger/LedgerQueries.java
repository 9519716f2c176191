package vn.congdoan.finance.internal.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.Ledger.EntryView;
import vn.congdoan.finance.Ledger.PostingView;
import vn.congdoan.finance.Ledger.Totals;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;

/** Reads of the ledger with no scope check; {@link LedgerService} filters by scope before or in the query. */
@Component
class LedgerQueries {

    static final int PAGE_SIZE = 50;

    private static final String POSTING_COLUMNS = """
            select p.id, p.idempotency_key, p.org_unit_id, u.name, p.kind, p.revenue_kind, p.spending_category, p.amount,
                   p.entry_date, p.period, p.description, p.source_type, p.source_id, p.reverses_id, r.id, p.reason,
                   s.id, s.document_no, s.valid_from, s.verified, p.posted_at, p.posted_by_name
              from finance.posting p
              join organisation.org_unit u on u.id = p.org_unit_id
              left join finance.posting r on r.reverses_id = p.id
              left join finance.split_rule s on s.id = p.split_rule_id
            """;

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PostingView load(long id, boolean duplicate) {
        PostingView p = jdbc.sql(POSTING_COLUMNS + " where p.id = :id")
                .param("id", id)
                .query((rs, n) -> posting(rs, List.of(), duplicate))
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("posting", id));
        return withEntries(List.of(p)).get(0);
    }

    List<PostingView> bySource(String sourceType, long sourceId, String[] paths) {
        return withEntries(jdbc.sql(POSTING_COLUMNS + """
                         where p.source_type = :type and p.source_id = :id
                           and u.path <@ any(cast(:roots as ltree[]))
                         order by p.id""")
                .param("type", sourceType)
                .param("id", sourceId)
                .param("roots", SqlArrays.ofLabels(paths))
                .query((rs, n) -> posting(rs, List.of(), false))
                .list());
    }

    Ledger.PostingPage journal(Ledger.JournalFilter f) {
        StringBuilder where = new StringBuilder(" where p.org_unit_id = :unit");
        Map<String, Object> params = new HashMap<>();
        params.put("unit", f.unitId());
        if (f.from() != null) {
            where.append(" and p.entry_date >= :from");
            params.put("from", f.from());
        }
        if (f.toExclusive() != null) {
            where.append(" and p.entry_date < :to");
            params.put("to", f.toExclusive());
        }
        if (f.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", f.kind());
        }
        int page = Math.max(0, f.page());
        long total = jdbc.sql("select count(*) from finance.posting p" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<PostingView> items = jdbc.sql(
                        POSTING_COLUMNS + where + " order by p.entry_date desc, p.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> posting(rs, List.of(), false))
                .list();
        return new Ledger.PostingPage(withEntries(items), page, PAGE_SIZE, total);
    }

    Totals totals(long unitId, LocalDate from, LocalDate to) {
        Map<String, Money> collected = new TreeMap<>();
        Map<String, Money> kept = new TreeMap<>();
        Map<String, Money> upper = new TreeMap<>();
        Map<String, Money> fromLower = new TreeMap<>();
        Map<String, Money> spent = new TreeMap<>();
        jdbc.sql("""
                        select e.account, coalesce(e.revenue_kind, e.spending_category), sum(e.amount)
                          from finance.ledger_entry e
                         where e.org_unit_id = :unit and e.entry_date >= :from and e.entry_date < :to
                         group by 1, 2""").param("unit", unitId).param("from", from).param("to", to).query(rs -> {
            String account = rs.getString(1);
            String kind = rs.getString(2);
            Money sum = Money.of(rs.getBigDecimal(3));
            switch (account) {
                case Ledger.SHARE_KEPT -> {
                    kept.merge(kind, sum, Money::plus);
                    collected.merge(kind, sum, Money::plus);
                }
                case Ledger.SHARE_UPPER -> {
                    upper.merge(kind, sum, Money::plus);
                    collected.merge(kind, sum, Money::plus);
                }
                default -> spent.merge(kind, sum.negate(), Money::plus);
            }
        });
        jdbc.sql("""
                        select e.revenue_kind, sum(e.amount) from finance.ledger_entry e
                         where e.counterparty_unit_id = :unit and e.account = 'SHARE_UPPER'
                           and e.entry_date >= :from and e.entry_date < :to
                         group by 1""").param("unit", unitId).param("from", from).param("to", to).query(rs -> {
            fromLower.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
        });
        Money balance = sum(kept).plus(sum(fromLower)).minus(sum(spent));
        return new Totals(unitId, from, to, collected, kept, upper, fromLower, spent, balance);
    }

    private static Money sum(Map<String, Money> m) {
        return m.values().stream().reduce(Money.ZERO, Money::plus);
    }

    private List<PostingView> withEntries(List<PostingView> postings) {
        if (postings.isEmpty()) {
            return postings;
        }
        Map<Long, List<EntryView>> entries = new HashMap<>();
        jdbc.sql("""
                        select e.posting_id, e.id, e.org_unit_id, e.account, e.revenue_kind, e.spending_category,
                               e.counterparty_unit_id, c.name, e.amount, e.entry_date
                          from finance.ledger_entry e
                          left join organisation.org_unit c on c.id = e.counterparty_unit_id
                         where e.posting_id = any(cast(:ids as bigint[]))
                         order by e.posting_id, e.id""")
                .param(
                        "ids",
                        SqlArrays.ofLongs(postings.stream().map(PostingView::id).toList()))
                .query(rs -> {
                    entries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new EntryView(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    (Long) rs.getObject(7, Long.class),
                                    rs.getString(8),
                                    Money.of(rs.getBigDecimal(9)),
                                    rs.getObject(10, LocalDate.class)));
                });
        List<PostingView> out = new ArrayList<>(postings.size());
        for (PostingView p : postings) {
            out.add(new PostingView(
                    p.id(),
                    p.idempotencyKey(),
                    p.unitId(),
                    p.unitName(),
                    p.kind(),
                    p.revenueKind(),
                    p.spendingCategory(),
                    p.amount(),
                    p.entryDate(),
                    p.period(),
                    p.description(),
                    p.sourceType(),
                    p.sourceId(),
                    p.reversesId(),
                    p.reversedById(),
                    p.reason(),
                    p.splitRule(),
                    p.postedAt(),
                    p.postedByName(),
                    List.copyOf(entries.getOrDefault(p.id(), List.of())),
                    p.duplicate()));
        }
        return out;
    }

    private static PostingView posting(ResultSet rs, List<EntryView> entries, boolean duplicate) throws SQLException {
        LocalDate period = rs.getObject(10, LocalDate.class);
        long ruleId = rs.getLong(17);
        FeeRules.RuleRef rule = rs.wasNull()
                ? null
                : new FeeRules.RuleRef(
                        "split_rule", ruleId, rs.getString(18), rs.getObject(19, LocalDate.class), rs.getBoolean(20));
        BigDecimal amount = rs.getBigDecimal(8);
        return new PostingView(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Money.of(amount),
                rs.getObject(9, LocalDate.class),
                period == null ? null : YearMonth.from(period),
                rs.getString(11),
                rs.getString(12),
                (Long) rs.getObject(13, Long.class),
                (Long) rs.getObject(14, Long.class),
                (Long) rs.getObject(15, Long.class),
                rs.getString(16),
                rule,
                rs.getTimestamp(21).toInstant(),
                rs.getString(22),
                entries,
                duplicate);
    }
}
