package vn.congdoan.finance.internal.fund;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.UnionFund;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.finance.internal.accounts.CollectionAccounts;
import vn.congdoan.finance.internal.qr.VietQr;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * {@link UnionFund} on PostgreSQL. Enterprises are read from {@code enterprises.enterprise} (tax code, name, managing
 * and covering unit) in the same SQL as the scope filter, because accountants, who record KPCĐ, do not hold {@code
 * enterprise.read}. Every posting goes through {@link Ledger} inside the same transaction as the business row.
 */
@Service
class FundService implements UnionFund {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final Money MAX_AMOUNT = Money.of(1_000_000_000_000_000L);

    private final JdbcClient jdbc;
    private final FeeRules rules;
    private final Ledger ledger;
    private final FinanceAccess access;
    private final CollectionAccounts accounts;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final FundSpreadsheets sheets;
    private final Clock clock;

    FundService(
            JdbcClient jdbc,
            FeeRules rules,
            Ledger ledger,
            FinanceAccess access,
            CollectionAccounts accounts,
            OrgTree tree,
            AuditTrail audit,
            FundSpreadsheets sheets,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.ledger = ledger;
        this.access = access;
        this.accounts = accounts;
        this.tree = tree;
        this.audit = audit;
        this.sheets = sheets;
        this.clock = clock;
    }

    /** An enterprise with the unit its fund records belong to (covering union while open, else managing unit). */
    record Enterprise(long id, String taxCode, String name, long fundUnitId, String fundUnitName, boolean covering) {}

    // The fund unit of an enterprise: its covering grassroots union while that union is open, else its managing unit.
    static final String ENTERPRISE_SQL = """
            select e.id, e.tax_code, e.name, coalesce(cu.id, e.managing_unit_id) as fund_unit_id,
                   coalesce(cu.name, mu.name) as fund_unit_name, cu.id is not null as covering,
                   coalesce(cu.path, mu.path) as fund_path
              from enterprises.enterprise e
              join organisation.org_unit mu on mu.id = e.managing_unit_id
              left join organisation.org_unit cu on cu.id = e.covering_unit_id
                    and (cu.valid_to is null or cu.valid_to > cast(:today as date))
            """;

    private static Enterprise enterpriseRow(ResultSet rs, int n) throws SQLException {
        return new Enterprise(
                rs.getLong("id"),
                rs.getString("tax_code"),
                rs.getString("name"),
                rs.getLong("fund_unit_id"),
                rs.getString("fund_unit_name"),
                rs.getBoolean("covering"));
    }

    Optional<Enterprise> findEnterprise(long id) {
        return jdbc.sql(ENTERPRISE_SQL + " where e.id = :id")
                .param("today", today())
                .param("id", id)
                .query(FundService::enterpriseRow)
                .optional();
    }

    Optional<Enterprise> findByTaxCode(String taxCode) {
        return jdbc.sql(ENTERPRISE_SQL + " where e.tax_code = :mst")
                .param("today", today())
                .param("mst", taxCode)
                .query(FundService::enterpriseRow)
                .optional();
    }

    private Enterprise readable(long enterpriseId, AccessScope scope) {
        Enterprise e = findEnterprise(enterpriseId)
                .orElseThrow(() -> new FinanceNotFoundException("ENTERPRISE", enterpriseId));
        access.requireRead(scope, e.fundUnitId(), "ENTERPRISE", enterpriseId);
        return e;
    }

    /** Writing needs finance.post over the fund unit; anyone else gets "not found" (the matrix oracle's 404). */
    private Enterprise writable(long enterpriseId, AccessScope scope) {
        Enterprise e = findEnterprise(enterpriseId)
                .orElseThrow(() -> new FinanceNotFoundException("ENTERPRISE", enterpriseId));
        if (!access.holds(scope, FeeRules.POST, e.fundUnitId())) {
            throw new FinanceNotFoundException("ENTERPRISE", enterpriseId);
        }
        return e;
    }

