package vn.congdoan.finance.internal.rules;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.Text;

/**
 * The dated rule tables of DOMAIN.md §4 read by date: the version whose half-open period {@code [valid_from,
 * valid_to)} contains the date applies. A month is judged by its first day (every rule of §4 starts on the 1st).
 *
 * <ul>
 *   <li>Dues: QĐ 1908/QĐ-TLĐ Art. 23 (1 % until 30/06/2025), QĐ 61/QĐ-TLĐ (0.5 % from 01/07/2025), cap 10 % of the
 *       base salary for the enterprise groups; flat group: rate × base salary.
 *   <li>Union fund (KPCĐ): 2 % of the BHXH payroll, Law 12/2012/QH13 Art. 26, Law 50/2024/QH15 Art. 29.
 *   <li>Split: QĐ 1408/QĐ-TLĐ Art. 28 (grassroots keeps 70 % of dues, 75 % of KPCĐ, 100 % of extra dues and other
 *       income); earlier QĐ 4290/QĐ-TLĐ and QĐ 8108/QĐ-TLĐ.
 *   <li>Base salary: Decree 24/2023/NĐ-CP, Decree 73/2024/NĐ-CP.
 * </ul>
 *
 * <p>Rounding: {@link Money#times} (half-up to the whole đồng); the split gives the grassroots share rounded half-up
 * and the rest to the upper level ({@link Money#split}).
 */
@Service
@Transactional(readOnly = true)
class FeeRulesService implements FeeRules {

