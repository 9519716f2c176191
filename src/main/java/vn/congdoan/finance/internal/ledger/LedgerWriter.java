package vn.congdoan.finance.internal.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.Ledger.PostingView;
import vn.congdoan.finance.Ledger.Receipt;
import vn.congdoan.finance.Ledger.Spending;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * Writes postings with no scope check: the one place a row enters {@code finance.posting} and {@code
 * finance.ledger_entry}. {@link LedgerService} calls it after {@code FinanceAccess} has checked the caller; finance's
 * own services and demo seeders (which have checked scope themselves, or act as the system) call it directly.
 * Nothing here updates or deletes: the database refuses that anyway (V1 triggers).
 *
 * <p>A receipt is split by the split rule of its entry date (QĐ 1408/QĐ-TLĐ Art. 28): {@code SHARE_KEPT} for the
 * unit, {@code SHARE_UPPER} payable to the unit's parent <em>on the entry date</em> (the tree of that day, so a
 * payment dated before the 01/07/2025 restructuring owes the district union that existed then). A root unit has no
 * upper level and keeps all. {@code BUDGET_SUPPORT} (money from the upper level) is kept whole with no rule.
 *
 * <p>Idempotency: {@code insert … on conflict do nothing}; when the key exists the first posting is returned marked
 * {@code duplicate}, or refused when the same key arrives with a different unit, kind or amount. Two concurrent
 * requests with one key: the second waits on the unique index until the first commits, then finds it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerWriter {

    static final int MAX_KEY = 200;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_REASON = 1000;
    static final Money MAX_AMOUNT = Money.of(1_000_000_000_000_000L);
    static final Set<String> REVENUE_KINDS =
            Set.of(FeeRules.DUES, FeeRules.DUES_EXTRA, FeeRules.FUND, FeeRules.BUDGET_SUPPORT, FeeRules.OTHER);
    private static final Pattern KEY = Pattern.compile("[\\p{Alnum}:_./#@+=-]+");
    private static final Pattern SOURCE_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FeeRules rules;
    private final LedgerQueries queries;
    private final Clock clock;

    LedgerWriter(JdbcClient jdbc, JdbcTemplate template, FeeRules rules, LedgerQueries queries, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.rules = rules;
        this.queries = queries;
        this.clock = clock;
    }

    /** Records a receipt with its split; joins the caller's transaction. No scope check. */
    public PostingView receive(Receipt r, Actor actor) {
        Receipt receipt = validReceipt(r, true);
        Split split = split(receipt.revenueKind(), receipt.amount(), receipt.entryDate(), new HashMap<>());
        Long parent = parentOn(receipt.unitId(), receipt.entryDate());
        Optional<Long> id = jdbc.sql("""
                        insert into finance.posting (idempotency_key, org_unit_id, kind, revenue_kind, amount, entry_date,
                               period, description, source_type, source_id, split_rule_id, posted_by, posted_by_name, posted_at)
                        values (:key, :unit, 'RECEIPT', :kind, :amount, :date, :period, :description, :sourceType,
                               :sourceId, :rule, :by, :byName, :at)
                        on conflict (idempotency_key) do nothing returning id""")
                .param("key", receipt.idempotencyKey())
                .param("unit", receipt.unitId())
                .param("kind", receipt.revenueKind())
                .param("amount", receipt.amount().amount())
                .param("date", receipt.entryDate())
                .param(
                        "period",
                        receipt.period() == null ? null : receipt.period().atDay(1))
                .param("description", receipt.description())
                .param("sourceType", receipt.sourceType())
                .param("sourceId", receipt.sourceId())
                .param("rule", split.ruleId())
                .param("by", actor.userId())
                .param("byName", actor.name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return duplicate(
                    receipt.idempotencyKey(),
                    receipt.unitId(),
                    Ledger.RECEIPT,
                    receipt.amount(),
                    receipt.revenueKind());
        }
        Money upper = parent == null ? Money.ZERO : split.upper();
        Money kept = receipt.amount().minus(upper);
        entry(
                id.get(),
                receipt.unitId(),
                Ledger.SHARE_KEPT,
                receipt.revenueKind(),
                null,
                null,
                kept,
                receipt.entryDate());
        entry(
                id.get(),
                receipt.unitId(),
                Ledger.SHARE_UPPER,
                receipt.revenueKind(),
                null,
                parent,
                upper,
                receipt.entryDate());
        return queries.load(id.get(), false);
    }

    /** Records spending (a negative {@code SPENT} entry); joins the caller's transaction. No scope check. */
    public PostingView spend(Spending s, Actor actor) {
        Spending spending = validSpending(s, true);
        Optional<Long> id = jdbc.sql("""
                        insert into finance.posting (idempotency_key, org_unit_id, kind, spending_category, amount,
                               entry_date, description, source_type, source_id, posted_by, posted_by_name, posted_at)
                        values (:key, :unit, 'SPENDING', :category, :amount, :date, :description, :sourceType,
                               :sourceId, :by, :byName, :at)
                        on conflict (idempotency_key) do nothing returning id""")
                .param("key", spending.idempotencyKey())
                .param("unit", spending.unitId())
                .param("category", spending.category())
                .param("amount", spending.amount().amount())
                .param("date", spending.entryDate())
                .param("description", spending.description())
                .param("sourceType", spending.sourceType())
                .param("sourceId", spending.sourceId())
                .param("by", actor.userId())
                .param("byName", actor.name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return duplicate(
                    spending.idempotencyKey(),
                    spending.unitId(),
                    Ledger.SPENDING,
                    spending.amount(),
                    spending.category());
        }
        entry(
                id.get(),
                spending.unitId(),
                Ledger.SPENT,
                null,
                spending.category(),
                null,
                spending.amount().negate(),
                spending.entryDate());
        return queries.load(id.get(), false);
    }

    /** The unit of a posting, for the scope check before a reversal. */
    public long unitOf(long postingId) {
        return jdbc.sql("select org_unit_id from finance.posting where id = :id")
                .param("id", postingId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("posting", postingId));
    }

    /**
     * Reverses a posting on a date with a reason (once only): a REVERSAL posting whose entries negate the original's,
     * with the original's source, so it shows next to it. No scope check.
     */
    public PostingView reverse(long postingId, String reason, String idempotencyKey, LocalDate on, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String key = checkKey(idempotencyKey, problems);
        String why = Text.clean(reason);
        if (why == null || why.isBlank()) {
            problems.add(new FieldProblem("reason", "finance.reason.required"));
        } else if (why.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "finance.reason.tooLong", MAX_REASON));
        }
        if (on == null) {
            problems.add(new FieldProblem("entryDate", "finance.entryDate.required"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        record Original(
                long unitId,
                String kind,
                @Nullable String revenueKind,
                @Nullable String category,
                BigDecimal amount,
                @Nullable String sourceType,
                @Nullable Long sourceId,
                @Nullable LocalDate period,
                LocalDate entryDate) {}
        Original o = jdbc.sql("""
                        select org_unit_id, kind, revenue_kind, spending_category, amount, source_type, source_id, period,
                               entry_date
                          from finance.posting where id = :id for share""")
                .param("id", postingId)
                .query((rs, n) -> new Original(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        (Long) rs.getObject(7, Long.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("posting", postingId));
        if (Ledger.REVERSAL.equals(o.kind())) {
            throw new FinanceRejectedException(new FieldProblem("postingId", "finance.reversal.ofReversal"));
        }
        if (on.isBefore(o.entryDate())) {
            throw new FinanceRejectedException(new FieldProblem("entryDate", "finance.reversal.beforeOriginal"));
        }
        Optional<Long> id = jdbc.sql("""
                        insert into finance.posting (idempotency_key, org_unit_id, kind, revenue_kind, spending_category,
                               amount, entry_date, period, description, source_type, source_id, reverses_id, reason,
                               posted_by, posted_by_name, posted_at)
                        select :key, p.org_unit_id, 'REVERSAL', p.revenue_kind, p.spending_category, -p.amount, :date,
                               p.period, 'Bút toán đảo: ' || left(p.description, 400), p.source_type, p.source_id, p.id,
                               :reason, :by, :byName, :at
                          from finance.posting p where p.id = :original
                        on conflict do nothing returning id""")
                .param("key", key)
                .param("date", on)
                .param("reason", why)
                .param("by", actor.userId())
                .param("byName", actor.name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("original", postingId)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            record Existing(long id, @Nullable Long reverses) {}
            Optional<Existing> same = jdbc.sql(
                            "select id, reverses_id from finance.posting where idempotency_key = :key")
                    .param("key", key)
                    .query((rs, n) -> new Existing(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
                    .optional();
            if (same.isPresent() && Objects.equals(same.get().reverses(), postingId)) {
                return queries.load(same.get().id(), true);
            }
            if (same.isPresent()) {
                throw new FinanceRejectedException(new FieldProblem("idempotencyKey", "finance.idempotencyKey.reused"));
            }
            throw new FinanceRejectedException(new FieldProblem("postingId", "finance.reversal.already"));
        }
        jdbc.sql("""
                        insert into finance.ledger_entry (posting_id, org_unit_id, account, revenue_kind, spending_category,
                               counterparty_unit_id, amount, entry_date)
                        select :id, e.org_unit_id, e.account, e.revenue_kind, e.spending_category, e.counterparty_unit_id,
                               -e.amount, :date
                          from finance.ledger_entry e where e.posting_id = :original order by e.id""")
                .param("id", id.get())
                .param("date", on)
                .param("original", postingId)
                .update();
        return queries.load(id.get(), false);
    }

    /** Today in Vietnam, the entry date of reversals made through the UI and API. */
    public LocalDate today() {
        return Dates.today(clock);
    }

    /**
     * Many receipts at once, for seeders and imports: validated, split in Java, written by one set-based statement
     * per chunk. Keys already present are skipped (a re-run posts nothing twice); a key repeated in the list counts
     * once. Returns how many postings were written. No scope check; entry dates may lie anywhere in the past.
     */
    public int receiveAll(List<Receipt> receipts, Actor actor) {
        Map<String, Receipt> byKey = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            Receipt v = validReceipt(r, false);
            byKey.putIfAbsent(v.idempotencyKey(), v);
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        requireUnits(byKey.values().stream().map(Receipt::unitId).toList());
        Parents parents = parents(byKey.values().stream().map(Receipt::unitId).toList());
        Map<String, Share> splits = new HashMap<>();
        List<Receipt> all = new ArrayList<>(byKey.values());
        int written = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Receipt> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            int n = chunk.size();
            String[][] cols = new String[12][n];
            for (int i = 0; i < n; i++) {
                Receipt r = chunk.get(i);
                Split s = split(r.revenueKind(), r.amount(), r.entryDate(), splits);
                Long parent = parents.on(r.unitId(), r.entryDate());
                Money upper = parent == null ? Money.ZERO : s.upper();
                cols[0][i] = r.idempotencyKey();
                cols[1][i] = String.valueOf(r.unitId());
                cols[2][i] = r.revenueKind();
                cols[3][i] = r.amount().toString();
                cols[4][i] = r.entryDate().toString();
                cols[5][i] = r.period() == null ? null : r.period().atDay(1).toString();
                cols[6][i] = r.description();
                cols[7][i] = r.sourceType();
                cols[8][i] = r.sourceId() == null ? null : String.valueOf(r.sourceId());
                cols[9][i] = s.ruleId() == null ? null : String.valueOf(s.ruleId());
                cols[10][i] = r.amount().minus(upper).toString();
                cols[11][i] = parent == null ? null : upper + ";" + parent;
            }
            written += template.execute((ConnectionCallback<Integer>) con -> {
                try (PreparedStatement ps = con.prepareStatement(BATCH_RECEIPTS)) {
                    for (int c = 0; c < cols.length; c++) {
                        Array a = con.createArrayOf("text", cols[c]);
                        ps.setArray(c + 1, a);
                    }
                    ps.setObject(13, actor.userId());
                    ps.setString(14, actor.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }
        return written;
    }

    /** Many spendings at once (see {@link #receiveAll}). */
    public int spendAll(List<Spending> spendings, Actor actor) {
        Map<String, Spending> byKey = new LinkedHashMap<>();
        for (Spending s : spendings) {
            Spending v = validSpending(s, false);
            byKey.putIfAbsent(v.idempotencyKey(), v);
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        requireUnits(byKey.values().stream().map(Spending::unitId).toList());
        List<Spending> all = new ArrayList<>(byKey.values());
        int written = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Spending> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            int n = chunk.size();
            String[][] cols = new String[8][n];
            for (int i = 0; i < n; i++) {
                Spending s = chunk.get(i);
                cols[0][i] = s.idempotencyKey();
                cols[1][i] = String.valueOf(s.unitId());
                cols[2][i] = s.category();
                cols[3][i] = s.amount().toString();
                cols[4][i] = s.entryDate().toString();
                cols[5][i] = s.description();
                cols[6][i] = s.sourceType();
                cols[7][i] = s.sourceId() == null ? null : String.valueOf(s.sourceId());
            }
            written += template.execute((ConnectionCallback<Integer>) con -> {
                try (PreparedStatement ps = con.prepareStatement(BATCH_SPENDINGS)) {
                    for (int c = 0; c < cols.length; c++) {
                        ps.setArray(c + 1, con.createArrayOf("text", cols[c]));
                    }
                    ps.setObject(9, actor.userId());
                    ps.setString(10, actor.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }
        return written;
    }

    private static final int CHUNK = 5000;

    // Data-modifying CTEs: the postings and their entries in one statement; foreign keys are checked at its end.
    private static final String BATCH_RECEIPTS = """
            with input as (
                select t.key, t.unit::bigint as unit, t.kind, t.amount::numeric as amount, t.entry_date::date as entry_date,
                       t.period::date as period, t.description, t.source_type, t.source_id::bigint as source_id,
                       t.rule::bigint as rule, t.kept::numeric as kept,
                       split_part(t.upper, ';', 1)::numeric as upper, nullif(split_part(t.upper, ';', 2), '')::bigint as parent
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[])
                       as t(key, unit, kind, amount, entry_date, period, description, source_type, source_id, rule, kept,
                            upper)),
            ins as (
                insert into finance.posting (idempotency_key, org_unit_id, kind, revenue_kind, amount, entry_date, period,
                       description, source_type, source_id, split_rule_id, posted_by, posted_by_name)
                select key, unit, 'RECEIPT', kind, amount, entry_date, period, description, source_type, source_id, rule,
                       ?::bigint, ?
                  from input
                on conflict (idempotency_key) do nothing
                returning id, idempotency_key),
            kept as (
                insert into finance.ledger_entry (posting_id, org_unit_id, account, revenue_kind, amount, entry_date)
                select ins.id, i.unit, 'SHARE_KEPT', i.kind, i.kept, i.entry_date
                  from ins join input i on i.key = ins.idempotency_key where i.kept <> 0
                returning 1),
            upper as (
                insert into finance.ledger_entry (posting_id, org_unit_id, account, revenue_kind, counterparty_unit_id,
                       amount, entry_date)
                select ins.id, i.unit, 'SHARE_UPPER', i.kind, i.parent, i.upper, i.entry_date
                  from ins join input i on i.key = ins.idempotency_key where i.parent is not null and i.upper <> 0
                returning 1)
            select (select count(*) from ins)::int + 0 * ((select count(*) from kept) + (select count(*) from upper))::int
            """;

    private static final String BATCH_SPENDINGS = """
            with input as (
                select t.key, t.unit::bigint as unit, t.category, t.amount::numeric as amount,
                       t.entry_date::date as entry_date, t.description, t.source_type, t.source_id::bigint as source_id
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       as t(key, unit, category, amount, entry_date, description, source_type, source_id)),
            ins as (
                insert into finance.posting (idempotency_key, org_unit_id, kind, spending_category, amount, entry_date,
                       description, source_type, source_id, posted_by, posted_by_name)
                select key, unit, 'SPENDING', category, amount, entry_date, description, source_type, source_id,
                       ?::bigint, ?
                  from input
                on conflict (idempotency_key) do nothing
                returning id, idempotency_key),
            spent as (
                insert into finance.ledger_entry (posting_id, org_unit_id, account, spending_category, amount, entry_date)
                select ins.id, i.unit, 'SPENT', i.category, -i.amount, i.entry_date
                  from ins join input i on i.key = ins.idempotency_key
                returning 1)
            select (select count(*) from ins)::int + 0 * (select count(*) from spent)::int
            """;

    private PostingView duplicate(String key, long unitId, String kind, Money amount, String kindDetail) {
        record Existing(
                long id,
                long unitId,
                String kind,
                BigDecimal amount,
                @Nullable String detail) {}
        Existing e = jdbc.sql("""
                        select id, org_unit_id, kind, amount, coalesce(revenue_kind, spending_category)
                          from finance.posting where idempotency_key = :key""")
                .param("key", key)
                .query((rs, n) -> new Existing(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)))
                .single();
        if (e.unitId() != unitId
                || !e.kind().equals(kind)
                || e.amount().compareTo(amount.amount()) != 0
                || !Objects.equals(e.detail(), kindDetail)) {
            throw new FinanceRejectedException(new FieldProblem("idempotencyKey", "finance.idempotencyKey.reused"));
        }
        return queries.load(e.id(), true);
    }

    private void entry(
            long postingId,
            long unitId,
            String account,
            @Nullable String revenueKind,
            @Nullable String category,
            @Nullable Long counterparty,
            Money amount,
            LocalDate date) {
        if (amount.isZero()) {
            return;
        }
        jdbc.sql("""
                        insert into finance.ledger_entry (posting_id, org_unit_id, account, revenue_kind, spending_category,
                               counterparty_unit_id, amount, entry_date)
                        values (:posting, :unit, :account, :kind, :category, :counterparty, :amount, :date)""")
                .param("posting", postingId)
                .param("unit", unitId)
                .param("account", account)
                .param("kind", revenueKind)
                .param("category", category)
                .param("counterparty", counterparty)
                .param("amount", amount.amount())
                .param("date", date)
                .update();
    }

    /** A split as the ledger applies it: upper share and the rule's id (null for budget support, kept whole). */
    record Split(Money upper, @Nullable Long ruleId) {}

    private record Share(BigDecimal share, long ruleId) {}

    private Split split(String kind, Money amount, LocalDate on, Map<String, Share> cache) {
        if (FeeRules.BUDGET_SUPPORT.equals(kind)) {
            return new Split(Money.ZERO, null);
        }
        // The share and rule depend on (kind, date) only; the rounding is Money.split's, exactly as FeeRules.split.
        Share share = cache.computeIfAbsent(kind + "@" + on, k -> {
            FeeRules.ShareSplit s = rules.split(kind, Money.ZERO, on);
            return new Share(s.grassrootsShare(), s.rule().id());
        });
        Money[] parts = amount.split(share.share());
        return new Split(parts[1], share.ruleId());
    }

    private @Nullable Long parentOn(long unitId, LocalDate on) {
        return parents(List.of(unitId)).on(unitId, on);
    }

    private record Period(
            LocalDate from,
            @Nullable LocalDate to,
            @Nullable Long parent) {}

    /** Each unit's parent through time ({@code organisation.org_unit_period}), else today's parent. */
    private record Parents(Map<Long, List<Period>> byUnit, Map<Long, Long> today) {
        @Nullable
        Long on(long unitId, LocalDate date) {
            for (Period p : byUnit.getOrDefault(unitId, List.of())) {
                if (!date.isBefore(p.from()) && (p.to() == null || date.isBefore(p.to()))) {
                    return p.parent();
                }
            }
            return today.get(unitId);
        }
    }

    private Parents parents(List<Long> unitIds) {
        String ids = SqlArrays.ofLongs(new TreeSet<>(unitIds));
        Map<Long, List<Period>> byUnit = new HashMap<>();
        jdbc.sql("""
                        select unit_id, parent_id, lower(during), upper(during) from organisation.org_unit_period
                         where unit_id = any(cast(:ids as bigint[]))""").param("ids", ids).query(rs -> {
            LocalDate lower = rs.getObject(3, LocalDate.class);
            byUnit.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Period(lower == null ? LocalDate.MIN : lower, rs.getObject(4, LocalDate.class), (Long)
                            rs.getObject(2, Long.class)));
        });
        Map<Long, Long> today = new HashMap<>();
        jdbc.sql("select id, parent_id from organisation.org_unit where id = any(cast(:ids as bigint[]))")
                .param("ids", ids)
                .query(rs -> {
                    Long parent = (Long) rs.getObject(2, Long.class);
                    if (parent != null) {
                        today.put(rs.getLong(1), parent);
                    }
                });
        return new Parents(byUnit, today);
    }

    private void requireUnits(List<Long> unitIds) {
        Set<Long> wanted = new TreeSet<>(unitIds);
        List<Long> found = jdbc.sql("select id from organisation.org_unit where id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.ofLongs(wanted))
                .query(Long.class)
                .list();
        if (found.size() != wanted.size()) {
            throw new FinanceRejectedException(new FieldProblem("unitId", "finance.unit.unknown"));
        }
    }

    private static @Nullable String checkKey(@Nullable String key, List<FieldProblem> problems) {
        String k = key == null ? null : key.strip();
        if (k == null || k.isEmpty()) {
            problems.add(new FieldProblem("idempotencyKey", "finance.idempotencyKey.required"));
            return null;
        }
        if (k.length() > MAX_KEY || !KEY.matcher(k).matches()) {
            problems.add(new FieldProblem("idempotencyKey", "finance.idempotencyKey.invalid", MAX_KEY));
        }
        return k;
    }

    private void common(
            @Nullable Money amount,
            @Nullable LocalDate entryDate,
            @Nullable String description,
            @Nullable String sourceType,
            @Nullable Long sourceId,
            List<FieldProblem> problems) {
        if (amount == null || !amount.isPositive()) {
            problems.add(new FieldProblem("amount", "finance.amount.positive"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("amount", "finance.amount.tooLarge"));
        }
        if (entryDate == null) {
            problems.add(new FieldProblem("entryDate", "finance.entryDate.required"));
        } else if (entryDate.isAfter(Dates.today(clock))) {
            problems.add(new FieldProblem("entryDate", "finance.entryDate.future"));
        } else if (entryDate.getYear() < 2000) {
            problems.add(new FieldProblem("entryDate", "finance.entryDate.outOfRange"));
        }
        if (description == null || description.isBlank()) {
            problems.add(new FieldProblem("description", "finance.description.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "finance.description.tooLong", MAX_DESCRIPTION));
        }
        if (sourceType != null && !SOURCE_TYPE.matcher(sourceType).matches()) {
            problems.add(new FieldProblem("sourceType", "finance.sourceType.invalid"));
        }
        if ((sourceType == null) != (sourceId == null)) {
            problems.add(new FieldProblem("sourceId", "finance.sourceId.pair"));
        }
    }

    private Receipt validReceipt(@Nullable Receipt r, boolean checkUnit) {
        if (r == null) {
            throw new FinanceRejectedException(new FieldProblem("receipt", "finance.receipt.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String key = checkKey(r.idempotencyKey(), problems);
        if (r.revenueKind() == null || !REVENUE_KINDS.contains(r.revenueKind())) {
            problems.add(new FieldProblem("revenueKind", "finance.revenueKind.unknown"));
        }
        String description = Text.clean(r.description());
        common(r.amount(), r.entryDate(), description, r.sourceType(), r.sourceId(), problems);
        if (problems.isEmpty() && checkUnit) {
            requireUnits(List.of(r.unitId()));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        return new Receipt(
                key,
                r.unitId(),
                r.revenueKind(),
                r.amount(),
                r.entryDate(),
                r.period(),
                description,
                r.sourceType(),
                r.sourceId());
    }

    private Spending validSpending(@Nullable Spending s, boolean checkUnit) {
        if (s == null) {
            throw new FinanceRejectedException(new FieldProblem("spending", "finance.spending.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String key = checkKey(s.idempotencyKey(), problems);
        if (s.category() == null || !Ledger.SPENDING_CATEGORIES.contains(s.category())) {
            problems.add(new FieldProblem("category", "finance.category.unknown"));
        }
        String description = Text.clean(s.description());
        common(s.amount(), s.entryDate(), description, s.sourceType(), s.sourceId(), problems);
        if (problems.isEmpty() && checkUnit) {
            requireUnits(List.of(s.unitId()));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        return new Spending(
                key, s.unitId(), s.category(), s.amount(), s.entryDate(), description, s.sourceType(), s.sourceId());
    }
}
