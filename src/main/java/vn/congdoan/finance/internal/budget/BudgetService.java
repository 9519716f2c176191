package vn.congdoan.finance.internal.budget;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.finance.BudgetConflictException;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.Disclosures;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;

/** {@link Budgets} on {@code finance.budget}, its lines and events; actuals from {@link Ledger#totals}. */
@Service
class BudgetService implements Budgets {

    static final int PAGE_SIZE = 50;
    /** The largest amount a line may hold (numeric(18,0) with room for totals). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    private static final String SELECT = """
            select b.id, b.org_unit_id, u.name as unit_name, b.year, b.kind, b.status, b.submitted_at, b.decided_on,
                   b.decided_by_name, b.version,
                   coalesce((select sum(case when b.kind = 'ESTIMATE' then l.planned else coalesce(l.actual, 0) end)
                               from finance.budget_line l where l.budget_id = b.id and l.line_code like 'R\\_%'), 0)
                       as revenue,
                   coalesce((select sum(case when b.kind = 'ESTIMATE' then l.planned else coalesce(l.actual, 0) end)
                               from finance.budget_line l where l.budget_id = b.id and l.line_code like 'S\\_%'), 0)
                       as spending
              from finance.budget b
              join organisation.org_unit u on u.id = b.org_unit_id
            """;

    private final JdbcClient jdbc;
    private final FinanceAccess access;
    private final OrgTree tree;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final BudgetFiles files;

    BudgetService(
            JdbcClient jdbc,
            FinanceAccess access,
            OrgTree tree,
            Ledger ledger,
            AuditTrail audit,
            Clock clock,
            BudgetFiles files) {
        this.jdbc = jdbc;
        this.access = access;
        this.tree = tree;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.files = files;
    }

    // ---------------------------------------------------------------- reads

    @Override
    @Transactional(readOnly = true)
    public BudgetPage search(BudgetFilter filter, AccessScope scope) {
        String[] paths = readPaths(scope);
        if (paths.length == 0) {
            throw new ForbiddenException(FeeRules.READ);
        }
        StringBuilder where = new StringBuilder(" where u.path <@ cast(:paths as ltree[])");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("paths", SqlArrays.ofLabels(paths));
        if (filter.year() != null) {
            where.append(" and b.year = :year");
            params.put("year", filter.year());
        }
        if (filter.kind() != null && Set.of(ESTIMATE, SETTLEMENT).contains(filter.kind())) {
            where.append(" and b.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null
                && Set.of(DRAFT, SUBMITTED, APPROVED, RETURNED).contains(filter.status())) {
            where.append(" and b.status = :status");
            params.put("status", filter.status());
        }
        if (filter.toDecide()) {
            String[] approve = scope.paths(FeeRules.APPROVE);
            where.append(" and b.status = 'SUBMITTED' and exists (select 1 from organisation.org_unit p"
                    + " where p.id = u.parent_id and p.path <@ cast(:approve as ltree[]))");
            params.put("approve", SqlArrays.ofLabels(approve));
        }
        int page = Math.max(0, filter.page());
        long total = bind(
                        jdbc.sql("select count(*) from finance.budget b join organisation.org_unit u on u.id ="
                                + " b.org_unit_id" + where),
                        params)
                .query(Long.class)
                .single();
        List<BudgetView> items = bind(
                        jdbc.sql(SELECT + where
                                + " order by b.year desc, u.name, b.kind, b.id limit :limit offset :offset"),
                        params)
                .param("limit", PAGE_SIZE)
                .param("offset", page * PAGE_SIZE)
                .query(BudgetService::view)
                .list();
        return new BudgetPage(items, page, PAGE_SIZE, total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<BudgetView> ofUnit(long unitId, AccessScope scope) {
        access.requireRead(scope, unitId, "unit", unitId);
        return jdbc.sql(SELECT + " where b.org_unit_id = :u order by b.year desc, b.kind, b.id")
                .param("u", unitId)
                .query(BudgetService::view)
                .list();
    }

    @Override
    @Transactional
    public BudgetDetail detail(long id, AccessScope scope, Actor actor) {
        BudgetView v = load(id, scope);
        OrgUnitView unit = tree.find(v.unitId()).orElseThrow(() -> new FinanceNotFoundException("budget", id));
        access.logInspection(scope, actor, v.unitId(), "BUDGET " + v.kind() + " " + v.year(), unit.name());
        Map<String, long[]> stored = lines(id);
        boolean settlement = SETTLEMENT.equals(v.kind());
        // An estimate shows the year's actuals so far, read live; a settlement shows the actuals it was submitted with.
        Ledger.Totals live = settlement ? null : totals(v.unitId(), v.year(), scope);
        List<LineView> lines = new ArrayList<>();
        Money plannedRevenue = Money.ZERO;
        Money plannedSpending = Money.ZERO;
        Money actualRevenue = Money.ZERO;
        Money actualSpending = Money.ZERO;
        for (BudgetLines.Line l : BudgetLines.ALL) {
            long[] s = stored.get(l.code());
            Money planned = s == null ? Money.ZERO : Money.of(s[0]);
            Money actual = live != null
                    ? BudgetLines.actual(l, live)
                    : s == null || s[1] == Long.MIN_VALUE ? Money.ZERO : Money.of(s[1]);
            boolean memo = BudgetLines.MEMO.equals(l.section());
            lines.add(new LineView(l.code(), l.section(), planned, actual, memo));
            if (BudgetLines.REVENUE.equals(l.section())) {
                plannedRevenue = plannedRevenue.plus(planned);
                actualRevenue = actualRevenue.plus(actual);
            } else if (BudgetLines.SPENDING.equals(l.section())) {
                plannedSpending = plannedSpending.plus(planned);
                actualSpending = actualSpending.plus(actual);
            }
        }
        List<Warning> warnings = unit.grassroots() ? warnings(lines, settlement) : List.of();
        List<EventView> history = jdbc.sql(
                        "select action, at, by_name, note from finance.budget_event where budget_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new EventView(
                        rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
        Map<String, Object> extra = jdbc.sql("""
                        select b.note, b.decision_note, b.actuals_read_at,
                               (select d.id from finance.disclosure d where d.budget_id = b.id) as disclosure_id
                          from finance.budget b where b.id = :id""").param("id", id).query().singleRow();
        boolean open = DRAFT.equals(v.status()) || RETURNED.equals(v.status());
        boolean canPrepare = access.holds(scope, FeeRules.POST, v.unitId());
        Long parent = unit.parentId();
        boolean canDecide =
                SUBMITTED.equals(v.status()) && parent != null && access.holds(scope, FeeRules.APPROVE, parent);
        String parentName =
                parent == null ? null : tree.find(parent).map(OrgUnitView::name).orElse(null);
        Timestamp read = (Timestamp) extra.get("actuals_read_at");
        return new BudgetDetail(
                v,
                parentName,
                unit.grassroots(),
                lines,
                plannedRevenue,
                plannedSpending,
                actualRevenue,
                actualSpending,
                warnings,
                history,
                (String) extra.get("note"),
                (String) extra.get("decision_note"),
                read == null ? null : read.toInstant(),
                extra.get("disclosure_id") == null ? null : ((Number) extra.get("disclosure_id")).longValue(),
                open && canPrepare,
                open && canPrepare,
                canDecide);
    }

    static List<Warning> warnings(List<LineView> lines, boolean useActuals) {
        Map<String, Money> by = new LinkedHashMap<>();
        for (LineView l : lines) {
            Money m = useActuals ? (l.actual() == null ? Money.ZERO : l.actual()) : l.planned();
            by.put(l.code(), m);
        }
        return SpendingStructurePolicy.check(
                by.getOrDefault(BudgetLines.DUES, Money.ZERO),
                by.getOrDefault(BudgetLines.ALLOWANCE, Money.ZERO),
                by.getOrDefault(BudgetLines.MEMBER_CARE, Money.ZERO));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UnitChoice> preparableUnits(AccessScope scope) {
        String[] paths = scope.paths(FeeRules.POST);
        if (paths.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.name from organisation.org_unit u
                         where u.path <@ cast(:paths as ltree[]) and u.valid_to is null
                         order by nlevel(u.path), u.name, u.id limit 200""")
                .param("paths", SqlArrays.ofLabels(paths))
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    // ---------------------------------------------------------------- writes

    @Override
    @Transactional
    public long create(NewBudget command, AccessScope scope, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.unitId() == null) {
            problems.add(new FieldProblem("unitId", "budgets.unit.required"));
        } else if (!access.holds(scope, FeeRules.POST, command.unitId())) {
            throw new FinanceNotFoundException("unit", command.unitId());
        }
        int thisYear = Dates.today(clock).getYear();
        if (command.year() == null) {
            problems.add(new FieldProblem("year", "budgets.year.required"));
        } else if (command.year() < 2000 || command.year() > thisYear + 1) {
            problems.add(new FieldProblem("year", "budgets.year.range", String.valueOf(thisYear + 1)));
        }
        if (command.kind() == null || !Set.of(ESTIMATE, SETTLEMENT).contains(command.kind())) {
            problems.add(new FieldProblem("kind", "budgets.kind.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        long unitId = command.unitId();
        if (!access.holds(scope, FeeRules.POST, unitId)) {
            throw new FinanceNotFoundException("unit", unitId);
        }
        OrgUnitView unit = tree.find(unitId).orElseThrow(() -> new FinanceNotFoundException("unit", unitId));
        if (!unit.open()) {
            throw new FinanceRejectedException(new FieldProblem("unitId", "budgets.unit.closed"));
        }
        int year = command.year();
        String kind = command.kind();
        boolean exists = jdbc.sql("select exists (select 1 from finance.budget where org_unit_id = :u and year = :y"
                        + " and kind = :k)")
                .param("u", unitId)
                .param("y", year)
                .param("k", kind)
                .query(Boolean.class)
                .single();
        if (exists) {
            throw new FinanceRejectedException(new FieldProblem(
                    "year",
                    ESTIMATE.equals(kind) ? "budgets.duplicate.estimate" : "budgets.duplicate.settlement",
                    String.valueOf(year)));
        }
        return insert(unitId, year, kind, DRAFT, scope, actor.name(), null, null);
    }

    /**
     * Inserts a budget with its lines: an estimate with zero lines (or the given planned amounts), a settlement with
     * the approved estimate's amounts as planned and the ledger's actuals. Used by {@link #create} and the demo.
     */
    long insert(
            long unitId,
            int year,
            String kind,
            String status,
            AccessScope scope,
            String byName,
            @Nullable Map<String, Money> planned,
            @Nullable Instant at) {
        Instant when = at == null ? clock.instant() : at;
        boolean settlement = SETTLEMENT.equals(kind);
        long id = jdbc.sql("""
                        insert into finance.budget (org_unit_id, year, kind, status, created_by_name, actuals_read_at,
                                                    created_at)
                        values (:u, :y, :k, :s, :by, case when :settlement then cast(:now as timestamptz) end, :now)
                        returning id""")
                .param("now", Timestamp.from(when))
                .param("u", unitId)
                .param("y", year)
                .param("k", kind)
                .param("s", status)
                .param("by", byName)
                .param("settlement", settlement)
                .query(Long.class)
                .single();
        Map<String, Money> plan = new LinkedHashMap<>();
        if (planned != null) {
            plan.putAll(planned);
        } else if (settlement) {
            jdbc.sql("""
                            select l.line_code, l.planned from finance.budget_line l join finance.budget b on b.id = l.budget_id
                             where b.org_unit_id = :u and b.year = :y and b.kind = 'ESTIMATE' and b.status = 'APPROVED'""").param("u", unitId).param("y", year).query((ResultSet rs) -> {
                plan.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
            });
        }
        Ledger.Totals t = settlement ? totals(unitId, year, scope) : null;
        for (BudgetLines.Line l : BudgetLines.ALL) {
            jdbc.sql("insert into finance.budget_line (budget_id, line_code, planned, actual) values (:b, :c, :p, :a)")
                    .param("b", id)
                    .param("c", l.code())
                    .param("p", plan.getOrDefault(l.code(), Money.ZERO).amount())
                    .param("a", t == null ? null : BudgetLines.actual(l, t).amount())
                    .update();
        }
        jdbc.sql("insert into finance.budget_event (budget_id, action, by_name, at) values (:b, 'CREATED', :by, :at)")
                .param("b", id)
                .param("by", byName)
                .param("at", Timestamp.from(when))
                .update();
        return id;
    }