    static final Set<String> TABLES = Set.of("base_salary", "dues_rule", "fund_rule", "split_rule");
    static final Set<String> SPLIT_KINDS = Set.of(DUES, DUES_EXTRA, FUND, OTHER);
    static final Set<String> BASE_KINDS = Set.of("INSURED_SALARY", "TAKE_HOME_PAY", "BASE_SALARY");
    static final int MAX_DOCUMENT = 200;
    static final int MAX_NOTE = 2000;
    static final Money MAX_SALARY = Money.of(100_000_000_000L);

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FeeRulesService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<MemberGroupView> memberGroups() {
        return jdbc.sql("select code, name, name_en from finance.member_group order by sort_order, code")
                .query((rs, n) -> new MemberGroupView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private record DuesRow(
            long id,
            String baseKind,
            BigDecimal rate,
            @Nullable BigDecimal capFraction,
            RuleRef ref) {}

    @Override
    public DuesQuote quoteDues(String memberGroup, Money salary, YearMonth month) {
        List<FieldProblem> problems = new ArrayList<>();
        String group = memberGroup == null ? "" : memberGroup.strip();
        if (group.isEmpty()) {
            problems.add(new FieldProblem("memberGroup", "finance.memberGroup.required"));
        } else if (memberGroups().stream().noneMatch(g -> g.code().equals(group))) {
            problems.add(new FieldProblem("memberGroup", "finance.memberGroup.unknown"));
        }
        if (salary == null) {
            problems.add(new FieldProblem("salary", "finance.salary.required"));
        } else if (salary.isNegative()) {
            problems.add(new FieldProblem("salary", "finance.salary.negative"));
        } else if (salary.compareTo(MAX_SALARY) > 0) {
            problems.add(new FieldProblem("salary", "finance.salary.tooLarge", MAX_SALARY.format()));
        }
        if (month == null) {
            problems.add(new FieldProblem("month", "finance.month.required"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        LocalDate day = month.atDay(1);
        DuesRow rule = jdbc.sql("""
                        select id, base_kind, rate, cap_fraction, document_no, valid_from, verified
                          from finance.dues_rule
                         where member_group = :group and valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("group", group)
                .param("day", day)
                .query((rs, n) -> new DuesRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        ref(rs, "dues_rule", 1, 5, 6, 7)))
                .optional()
                .orElseThrow(() -> new FinanceRejectedException(
                        new FieldProblem("month", "finance.month.noDuesRule", monthText(month))));
        BaseSalary baseSalary = findBaseSalary(day)
                .orElseThrow(() -> new FinanceRejectedException(
                        new FieldProblem("month", "finance.month.noBaseSalary", monthText(month))));
        Money base = "BASE_SALARY".equals(rule.baseKind()) ? baseSalary.amount() : salary;
        DuesPolicy.Dues dues = DuesPolicy.dues(base, rule.rate(), rule.capFraction(), baseSalary.amount());
        return new DuesQuote(
                group,
                month,
                rule.baseKind(),
                base,
                rule.rate().stripTrailingZeros(),
                dues.cap(),
                dues.amount(),
                dues.capped(),
                rule.rate().signum() > 0,
                rule.ref(),
                baseSalary.rule());
    }

    @Override
    public FundQuote quoteFund(Money payroll, YearMonth month) {
        List<FieldProblem> problems = new ArrayList<>();
        if (payroll == null) {
            problems.add(new FieldProblem("payroll", "finance.payroll.required"));
        } else if (payroll.isNegative()) {
            problems.add(new FieldProblem("payroll", "finance.payroll.negative"));
        }
        if (month == null) {
            problems.add(new FieldProblem("month", "finance.month.required"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        LocalDate day = month.atDay(1);
        record Row(BigDecimal rate, RuleRef ref) {}
        Row rule = jdbc.sql("""
                        select id, rate, document_no, valid_from, verified from finance.fund_rule
                         where valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("day", day)
                .query((rs, n) -> new Row(rs.getBigDecimal(2), ref(rs, "fund_rule", 1, 3, 4, 5)))
                .optional()
                .orElseThrow(() -> new FinanceRejectedException(
                        new FieldProblem("month", "finance.month.noFundRule", monthText(month))));
        return new FundQuote(month, payroll, rule.rate().stripTrailingZeros(), payroll.times(rule.rate()), rule.ref());
    }

    @Override
    public ShareSplit split(String revenueKind, Money amount, LocalDate on) {
        List<FieldProblem> problems = new ArrayList<>();
        if (revenueKind == null || !SPLIT_KINDS.contains(revenueKind)) {
            problems.add(new FieldProblem("revenueKind", "finance.revenueKind.noSplit"));
        }
        if (amount == null) {
            problems.add(new FieldProblem("amount", "finance.amount.required"));
        }
        if (on == null) {
            problems.add(new FieldProblem("entryDate", "finance.entryDate.required"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        SplitRow rule = splitRule(revenueKind, on)
                .orElseThrow(() -> new FinanceRejectedException(
                        new FieldProblem("entryDate", "finance.entryDate.noSplitRule", Dates.format(on))));
        Money[] parts = amount.split(rule.share());
        return new ShareSplit(revenueKind, amount, rule.share(), parts[0], parts[1], rule.ref());
    }

    /** The split rule of a revenue kind on a date, if any. */
    record SplitRow(BigDecimal share, RuleRef ref) {}

    Optional<SplitRow> splitRule(String revenueKind, LocalDate on) {
        return jdbc.sql("""
                        select id, grassroots_share, document_no, valid_from, verified from finance.split_rule
                         where revenue_kind = :kind and valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("kind", revenueKind)
                .param("day", on)
                .query((rs, n) ->
                        new SplitRow(rs.getBigDecimal(2).stripTrailingZeros(), ref(rs, "split_rule", 1, 3, 4, 5)))
                .optional();
    }

    @Override
    public BaseSalary baseSalary(LocalDate on) {
        if (on == null) {
            throw new FinanceRejectedException(new FieldProblem("date", "finance.date.required"));
        }
        return findBaseSalary(on)
                .orElseThrow(() -> new FinanceRejectedException(
                        new FieldProblem("date", "finance.date.noBaseSalary", Dates.format(on))));
    }

    private Optional<BaseSalary> findBaseSalary(LocalDate on) {
        return jdbc.sql("""
                        select id, amount, document_no, valid_from, verified from finance.base_salary
                         where valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("day", on)
                .query((rs, n) -> new BaseSalary(Money.of(rs.getBigDecimal(2)), ref(rs, "base_salary", 1, 3, 4, 5)))
                .optional();
    }

    private static RuleRef ref(ResultSet rs, String table, int id, int doc, int from, int verified)
            throws SQLException {
        return new RuleRef(
                table, rs.getLong(id), rs.getString(doc), rs.getDate(from).toLocalDate(), rs.getBoolean(verified));
    }

    @Override
    public RuleBook rules() {
        return new RuleBook(
                versions("base_salary", "null", "amount::text"),
                versions(
                        "dues_rule",
                        "member_group",
                        "rate::text || ';' || base_kind || ';' || coalesce(cap_fraction::text, '')"),
                versions("fund_rule", "null", "rate::text"),
                versions("split_rule", "revenue_kind", "grassroots_share::text"));
    }

    private List<RuleVersion> versions(String table, String key, String value) {
        // table, key and value are constants of this class, never input.
        return jdbc.sql("select id, " + key + ", " + value + ", valid_from, valid_to, document_no, document_date,"
                        + " verified, note from finance." + table + " order by "
                        + ("null".equals(key) ? "" : key + ", ")
                        + "valid_from, id")
                .query((rs, n) -> new RuleVersion(
                        rs.getLong(1),
                        table,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        toLocal(rs.getDate(5)),
                        rs.getString(6),
                        toLocal(rs.getDate(7)),
                        rs.getBoolean(8),
                        rs.getString(9)))
                .list();
    }

    private static @Nullable LocalDate toLocal(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

    @Override
    @Transactional
    public RuleRef addVersion(NewRuleVersion v, AccessScope scope, Actor actor) {
        scope.require(RULES);
        List<FieldProblem> problems = new ArrayList<>();
        String table = v.table() == null ? "" : v.table().strip();
        if (!TABLES.contains(table)) {
            problems.add(new FieldProblem("table", "finance.rule.table.unknown"));
        }
        String documentNo = Text.clean(v.documentNo());
        if (documentNo == null || documentNo.isBlank()) {
            problems.add(new FieldProblem("documentNo", "finance.rule.documentNo.required"));
        } else if (documentNo.length() > MAX_DOCUMENT) {
            problems.add(new FieldProblem("documentNo", "finance.rule.documentNo.tooLong", MAX_DOCUMENT));
        }
        String note = Text.clean(v.note());
        if (note != null && note.isBlank()) {
            note = null;
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "finance.rule.note.tooLong", MAX_NOTE));
        }
        if (v.validFrom() == null) {
            problems.add(new FieldProblem("validFrom", "finance.rule.validFrom.required"));
        } else if (v.validFrom().getDayOfMonth() != 1) {
            problems.add(new FieldProblem("validFrom", "finance.rule.validFrom.firstOfMonth"));
        } else if (v.validFrom().getYear() < 2000 || v.validFrom().getYear() > 2100) {
            problems.add(new FieldProblem("validFrom", "finance.rule.validFrom.outOfRange"));
        }
        if (v.documentDate() != null && v.documentDate().getYear() < 1990) {
            problems.add(new FieldProblem("documentDate", "finance.rule.documentDate.outOfRange"));
        }
        String key = v.key() == null ? null : v.key().strip();
        switch (table) {
            case "base_salary" -> {
                if (v.amount() == null || !v.amount().isPositive()) {
                    problems.add(new FieldProblem("amount", "finance.rule.amount.positive"));
                } else if (v.amount().compareTo(MAX_SALARY) > 0) {
                    problems.add(new FieldProblem("amount", "finance.rule.amount.tooLarge"));
                }
                key = null;
            }
            case "dues_rule" -> {
                if (key == null
                        || memberGroups().stream()
                                .noneMatch(g -> g.code().equals(v.key().strip()))) {
                    problems.add(new FieldProblem("key", "finance.memberGroup.unknown"));
                }
                checkRate(v.rate(), "rate", problems);
                if (v.baseKind() == null || !BASE_KINDS.contains(v.baseKind())) {
                    problems.add(new FieldProblem("baseKind", "finance.rule.baseKind.unknown"));
                }
                if (v.capFraction() != null
                        && (v.capFraction().signum() <= 0 || v.capFraction().compareTo(BigDecimal.ONE) > 0)) {
                    problems.add(new FieldProblem("capFraction", "finance.rule.rate.range"));
                }
            }
            case "fund_rule" -> {
                checkRate(v.rate(), "rate", problems);
                key = null;
            }
            case "split_rule" -> {
                if (key == null || !SPLIT_KINDS.contains(key)) {
                    problems.add(new FieldProblem("key", "finance.revenueKind.noSplit"));
                }
                checkRate(v.rate(), "rate", problems);
            }
            default -> {
                // reported above
            }
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        String keyColumn =
                switch (table) {
                    case "dues_rule" -> "member_group";
                    case "split_rule" -> "revenue_kind";
                    default -> null;
                };
        String keyFilter = keyColumn == null ? "" : " where " + keyColumn + " = :key";
        // Serialise rule changes of one table: two admins adding a version at once must not both close the same row.
        jdbc.sql("lock table finance." + table + " in share row exclusive mode").update();
        record Latest(
                long id, LocalDate validFrom, @Nullable LocalDate validTo) {}
        JdbcClient.StatementSpec latestSql = jdbc.sql("select id, valid_from, valid_to from finance." + table
                + keyFilter + " order by valid_from desc limit 1");
        if (keyColumn != null) {
            latestSql = latestSql.param("key", key);
        }
        Optional<Latest> latest = latestSql
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getDate(2).toLocalDate(), toLocal(rs.getDate(3))))
                .optional();
        if (latest.isPresent() && !v.validFrom().isAfter(latest.get().validFrom())) {
            throw new FinanceRejectedException(new FieldProblem(
                    "validFrom",
                    "finance.rule.validFrom.notAfterLatest",
                    latest.get().validFrom()));
        }
        if (latest.isPresent()
                && (latest.get().validTo() == null || latest.get().validTo().isAfter(v.validFrom()))) {
            jdbc.sql("update finance." + table + " set valid_to = :to where id = :id")
                    .param("to", v.validFrom())
                    .param("id", latest.get().id())
                    .update();
        }
        String by = actor.name();
        long id =
                switch (table) {
                    case "base_salary" ->
                        jdbc.sql("""
                                    insert into finance.base_salary (amount, valid_from, document_no, document_date,
                                           verified, note, created_by)
                                    values (:amount, :from, :doc, :docDate, true, :note, :by) returning id""")
                                .param("amount", v.amount().amount())
                                .param("from", v.validFrom())
                                .param("doc", documentNo)
                                .param("docDate", v.documentDate())
                                .param("note", note)
                                .param("by", by)
                                .query(Long.class)
                                .single();
                    case "dues_rule" ->
                        jdbc.sql("""
                                    insert into finance.dues_rule (member_group, base_kind, rate, cap_fraction, valid_from,
                                           document_no, document_date, verified, note, created_by)
                                    values (:key, :baseKind, :rate, :cap, :from, :doc, :docDate, true, :note, :by)
                                    returning id""")
                                .param("key", key)
                                .param("baseKind", v.baseKind())
                                .param("rate", v.rate())
                                .param("cap", v.capFraction())
                                .param("from", v.validFrom())
                                .param("doc", documentNo)
                                .param("docDate", v.documentDate())
                                .param("note", note)
                                .param("by", by)
                                .query(Long.class)
                                .single();
                    case "fund_rule" ->
                        jdbc.sql("""
                                    insert into finance.fund_rule (rate, valid_from, document_no, document_date, verified,
                                           note, created_by)
                                    values (:rate, :from, :doc, :docDate, true, :note, :by) returning id""")
                                .param("rate", v.rate())
                                .param("from", v.validFrom())
                                .param("doc", documentNo)
                                .param("docDate", v.documentDate())
                                .param("note", note)
                                .param("by", by)
                                .query(Long.class)
                                .single();
                    default ->
                        jdbc.sql("""
                                    insert into finance.split_rule (revenue_kind, grassroots_share, valid_from,
                                           document_no, document_date, verified, note, created_by)
                                    values (:key, :rate, :from, :doc, :docDate, true, :note, :by) returning id""")
                                .param("key", key)
                                .param("rate", v.rate())
                                .param("from", v.validFrom())
                                .param("doc", documentNo)
                                .param("docDate", v.documentDate())
                                .param("note", note)
                                .param("by", by)
                                .query(Long.class)
                                .single();
                };
        audit.record(AuditRecord.of(actor, "FINANCE_RULE_ADDED", null)
                .target(table.toUpperCase(java.util.Locale.ROOT), id, documentNo)
                .detail((key == null ? "" : key + " ") + "từ " + Dates.format(v.validFrom())));
        return new RuleRef(table, id, documentNo, v.validFrom(), true);
    }

    private static void checkRate(@Nullable BigDecimal rate, String field, List<FieldProblem> problems) {
        if (rate == null) {
            problems.add(new FieldProblem(field, "finance.rule.rate.required"));
        } else if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new FieldProblem(field, "finance.rule.rate.range"));
        } else if (rate.stripTrailingZeros().scale() > 6) {
            problems.add(new FieldProblem(field, "finance.rule.rate.precision"));
        }
    }

    /** {@code MM/yyyy}, as Vietnamese users write a month. */
    static String monthText(YearMonth month) {
        return String.format("%02d/%d", month.getMonthValue(), month.getYear());
    }
}
