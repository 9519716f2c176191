package vn.congdoan.finance.internal.dues;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.Ledger;
import vn.congdoan.finance.MemberDues;
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.Text;

/**
 * Member dues on PostgreSQL: charges computed by {@link DuesCharges}, receipts posted to the {@link Ledger} in the
 * same transaction (standard dues as {@code DUES}, a unit's higher rate as {@code DUES_EXTRA}, QĐ 1408/QĐ-TLĐ Art.
 * 28), arrears derived from {@code finance.dues_charge_status}. Double submissions are serialised by a transaction
 * advisory lock on the idempotency key, then answered with the first receipt.
 */
@Service
@Transactional
class DuesService implements MemberDues {

    static final String SOURCE = "DUES_RECEIPT";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Money MAX_SALARY = Money.of(10_000_000_000L);

    private static final String CHARGES = """
            select s.id, s.member_id, m.member_code, m.full_name, s.org_unit_id, s.period, s.member_group,
                   s.basis_source, s.base_kind, s.base, s.rate, s.capped, s.standard_amount, s.extra_amount,
                   s.paid_standard + s.paid_extra as paid, s.owed, r.document_no, r.valid_from as rule_from,
                   ur.resolution_no, e.reason as exemption_reason
              from finance.dues_charge_status s
              join membership.member m on m.id = s.member_id
              join finance.dues_rule r on r.id = s.dues_rule_id
              left join finance.unit_dues_rate ur on ur.id = s.unit_rate_id
              left join finance.dues_exemption e on e.id = s.exemption_id
            """;

    private static final String RECEIPTS = """
            select r.id, r.receipt_no, r.method, r.received_on, r.payer_name, r.standard_total, r.extra_total,
                   (select count(*) from finance.dues_payment p where p.receipt_id = r.id) as lines,
                   exists (select 1 from finance.dues_receipt_reversal v where v.receipt_id = r.id) as reversed
              from finance.dues_receipt r
            """;

    private final JdbcClient jdbc;
    private final FinanceAccess access;
    private final Ledger ledger;
    private final OrgTree tree;
    private final DuesCharges charges;
    private final MessageSource messages;
    private final Clock clock;
    private final AccessLog accessLog;

    DuesService(
            JdbcClient jdbc,
            FinanceAccess access,
            Ledger ledger,
            OrgTree tree,
            DuesCharges charges,
            MessageSource messages,
            Clock clock,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.tree = tree;
        this.charges = charges;
        this.messages = messages;
        this.clock = clock;
    }

    // Charges and the unit's month

    @Override
    public int generateCharges(long unitId, YearMonth month, AccessScope scope, Actor actor) {
        requirePost(scope, unitId, "unit", unitId);
        if (month.isAfter(YearMonth.from(Dates.today(clock)))) {
            throw rejected("month", "dues.month.future", format(month));
        }
        return charges.generate(List.of(unitId), month, month);
    }

    @Override
    public UnitMonth unitMonth(long unitId, YearMonth month, AccessScope scope, Actor actor) {
        access.requireRead(scope, unitId, "unit", unitId);
        String name = unitName(unitId);
        access.logInspection(scope, actor, unitId, "dues", name);
        List<ChargeView> list = jdbc.sql(
                        CHARGES + " where s.org_unit_id = :u and s.period = :p order by m.sort_key, m.id")
                .param("u", unitId)
                .param("p", month.atDay(1))
                .query(this::charge)
                .list();
        Money standard = Money.ZERO, extra = Money.ZERO, paid = Money.ZERO, owed = Money.ZERO;
        int unpaid = 0;
        for (ChargeView c : list) {
            standard = standard.plus(c.standard());
            extra = extra.plus(c.extra());
            paid = paid.plus(c.paid());
            owed = owed.plus(c.owed());
            unpaid += c.owed().isPositive() ? 1 : 0;
        }
        Money before = Money.of(jdbc.sql("""
                        select coalesce(sum(owed), 0) from finance.dues_charge_status
                         where org_unit_id = :u and period < :p and owed > 0""")
                .param("u", unitId)
                .param("p", month.atDay(1))
                .query(BigDecimal.class)
                .single());
        List<ReceiptSummary> receipts = jdbc.sql(RECEIPTS + """
                         where r.org_unit_id = :u and exists (select 1 from finance.dues_payment p
                               join finance.dues_charge c on c.id = p.charge_id
                               where p.receipt_id = r.id and c.period = :p)
                         order by r.id desc limit 200""")
                .param("u", unitId)
                .param("p", month.atDay(1))
                .query(this::receiptSummary)
                .list();
        UnitRate rate = unitRates(unitId).stream()
                .filter(r -> !r.validFrom().isAfter(month.atDay(1))
                        && (r.validTo() == null || r.validTo().isAfter(month.atDay(1))))
                .findFirst()
                .orElse(null);
        return new UnitMonth(
                unitId,
                name,
                month,
                !list.isEmpty(),
                list,
                new Totals(standard, extra, paid, owed, list.size(), unpaid),
                before,
                receipts,
                rate);
    }

    // One member

