package vn.congdoan.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.organisation.Impact;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.organisation.PlanResult;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructuring.Close;
import vn.congdoan.organisation.Restructuring.Create;
import vn.congdoan.organisation.Restructuring.Decision;
import vn.congdoan.organisation.Restructuring.Dissolve;
import vn.congdoan.organisation.Restructuring.Merge;
import vn.congdoan.organisation.Restructuring.Move;
import vn.congdoan.organisation.Restructuring.NewUnit;
import vn.congdoan.organisation.Restructuring.Rename;
import vn.congdoan.organisation.Restructuring.Split;
import vn.congdoan.organisation.RestructuringOutcome;
import vn.congdoan.organisation.RestructuringParticipant;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.organisation.UnitClosure;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.Text;

/**
 * Restructuring operations (DOMAIN.md §1.3; the 2025 reform: CV 4133/TLĐ-ToC, Law 97/2025/QH15). Each operation
 * writes one {@code org_change} with the deciding document, rewrites the affected periods through {@link
 * UnitWriter}, and tells every {@link RestructuringParticipant} which units ended, all in one transaction. A preview
 * runs the same code in a transaction that is rolled back.
 */
@Service
class RestructuringService implements Restructurings {

    static final int DECISION_NO_MAX = 60;
    static final int ISSUER_MAX = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final ObjectProvider<RestructuringParticipant> participants;
    private final TransactionTemplate rollbackOnly;
    private final RestructuringPlans plans;

    RestructuringService(
            JdbcClient jdbc,
            Clock clock,
            AuditTrail audit,
            ObjectProvider<RestructuringParticipant> participants,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
        this.rollbackOnly = new TransactionTemplate(transactions);
        this.plans = new RestructuringPlans(jdbc, clock);
    }

    @Override
    public RestructuringOutcome preview(Restructuring operation, AccessScope scope) {
        checkScope(operation, scope);
        RestructuringOutcome outcome = rollbackOnly.execute(status -> {
            status.setRollbackOnly();
            return perform(operation, scope.actor(null), null);
        });
        return new RestructuringOutcome(0, outcome.impacts(), List.of());
    }

    @Override
    @Transactional
    public RestructuringOutcome apply(Restructuring operation, AccessScope scope, Actor actor) {
        checkScope(operation, scope);
        return perform(operation, actor, null);
    }

    @Override
    @Transactional
    public RestructuringOutcome applyTrusted(Restructuring operation, Actor actor) {
        return perform(operation, actor, null);
    }

    @Override
    public PlanResult checkPlan(InputStream xlsx, AccessScope scope) throws IOException {
        List<RestructuringPlans.Row> rows = plans.read(xlsx);
        return rollbackOnly.execute(status -> {
            status.setRollbackOnly();
            return runPlan(rows, scope, scope.actor(null), false, status);
        });
    }

    @Override
    public PlanResult applyPlan(InputStream xlsx, AccessScope scope, Actor actor) throws IOException {
        List<RestructuringPlans.Row> rows = plans.read(xlsx);
        // First a dry run that collects every row's error; only a clean plan is applied, in one transaction.
        PlanResult dry = rollbackOnly.execute(status -> {
            status.setRollbackOnly();
            return runPlan(rows, scope, actor, false, status);
        });
        if (!dry.valid()) {
            return dry;
        }
        return rollbackOnly.execute(status -> runPlan(rows, scope, actor, true, status));
    }

    @Override
    public void writePlanTemplate(OutputStream out) throws IOException {
        plans.writeTemplate(out);
    }

    private PlanResult runPlan(
            List<RestructuringPlans.Row> rows,
            AccessScope scope,
            Actor actor,
            boolean keep,
            org.springframework.transaction.TransactionStatus status) {
        List<PlanResult.RowError> errors = new ArrayList<>();
        List<PlanResult.RowImpact> impacts = new ArrayList<>();
        long planId = keep
                ? jdbc.sql("select coalesce(max(plan_id), 0) + 1 from organisation.org_change")
                        .query(Long.class)
                        .single()
                : 0;
        for (RestructuringPlans.Row row : rows) {
            if (!row.errors().isEmpty()) {
                errors.addAll(row.errors());
                continue;
            }
            Object savepoint = status.createSavepoint();
            try {
                Restructuring op = plans.resolve(row);
                checkScope(op, scope);
                RestructuringOutcome outcome = perform(op, actor, keep ? planId : null);
                impacts.add(new PlanResult.RowImpact(row.number(), op.kind(), outcome.impacts()));
                status.releaseSavepoint(savepoint);
            } catch (OrgUnitNotFoundException | ForbiddenException e) {
                status.rollbackToSavepoint(savepoint);
                errors.add(new PlanResult.RowError(row.number(), null, "organisation.plan.unitOutOfScope", List.of()));
            } catch (BusinessException e) {
                status.rollbackToSavepoint(savepoint);
                errors.add(new PlanResult.RowError(row.number(), null, e.messageKey(), List.of(e.args())));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new PlanResult.RowError(0, null, "organisation.plan.empty", List.of()));
        }
        if (keep && !errors.isEmpty()) {
            // Cannot happen after a clean dry run unless the tree changed in between: keep nothing.
            throw new BusinessException("organisation.plan.changedMeanwhile");
        }
        return new PlanResult(rows.size(), errors, impacts, keep && errors.isEmpty());
    }

