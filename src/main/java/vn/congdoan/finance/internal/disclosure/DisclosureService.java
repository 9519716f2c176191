package vn.congdoan.finance.internal.disclosure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import vn.congdoan.finance.internal.FinanceAccess;
import vn.congdoan.finance.internal.budget.BudgetFiles;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.SqlArrays;

/** {@link Disclosures} on {@code finance.disclosure} and {@code finance.charity_drive}. */
@Service
class DisclosureService implements Disclosures {

    private static final Locale VI = Locale.forLanguageTag("vi");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    private static final String SELECT = """
            select d.id, d.org_unit_id, u.name as unit_name, d.kind, d.budget_id, d.drive_id,
                   coalesce(b.year::text, c.name) as subject, d.due_on, d.published_on, d.published_where, d.version,
                   u.path <@ cast(:approve as ltree[]) as approvable
              from finance.disclosure d
              join organisation.org_unit u on u.id = d.org_unit_id
              left join finance.budget b on b.id = d.budget_id
              left join finance.charity_drive c on c.id = d.drive_id
            """;

    private final JdbcClient jdbc;
    private final FinanceAccess access;
    private final OrgTree tree;
    private final Budgets budgets;
    private final BudgetFiles budgetFiles;
    private final FinancePdf pdf;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    DisclosureService(
            JdbcClient jdbc,
            FinanceAccess access,
            OrgTree tree,
            Budgets budgets,
            BudgetFiles budgetFiles,
            FinancePdf pdf,
            MessageSource messages,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.tree = tree;
        this.budgets = budgets;
        this.budgetFiles = budgetFiles;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- disclosures

    @Override
    @Transactional(readOnly = true)
    public List<DisclosureView> list(boolean overdueOnly, @Nullable Long unitId, AccessScope scope) {
        String[] paths = readPaths(scope);
        if (paths.length == 0) {
            throw new ForbiddenException(FeeRules.READ);
        }
        LocalDate today = Dates.today(clock);
        String where = " where u.path <@ cast(:paths as ltree[])"
                + (overdueOnly ? " and d.published_on is null and d.due_on < :today" : "")
                + (unitId != null ? " and d.org_unit_id = :unit" : "");
        var spec = jdbc.sql(SELECT + where + " order by (d.published_on is null) desc, d.due_on, d.id limit 500")
                .param("paths", SqlArrays.ofLabels(paths))
                .param("approve", approvePaths(scope));
        if (overdueOnly) {
            spec = spec.param("today", today);
        }
        if (unitId != null) {
            spec = spec.param("unit", unitId);
        }
        return spec.query((rs, n) -> view(rs, today)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisclosureView> overdueBelow(AccessScope scope) {
        LocalDate today = Dates.today(clock);
        String[] approve = scope.paths(FeeRules.APPROVE);
        String[] inspect = scope.paths(FeeRules.INSPECT);
        if (approve.length == 0 && inspect.length == 0) {
            return List.of();
        }
        // The upper level sees the units strictly below its own; the inspection committee its whole subtree.
        return jdbc.sql(SELECT + """
                         where d.published_on is null and d.due_on < :today
                           and (exists (select 1 from unnest(cast(:approve as ltree[])) r where u.path <@ r and u.path <> r)
                                or u.path <@ cast(:inspect as ltree[]))
                         order by d.due_on, d.id limit 200""")
                .param("today", today)
                .param("approve", SqlArrays.ofLabels(approve))
                .param("inspect", SqlArrays.ofLabels(inspect))
                .query((rs, n) -> view(rs, today))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public DisclosureView disclosure(long id, AccessScope scope) {
        LocalDate today = Dates.today(clock);
        DisclosureView v = jdbc.sql(SELECT + " where d.id = :id")
                .param("id", id)
                .param("approve", approvePaths(scope))
                .query((rs, n) -> view(rs, today))
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("disclosure", id));
        access.requireRead(scope, v.unitId(), "disclosure", id);
        return v;
    }

    @Override
    @Transactional
    public void publish(
            long id, int version, @Nullable LocalDate on, @Nullable String where, AccessScope scope, Actor actor) {
        DisclosureView v = disclosure(id, scope);
        if (!access.holds(scope, FeeRules.APPROVE, v.unitId())) {
            throw new FinanceNotFoundException("disclosure", id);
        }
        LocalDate today = Dates.today(clock);
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) {
            problems.add(new FieldProblem("publishedOn", "budgets.publish.date.required"));
        } else if (on.isAfter(today)) {
            problems.add(new FieldProblem("publishedOn", "budgets.publish.date.future"));
        }
        String place = where == null ? "" : nfc(where.strip());
        if (place.isEmpty()) {
            problems.add(new FieldProblem("publishedWhere", "budgets.publish.where.required"));
        } else if (place.length() > 300) {
            problems.add(new FieldProblem("publishedWhere", "budgets.text.tooLong", 300));
        }
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        int n = jdbc.sql("""
                        update finance.disclosure set published_on = :on, published_where = :where,
                               published_by_name = :by, version = version + 1
                         where id = :id and version = :version and published_on is null""")
                .param("on", on)
                .param("where", place)
                .param("by", actor.name())
                .param("id", id)
                .param("version", version)
                .update();
        if (n != 1) {
            throw new BudgetConflictException("budgets.stale");
        }
        audit.record(AuditRecord.of(actor, "DISCLOSURE_PUBLISHED", path(v.unitId()))
                .target("DISCLOSURE", id, v.kind() + " " + v.subject() + " · " + v.unitName())
                .detail(Dates.format(on)));
    }

    @Override
    @Transactional
    public Budgets.BudgetFile pdf(long id, AccessScope scope, Actor actor) {
        DisclosureView v = disclosure(id, scope);
        OrgUnitView unit = tree.find(v.unitId()).orElseThrow(() -> new FinanceNotFoundException("disclosure", id));
        access.logInspection(scope, actor, v.unitId(), "DISCLOSURE " + v.kind() + " " + v.subject(), unit.name());
        String parent = unit.parentId() == null
                ? ""
                : tree.find(unit.parentId()).map(OrgUnitView::name).orElse("");
        LocalDate docDate = v.publishedOn() != null ? v.publishedOn() : Dates.today(clock);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("superior", parent.toUpperCase(VI));
        m.put("issuing", unit.name().toUpperCase(VI));
        m.put("numberLine", "Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/TB-CĐ");
        m.put("dateLine", FinancePdf.dateLine(pdf.place(), docDate));
        List<String> intro = new ArrayList<>();
        List<String> outro = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        String fileName;
        if (v.budgetId() != null) {
            Budgets.BudgetDetail b = budgets.detail(v.budgetId(), scope, actor);
            if (!Budgets.APPROVED.equals(b.view().status())) {
                throw new FinanceNotFoundException("disclosure", id);
            }
            boolean estimate = Budgets.ESTIMATE.equals(b.view().kind());
            m.put(
                    "summary",
                    msg(
                            estimate ? "budgets.doc.disclose.estimate" : "budgets.doc.disclose.settlement",
                            String.valueOf(b.view().year())));
            intro.add(msg("budgets.doc.basis"));
            intro.add(msg(
                    "budgets.doc.approvedBy",
                    b.parentName() == null ? "" : b.parentName(),
                    Dates.format(b.view().decidedOn()),
                    unit.name(),
                    msg(
                            estimate ? "budgets.doc.what.estimate" : "budgets.doc.what.settlement",
                            String.valueOf(b.view().year()))));
            // An estimate is disclosed with its planned amounts; a settlement with the approved estimate and the
            // actuals side by side.
            List<BudgetFiles.Row> rows = budgetFiles.rows(b).stream()
                    .filter(r -> !r.number().equals("C") && !"memo".equals(r.style()))
                    .toList();
            if (estimate) {
                m.put(
                        "headers",
                        List.of(msg("budgets.col.number"), msg("budgets.col.line"), msg("budgets.col.planned")));
                m.put("columns", 3);
                m.put("rows", rows);
            } else {
                m.put(
                        "headers",
                        List.of(
                                msg("budgets.col.number"),
                                msg("budgets.col.line"),
                                msg("budgets.col.estimate"),
                                msg("budgets.col.actual")));
                m.put("columns", 4);
                m.put("rows", rows);
            }
            fileName = (estimate ? "cong-khai-du-toan-" : "cong-khai-quyet-toan-")
                    + b.view().year() + "-" + v.unitId();
        } else {
            DriveView d = drive(v.driveId(), scope);
            boolean collection = DRIVE_COLLECTION.equals(v.kind());
            m.put(
                    "summary",
                    msg(
                            collection
                                    ? "budgets.doc.disclose.driveCollection"
                                    : "budgets.doc.disclose.driveDistribution",
                            d.name()));
            intro.add(msg("budgets.doc.basis"));
            intro.add(msg(
                    collection ? "budgets.doc.drive.collection" : "budgets.doc.drive.distribution",
                    unit.name(),
                    d.name(),
                    Dates.format(d.collectionStartsOn()),
                    Dates.format(d.collectionEndsOn()),
                    d.distributionEndsOn() == null ? "" : Dates.format(d.distributionEndsOn())));
            m.put("headers", List.of(msg("budgets.col.number"), msg("budgets.col.item"), msg("budgets.col.amount")));
            m.put("columns", 3);
            List<BudgetFiles.Row> rows = new ArrayList<>();
            rows.add(new BudgetFiles.Row("1", msg("budgets.drive.moneyReceived"), d.moneyReceived(), null, ""));
            if (!collection) {
                rows.add(new BudgetFiles.Row(
                        "2", msg("budgets.drive.moneyDistributed"), d.moneyDistributed(), null, ""));
                rows.add(new BudgetFiles.Row(
                        "3",
                        msg("budgets.drive.moneyLeft"),
                        d.moneyReceived().minus(d.moneyDistributed()),
                        null,
                        "total"));
            }
            m.put("rows", rows);
            if (d.goodsReceived() != null) {
                outro.add(msg("budgets.drive.goodsReceived") + ": " + d.goodsReceived());
            }
            if (!collection && d.goodsDistributed() != null) {
                outro.add(msg("budgets.drive.goodsDistributed") + ": " + d.goodsDistributed());
            }
            fileName = (collection ? "cong-khai-tiep-nhan-" : "cong-khai-phan-phoi-") + d.id();
        }
        outro.add(msg("budgets.doc.posting", Disclosures.DAYS_AFTER_APPROVAL));
        recipients.add("- " + (parent.isEmpty() ? msg("budgets.doc.upper") : parent) + " ("
                + msg("budgets.doc.toReport") + ");");
        recipients.add("- " + msg("budgets.doc.members") + ";");
        recipients.add("- Lưu: VT.");
        m.put("intro", intro);
        m.put("outro", outro);
        m.put("recipients", recipients);
        return new Budgets.BudgetFile(
                fileName + ".pdf", BudgetFiles.PDF, pdf.render("finance/disclosures/disclosure-pdf", m));
    }

    // ---------------------------------------------------------------- drives

    @Override
    @Transactional(readOnly = true)
    public List<DriveView> drives(AccessScope scope) {
        String[] paths = readPaths(scope);
        if (paths.length == 0) {
            throw new ForbiddenException(FeeRules.READ);
        }
        List<Long> ids = jdbc.sql("""
                        select c.id from finance.charity_drive c join organisation.org_unit u on u.id = c.org_unit_id
                         where u.path <@ cast(:paths as ltree[]) order by c.collection_ends_on desc, c.id desc limit 200""")
                .param("paths", SqlArrays.ofLabels(paths))
                .query(Long.class)
                .list();
        return ids.stream().map(id -> drive(id, scope)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public DriveView drive(long id, AccessScope scope) {
        LocalDate today = Dates.today(clock);
        DriveView d = jdbc.sql("""
                        select c.*, u.name as unit_name from finance.charity_drive c
                          join organisation.org_unit u on u.id = c.org_unit_id where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> driveRow(rs, List.of(), false))
                .optional()
                .orElseThrow(() -> new FinanceNotFoundException("drive", id));
        access.requireRead(scope, d.unitId(), "drive", id);
        List<DisclosureView> disclosures = jdbc.sql(SELECT + " where d.drive_id = :id order by d.due_on")
                .param("id", id)
                .param("approve", approvePaths(scope))
                .query((rs, n) -> view(rs, today))
                .list();
        return new DriveView(
                d.id(),
                d.unitId(),
                d.unitName(),
                d.name(),
                d.purpose(),
                d.collectionStartsOn(),
                d.collectionEndsOn(),
                d.distributionEndsOn(),
                d.moneyReceived(),
                d.moneyDistributed(),
                d.goodsReceived(),
                d.goodsDistributed(),
                disclosures,
                access.holds(scope, FeeRules.POST, d.unitId()),
                d.version());
    }

    @Override
    @Transactional
    public long createDrive(DriveInput input, AccessScope scope, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.unitId() == null) {
            problems.add(new FieldProblem("unitId", "budgets.unit.required"));
        } else if (!access.holds(scope, FeeRules.POST, input.unitId())) {
            throw new FinanceNotFoundException("unit", input.unitId());
        }
        Clean c = validate(input, problems);
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        long unitId = input.unitId();
        long id = jdbc.sql("""
                        insert into finance.charity_drive (org_unit_id, name, purpose, collection_starts_on,
                               collection_ends_on, distribution_ends_on, money_received, money_distributed,
                               goods_received, goods_distributed, created_by_name)
                        values (:u, :name, :purpose, :cs, :ce, :de, :mr, :md, :gr, :gd, :by) returning id""")
                .param("u", unitId)
                .param("name", c.name)
                .param("purpose", c.purpose)
                .param("cs", input.collectionStartsOn())
                .param("ce", input.collectionEndsOn())
                .param("de", input.distributionEndsOn())
                .param("mr", c.received.amount())
                .param("md", c.distributed.amount())
                .param("gr", c.goodsReceived)
                .param("gd", c.goodsDistributed)
                .param("by", actor.name())
                .query(Long.class)
                .single();
        scheduleDriveDisclosures(id, unitId, input.collectionEndsOn(), input.distributionEndsOn());
        audit.record(
                AuditRecord.of(actor, "CHARITY_DRIVE_CREATED", path(unitId)).target("CHARITY_DRIVE", id, c.name));
        return id;
    }

    @Override
    @Transactional
    public void updateDrive(long id, int version, DriveInput input, AccessScope scope, Actor actor) {
        DriveView d = drive(id, scope);
        if (!d.canEdit()) {
            throw new FinanceNotFoundException("drive", id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Clean c = validate(input, problems);
        if (!problems.isEmpty()) {
            throw new FinanceRejectedException(problems);
        }
        int n = jdbc.sql("""
                        update finance.charity_drive set name = :name, purpose = :purpose, collection_starts_on = :cs,
                               collection_ends_on = :ce, distribution_ends_on = :de, money_received = :mr,
                               money_distributed = :md, goods_received = :gr, goods_distributed = :gd,
                               version = version + 1
                         where id = :id and version = :version""")
                .param("name", c.name)
                .param("purpose", c.purpose)
                .param("cs", input.collectionStartsOn())
                .param("ce", input.collectionEndsOn())
                .param("de", input.distributionEndsOn())
                .param("mr", c.received.amount())
                .param("md", c.distributed.amount())
                .param("gr", c.goodsReceived)
                .param("gd", c.goodsDistributed)
                .param("id", id)
                .param("version", version)
                .update();
        if (n != 1) {
            throw new BudgetConflictException("budgets.stale");
        }
        scheduleDriveDisclosures(id, d.unitId(), input.collectionEndsOn(), input.distributionEndsOn());
        audit.record(
                AuditRecord.of(actor, "CHARITY_DRIVE_UPDATED", path(d.unitId())).target("CHARITY_DRIVE", id, c.name));
    }

    /**
     * HD 42/HD-TLĐ: totals received are published within 15 days after collection ends, the distribution within 30
     * days after it ends. Unpublished tasks follow the drive's dates; published ones keep theirs.
     */
    void scheduleDriveDisclosures(
            long driveId, long unitId, LocalDate collectionEnds, @Nullable LocalDate distributionEnds) {
        upsertDriveDisclosure(driveId, unitId, DRIVE_COLLECTION, collectionEnds.plusDays(DAYS_AFTER_COLLECTION));
        if (distributionEnds != null) {
            upsertDriveDisclosure(
                    driveId, unitId, DRIVE_DISTRIBUTION, distributionEnds.plusDays(DAYS_AFTER_DISTRIBUTION));
        } else {
            jdbc.sql("delete from finance.disclosure where drive_id = :d and kind = 'DRIVE_DISTRIBUTION'"
                            + " and published_on is null")
                    .param("d", driveId)
                    .update();
        }
    }

    private void upsertDriveDisclosure(long driveId, long unitId, String kind, LocalDate due) {
        jdbc.sql("""
                        insert into finance.disclosure (org_unit_id, kind, drive_id, due_on) values (:u, :k, :d, :due)
                        on conflict (drive_id, kind) do update set due_on = excluded.due_on,
                               version = finance.disclosure.version + 1
                         where finance.disclosure.published_on is null and finance.disclosure.due_on <> excluded.due_on""")
                .param("u", unitId)
                .param("k", kind)
                .param("d", driveId)
                .param("due", due)
                .update();
    }

    private record Clean(
            String name,
            @Nullable String purpose,
            Money received,
            Money distributed,
            @Nullable String goodsReceived,
            @Nullable String goodsDistributed) {}

    private Clean validate(DriveInput in, List<FieldProblem> problems) {
        String name = in.name() == null ? "" : nfc(in.name().strip());
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "budgets.drive.name.required"));
        } else if (name.length() > 300) {
            problems.add(new FieldProblem("name", "budgets.text.tooLong", 300));
        }
        String purpose = text(in.purpose(), "purpose", problems);
        if (in.collectionStartsOn() == null) {
            problems.add(new FieldProblem("collectionStartsOn", "budgets.date.required"));
        }
        if (in.collectionEndsOn() == null) {
            problems.add(new FieldProblem("collectionEndsOn", "budgets.date.required"));
        }
        if (in.collectionStartsOn() != null
                && in.collectionEndsOn() != null
                && in.collectionEndsOn().isBefore(in.collectionStartsOn())) {
            problems.add(new FieldProblem("collectionEndsOn", "budgets.drive.endsBeforeStart"));
        }
        if (in.distributionEndsOn() != null
                && in.collectionEndsOn() != null
                && in.distributionEndsOn().isBefore(in.collectionEndsOn())) {
            problems.add(new FieldProblem("distributionEndsOn", "budgets.drive.distributionBeforeCollection"));
        }
        Money received = in.moneyReceived() == null ? Money.ZERO : in.moneyReceived();
        Money distributed = in.moneyDistributed() == null ? Money.ZERO : in.moneyDistributed();
        if (received.isNegative() || received.amount().compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("moneyReceived", "budgets.amount.range"));
        }
        if (distributed.isNegative() || distributed.amount().compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("moneyDistributed", "budgets.amount.range"));
        } else if (distributed.compareTo(received) > 0) {
            problems.add(new FieldProblem("moneyDistributed", "budgets.drive.distributedAboveReceived"));
        }
        return new Clean(
                name,
                purpose,
                received,
                distributed,
                text(in.goodsReceived(), "goodsReceived", problems),
                text(in.goodsDistributed(), "goodsDistributed", problems));
    }

    private static @Nullable String text(@Nullable String s, String field, List<FieldProblem> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = nfc(s.strip());
        if (t.length() > 2000) {
            problems.add(new FieldProblem(field, "budgets.text.tooLong", 2000));
        }
        return t;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The roots where the caller approves, for the {@code approvable} column of {@link #SELECT}: whether the caller may
     * publish a disclosure is decided in the query, not with a look-up per row.
     */
    private static String approvePaths(AccessScope scope) {
        return SqlArrays.ofLabels(scope.paths(FeeRules.APPROVE));
    }

    private static DisclosureView view(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        java.sql.Date published = rs.getDate("published_on");
        boolean overdue = published == null && due.isBefore(today);
        long unitId = rs.getLong("org_unit_id");
        long budgetId = rs.getLong("budget_id");
        Long budget = rs.wasNull() ? null : budgetId;
        long driveId = rs.getLong("drive_id");
        Long drive = rs.wasNull() ? null : driveId;
        return new DisclosureView(
                rs.getLong("id"),
                unitId,
                rs.getString("unit_name"),
                rs.getString("kind"),
                budget,
                drive,
                rs.getString("subject"),
                due,
                published == null ? null : published.toLocalDate(),
                rs.getString("published_where"),
                overdue,
                overdue ? ChronoUnit.DAYS.between(due, today) : 0,
                published == null && rs.getBoolean("approvable"),
                rs.getInt("version"));
    }

    private static DriveView driveRow(ResultSet rs, List<DisclosureView> disclosures, boolean canEdit)
            throws SQLException {
        java.sql.Date dist = rs.getDate("distribution_ends_on");
        return new DriveView(
                rs.getLong("id"),
                rs.getLong("org_unit_id"),
                rs.getString("unit_name"),
                rs.getString("name"),
                rs.getString("purpose"),
                rs.getDate("collection_starts_on").toLocalDate(),
                rs.getDate("collection_ends_on").toLocalDate(),
                dist == null ? null : dist.toLocalDate(),
                Money.of(rs.getBigDecimal("money_received")),
                Money.of(rs.getBigDecimal("money_distributed")),
                rs.getString("goods_received"),
                rs.getString("goods_distributed"),
                disclosures,
                canEdit,
                rs.getInt("version"));
    }

    private @Nullable String path(long unitId) {
        return tree.paths(Set.of(unitId)).get(unitId);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    static String[] readPaths(AccessScope scope) {
        Set<String> all = new LinkedHashSet<>(List.of(scope.paths(FeeRules.READ)));
        all.addAll(List.of(scope.paths(FeeRules.INSPECT)));
        return all.toArray(String[]::new);
    }
}