    LocalDate today() {
        return Dates.today(clock);
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Override
    @Transactional
    public EnterpriseFund enterprise(long enterpriseId, int year, AccessScope scope, Actor actor) {
        Enterprise e = readable(enterpriseId, scope);
        access.logInspection(scope, actor, e.fundUnitId(), "FUND", e.name());
        return fundOf(e, year, scope);
    }

    /** The enterprise's year, without the inspection log (the caller has checked scope). */
    private EnterpriseFund fundOf(Enterprise e, int year, AccessScope scope) {
        long enterpriseId = e.id();
        LocalDate today = today();
        YearMonth first = YearMonth.of(year, 1);
        Map<YearMonth, DeclRow> decls = new HashMap<>();
        jdbc.sql("""
                        select d.id, d.period, d.payroll, d.employees, d.rate, d.obligation, d.version, d.fund_rule_id,
                               r.document_no, r.valid_from, r.verified
                          from finance.fund_declaration d join finance.fund_rule r on r.id = d.fund_rule_id
                         where d.enterprise_id = :e and d.period >= :from and d.period < :to
                        """)
                .param("e", enterpriseId)
                .param("from", first.atDay(1))
                .param("to", first.plusYears(1).atDay(1))
                .query((ResultSet rs) -> {
                    YearMonth m = YearMonth.from(rs.getDate("period").toLocalDate());
                    decls.put(
                            m,
                            new DeclRow(
                                    rs.getLong("id"),
                                    Money.of(rs.getBigDecimal("payroll")),
                                    (Integer) rs.getObject("employees"),
                                    rs.getBigDecimal("rate"),
                                    Money.of(rs.getBigDecimal("obligation")),
                                    new FeeRules.RuleRef(
                                            "fund_rule",
                                            rs.getLong("fund_rule_id"),
                                            rs.getString("document_no"),
                                            rs.getDate("valid_from").toLocalDate(),
                                            rs.getBoolean("verified")),
                                    rs.getInt("version")));
                });
        List<PaymentView> payments = payments(enterpriseId);
        List<ReliefView> reliefs = reliefs(enterpriseId);
        List<FundMonth> months = new ArrayList<>();
        Money owedTotal = Money.ZERO;
        int monthsOwed = 0;
        for (int i = 0; i < 12; i++) {
            YearMonth m = first.plusMonths(i);
            DeclRow d = decls.get(m);
            Money paid = payments.stream()
                    .filter(p -> p.month().equals(m) && !p.reversed())
                    .map(PaymentView::amount)
                    .reduce(Money.ZERO, Money::plus);
            ReliefView rv = reliefs.stream()
                    .filter(r -> !m.isBefore(r.from()) && !m.isAfter(r.to()))
                    .findFirst()
                    .orElse(null);
            FundMonths.Relief relief =
                    rv == null ? null : new FundMonths.Relief(rv.kind(), rv.from(), rv.to(), rv.reductionRate());
            FundMonths.Computed c = FundMonths.compute(m, d == null ? null : d.obligation(), paid, relief, today);
            if (c.inArrears()) {
                owedTotal = owedTotal.plus(c.owed());
                monthsOwed++;
            }
            months.add(new FundMonth(
                    m,
                    d == null ? null : d.id(),
                    d == null ? null : d.payroll(),
                    d == null ? null : d.employees(),
                    d == null ? null : d.rate(),
                    d == null ? null : d.obligation(),
                    d == null ? null : d.rule(),
                    rv == null ? null : rv.kind(),
                    c.relief(),
                    c.due(),
                    paid,
                    c.owed(),
                    c.dueOn(),
                    c.inArrears(),
                    d == null ? -1 : d.version()));
        }
        // Arrears of other years count too in the headline figure.
        ArrearsRow all = arrearsOf(enterpriseId, today);
        if (all != null) {
            owedTotal = all.owed();
            monthsOwed = all.monthsOwed();
        } else {
            owedTotal = Money.ZERO;
            monthsOwed = 0;
        }
        return new EnterpriseFund(
                e.id(),
                e.taxCode(),
                e.name(),
                e.fundUnitId(),
                e.fundUnitName(),
                e.covering(),
                year,
                months,
                payments.stream().filter(p -> p.month().getYear() == year).toList(),
                reliefs,
                owedTotal,
                monthsOwed,
                access.holds(scope, FeeRules.POST, e.fundUnitId()));
    }

    private record DeclRow(
            long id,
            Money payroll,
            @Nullable Integer employees,
            BigDecimal rate,
            Money obligation,
            FeeRules.RuleRef rule,
            int version) {}

    private List<PaymentView> payments(long enterpriseId) {
        return jdbc.sql("""
                        select p.*, x.reason as reversal_reason, x.id is not null as reversed
                          from finance.fund_payment p left join finance.fund_payment_reversal x on x.payment_id = p.id
                         where p.enterprise_id = :e order by p.period, p.paid_on, p.id
                        """)
                .param("e", enterpriseId)
                .query((rs, n) -> paymentRow(rs, false))
                .list();
    }

    private static PaymentView paymentRow(ResultSet rs, boolean duplicate) throws SQLException {
        long posting = rs.getLong("posting_id");
        Long postingId = rs.wasNull() ? null : posting;
        return new PaymentView(
                rs.getLong("id"),
                rs.getLong("enterprise_id"),
                YearMonth.from(rs.getDate("period").toLocalDate()),
                Money.of(rs.getBigDecimal("amount")),
                rs.getDate("paid_on").toLocalDate(),
                rs.getLong("org_unit_id"),
                rs.getString("reference"),
                postingId,
                rs.getBoolean("reversed"),
                rs.getString("reversal_reason"),
                rs.getString("recorded_by_name"),
                duplicate);
    }

    private List<ReliefView> reliefs(long enterpriseId) {
        return jdbc.sql("select * from finance.fund_relief where enterprise_id = :e order by period_from, id")
                .param("e", enterpriseId)
                .query((rs, n) -> new ReliefView(
                        rs.getLong("id"),
                        rs.getLong("enterprise_id"),
                        rs.getString("kind"),
                        YearMonth.from(rs.getDate("period_from").toLocalDate()),
                        YearMonth.from(rs.getDate("period_to").toLocalDate()),
                        rs.getBigDecimal("reduction_rate"),
                        rs.getString("document_no"),
                        rs.getDate("document_date").toLocalDate(),
                        rs.getString("reason"),
                        rs.getString("decided_by_name")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseRef> findEnterprises(String query, AccessScope scope) {
        String q = Text.clean(query);
        String[] roots = readRoots(scope);
        if (q == null || q.isEmpty() || roots.length == 0) {
            return List.of();
        }
        return jdbc.sql("select * from (" + ENTERPRISE_SQL + """
                         where e.tax_code like :prefix or e.search_key like :contains) x
                         where x.fund_path <@ any(cast(:roots as ltree[]))
                         order by x.name, x.id limit 20
                        """)
                .param("today", today())
                .param("prefix", q.replace("%", "").replace("_", "") + "%")
                .param("contains", "%" + Text.searchKey(q).replace("%", "").replace("_", "") + "%")
                .param("roots", SqlArrays.ofLabels(roots))
                .query((rs, n) -> new EnterpriseRef(
                        rs.getLong("id"),
                        rs.getString("tax_code"),
                        rs.getString("name"),
                        rs.getLong("fund_unit_id"),
                        rs.getString("fund_unit_name")))
                .list();
    }

    private static String[] readRoots(AccessScope scope) {
        Set<String> paths = new LinkedHashSet<>(List.of(scope.paths(FeeRules.READ)));
        paths.addAll(List.of(scope.paths(FeeRules.INSPECT)));
        return paths.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------------- declarations

    @Override
    @Transactional
    public FundMonth declare(DeclareCommand command, AccessScope scope, Actor actor) {
        Enterprise e = writable(command.enterpriseId(), scope);
        List<FieldProblem> problems = new ArrayList<>();
        checkDeclaration(command.month(), command.payroll(), command.employees(), problems, "");
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        boolean corrected = save(
                e, command.month(), command.payroll(), command.employees(), command.version(), "ENTERED", actor.name());
        audit.record(AuditRecord.of(actor, "FINANCE_FUND_DECLARED", path(e.fundUnitId()))
                .target("ENTERPRISE", e.id(), e.name())
                .detail((corrected ? "correction " : "") + MONTH.format(command.month())));
        return enterprise(e.id(), command.month().getYear(), scope, actor).months().stream()
                .filter(m -> m.month().equals(command.month()))
                .findFirst()
                .orElseThrow();
    }

    /** Field checks of a declaration; {@code prefix} names the field in the problem ("" on the form). */
    void checkDeclaration(
            @Nullable YearMonth month,
            @Nullable Money payroll,
            @Nullable Integer employees,
            List<FieldProblem> problems,
            String prefix) {
        if (month == null) {
            problems.add(new FieldProblem(prefix + "month", "fund.month.required"));
        } else if (month.isAfter(YearMonth.from(today()))) {
            problems.add(new FieldProblem(prefix + "month", "fund.month.future", MONTH.format(month)));
        }
        if (payroll == null) {
            problems.add(new FieldProblem(prefix + "payroll", "fund.payroll.required"));
        } else if (payroll.isNegative() || payroll.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem(prefix + "payroll", "fund.payroll.range"));
        }
        if (employees != null && (employees < 0 || employees > 1_000_000)) {
            problems.add(new FieldProblem(prefix + "employees", "fund.employees.range"));
        }
    }

    /**
     * Inserts or corrects a declaration under the month's fund rule.
     *
     * @param version null: must be new; else the version shown (stale otherwise); -2: import, no version check
     * @return true when an existing declaration was corrected
     */
    boolean save(
            Enterprise e,
            YearMonth month,
            Money payroll,
            @Nullable Integer employees,
            @Nullable Integer version,
            String source,
            String by) {
        FeeRules.FundQuote quote = rules.quoteFund(payroll, month);
        Optional<Integer> stored = jdbc.sql("""
                        select version from finance.fund_declaration where enterprise_id = :e and period = :p
                           for update
                        """)
                .param("e", e.id())
                .param("p", month.atDay(1))
                .query(Integer.class)
                .optional();
        if (stored.isPresent()) {
            if (version == null) {
                throw new FinanceRejectedException(
                        new FieldProblem("month", "fund.declare.exists", MONTH.format(month)));
            }
            if (version != -2 && !version.equals(stored.get())) {
                throw new FinanceRejectedException(new FieldProblem("version", "fund.stale"));
            }
            jdbc.sql("""
                            update finance.fund_declaration
                               set payroll = :payroll, employees = :employees, rate = :rate, obligation = :obligation,
                                   fund_rule_id = :rule, source = :source, version = version + 1,
                                   declared_at = now(), declared_by_name = :by
                             where enterprise_id = :e and period = :p
                            """)
                    .param("payroll", payroll.amount())
                    .param("employees", employees)
                    .param("rate", quote.rate())
                    .param("obligation", quote.amount().amount())
                    .param("rule", quote.rule().id())
                    .param("source", source)
                    .param("by", by)
                    .param("e", e.id())
                    .param("p", month.atDay(1))
                    .update();
            return true;
        }
        if (version != null && version != -2 && version >= 0) {
            throw new FinanceRejectedException(new FieldProblem("version", "fund.stale"));
        }
        jdbc.sql("""
                        insert into finance.fund_declaration (enterprise_id, period, payroll, employees, rate, obligation,
                                                              fund_rule_id, source, declared_by_name)
                        values (:e, :p, :payroll, :employees, :rate, :obligation, :rule, :source, :by)
                        """)
                .param("e", e.id())
                .param("p", month.atDay(1))
                .param("payroll", payroll.amount())
                .param("employees", employees)
                .param("rate", quote.rate())
                .param("obligation", quote.amount().amount())
                .param("rule", quote.rule().id())
                .param("source", source)
                .param("by", by)
                .update();
        return false;
    }

    @Override
    @Transactional
    public ImportResult importDeclarations(byte[] xlsx, AccessScope scope, Actor actor) {
        FundSpreadsheets.Parsed parsed = sheets.read(xlsx);
        if (parsed.fileProblem() != null) {
            return new ImportResult(0, 0, 0, List.of(new RowProblem(0, "", parsed.fileProblem(), List.of())));
        }
        List<RowProblem> problems = new ArrayList<>();
        List<Object[]> accepted = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (FundSpreadsheets.DeclRow row : parsed.rows()) {
            problems.addAll(row.problems());
            if (!row.problems().isEmpty()) {
                continue;
            }
            Optional<Enterprise> e = findByTaxCode(row.taxCode());
            if (e.isEmpty() || !access.holds(scope, FeeRules.POST, e.get().fundUnitId())) {
                problems.add(new RowProblem(row.row(), "A", "fund.import.taxCode.unknown", List.of(row.taxCode())));
                continue;
            }
            if (!seen.add(row.taxCode() + "|" + row.month())) {
                problems.add(new RowProblem(
                        row.row(), "B", "fund.import.duplicate", List.of(row.taxCode(), MONTH.format(row.month()))));
                continue;
            }
            List<FieldProblem> fp = new ArrayList<>();
            checkDeclaration(row.month(), row.payroll(), row.employees(), fp, "");
            for (FieldProblem p : fp) {
                String col =
                        switch (p.field()) {
                            case "month" -> "B";
                            case "payroll" -> "C";
                            default -> "D";
                        };
                problems.add(new RowProblem(
                        row.row(),
                        col,
                        p.messageKey(),
                        java.util.Arrays.stream(p.args()).map(String::valueOf).toList()));
            }
            if (fp.isEmpty()) {
                accepted.add(new Object[] {e.get(), row});
            }
        }
        if (!problems.isEmpty()) {
            return new ImportResult(parsed.rows().size(), 0, 0, problems);
        }
        int created = 0;
        int corrected = 0;
        for (Object[] a : accepted) {
            Enterprise e = (Enterprise) a[0];
            FundSpreadsheets.DeclRow row = (FundSpreadsheets.DeclRow) a[1];
            if (save(e, row.month(), row.payroll(), row.employees(), -2, "IMPORTED", actor.name())) {
                corrected++;
            } else {
                created++;
            }
        }
        audit.record(AuditRecord.of(actor, "FINANCE_FUND_IMPORTED", null)
                .detail(created + " new, " + corrected + " corrected"));
        return new ImportResult(parsed.rows().size(), created, corrected, List.of());
    }

    @Override
    public void writeTemplate(OutputStream out) throws IOException {
        sheets.writeTemplate(out);
    }

    // ----------------------------------------------------------------------------------------------- payments

    @Override
    @Transactional
    public PaymentView pay(PayCommand command, AccessScope scope, Actor actor) {
        Enterprise e = writable(command.enterpriseId(), scope);
        String token = command.token() == null ? "" : command.token().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (token.isEmpty() || token.length() > 100 || !token.matches("[A-Za-z0-9_-]+")) {
            problems.add(new FieldProblem("token", "fund.token.invalid"));
        }
        String key = "fund-payment-form:" + token;
        Optional<PaymentView> earlier = paymentByKey(key);
        if (earlier.isPresent() && problems.isEmpty()) {
            if (earlier.get().enterpriseId() != e.id()) {
                throw new FinanceRejectedException(new FieldProblem("token", "fund.token.invalid"));
            }
            return withDuplicate(earlier.get());
        }
        YearMonth month = command.month();
        LocalDate today = today();
        if (month == null) {
            problems.add(new FieldProblem("month", "fund.month.required"));
        } else if (month.isAfter(YearMonth.from(today))) {
            problems.add(new FieldProblem("month", "fund.month.future", MONTH.format(month)));
        }
        Money amount = command.amount();
        if (amount == null) {
            problems.add(new FieldProblem("amount", "fund.amount.required"));
        } else if (!amount.isPositive() || amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("amount", "fund.amount.range"));
        }
        LocalDate paidOn = command.paidOn();
        if (paidOn == null) {
            problems.add(new FieldProblem("paidOn", "fund.paidOn.required"));
        } else if (paidOn.isAfter(today)) {
            problems.add(new FieldProblem("paidOn", "fund.paidOn.future", Dates.format(paidOn)));
        } else if (month != null && paidOn.isBefore(month.atDay(1))) {
            problems.add(new FieldProblem("paidOn", "fund.paidOn.beforeMonth", Dates.format(paidOn)));
        }
        String reference = Text.clean(command.reference());
        if (reference != null && reference.isEmpty()) {
            reference = null;
        }
        if (reference != null && reference.length() > 200) {
            problems.add(new FieldProblem("reference", "fund.reference.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        Long id = jdbc.sql("""
                        insert into finance.fund_payment (enterprise_id, period, amount, paid_on, org_unit_id, reference,
                                                          idempotency_key, recorded_by_name)
                        values (:e, :p, :amount, :paidOn, :unit, :ref, :key, :by)
                        on conflict (idempotency_key) do nothing
                        returning id
                        """)
                .param("e", e.id())
                .param("p", month.atDay(1))
                .param("amount", amount.amount())
                .param("paidOn", paidOn)
                .param("unit", e.fundUnitId())
                .param("ref", reference)
                .param("key", key)
                .param("by", actor.name())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            // The same form sent twice at once: the other request's payment.
            return withDuplicate(paymentByKey(key).orElseThrow());
        }
        post(id, e, month, amount, paidOn, scope, actor);
        audit.record(AuditRecord.of(actor, "FINANCE_FUND_PAYMENT", path(e.fundUnitId()))
                .target("ENTERPRISE", e.id(), e.name())
                .detail(MONTH.format(month) + " " + amount.format()));
        return paymentById(id).orElseThrow();
    }

    /** Posts a recorded payment to the fund unit's books and links it; joins the caller's transaction. */
    void post(
            long paymentId, Enterprise e, YearMonth month, Money amount, LocalDate paidOn, AccessScope scope, Actor a) {
        Ledger.PostingView posting = ledger.receive(
                new Ledger.Receipt(
                        "fund-payment:" + paymentId,
                        e.fundUnitId(),
                        FeeRules.FUND,
                        amount,
                        paidOn,
                        month,
                        "KPCD " + MONTH.format(month) + " MST " + e.taxCode(),
                        "FUND_PAYMENT",
                        paymentId),
                scope,
                a);
        jdbc.sql("update finance.fund_payment set posting_id = :posting where id = :id")
                .param("posting", posting.id())
                .param("id", paymentId)
                .update();
    }

    private Optional<PaymentView> paymentByKey(String key) {
        return jdbc.sql("""
                        select p.*, x.reason as reversal_reason, x.id is not null as reversed
                          from finance.fund_payment p left join finance.fund_payment_reversal x on x.payment_id = p.id
                         where p.idempotency_key = :key
                        """)
                .param("key", key)
                .query((rs, n) -> paymentRow(rs, false))
                .optional();
    }

    private Optional<PaymentView> paymentById(long id) {
        return jdbc.sql("""
                        select p.*, x.reason as reversal_reason, x.id is not null as reversed
                          from finance.fund_payment p left join finance.fund_payment_reversal x on x.payment_id = p.id
                         where p.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> paymentRow(rs, false))
                .optional();
    }

    private static PaymentView withDuplicate(PaymentView p) {
        return new PaymentView(
                p.id(),
                p.enterpriseId(),
                p.month(),
                p.amount(),
                p.paidOn(),
                p.unitId(),
                p.reference(),
                p.postingId(),
                p.reversed(),
                p.reversalReason(),
                p.recordedBy(),
                true);
    }

    @Override
    @Transactional
    public PaymentView reversePayment(
            long enterpriseId, long paymentId, String reason, String token, AccessScope scope, Actor actor) {
        PaymentView p =
                paymentById(paymentId).orElseThrow(() -> new FinanceNotFoundException("FUND_PAYMENT", paymentId));
        if (p.enterpriseId() != enterpriseId || !access.holds(scope, FeeRules.POST, p.unitId())) {
            throw new FinanceNotFoundException("FUND_PAYMENT", paymentId);
        }
        if (p.reversed()) {
            return withDuplicate(p);
        }
        String why = Text.clean(reason);
        if (why == null || why.isEmpty() || why.length() > 1000) {
            throw new FinanceRejectedException(new FieldProblem("reason", "fund.reversal.reason"));
        }
        Long postingId = null;
        if (p.postingId() != null) {
            postingId = ledger.reverse(p.postingId(), why, "fund-payment-reversal:" + paymentId, scope, actor)
                    .id();
        }
        jdbc.sql("""
                        insert into finance.fund_payment_reversal (payment_id, reason, posting_id, reversed_by_name)
                        values (:p, :reason, :posting, :by)
                        on conflict (payment_id) do nothing
                        """)
                .param("p", paymentId)
                .param("reason", why)
                .param("posting", postingId)
                .param("by", actor.name())
                .update();
        audit.record(AuditRecord.of(actor, "FINANCE_FUND_PAYMENT_REVERSED", path(p.unitId()))
                .target("FUND_PAYMENT", paymentId, null)
                .detail(why));
        return paymentById(paymentId).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- relief

    @Override
    @Transactional
    public ReliefView decide(ReliefCommand c, AccessScope scope, Actor actor) {
        Enterprise e = writable(c.enterpriseId(), scope);
        List<FieldProblem> problems = new ArrayList<>();
        String kind = c.kind();
        if (kind == null || !RELIEF_KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "fund.relief.kind"));
        }
        if (c.from() == null) {
            problems.add(new FieldProblem("from", "fund.month.required"));
        }
        if (c.to() == null) {
            problems.add(new FieldProblem("to", "fund.month.required"));
        }
        if (c.from() != null && c.to() != null) {
            if (c.to().isBefore(c.from())) {
                problems.add(new FieldProblem("to", "fund.relief.order"));
            } else if (RELIEF_DEFERRAL.equals(kind) && !c.to().isBefore(c.from().plusMonths(MAX_DEFERRAL_MONTHS))) {
                problems.add(new FieldProblem("to", "fund.relief.deferral12", MAX_DEFERRAL_MONTHS));
            }
        }
        BigDecimal rate = null;
        if (RELIEF_REDUCTION.equals(kind)) {
            rate = c.reductionRate();
            if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 6) {
                problems.add(new FieldProblem("reductionRate", "fund.relief.rate"));
            }
        }
        String documentNo = Text.clean(c.documentNo());
        if (documentNo == null || documentNo.isEmpty() || documentNo.length() > 100) {
            problems.add(new FieldProblem("documentNo", "fund.relief.documentNo"));
        }
        if (c.documentDate() == null) {
            problems.add(new FieldProblem("documentDate", "fund.relief.documentDate"));
        } else if (c.documentDate().isAfter(today())) {
            problems.add(new FieldProblem("documentDate", "fund.relief.documentDate.future"));
        }
        String reason = Text.clean(c.reason());
        if (reason == null || reason.isEmpty() || reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "fund.relief.reason"));
        }
        if (problems.isEmpty()) {
            boolean overlap = jdbc.sql("""
                            select exists (select 1 from finance.fund_relief
                                            where enterprise_id = :e and period_from <= :to and period_to >= :from)
                            """)
                    .param("e", e.id())
                    .param("from", c.from().atDay(1))
                    .param("to", c.to().atDay(1))
                    .query(Boolean.class)
                    .single();
            if (overlap) {
                problems.add(new FieldProblem("from", "fund.relief.overlap"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        long id = jdbc.sql("""
                        insert into finance.fund_relief (enterprise_id, kind, period_from, period_to, reduction_rate,
                                                         document_no, document_date, reason, decided_by_name)
                        values (:e, :kind, :from, :to, :rate, :no, :date, :reason, :by)
                        returning id
                        """)
                .param("e", e.id())
                .param("kind", kind)
                .param("from", c.from().atDay(1))
                .param("to", c.to().atDay(1))
                .param("rate", rate)
                .param("no", documentNo)
                .param("date", c.documentDate())
                .param("reason", reason)
                .param("by", actor.name())
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(actor, "FINANCE_FUND_RELIEF", path(e.fundUnitId()))
                .target("ENTERPRISE", e.id(), e.name())
                .detail(kind + " " + documentNo));
        return reliefs(e.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------ arrears

    // Per declared month: what is owed after relief and payments (not reversed) and when it was due; the same sums
    // as FundMonths.compute. round() on numeric rounds half away from zero = half-up for these positive amounts.
    static final String OWED_SQL = """
            with m as (
                select d.enterprise_id, d.period, d.obligation, r.kind, r.reduction_rate, r.period_to as relief_to,
                       coalesce((select sum(p.amount) from finance.fund_payment p
                                  where p.enterprise_id = d.enterprise_id and p.period = d.period
                                    and not exists (select 1 from finance.fund_payment_reversal x
                                                     where x.payment_id = p.id)), 0) as paid
                  from finance.fund_declaration d
                  left join finance.fund_relief r on r.enterprise_id = d.enterprise_id
                        and d.period between r.period_from and r.period_to
                 %s
            ), o as (
                select enterprise_id, period,
                       case when kind = 'EXEMPTION' then 0
                            else greatest(obligation
                                          - case when kind = 'REDUCTION' then round(obligation * reduction_rate) else 0 end
                                          - paid, 0) end as owed,
                       (date_trunc('month', case when kind = 'DEFERRAL' then relief_to else period end)
                            + interval '2 months' - interval '1 day')::date as due_on
                  from m
            )
            """;

    private static final String ARREARS_SQL = """
            select x.id, x.tax_code, x.name, x.fund_unit_id, x.fund_unit_name, count(*) as months_owed,
                   sum(o.owed) as owed, min(o.period) as oldest, max(o.period) as latest, count(*) over () as total,
                   sum(sum(o.owed)) over () as owed_total
              from o join (%s) x on x.id = o.enterprise_id
             where o.owed > 0 and o.due_on < cast(:today as date) and x.fund_path <@ any(cast(:roots as ltree[]))
             group by x.id, x.tax_code, x.name, x.fund_unit_id, x.fund_unit_name
            having count(*) >= :min
             order by count(*) desc, sum(o.owed) desc, x.name, x.id
            """;

    @Override
    @Transactional
    public ArrearsPage arrears(ArrearsFilter filter, AccessScope scope, Actor actor) {
        int page = Math.max(0, filter.page());
        List<Object[]> rows = arrearsRows(filter, scope, actor, page * PAGE_SIZE, PAGE_SIZE);
        long total = rows.isEmpty() ? 0 : (long) rows.get(0)[1];
        Money owedTotal = rows.isEmpty() ? Money.ZERO : (Money) rows.get(0)[2];
        return new ArrearsPage(
                rows.stream().map(r -> (ArrearsRow) r[0]).toList(), page, PAGE_SIZE, total, owedTotal, today());
    }

    @Override
    @Transactional
    public void exportArrears(ArrearsFilter filter, AccessScope scope, Actor actor, OutputStream out)
            throws IOException {
        List<ArrearsRow> rows = arrearsRows(filter, scope, actor, 0, Integer.MAX_VALUE).stream()
                .map(r -> (ArrearsRow) r[0])
                .toList();
        audit.record(AuditRecord.of(
                        actor, "FINANCE_FUND_ARREARS_EXPORT", filter.unitId() == null ? null : path(filter.unitId()))
                .detail(rows.size() + " rows"));
        sheets.writeArrears(rows, today(), out);
    }

    /** Rows of {ArrearsRow, total count, owed total}. */
    private List<Object[]> arrearsRows(ArrearsFilter filter, AccessScope scope, Actor actor, int offset, int limit) {
        String[] roots = readRoots(scope);
        if (filter.unitId() != null) {
            long unit = filter.unitId();
            access.requireRead(scope, unit, "ORG_UNIT", unit);
            access.logInspection(
                    scope,
                    actor,
                    unit,
                    "FUND_ARREARS",
                    tree.find(unit).map(u -> u.name()).orElse(""));
            roots = new String[] {path(unit)};
        } else {
            for (Long root : scope.roots(FeeRules.INSPECT)) {
                access.logInspection(
                        scope,
                        actor,
                        root,
                        "FUND_ARREARS",
                        tree.find(root).map(u -> u.name()).orElse(""));
            }
        }
        if (roots.length == 0) {
            return List.of();
        }
        String sql = OWED_SQL.formatted("") + ARREARS_SQL.formatted(ENTERPRISE_SQL) + " offset :offset"
                + (limit == Integer.MAX_VALUE ? "" : " limit :limit");
        var spec = jdbc.sql(sql)
                .param("today", today())
                .param("roots", SqlArrays.ofLabels(roots))
                .param("min", Math.max(1, filter.minMonths()))
                .param("offset", offset);
        if (limit != Integer.MAX_VALUE) {
            spec = spec.param("limit", limit);
        }
        return spec.query((rs, n) -> new Object[] {
                    new ArrearsRow(
                            rs.getLong("id"),
                            rs.getString("tax_code"),
                            rs.getString("name"),
                            rs.getLong("fund_unit_id"),
                            rs.getString("fund_unit_name"),
                            rs.getInt("months_owed"),
                            Money.of(rs.getBigDecimal("owed")),
                            YearMonth.from(rs.getDate("oldest").toLocalDate()),
                            YearMonth.from(rs.getDate("latest").toLocalDate())),
                    rs.getLong("total"),
                    Money.of(rs.getBigDecimal("owed_total"))
                })
                .list();
    }

    /** One enterprise's arrears over all years (null when none), by the same SQL as the list. */
    @Nullable
    ArrearsRow arrearsOf(long enterpriseId, LocalDate today) {
        String sql = OWED_SQL.formatted("where d.enterprise_id = :e")
                + ARREARS_SQL.formatted(ENTERPRISE_SQL).replace("any(cast(:roots as ltree[]))", "x.fund_path");
        return jdbc.sql(sql)
                .param("today", today)
                .param("e", enterpriseId)
                .param("min", 1)
                .query((rs, n) -> new ArrearsRow(
                        rs.getLong("id"),
                        rs.getString("tax_code"),
                        rs.getString("name"),
                        rs.getLong("fund_unit_id"),
                        rs.getString("fund_unit_name"),
                        rs.getInt("months_owed"),
                        Money.of(rs.getBigDecimal("owed")),
                        YearMonth.from(rs.getDate("oldest").toLocalDate()),
                        YearMonth.from(rs.getDate("latest").toLocalDate())))
                .optional()
                .orElse(null);
    }

    // ------------------------------------------------------------------------------------------------------ QR

    @Override
    @Transactional
    public FundQr qr(long enterpriseId, YearMonth month, AccessScope scope) {
        Enterprise e = readable(enterpriseId, scope);
        CollectionAccounts.Account account = accounts.forUnit(e.fundUnitId(), CollectionAccounts.FUND)
                .orElseThrow(() -> new FinanceRejectedException(new FieldProblem("account", "fund.qr.noAccount")));
        FundMonth m = fundOf(e, month.getYear(), scope).months().stream()
                .filter(x -> x.month().equals(month))
                .findFirst()
                .orElseThrow();
        Money amount = m.owed().isPositive() ? m.owed() : null;
        String content = transferContent(e.taxCode(), month);
        String payload = VietQr.payload(account.bin(), account.accountNo(), amount, content);
        return new FundQr(
                payload,
                VietQr.png(payload, 6),
                content,
                amount,
                account.bin(),
                account.bankName(),
                account.accountNo(),
                account.accountName(),
                account.unitId(),
                account.unitName());
    }

    /**
     * {@code KPCD <MST> <MM/YYYY>}; a branch MST ({@code 0101234567-001}) would pass the 25 characters banks carry,
     * so it loses its hyphen and the space after KPCD: {@code KPCD0101234567001 07/2025}.
     */
    static String transferContent(String taxCode, YearMonth month) {
        String content = "KPCD " + taxCode + " " + MONTH.format(month);
        if (content.length() > VietQr.MAX_CONTENT) {
            content = "KPCD" + taxCode.replace("-", "") + " " + MONTH.format(month);
        }
        return content;
    }

    private @Nullable String path(long unitId) {
        return tree.paths(Set.of(unitId)).get(unitId);
    }
}