    // --- scope -------------------------------------------------------------------------------------------

    /**
     * Units an operation ends, moves or renames must lie strictly inside a subtree where the caller holds {@link
     * #PERMISSION}; units it attaches to (parents, targets, receivers) inside or at its root.
     */
    private void checkScope(Restructuring op, AccessScope scope) {
        // Without the permission every unit is out of scope: 404, as for any record the caller may not touch.
        Set<Long> subjects = new LinkedHashSet<>();
        Set<Long> anchors = new LinkedHashSet<>();
        if (op instanceof Create c) {
            anchors.add(c.unit().parentId());
        } else if (op instanceof Rename r) {
            subjects.add(r.unitId());
        } else if (op instanceof Move m) {
            subjects.add(m.unitId());
            anchors.add(m.newParentId());
        } else if (op instanceof Merge m) {
            subjects.addAll(m.sourceIds());
            if (m.targetId() != null) {
                anchors.add(m.targetId());
            }
            if (m.newTarget() != null) {
                anchors.add(m.newTarget().parentId());
            }
        } else if (op instanceof Split s) {
            subjects.add(s.sourceId());
            s.parts().forEach(p -> anchors.add(p.parentId()));
        } else if (op instanceof Dissolve d) {
            subjects.add(d.unitId());
            if (d.receiverId() != null) {
                anchors.add(d.receiverId());
            }
        } else if (op instanceof Close c) {
            subjects.add(c.unitId());
        }
        String[] roots = scope.paths(PERMISSION);
        for (long id : subjects) {
            String path = pathOf(id);
            boolean strictlyInside = false;
            for (String root : roots) {
                if (path.startsWith(root + ".")) {
                    strictlyInside = true;
                }
            }
            if (!strictlyInside) {
                if (java.util.Arrays.asList(roots).contains(path)) {
                    throw new BusinessException("organisation.restructure.ownRoot");
                }
                throw new OrgUnitNotFoundException(id);
            }
        }
        for (long id : anchors) {
            String path = pathOf(id);
            boolean inside = false;
            for (String root : roots) {
                if (path.equals(root) || path.startsWith(root + ".")) {
                    inside = true;
                }
            }
            if (!inside) {
                throw new OrgUnitNotFoundException(id);
            }
        }
    }