    @Override
    @Transactional
    public void save(
            long id, int version, Map<String, Money> planned, @Nullable String note, AccessScope scope, Actor actor) {
        BudgetView v = loadForPrepare(id, scope);
        List<FieldProblem> problems = new ArrayList<>();
        planned.forEach((code, amount) -> {
            BudgetLines.Line l = BudgetLines.of(code);
            if (l == null || BudgetLines.MEMO.equals(l.section())) {
                problems.add(new FieldProblem("line." + code, "budgets.line.unknown", code));
            } else if (amount.isNegative() || amount.amount().compareTo(MAX_AMOUNT) > 0) {
                problems.add(new FieldProblem("line." + code, "budgets.amount.range"));
            }
        });
        String cleanNote = note == null || note.isBlank() ? null : nfc(note.strip());
        if (cleanNote != null && cleanNote.length() > 2000) {
            problems.add(new FieldProblem("note", "budgets.note.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        bump(id, version, Set.of(DRAFT, RETURNED), "note = :note", Map.of("note", cleanNote == null ? "" : cleanNote));
        if (cleanNote == null) {
            jdbc.sql("update finance.budget set note = null where id = :id")
                    .param("id", id)
                    .update();
        }
        planned.forEach((code, amount) -> jdbc.sql(
                        "update finance.budget_line set planned = :p where budget_id = :b and line_code = :c")
                .param("p", amount.amount())
                .param("b", id)
                .param("c", code)
                .update());
        if (SETTLEMENT.equals(v.kind())) {
            refreshActuals(id, v, scope);
        }
        event(id, "SAVED", actor.name(), null);
    }

    @Override
    @Transactional
    public void submit(long id, int version, AccessScope scope, Actor actor) {
        BudgetView v = loadForPrepare(id, scope);
        bump(
                id,
                version,
                Set.of(DRAFT, RETURNED),
                "status = 'SUBMITTED', submitted_at = :now, submitted_by_name = :by",
                Map.of("by", actor.name(), "now", Timestamp.from(clock.instant())));
        if (SETTLEMENT.equals(v.kind())) {
            refreshActuals(id, v, scope);
        }
        event(id, "SUBMITTED", actor.name(), null);
        auditOf(actor, "BUDGET_SUBMITTED", v, null);
    }

    @Override
    @Transactional
    public void approve(long id, int version, @Nullable String note, AccessScope scope, Actor actor) {
        BudgetView v = loadForDecision(id, scope);
        String cleanNote = note == null || note.isBlank() ? null : nfc(note.strip());
        if (cleanNote != null && cleanNote.length() > 2000) {
            throw new FinanceRejectedException(new FieldProblem("note", "budgets.note.tooLong", 2000));
        }
        LocalDate today = Dates.today(clock);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("on", today);
        p.put("by", actor.name());
        p.put("byUser", actor.userId() == null ? -1L : actor.userId());
        p.put("note", cleanNote == null ? "" : cleanNote);
        p.put("home", scope.homeUnitId());
        p.put("now", Timestamp.from(clock.instant()));
        bump(
                id,
                version,
                Set.of(SUBMITTED),
                "status = 'APPROVED', decided_at = :now, decided_on = :on, decided_by_name = :by, decided_by = :byUser,"
                        + " decided_by_unit_id = :home, decision_note = nullif(:note, '')",
                p);
        // HD 42/HD-TLĐ (11/11/2021): the approved budget or settlement is published within 15 days after approval.
        jdbc.sql("""
                        insert into finance.disclosure (org_unit_id, kind, budget_id, due_on)
                        values (:u, :k, :b, :due)""")
                .param("u", v.unitId())
                .param("k", ESTIMATE.equals(v.kind()) ? Disclosures.BUDGET : Disclosures.SETTLEMENT)
                .param("b", id)
                .param("due", today.plusDays(Disclosures.DAYS_AFTER_APPROVAL))
                .update();
        event(id, "APPROVED", actor.name(), cleanNote);
        auditOf(actor, "BUDGET_APPROVED", v, cleanNote);
    }

    @Override
    @Transactional
    public void returnToUnit(long id, int version, String reason, AccessScope scope, Actor actor) {
        BudgetView v = loadForDecision(id, scope);
        String clean = reason == null ? "" : nfc(reason.strip());
        if (clean.isEmpty()) {
            throw new FinanceRejectedException(new FieldProblem("reason", "budgets.reason.required"));
        }
        if (clean.length() > 2000) {
            throw new FinanceRejectedException(new FieldProblem("reason", "budgets.note.tooLong", 2000));
        }
        bump(
                id,
                version,
                Set.of(SUBMITTED),
                "status = 'RETURNED', decided_at = :now, decided_by_name = :by, decision_note = :note",
                Map.of("by", actor.name(), "note", clean, "now", Timestamp.from(clock.instant())));
        event(id, "RETURNED", actor.name(), clean);
        auditOf(actor, "BUDGET_RETURNED", v, null);
    }

    @Override
    @Transactional
    public BudgetFile xlsx(long id, AccessScope scope, Actor actor) {
        BudgetDetail d = detail(id, scope, actor);
        return new BudgetFile(fileBase(d) + ".xlsx", BudgetFiles.XLSX, files.xlsx(d, Dates.today(clock)));
    }

    @Override
    @Transactional
    public BudgetFile pdf(long id, AccessScope scope, Actor actor) {
        BudgetDetail d = detail(id, scope, actor);
        return new BudgetFile(fileBase(d) + ".pdf", BudgetFiles.PDF, files.pdf(d, Dates.today(clock)));
    }

    private static String fileBase(BudgetDetail d) {
        return (ESTIMATE.equals(d.view().kind()) ? "du-toan-" : "quyet-toan-")
                + d.view().year() + "-" + d.view().unitId();
    }

    // ---------------------------------------------------------------- helpers

    private Ledger.Totals totals(long unitId, int year, AccessScope scope) {
        return ledger.totals(unitId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), scope);
    }

    private void refreshActuals(long id, BudgetView v, AccessScope scope) {
        Ledger.Totals t = totals(v.unitId(), v.year(), scope);
        for (BudgetLines.Line l : BudgetLines.ALL) {
            jdbc.sql("update finance.budget_line set actual = :a where budget_id = :b and line_code = :c")
                    .param("a", BudgetLines.actual(l, t).amount())
                    .param("b", id)
                    .param("c", l.code())
                    .update();
        }
        jdbc.sql("update finance.budget set actuals_read_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Moves the budget on when its version and status match; otherwise the form was stale (409). */
    private void bump(long id, int version, Set<String> from, String set, Map<String, Object> params) {
        var spec = jdbc.sql("update finance.budget set " + set + ", version = version + 1"
                        + " where id = :id and version = :version and status = any(cast(:from as text[]))")
                .param("id", id)
                .param("version", version)
                .param("from", "{" + String.join(",", from) + "}");
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        if (spec.update() != 1) {
            throw new BudgetConflictException("budgets.stale");
        }
    }

    private BudgetView load(long id, AccessScope scope) {
        BudgetView v = jdbc.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(BudgetService::view)
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("budget", id));
        access.requireRead(scope, v.unitId(), "budget", id);
        return v;
    }

    /** The budget, when the caller may prepare it (finance.post over the unit); else it does not exist for them. */
    private BudgetView loadForPrepare(long id, AccessScope scope) {
        BudgetView v = load(id, scope);
        if (!access.holds(scope, FeeRules.POST, v.unitId())) {
            throw new FinanceNotFoundException("budget", id);
        }
        return v;
    }

    /** The budget, when the caller approves for the unit's parent; one's own unit's budget is never decided by oneself. */
    private BudgetView loadForDecision(long id, AccessScope scope) {
        BudgetView v = load(id, scope);
        Long parent = tree.find(v.unitId()).map(OrgUnitView::parentId).orElse(null);
        if (parent == null || !access.holds(scope, FeeRules.APPROVE, parent)) {
            throw new FinanceNotFoundException("budget", id);
        }
        return v;
    }

    private Map<String, long[]> lines(long id) {
        Map<String, long[]> m = new LinkedHashMap<>();
        jdbc.sql("select line_code, planned, actual from finance.budget_line where budget_id = :id")
                .param("id", id)
                .query((ResultSet rs) -> {
                    BigDecimal a = rs.getBigDecimal(3);
                    m.put(rs.getString(1), new long[] {
                        rs.getBigDecimal(2).longValueExact(), a == null ? Long.MIN_VALUE : a.longValueExact()
                    });
                });
        return m;
    }

    private void event(long id, String action, String by, @Nullable String note) {
        jdbc.sql(
                        "insert into finance.budget_event (budget_id, action, by_name, note, at) values (:b, :a, :by, :n, :at)")
                .param("at", Timestamp.from(clock.instant()))
                .param("b", id)
                .param("a", action)
                .param("by", by)
                .param("n", note)
                .update();
    }

    private void auditOf(Actor actor, String action, BudgetView v, @Nullable String detail) {
        String path = tree.paths(Set.of(v.unitId())).get(v.unitId());
        audit.record(AuditRecord.of(actor, action, path)
                .target("BUDGET", v.id(), v.kind() + " " + v.year() + " · " + v.unitName())
                .detail(detail == null ? null : detail.length() > 200 ? detail.substring(0, 200) : detail));
    }

    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    private static String[] readPaths(AccessScope scope) {
        Set<String> all = new LinkedHashSet<>(List.of(scope.paths(FeeRules.READ)));
        all.addAll(List.of(scope.paths(FeeRules.INSPECT)));
        return all.toArray(String[]::new);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    static BudgetView view(ResultSet rs, int n) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        java.sql.Date decided = rs.getDate("decided_on");
        Instant s = submitted == null ? null : submitted.toInstant();
        return new BudgetView(
                rs.getLong("id"),
                rs.getLong("org_unit_id"),
                rs.getString("unit_name"),
                rs.getInt("year"),
                rs.getString("kind"),
                rs.getString("status"),
                Money.of(rs.getBigDecimal("revenue")),
                Money.of(rs.getBigDecimal("spending")),
                s,
                decided == null ? null : decided.toLocalDate(),
                rs.getString("decided_by_name"),
                rs.getInt("version"));
    }
}