    @Override
    public MemberAccount member(long memberId, String channel, AccessScope scope, Actor actor) {
        MemberRef m = memberRef(memberId);
        access.requireRead(scope, m.unitId(), "member", memberId);
        access.logInspection(scope, actor, m.unitId(), "dues-member", unitName(m.unitId()));
        List<ChargeView> list = jdbc
                .sql(CHARGES + " where s.member_id = :m order by s.period desc")
                .param("m", memberId)
                .query(this::charge)
                .list()
                .stream()
                .filter(c -> access.canRead(scope, c.unitId()))
                .toList();
        List<ProfileView> profiles = jdbc.sql("""
                        select id, member_group, salary_basis, valid_from, valid_to, note from finance.dues_profile
                         where member_id = :m order by valid_from desc""")
                .param("m", memberId)
                .query((rs, i) -> new ProfileView(
                        rs.getLong(1),
                        rs.getString(2),
                        money(rs, 3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6)))
                .list();
        List<ExemptionView> exemptions = jdbc.sql("""
                        select id, reason, valid_from, valid_to, document_no from finance.dues_exemption
                         where member_id = :m order by valid_from desc""")
                .param("m", memberId)
                .query((rs, i) -> new ExemptionView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
        List<ReceiptSummary> receipts =
                jdbc.sql(RECEIPTS + """
                         where exists (select 1 from finance.dues_payment p join finance.dues_charge c on c.id = p.charge_id
                                        where p.receipt_id = r.id and c.member_id = :m)
                         order by r.received_on desc, r.id desc""").param("m", memberId).query(this::receiptSummary).list().stream()
                        .toList();
        Money owed = list.stream().map(ChargeView::owed).reduce(Money.ZERO, Money::plus);
        if (profiles.stream().anyMatch(p -> p.salaryBasis() != null)) {
            // The salary basis is sensitive personal data (DESIGN.md §6, Decree 356/2025/NĐ-CP): its display is
            // written to the access log, never its value.
            accessLog.record(new AccessLog.Access(
                    actor,
                    "VIEW",
                    channel,
                    List.of(memberId),
                    List.of("salary_basis"),
                    null,
                    tree.paths(List.of(m.unitId())).get(m.unitId())));
        }
        return new MemberAccount(
                memberId,
                m.code(),
                m.name(),
                m.unitId(),
                unitName(m.unitId()),
                profiles,
                exemptions,
                list,
                receipts,
                owed);
    }

    @Override
    public void setProfile(long memberId, ProfileCommand command, AccessScope scope, Actor actor) {
        MemberRef m = memberRef(memberId);
        requirePost(scope, m.unitId(), "member", memberId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!groups().contains(command.memberGroup())) {
            problems.add(new FieldProblem("memberGroup", "dues.profile.group.unknown"));
        }
        Money salary = command.salaryBasis();
        if (salary != null && (salary.isNegative() || salary.compareTo(MAX_SALARY) > 0)) {
            problems.add(new FieldProblem("salaryBasis", "dues.profile.salary.range"));
        }
        LocalDate from = command.from().atDay(1);
        Integer later = jdbc.sql("select count(*) from finance.dues_profile where member_id = :m and valid_from >= :f")
                .param("m", memberId)
                .param("f", from)
                .query(Integer.class)
                .single();
        if (later > 0) {
            problems.add(new FieldProblem("from", "dues.profile.from.notAfterLatest"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        jdbc.sql("""
                        update finance.dues_profile set valid_to = :f
                         where member_id = :m and daterange(valid_from, valid_to) @> cast(:f as date)""").param("m", memberId).param("f", from).update();
        jdbc.sql("""
                        insert into finance.dues_profile (member_id, member_group, salary_basis, valid_from, note, created_by)
                        values (:m, :g, :s, :f, :n, :by)""")
                .param("m", memberId)
                .param("g", command.memberGroup())
                .param("s", salary == null ? null : salary.amount(), java.sql.Types.NUMERIC)
                .param("f", from)
                .param("n", text(command.note()), java.sql.Types.VARCHAR)
                .param("by", actor.name())
                .update();
    }

    @Override
    public void addExemption(long memberId, ExemptionCommand command, AccessScope scope, Actor actor) {
        MemberRef m = memberRef(memberId);
        requirePost(scope, m.unitId(), "member", memberId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!EXEMPTION_REASONS.contains(command.reason())) {
            problems.add(new FieldProblem("reason", "dues.exemption.reason.unknown"));
        }
        if (command.toInclusive().isBefore(command.from())) {
            problems.add(new FieldProblem("to", "dues.exemption.to.beforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        Integer overlapping = jdbc.sql("""
                        select count(*) from finance.dues_exemption where member_id = :m
                           and daterange(valid_from, valid_to) && daterange(:f, :t)""")
                .param("m", memberId)
                .param("f", command.from().atDay(1))
                .param("t", command.toInclusive().plusMonths(1).atDay(1))
                .query(Integer.class)
                .single();
        if (overlapping > 0) {
            throw rejected("from", "dues.exemption.overlap");
        }
        jdbc.sql("""
                        insert into finance.dues_exemption (member_id, reason, valid_from, valid_to, document_no, created_by)
                        values (:m, :r, :f, :t, :d, :by)""")
                .param("m", memberId)
                .param("r", command.reason())
                .param("f", command.from().atDay(1))
                .param("t", command.toInclusive().plusMonths(1).atDay(1))
                .param("d", text(command.documentNo()), java.sql.Types.VARCHAR)
                .param("by", actor.name())
                .update();
    }

    @Override
    public void setUnitRate(long unitId, UnitRateCommand command, AccessScope scope, Actor actor) {
        requirePost(scope, unitId, "unit", unitId);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.rate().signum() <= 0 || command.rate().compareTo(new BigDecimal("0.1")) > 0) {
            problems.add(new FieldProblem("rate", "dues.unitRate.rate.range"));
        }
        String resolution = text(command.resolutionNo());
        if (resolution == null) {
            problems.add(new FieldProblem("resolutionNo", "dues.unitRate.resolution.required"));
        }
        LocalDate from = command.from().atDay(1);
        Integer later = jdbc.sql(
                        "select count(*) from finance.unit_dues_rate where org_unit_id = :u and valid_from >= :f")
                .param("u", unitId)
                .param("f", from)
                .query(Integer.class)
                .single();
        if (later > 0) {
            problems.add(new FieldProblem("from", "dues.profile.from.notAfterLatest"));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        jdbc.sql("""
                        update finance.unit_dues_rate set valid_to = :f
                         where org_unit_id = :u and daterange(valid_from, valid_to) @> cast(:f as date)""").param("u", unitId).param("f", from).update();
        jdbc.sql("""
                        insert into finance.unit_dues_rate (org_unit_id, rate, valid_from, resolution_no, resolution_date,
                                                            created_by)
                        values (:u, :r, :f, :n, :d, :by)""")
                .param("u", unitId)
                .param("r", command.rate())
                .param("f", from)
                .param("n", resolution)
                .param("d", command.resolutionDate(), java.sql.Types.DATE)
                .param("by", actor.name())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UnitRate> unitRates(long unitId, AccessScope scope) {
        access.requireRead(scope, unitId, "unit", unitId);
        return unitRates(unitId);
    }

    private List<UnitRate> unitRates(long unitId) {
        return jdbc.sql("""
                        select id, rate, valid_from, valid_to, resolution_no, resolution_date
                          from finance.unit_dues_rate where org_unit_id = :u order by valid_from""")
                .param("u", unitId)
                .query((rs, i) -> new UnitRate(
                        rs.getLong(1),
                        rs.getBigDecimal(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    // Payments

    @Override
    public ReceiptView pay(PaymentCommand command, AccessScope scope, Actor actor) {
        String key = "dues-" + command.method().toLowerCase(Locale.ROOT) + ":" + command.idempotencyKey();
        lock(key);
        Optional<Long> existing = receiptByKey(key);
        if (existing.isPresent()) {
            return view(existing.get(), scope, true);
        }
        MemberRef m = memberRef(command.memberId());
        List<FieldProblem> problems = new ArrayList<>();
        if (!List.of("CASH", "BANK").contains(command.method())) {
            problems.add(new FieldProblem("method", "dues.pay.method.unknown"));
        }
        if (command.receivedOn().isAfter(Dates.today(clock))) {
            problems.add(new FieldProblem("receivedOn", "dues.pay.receivedOn.future"));
        }
        if (command.chargeIds().isEmpty()) {
            problems.add(new FieldProblem("chargeIds", "dues.pay.months.required"));
        }
        List<Owed> owed = owedCharges(new ArrayList<>(new LinkedHashSet<>(command.chargeIds())));
        Set<Long> units = new HashSet<>();
        for (Owed o : owed) {
            units.add(o.unitId());
        }
        long unitId = units.size() == 1 ? units.iterator().next() : m.unitId();
        requirePost(scope, unitId, "member", command.memberId());
        if (owed.size() != new HashSet<>(command.chargeIds()).size()
                || owed.stream().anyMatch(o -> o.memberId() != command.memberId())) {
            throw new FinanceNotFoundException("dues charge", command.chargeIds());
        }
        if (units.size() > 1) {
            problems.add(new FieldProblem("chargeIds", "dues.pay.months.oneUnit"));
        }
        for (Owed o : owed) {
            if (!o.standard().plus(o.extra()).isPositive()) {
                problems.add(new FieldProblem("chargeIds", "dues.pay.months.nothingOwed", format(o.month())));
            }
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        long id = record(
                key,
                unitId,
                command.method(),
                command.receivedOn(),
                m.name(),
                text(command.reference()),
                owed,
                message("dues.posting.member", m.name(), m.code(), months(owed)),
                scope,
                actor);
        return view(id, scope, false);
    }

    /** Writes the receipt, its lines and its postings (DUES, and DUES_EXTRA when owed); returns the receipt id. */
    private long record(
            String key,
            long unitId,
            String method,
            LocalDate receivedOn,
            @Nullable String payer,
            @Nullable String reference,
            List<Owed> lines,
            String description,
            AccessScope scope,
            Actor actor) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('finance.dues_receipt', 'id'))")
                .query(Long.class)
                .single();
        Money standard = lines.stream().map(Owed::standard).reduce(Money.ZERO, Money::plus);
        Money extra = lines.stream().map(Owed::extra).reduce(Money.ZERO, Money::plus);
        Set<YearMonth> months = new HashSet<>();
        lines.forEach(l -> months.add(l.month()));
        YearMonth period = months.size() == 1 ? months.iterator().next() : null;
        Long posting = null;
        Long extraPosting = null;
        if (standard.isPositive()) {
            posting = ledger.receive(
                            new Ledger.Receipt(
                                    key, unitId, FeeRules.DUES, standard, receivedOn, period, description, SOURCE, id),
                            scope,
                            actor)
                    .id();
        }
        if (extra.isPositive()) {
            extraPosting = ledger.receive(
                            new Ledger.Receipt(
                                    key + ":extra",
                                    unitId,
                                    FeeRules.DUES_EXTRA,
                                    extra,
                                    receivedOn,
                                    period,
                                    description,
                                    SOURCE,
                                    id),
                            scope,
                            actor)
                    .id();
        }
        jdbc.sql("""
                        insert into finance.dues_receipt (id, receipt_no, org_unit_id, method, received_on, payer_name,
                               reference, standard_total, extra_total, posting_id, extra_posting_id, idempotency_key,
                               created_by)
                        values (:id, 'PT' || to_char(cast(:d as date), 'YYYY') || '-'
                                     || lpad(nextval('finance.dues_receipt_seq')::text, 6, '0'),
                                :u, :m, :d, :payer, :ref, :s, :e, :p, :pe, :k, :by)""")
                .param("id", id)
                .param("u", unitId)
                .param("m", method)
                .param("d", receivedOn)
                .param("payer", payer, java.sql.Types.VARCHAR)
                .param("ref", reference, java.sql.Types.VARCHAR)
                .param("s", standard.amount())
                .param("e", extra.amount())
                .param("p", posting, java.sql.Types.BIGINT)
                .param("pe", extraPosting, java.sql.Types.BIGINT)
                .param("k", key)
                .param("by", actor.name())
                .update();
        for (Owed l : lines) {
            jdbc.sql("""
                            insert into finance.dues_payment (receipt_id, charge_id, standard_part, extra_part)
                            values (:r, :c, :s, :e)""")
                    .param("r", id)
                    .param("c", l.chargeId())
                    .param("s", l.standard().amount())
                    .param("e", l.extra().amount())
                    .update();
        }
        return id;
    }

    @Override
    public ReceiptView receipt(long receiptId, AccessScope scope, Actor actor) {
        long unit = receiptUnit(receiptId);
        access.requireRead(scope, unit, "dues receipt", receiptId);
        access.logInspection(scope, actor, unit, "dues-receipt", unitName(unit));
        return view(receiptId, scope, false);
    }

    @Override
    public ReceiptView reverse(long receiptId, String reason, AccessScope scope, Actor actor) {
        long unit = receiptUnit(receiptId);
        requirePost(scope, unit, "dues receipt", receiptId);
        lock("dues-reversal:" + receiptId);
        String why = text(reason);
        if (why == null) {
            throw rejected("reason", "dues.reverse.reason.required");
        }
        if (why.length() > 500) {
            throw rejected("reason", "dues.reverse.reason.long");
        }
        if (jdbc.sql("select count(*) from finance.dues_receipt_reversal where receipt_id = :r")
                        .param("r", receiptId)
                        .query(Integer.class)
                        .single()
                > 0) {
            throw rejected("reason", "dues.reverse.already");
        }
        Map<String, Object> r = jdbc.sql("select posting_id, extra_posting_id from finance.dues_receipt where id = :r")
                .param("r", receiptId)
                .query()
                .singleRow();
        Long reversal = null;
        Long extraReversal = null;
        if (r.get("posting_id") != null) {
            reversal = ledger.reverse(
                            ((Number) r.get("posting_id")).longValue(), why, "dues-reversal:" + receiptId, scope, actor)
                    .id();
        }
        if (r.get("extra_posting_id") != null) {
            extraReversal = ledger.reverse(
                            ((Number) r.get("extra_posting_id")).longValue(),
                            why,
                            "dues-reversal:" + receiptId + ":extra",
                            scope,
                            actor)
                    .id();
        }
        jdbc.sql("""
                        insert into finance.dues_receipt_reversal (receipt_id, reason, reversal_posting_id,
                                                                   extra_reversal_posting, reversed_by)
                        values (:r, :why, :p, :pe, :by)""")
                .param("r", receiptId)
                .param("why", why)
                .param("p", reversal, java.sql.Types.BIGINT)
                .param("pe", extraReversal, java.sql.Types.BIGINT)
                .param("by", actor.name())
                .update();
        return view(receiptId, scope, false);
    }

    // Payroll-deduction import

    @Override
    public ImportView previewImport(ImportCommand command, java.io.InputStream xlsx, AccessScope scope, Actor actor) {
        requirePost(scope, command.unitId(), "unit", command.unitId());
        if (command.month().isAfter(YearMonth.from(Dates.today(clock)))) {
            throw rejected("month", "dues.month.future", format(command.month()));
        }
        if (command.receivedOn().isAfter(Dates.today(clock))) {
            throw rejected("receivedOn", "dues.pay.receivedOn.future");
        }
        byte[] bytes;
        try {
            bytes = xlsx.readNBytes(PayrollFile.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw PayrollFile.refused("dues.import.file.notSpreadsheet");
        }
        List<PayrollFile.Line> lines = PayrollFile.read(bytes);
        charges.generate(List.of(command.unitId()), command.month(), command.month());
        Map<String, Owed> byCode = new HashMap<>();
        Map<String, Owed> byCccd = new HashMap<>();
        jdbc.sql("""
                        select s.id, s.member_id, s.org_unit_id, s.period, s.standard_amount - s.paid_standard,
                               s.extra_amount - s.paid_extra, m.member_code, m.cccd
                          from finance.dues_charge_status s join membership.member m on m.id = s.member_id
                         where s.org_unit_id = :u and s.period = :p""")
                .param("u", command.unitId())
                .param("p", command.month().atDay(1))
                .query((ResultSet rs) -> {
                    Owed o = new Owed(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            YearMonth.from(rs.getObject(4, LocalDate.class)),
                            Money.of(rs.getBigDecimal(5)),
                            Money.of(rs.getBigDecimal(6)),
                            rs.getString(7));
                    byCode.put(o.memberCode(), o);
                    String cccd = rs.getString(8);
                    if (cccd != null) {
                        byCccd.put(cccd, o);
                    }
                });
        long importId = jdbc.sql("""
                        insert into finance.dues_import (org_unit_id, period, file_name, received_on, created_by)
                        values (:u, :p, :f, :d, :by) returning id""")
                .param("u", command.unitId())
                .param("p", command.month().atDay(1))
                .param("f", fileName(command.fileName()))
                .param("d", command.receivedOn())
                .param("by", actor.name())
                .query(Long.class)
                .single();
        Set<Long> seen = new HashSet<>();
        for (PayrollFile.Line line : lines) {
            String code = line.memberCode() == null
                    ? null
                    : line.memberCode().toUpperCase(Locale.ROOT).replace(" ", "");
            String cccd = line.cccd() == null ? null : line.cccd().replaceAll("[ .]", "");
            Owed o = code != null ? byCode.get(code) : null;
            if (o == null && cccd != null) {
                o = byCccd.get(cccd);
            }
            String hint = code != null ? code : cccd == null ? null : maskCccd(cccd);
            Money amount = parseAmount(line.amount());
            String outcome;
            String key = null;
            if (amount == null) {
                outcome = "INVALID";
                key = "dues.import.row.amount";
            } else if (o == null) {
                outcome = "UNMATCHED";
                key = "dues.import.row.unmatched";
            } else if (!seen.add(o.memberId())) {
                outcome = "INVALID";
                key = "dues.import.row.duplicate";
            } else if (!o.standard().plus(o.extra()).isPositive()) {
                outcome = "PAID";
                key = "dues.import.row.paid";
            } else if (amount.compareTo(o.standard().plus(o.extra())) != 0) {
                outcome = "MISMATCH";
                key = "dues.import.row.mismatch";
            } else {
                outcome = "MATCHED";
            }
            jdbc.sql("""
                            insert into finance.dues_import_row (import_id, row_no, full_name, id_hint, member_id,
                                                                 charge_id, amount, outcome, message_key)
                            values (:i, :n, :name, :hint, :m, :c, :a, :o, :k)""")
                    .param("i", importId)
                    .param("n", line.rowNo())
                    .param("name", text(line.fullName()), java.sql.Types.VARCHAR)
                    .param("hint", hint, java.sql.Types.VARCHAR)
                    .param("m", o == null ? null : o.memberId(), java.sql.Types.BIGINT)
                    .param("c", o == null ? null : o.chargeId(), java.sql.Types.BIGINT)
                    .param("a", amount == null ? null : amount.amount(), java.sql.Types.NUMERIC)
                    .param("o", outcome)
                    .param("k", key, java.sql.Types.VARCHAR)
                    .update();
        }
        return importView(importId);
    }

    @Override
    public ImportView importView(long importId, AccessScope scope, Actor actor) {
        long unit = importUnit(importId);
        access.requireRead(scope, unit, "dues import", importId);
        return importView(importId);
    }

    @Override
    public ImportView commitImport(long importId, int version, AccessScope scope, Actor actor) {
        long unit = importUnit(importId);
        requirePost(scope, unit, "dues import", importId);
        Map<String, Object> imp = jdbc.sql("""
                        select status, version, period, received_on, file_name from finance.dues_import
                         where id = :i for update""").param("i", importId).query().singleRow();
        if ("COMMITTED".equals(imp.get("status"))) {
            return importView(importId);
        }
        if (((Number) imp.get("version")).intValue() != version) {
            throw rejected("version", "dues.import.stale");
        }
        List<Long> chargeIds =
                jdbc.sql("""
                        select charge_id from finance.dues_import_row where import_id = :i and outcome = 'MATCHED'
                         order by row_no""").param("i", importId).query(Long.class).list();
        if (chargeIds.isEmpty()) {
            throw rejected("file", "dues.import.nothingMatched");
        }
        List<Owed> owed = owedCharges(chargeIds);
        Map<Long, BigDecimal> amounts = new HashMap<>();
        jdbc.sql("select charge_id, amount from finance.dues_import_row where import_id = :i and outcome = 'MATCHED'")
                .param("i", importId)
                .query((ResultSet rs) -> {
                    amounts.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        for (Owed o : owed) {
            if (o.standard().plus(o.extra()).amount().compareTo(amounts.get(o.chargeId())) != 0) {
                throw rejected("file", "dues.import.changed", o.memberCode());
            }
        }
        YearMonth month = YearMonth.from(((Date) imp.get("period")).toLocalDate());
        long receipt = record(
                "dues-import:" + importId,
                unit,
                "PAYROLL",
                ((Date) imp.get("received_on")).toLocalDate(),
                null,
                (String) imp.get("file_name"),
                owed,
                message("dues.posting.payroll", format(month), owed.size()),
                scope,
                actor);
        jdbc.sql("""
                        update finance.dues_import set status = 'COMMITTED', receipt_id = :r, version = version + 1
                         where id = :i""").param("r", receipt).param("i", importId).update();
        return importView(importId);
    }

    // Bank statement

    @Override
    public StatementMatch matchStatement(StatementLine line, boolean record, AccessScope scope, Actor actor) {
        String reference = text(line.bankReference());
        if (reference == null) {
            throw rejected("bankReference", "dues.statement.reference.required");
        }
        Optional<TransferContent.Parsed> parsed = TransferContent.parse(line.content());
        if (parsed.isEmpty()) {
            return new StatementMatch("UNREADABLE", null, null, null, null, null);
        }
        String code = parsed.get().memberCode();
        YearMonth month = parsed.get().month();
        Optional<Long> member = jdbc.sql("select id from membership.member where member_code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
        if (member.isEmpty()) {
            return new StatementMatch("NO_MEMBER", code, month, null, null, null);
        }
        Optional<Owed> charge = jdbc.sql("""
                        select s.id, s.member_id, s.org_unit_id, s.period, s.standard_amount - s.paid_standard,
                               s.extra_amount - s.paid_extra, :c
                          from finance.dues_charge_status s where s.member_id = :m and s.period = :p""")
                .param("c", code)
                .param("m", member.get())
                .param("p", month.atDay(1))
                .query(DuesService::owed)
                .optional();
        // The member's unit (their record) and the unit the charge belongs to must both be in reach.
        MemberRef ref = memberRef(member.get());
        access.requireRead(scope, ref.unitId(), "member", member.get());
        if (charge.isEmpty()) {
            return new StatementMatch("NO_CHARGE", code, month, null, null, null);
        }
        Owed o = charge.get();
        access.requireRead(scope, o.unitId(), "member", o.memberId());
        String key = "dues-bank:" + reference;
        Optional<Long> existing = receiptByKey(key);
        if (existing.isPresent()) {
            return new StatementMatch("RECORDED", code, month, o.chargeId(), o.total(), existing.get());
        }
        if (!o.total().isPositive()) {
            return new StatementMatch("ALREADY_PAID", code, month, o.chargeId(), o.total(), null);
        }
        if (line.amount().compareTo(o.total()) != 0) {
            return new StatementMatch("AMOUNT_DIFFERS", code, month, o.chargeId(), o.total(), null);
        }
        if (!record) {
            return new StatementMatch("MATCHED", code, month, o.chargeId(), o.total(), null);
        }
        ReceiptView r = pay(
                new PaymentCommand(reference, o.memberId(), List.of(o.chargeId()), "BANK", line.valueDate(), reference),
                scope,
                actor);
        return new StatementMatch("RECORDED", code, month, o.chargeId(), o.total(), r.id());
    }

    // Arrears

    @Override
    public List<MemberArrears> arrears(long unitId, YearMonth upTo, AccessScope scope, Actor actor) {
        access.requireRead(scope, unitId, "unit", unitId);
        access.logInspection(scope, actor, unitId, "dues-arrears", unitName(unitId));
        return jdbc.sql("""
                        select s.member_id, m.member_code, m.full_name, s.org_unit_id, u.name, count(*), sum(s.owed),
                               min(s.period)
                          from finance.dues_charge_status s
                          join membership.member m on m.id = s.member_id
                          join organisation.org_unit u on u.id = s.org_unit_id
                         where u.path <@ (select path from organisation.org_unit where id = :u)
                           and s.period <= :p and s.owed > 0
                         group by s.member_id, m.member_code, m.full_name, m.sort_key, s.org_unit_id, u.name
                         order by sum(s.owed) desc, m.sort_key, s.member_id
                         limit 1000""")
                .param("u", unitId)
                .param("p", upTo.atDay(1))
                .query((rs, i) -> new MemberArrears(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        Money.of(rs.getBigDecimal(7)),
                        YearMonth.from(rs.getObject(8, LocalDate.class))))
                .list();
    }

    @Override
    public List<UnitArrears> arrearsByUnit(long unitId, YearMonth upTo, AccessScope scope, Actor actor) {
        access.requireRead(scope, unitId, "unit", unitId);
        access.logInspection(scope, actor, unitId, "dues-arrears", unitName(unitId));
        return jdbc.sql("""
                        select s.org_unit_id, u.name, count(distinct s.member_id), count(*), sum(s.owed)
                          from finance.dues_charge_status s
                          join organisation.org_unit u on u.id = s.org_unit_id
                         where u.path <@ (select path from organisation.org_unit where id = :u)
                           and s.period <= :p and s.owed > 0
                         group by s.org_unit_id, u.name
                         order by sum(s.owed) desc, u.name, s.org_unit_id""")
                .param("u", unitId)
                .param("p", upTo.atDay(1))
                .query((rs, i) -> new UnitArrears(
                        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), Money.of(rs.getBigDecimal(5))))
                .list();
    }

    // Self-service

    @Override
    @Transactional(readOnly = true)
    public Optional<SelfDues> own(long memberId) {
        MemberRef m = memberRef(memberId);
        List<ChargeView> list = jdbc.sql(CHARGES + " where s.member_id = :m order by s.period desc")
                .param("m", memberId)
                .query(this::charge)
                .list();
        Money owed = list.stream().map(ChargeView::owed).reduce(Money.ZERO, Money::plus);
        ChargeView oldest = list.stream()
                .filter(c -> c.owed().isPositive())
                .reduce((a, b) -> b)
                .orElse(null);
        return Optional.of(
                new SelfDues(memberId, m.code(), m.name(), m.unitId(), unitName(m.unitId()), list, owed, oldest));
    }

    // Helpers

    private record MemberRef(long id, String code, String name, long unitId) {}

    /** What is still owed on a charge, split into standard dues and the unit's extra. */
    record Owed(
            long chargeId,
            long memberId,
            long unitId,
            YearMonth month,
            Money standard,
            Money extra,
            String memberCode) {
        Money total() {
            return standard.plus(extra);
        }
    }

    private static Owed owed(ResultSet rs, int i) throws SQLException {
        return new Owed(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                YearMonth.from(rs.getObject(4, LocalDate.class)),
                Money.of(rs.getBigDecimal(5)),
                Money.of(rs.getBigDecimal(6)),
                rs.getString(7));
    }

    private List<Owed> owedCharges(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.id, s.member_id, s.org_unit_id, s.period, s.standard_amount - s.paid_standard,
                               s.extra_amount - s.paid_extra, m.member_code
                          from finance.dues_charge_status s join membership.member m on m.id = s.member_id
                         where s.id = any(cast(:ids as bigint[])) order by s.period, m.sort_key, s.id""")
                .param("ids", ids.toArray(Long[]::new))
                .query(DuesService::owed)
                .list();
    }

    private MemberRef memberRef(long memberId) {
        return jdbc.sql("""
                        select id, member_code, full_name, coalesce(unit_id, last_unit_id) from membership.member
                         where id = :m""")
                .param("m", memberId)
                .query((rs, i) -> new MemberRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("member", memberId));
    }

    private long receiptUnit(long receiptId) {
        return jdbc.sql("select org_unit_id from finance.dues_receipt where id = :r")
                .param("r", receiptId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("dues receipt", receiptId));
    }

    private long importUnit(long importId) {
        return jdbc.sql("select org_unit_id from finance.dues_import where id = :i")
                .param("i", importId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("dues import", importId));
    }

    private Optional<Long> receiptByKey(String key) {
        return jdbc.sql("select id from finance.dues_receipt where idempotency_key = :k")
                .param("k", key)
                .query(Long.class)
                .optional();
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 7))")
                .param("k", key)
                .query()
                .singleRow();
    }

    private ReceiptView view(long id, AccessScope scope, boolean duplicate) {
        Map<String, Object> r = jdbc.sql("""
                        select r.receipt_no, r.org_unit_id, r.method, r.received_on, r.payer_name, r.reference,
                               r.standard_total, r.extra_total, r.posting_id, r.extra_posting_id, v.reason,
                               v.reversal_posting_id, v.extra_reversal_posting
                          from finance.dues_receipt r left join finance.dues_receipt_reversal v on v.receipt_id = r.id
                         where r.id = :id""").param("id", id).query().singleRow();
        List<ReceiptLine> lines = jdbc.sql("""
                        select c.id, m.member_code, m.full_name, c.period, p.standard_part, p.extra_part
                          from finance.dues_payment p
                          join finance.dues_charge c on c.id = p.charge_id
                          join membership.member m on m.id = c.member_id
                         where p.receipt_id = :id order by m.sort_key, c.period, c.id""")
                .param("id", id)
                .query((rs, i) -> new ReceiptLine(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        YearMonth.from(rs.getObject(4, LocalDate.class)),
                        Money.of(rs.getBigDecimal(5)),
                        Money.of(rs.getBigDecimal(6))))
                .list();
        List<Ledger.PostingView> postings = new ArrayList<>();
        for (String col : List.of("posting_id", "extra_posting_id", "reversal_posting_id", "extra_reversal_posting")) {
            Object p = r.get(col);
            if (p != null) {
                postings.add(ledger.posting(((Number) p).longValue(), scope));
            }
        }
        long unit = ((Number) r.get("org_unit_id")).longValue();
        return new ReceiptView(
                id,
                (String) r.get("receipt_no"),
                unit,
                unitName(unit),
                (String) r.get("method"),
                ((Date) r.get("received_on")).toLocalDate(),
                (String) r.get("payer_name"),
                (String) r.get("reference"),
                Money.of((BigDecimal) r.get("standard_total")),
                Money.of((BigDecimal) r.get("extra_total")),
                lines,
                postings,
                (String) r.get("reason"),
                duplicate);
    }

    private ImportView importView(long id) {
        Map<String, Object> i = jdbc.sql("""
                        select org_unit_id, period, received_on, file_name, status, version, receipt_id
                          from finance.dues_import where id = :i""").param("i", id).query().singleRow();
        List<ImportRow> rows = jdbc.sql("""
                        select r.row_no, r.full_name, r.id_hint, r.member_id, m.member_code, r.amount,
                               s.standard_amount + s.extra_amount as due, r.outcome, r.message_key
                          from finance.dues_import_row r
                          left join membership.member m on m.id = r.member_id
                          left join finance.dues_charge s on s.id = r.charge_id
                         where r.import_id = :i order by r.row_no""")
                .param("i", id)
                .query((rs, n) -> new ImportRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4, Long.class),
                        rs.getString(5),
                        money(rs, 6),
                        money(rs, 7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
        List<ImportRow> matched =
                rows.stream().filter(r -> r.outcome().equals("MATCHED")).toList();
        List<ImportRow> exceptions =
                rows.stream().filter(r -> !r.outcome().equals("MATCHED")).toList();
        Money total = matched.stream().map(ImportRow::amount).reduce(Money.ZERO, Money::plus);
        long unit = ((Number) i.get("org_unit_id")).longValue();
        return new ImportView(
                id,
                unit,
                unitName(unit),
                YearMonth.from(((Date) i.get("period")).toLocalDate()),
                ((Date) i.get("received_on")).toLocalDate(),
                (String) i.get("file_name"),
                (String) i.get("status"),
                ((Number) i.get("version")).intValue(),
                matched,
                exceptions,
                total,
                i.get("receipt_id") == null ? null : ((Number) i.get("receipt_id")).longValue());
    }

    private ChargeView charge(ResultSet rs, int i) throws SQLException {
        return new ChargeView(
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getString("member_code"),
                rs.getString("full_name"),
                rs.getLong("org_unit_id"),
                YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getString("member_group"),
                rs.getString("basis_source"),
                rs.getString("base_kind"),
                Money.of(rs.getBigDecimal("base")),
                rs.getBigDecimal("rate"),
                rs.getBoolean("capped"),
                Money.of(rs.getBigDecimal("standard_amount")),
                Money.of(rs.getBigDecimal("extra_amount")),
                Money.of(rs.getBigDecimal("paid")),
                Money.of(rs.getBigDecimal("owed")),
                rs.getString("document_no"),
                rs.getObject("rule_from", LocalDate.class),
                rs.getString("resolution_no"),
                rs.getString("exemption_reason"));
    }

    private ReceiptSummary receiptSummary(ResultSet rs, int i) throws SQLException {
        return new ReceiptSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                Money.of(rs.getBigDecimal(6)),
                Money.of(rs.getBigDecimal(7)),
                rs.getInt(8),
                rs.getBoolean(9));
    }

    private static @Nullable Money money(ResultSet rs, int col) throws SQLException {
        BigDecimal v = rs.getBigDecimal(col);
        return v == null ? null : Money.of(v);
    }

    private Set<String> groups() {
        return new HashSet<>(jdbc.sql("select code from finance.member_group")
                .query(String.class)
                .list());
    }

    private void requirePost(AccessScope scope, long unitId, String what, Object id) {
        // Out of reach and "may read but not post" both answer 404: the authorization matrix's oracle, and an
        // inspector's probe learns nothing about which receipts exist.
        if (!access.holds(scope, FeeRules.POST, unitId)) {
            throw new FinanceNotFoundException(what, id);
        }
    }

    private String unitName(long unitId) {
        return tree.find(unitId).map(OrgUnitView::name).orElse("");
    }

    private String message(String key, Object... args) {
        return java.text.Normalizer.normalize(messages.getMessage(key, args, VI), java.text.Normalizer.Form.NFC);
    }

    private static String months(List<Owed> owed) {
        return String.join(
                ", ", owed.stream().map(o -> format(o.month())).distinct().toList());
    }

    static String format(YearMonth month) {
        return String.format(Locale.ROOT, "%02d/%04d", month.getMonthValue(), month.getYear());
    }

    static String maskCccd(String cccd) {
        if (cccd.length() <= 6) {
            return "******";
        }
        return cccd.substring(0, 3) + "******" + cccd.substring(cccd.length() - 3);
    }

    private static String fileName(String name) {
        String n = text(name);
        if (n == null) {
            return "bang-ke.xlsx";
        }
        n = n.replaceAll("[\\\\/]", "_");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    /** "1.234.567", "1,234,567", "1234567", "1234567 đ": whole đồng; null when unreadable or not positive. */
    static @Nullable Money parseAmount(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace("\u0111", "")
                .replace("VND", "")
                .replace("VN\u0110", "")
                .strip();
        if (t.matches("\\d{1,3}([.,]\\d{3})+")) {
            t = t.replaceAll("[.,]", "");
        }
        if (!t.matches("\\d{1,15}(\\.0+)?")) {
            return null;
        }
        Money m = Money.of(new BigDecimal(t));
        return m.isPositive() ? m : null;
    }

    /** NFC, trimmed, inner spaces collapsed; null when blank. */
    private static @Nullable String text(@Nullable String s) {
        String c = Text.clean(s);
        return c == null || c.isEmpty() ? null : c;
    }

    private static FinanceRejectedException rejected(String field, String key, Object... args) {
        return new FinanceRejectedException(new FieldProblem(field, key, args));
    }
}