    private String pathOf(long id) {
        return jdbc.sql("select path::text from organisation.org_unit where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(id));
    }

    // --- operations ----------------------------------------------------------------------------------------

    private RestructuringOutcome perform(Restructuring op, Actor actor, @Nullable Long planId) {
        LocalDate on = op.effectiveOn();
        Decision decision = checkDecision(op.decision(), on);
        long change = jdbc.sql("""
                        insert into organisation.org_change (kind, effective_on, decision_no, decision_date,
                               decision_issuer, plan_id, recorded_by, recorded_by_name)
                        values (:kind, :on, :no, :date, :issuer, :plan, :by, :byName) returning id
                        """)
                .param("kind", op.kind())
                .param("on", on)
                .param("no", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("plan", planId)
                .param("by", actor.userId())
                .param("byName", actor.name())
                .query(Long.class)
                .single();
        List<Impact> impacts = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<UnitClosure> closures = new ArrayList<>();
        if (op instanceof Create c) {
            long id = found(c.unit(), on, change);
            created.add(id);
            party(change, id, "CREATED", null, null);
            party(change, c.unit().parentId(), "NEW_PARENT", null, null);
            impacts.add(Impact.of(
                    "restructure.impact.created", label(id), label(c.unit().parentId())));
        } else if (op instanceof Rename r) {
            String old = nameOf(r.unitId());
            UnitWriter.rename(jdbc, r.unitId(), r.name(), r.shortName(), on, change);
            String now = nameOf(r.unitId());
            if (old.equals(now)) {
                throw new BusinessException("organisation.restructure.sameName");
            }
            party(change, r.unitId(), "SUBJECT", old, now);
            impacts.add(Impact.of("restructure.impact.renamed", old, now));
        } else if (op instanceof Move m) {
            Long oldParent = parentOf(m.unitId());
            if (oldParent != null && oldParent == m.newParentId()) {
                throw new BusinessException("organisation.restructure.sameParent");
            }
            checkLevels(m.unitId(), m.newParentId());
            int moved = UnitWriter.reparent(jdbc, m.unitId(), m.newParentId(), on, change);
            party(change, m.unitId(), "SUBJECT", null, null);
            if (oldParent != null) {
                party(change, oldParent, "OLD_PARENT", null, null);
            }
            party(change, m.newParentId(), "NEW_PARENT", null, null);
            impacts.add(Impact.of(
                    "restructure.impact.moved",
                    label(m.unitId()),
                    oldParent == null ? "" : label(oldParent),
                    label(m.newParentId()),
                    moved - 1));
        } else if (op instanceof Merge m) {
            Set<Long> sources = new LinkedHashSet<>(m.sourceIds());
            if ((m.targetId() == null) == (m.newTarget() == null)) {
                throw new BusinessException("organisation.restructure.mergeTargetRequired");
            }
            if (sources.size() < (m.targetId() == null ? 2 : 1)) {
                throw new BusinessException("organisation.restructure.mergeNeedsSources");
            }
            long target;
            if (m.targetId() != null) {
                target = m.targetId();
                UnitWriter.openPeriodPath(jdbc, target, on);
                String targetPath = pathOf(target);
                for (long s : sources) {
                    String sp = pathOf(s);
                    if ((targetPath + ".").startsWith(sp + ".")) {
                        throw new BusinessException("organisation.restructure.mergeTargetInsideSource");
                    }
                }
                party(change, target, "TARGET", null, null);
            } else {
                target = found(m.newTarget(), on, change);
                created.add(target);
                party(change, target, "CREATED", null, null);
                party(change, target, "TARGET", null, null);
                impacts.add(Impact.of(
                        "restructure.impact.created",
                        label(target),
                        label(m.newTarget().parentId())));
            }
            for (long s : sources) {
                UnitWriter.requireHistoryNotAfter(jdbc, UnitWriter.currentPath(jdbc, s), on);
                String name = nameOf(s);
                int children = moveChildren(s, target, on, change);
                UnitWriter.close(jdbc, s, on, target, change);
                party(change, s, "SOURCE", null, null);
                closures.add(new UnitClosure(s, name, target, nameOf(target), on, change));
                impacts.add(Impact.of("restructure.impact.mergedInto", name, nameOf(target), children));
            }
        } else if (op instanceof Split s) {
            if (s.parts().size() < 2) {
                throw new BusinessException("organisation.restructure.splitNeedsParts");
            }
            if (s.membersToPart() < 0 || s.membersToPart() >= s.parts().size()) {
                throw new BusinessException("organisation.restructure.splitMembersPart");
            }
            UnitWriter.requireHistoryNotAfter(jdbc, UnitWriter.currentPath(jdbc, s.sourceId()), on);
            List<Long> openChildren = openChildren(s.sourceId());
            Map<Long, Integer> plan = s.childToPart();
            for (long child : openChildren) {
                Integer part = plan.get(child);
                if (part == null || part < 0 || part >= s.parts().size()) {
                    throw new BusinessException("organisation.restructure.splitChildUnassigned", label(child));
                }
            }
            String sourceName = nameOf(s.sourceId());
            List<Long> partIds = new ArrayList<>();
            for (NewUnit part : s.parts()) {
                long id = found(part, on, change);
                partIds.add(id);
                created.add(id);
                party(change, id, "CREATED", null, null);
                party(change, id, "TARGET", null, null);
                impacts.add(Impact.of("restructure.impact.created", label(id), label(part.parentId())));
            }
            for (long child : openChildren) {
                long to = partIds.get(plan.get(child));
                UnitWriter.reparent(jdbc, child, to, on, change);
                party(change, child, "CHILD", null, null);
                impacts.add(Impact.of("restructure.impact.childTo", label(child), label(to)));
            }
            long heir = partIds.get(s.membersToPart());
            UnitWriter.close(jdbc, s.sourceId(), on, heir, change);
            party(change, s.sourceId(), "SOURCE", null, null);
            closures.add(new UnitClosure(s.sourceId(), sourceName, heir, nameOf(heir), on, change));
            impacts.add(Impact.of("restructure.impact.closed", sourceName));
        } else if (op instanceof Dissolve d) {
            if (isGrassroots(d.unitId())) {
                throw new BusinessException("organisation.restructure.dissolveGrassroots");
            }
            String path = UnitWriter.currentPath(jdbc, d.unitId());
            UnitWriter.requireHistoryNotAfter(jdbc, path, on);
            Long receiver = d.receiverId();
            if (receiver != null) {
                UnitWriter.openPeriodPath(jdbc, receiver, on);
                if ((pathOf(receiver) + ".").startsWith(path + ".")) {
                    throw new BusinessException("organisation.restructure.receiverInside");
                }
                party(change, receiver, "RECEIVER", null, null);
            }
            List<Long> descendants = openDescendantsDeepestFirst(path);
            if (!descendants.isEmpty() && !d.withDescendants()) {
                throw new BusinessException(
                        "organisation.restructure.dissolveHasChildren",
                        openChildren(d.unitId()).size());
            }
            for (long unit : descendants) {
                String name = nameOf(unit);
                UnitWriter.close(jdbc, unit, on, null, change);
                party(change, unit, "CHILD", null, null);
                closures.add(
                        new UnitClosure(unit, name, receiver, receiver == null ? null : nameOf(receiver), on, change));
                impacts.add(Impact.of("restructure.impact.closed", name));
            }
            String name = nameOf(d.unitId());
            UnitWriter.close(jdbc, d.unitId(), on, receiver, change);
            party(change, d.unitId(), "SUBJECT", null, null);
            closures.add(new UnitClosure(
                    d.unitId(), name, receiver, receiver == null ? null : nameOf(receiver), on, change));
            impacts.add(Impact.of("restructure.impact.dissolved", name));
        } else if (op instanceof Close c) {
            if (!isGrassroots(c.unitId())) {
                throw new BusinessException("organisation.restructure.closeNotGrassroots");
            }
            String path = UnitWriter.currentPath(jdbc, c.unitId());
            UnitWriter.requireHistoryNotAfter(jdbc, path, on);
            for (long unit : openDescendantsDeepestFirst(path)) {
                String name = nameOf(unit);
                UnitWriter.close(jdbc, unit, on, null, change);
                party(change, unit, "CHILD", null, null);
                closures.add(new UnitClosure(unit, name, null, null, on, change));
                impacts.add(Impact.of("restructure.impact.closed", name));
            }
            String name = nameOf(c.unitId());
            UnitWriter.close(jdbc, c.unitId(), on, null, change);
            party(change, c.unitId(), "SUBJECT", null, null);
            closures.add(new UnitClosure(c.unitId(), name, null, null, on, change));
            impacts.add(Impact.of("restructure.impact.closedGrassroots", name, Dates.format(on.minusDays(1))));
        }
        if (!closures.isEmpty()) {
            participants.orderedStream().forEach(p -> impacts.addAll(p.unitsClosed(List.copyOf(closures))));
        }
        String scopePath = scopePathOf(op);
        audit.record(AuditRecord.of(actor, "ORG_" + op.kind(), scopePath)
                .target("org_change", change, decision.number())
                .detail("effective=" + on + (planId == null ? "" : " plan=" + planId)));
        return new RestructuringOutcome(change, impacts, created);
    }

    private Decision checkDecision(@Nullable Decision d, @Nullable LocalDate on) {
        LocalDate today = Dates.today(clock);
        if (on == null) {
            throw new BusinessException("organisation.restructure.effectiveRequired");
        }
        if (on.isAfter(today)) {
            throw new BusinessException("organisation.restructure.effectiveInFuture", Dates.format(today));
        }
        if (d == null) {
            throw new BusinessException("organisation.restructure.decisionRequired");
        }
        String number = Text.clean(d.number());
        String issuer = Text.clean(d.issuer());
        if (number == null || number.isEmpty()) {
            throw new BusinessException("organisation.restructure.decisionNoRequired");
        }
        if (number.length() > DECISION_NO_MAX) {
            throw new BusinessException("organisation.restructure.decisionNoTooLong", DECISION_NO_MAX);
        }
        if (issuer == null || issuer.isEmpty()) {
            throw new BusinessException("organisation.restructure.issuerRequired");
        }
        if (issuer.length() > ISSUER_MAX) {
            throw new BusinessException("organisation.restructure.issuerTooLong", ISSUER_MAX);
        }
        if (d.date() == null) {
            throw new BusinessException("organisation.restructure.decisionDateRequired");
        }
        if (d.date().isAfter(today)) {
            throw new BusinessException("organisation.restructure.decisionDateInFuture");
        }
        return new Decision(number, d.date(), issuer);
    }

    private long found(NewUnit unit, LocalDate on, long change) {
        String type = unit.typeCode() == null ? "" : unit.typeCode();
        Boolean usable = jdbc.sql("""
                        select valid_from <= :on and (valid_to is null or valid_to > :on)
                          from organisation.unit_type where code = :t
                        """)
                .param("on", on)
                .param("t", type)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new BusinessException("organisation.unit.typeUnknown", type));
        if (!usable) {
            throw new BusinessException("organisation.restructure.typeNotUsable", type, Dates.format(on));
        }
        int parentLevel = levelOf(unit.parentId());
        int level = jdbc.sql("select legal_level from organisation.unit_type where code = :t")
                .param("t", type)
                .query(Integer.class)
                .single();
        if (level < parentLevel) {
            throw new BusinessException("organisation.restructure.levelOrder");
        }
        return UnitWriter.insert(jdbc, unit.parentId(), type, unit.code(), unit.name(), unit.shortName(), on, change);
    }

    private void checkLevels(long unit, long parent) {
        if (levelOf(unit) < levelOf(parent)) {
            throw new BusinessException("organisation.restructure.levelOrder");
        }
    }

    private int levelOf(long unit) {
        return jdbc.sql("""
                        select t.legal_level from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code where u.id = :id
                        """)
                .param("id", unit)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(unit));
    }

    private int moveChildren(long from, long to, LocalDate on, long change) {
        List<Long> children = openChildren(from);
        for (long child : children) {
            checkLevels(child, to);
            UnitWriter.reparent(jdbc, child, to, on, change);
            party(change, child, "CHILD", null, null);
        }
        return children.size();
    }

    private List<Long> openChildren(long unit) {
        return jdbc.sql("select id from organisation.org_unit where parent_id = :id and valid_to is null order by id")
                .param("id", unit)
                .query(Long.class)
                .list();
    }

    private List<Long> openDescendantsDeepestFirst(String path) {
        return jdbc.sql("""
                        select id from organisation.org_unit
                         where path <@ cast(:p as ltree) and path <> cast(:p as ltree) and valid_to is null
                         order by nlevel(path) desc, id
                        """).param("p", path).query(Long.class).list();
    }

    private boolean isGrassroots(long unit) {
        return jdbc.sql("""
                        select t.grassroots from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code where u.id = :id
                        """)
                .param("id", unit)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(unit));
    }

    private @Nullable Long parentOf(long unit) {
        return jdbc.sql("select parent_id from organisation.org_unit where id = :id")
                .param("id", unit)
                .query((rs, n) -> {
                    long p = rs.getLong(1);
                    return rs.wasNull() ? null : p;
                })
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(unit));
    }

    private String nameOf(long unit) {
        return jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(unit));
    }

    private String label(long unit) {
        return jdbc.sql("select name || ' (' || code || ')' from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new OrgUnitNotFoundException(unit));
    }

    private void party(long change, long unit, String role, @Nullable String oldName, @Nullable String newName) {
        jdbc.sql("""
                        insert into organisation.org_change_unit (change_id, unit_id, role, old_name, new_name)
                        values (:c, :u, :r, :old, :new) on conflict do nothing
                        """)
                .param("c", change)
                .param("u", unit)
                .param("r", role)
                .param("old", oldName)
                .param("new", newName)
                .update();
    }

    private @Nullable String scopePathOf(Restructuring op) {
        long unit;
        if (op instanceof Create c) {
            unit = c.unit().parentId();
        } else if (op instanceof Rename r) {
            unit = r.unitId();
        } else if (op instanceof Move m) {
            unit = m.unitId();
        } else if (op instanceof Merge m) {
            unit = m.sourceIds().isEmpty() ? 0 : m.sourceIds().get(0);
        } else if (op instanceof Split s) {
            unit = s.sourceId();
        } else if (op instanceof Dissolve d) {
            unit = d.unitId();
        } else {
            unit = ((Close) op).unitId();
        }
        return jdbc.sql("select path::text from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static Set<Long> distinct(List<Long> ids) {
        return new HashSet<>(ids);
    }
}
