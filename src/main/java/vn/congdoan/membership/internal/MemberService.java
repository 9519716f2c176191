package vn.congdoan.membership.internal;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.membership.HistoryEntry;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberFilter;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.MemberNotFoundException;
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.MemberRow;
import vn.congdoan.membership.Members;
import vn.congdoan.membership.MembersJoined;
import vn.congdoan.membership.StaleMemberException;
import vn.congdoan.membership.TransferView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Ethnicities;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.PhoneNumbers;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/**
 * The member register. Every statement that reads members carries the caller's subtree filter; every write first
 * loads the member within the caller's {@link Members#WRITE} subtrees (else 404) and checks {@code version}.
 */
@Service
@Transactional(readOnly = true)
class MemberService implements Members {

    static final Set<String> LEAVE_REASONS = Set.of("RETIRED", "VOLUNTARY", "DECEASED", "REMOVED", "EXPELLED");
    static final Set<String> REFERRAL_OUTCOMES = Set.of("PENDING", "ADMITTED", "NOT_ADMITTED");
    /** Counts below this are merged into "other" for callers without {@link #SENSITIVE} (DOMAIN.md §10.3). */
    static final int SMALL_CELL = 3;

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final Enterprises enterprises;
    private final MemberRules rules;
    private final AuditTrail audit;
    private final AccessLog accessLog;
    private final MemberExporter exporter;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MemberService(
            JdbcClient jdbc,
            OrgTree tree,
            Enterprises enterprises,
            MemberRules rules,
            AuditTrail audit,
            AccessLog accessLog,
            MemberExporter exporter,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.tree = tree;
        this.enterprises = enterprises;
        this.rules = rules;
        this.audit = audit;
        this.accessLog = accessLog;
        this.exporter = exporter;
        this.clock = clock;
    }

    // ---- reading

    @Override
    public MemberPage search(MemberFilter filter, AccessScope scope) {
        scope.require(READ);
        MemberQueries.Where where = MemberQueries.where(filter, scope, today(), unitPath(filter.unitId(), scope));
        long total = jdbc.sql("select count(*) " + MemberQueries.FROM + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        Map<String, Object> params = new HashMap<>(where.params());
        String order = MemberQueries.orderBy(filter, where, params);
        int page = Math.max(0, filter.page());
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) page * PAGE_SIZE);
        List<MemberRow> rows = jdbc.sql("select " + MemberQueries.ROW_COLUMNS + MemberQueries.FROM + where.sql() + order
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> MemberQueries.row(rs))
                .list();
        return new MemberPage(rows, total, page, PAGE_SIZE);
    }

    @Override
    public List<MemberRow> suggest(String query, int limit, AccessScope scope) {
        scope.require(READ);
        String q = Text.clean(query);
        if (q == null || q.length() < 2) {
            return List.of();
        }
        MemberFilter filter = MemberFilter.all().withQuery(q);
        MemberQueries.Where where = MemberQueries.where(filter, scope, today(), null);
        Map<String, Object> params = new HashMap<>(where.params());
        String order = MemberQueries.orderBy(filter, where, params);
        params.put("limit", Math.max(1, Math.min(limit, 20)));
        return jdbc.sql("select " + MemberQueries.ROW_COLUMNS + MemberQueries.FROM + where.sql() + order
                        + " limit :limit")
                .params(params)
                .query((rs, n) -> MemberQueries.row(rs))
                .list();
    }

    @Override
    @Transactional
    public MemberDetail get(long id, boolean withSensitive, AccessScope scope, Actor actor, String channel) {
        Loaded m = load(id, scope, READ);
        Sensitive s = withSensitive && m.sensitiveAllowed ? sensitive(id) : null;
        if (s != null) {
            accessLog.record(new AccessLog.Access(actor, "VIEW", channel, List.of(id), s.fields, null, m.unitPath));
        }
        return detail(m, s == null ? null : s.view);
    }

    @Override
    @Transactional
    public String revealCccd(long id, AccessScope scope, Actor actor, String channel) {
        Loaded m = load(id, scope, READ);
        accessLog.record(
                new AccessLog.Access(actor, "SHOW_CCCD", channel, List.of(id), List.of("cccd"), null, m.unitPath));
        return m.cccd == null ? "" : m.cccd;
    }

    @Override
    public List<HistoryEntry> history(long id, AccessScope scope) {
        boolean own = scope.can(SELF)
                && jdbc.sql("select exists (select 1 from membership.member where id = :id and account_id = :user)")
                        .param("id", id)
                        .param("user", scope.userId())
                        .query(Boolean.class)
                        .single();
        if (!own) {
            load(id, scope, READ);
        }
        return jdbc.sql("""
                        select e.kind, e.happened_on, e.unit_id, u.name as unit_name, e.other_unit_id,
                               o.name as other_name, e.decision, e.note, e.actor_name
                          from membership.member_event e
                          left join organisation.org_unit u on u.id = e.unit_id
                          left join organisation.org_unit o on o.id = e.other_unit_id
                         where e.member_id = :id
                         order by e.happened_on, e.id
                        """)
                .param("id", id)
                .query((rs, n) -> new HistoryEntry(
                        rs.getString("kind"),
                        rs.getObject("happened_on", LocalDate.class),
                        (Long) rs.getObject("unit_id"),
                        rs.getString("unit_name"),
                        (Long) rs.getObject("other_unit_id"),
                        rs.getString("other_name"),
                        rs.getString("decision"),
                        rs.getString("note"),
                        rs.getString("actor_name")))
                .list();
    }

    @Override
    public List<Count> countByEthnicity(long unitId, AccessScope scope) {
        scope.require(READ);
        String path = unitPath(unitId, scope);
        boolean sensitive = scope.can(SENSITIVE) && tree.isWithin(unitId, scope.roots(SENSITIVE));
        List<Count> raw = jdbc.sql("""
                        select coalesce(s.ethnicity, '') as code, count(*) as n
                          from membership.member m
                          join organisation.org_unit u on u.id = m.unit_id
                          left join membership.member_sensitive s on s.member_id = m.id
                         where m.status = 'ACTIVE' and u.path <@ cast(:path as ltree)
                         group by 1 order by 2 desc, 1
                        """)
                .param("path", path)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    return new Count(code, code.isEmpty() ? "" : Ethnicities.name(code), rs.getLong("n"));
                })
                .list();
        if (sensitive) {
            return raw;
        }
        List<Count> out = new ArrayList<>();
        long small = 0;
        for (Count c : raw) {
            if (c.count() < SMALL_CELL && !c.key().isEmpty()) {
                small += c.count();
            } else {
                out.add(c);
            }
        }
        if (small > 0) {
            out.add(new Count("*", "*", small));
        }
        return out;
    }

    // ---- admission and changes

    @Override
    @Transactional
    public MemberDetail admit(MemberInput input, AccessScope scope, Actor actor) {
        scope.require(WRITE);
        long id = insert(input, null, null, null, "", scope, actor);
        long unit = unitOf(id);
        audit.record(AuditRecord.of(actor, "MEMBER_ADMITTED", pathOf(unit)).target("member", id, codeOf(id)));
        LocalDate joined = jdbc.sql("select joined_on from membership.member where id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .single();
        events.publishEvent(new MembersJoined(List.of(unit), joined));
        return get(id, false, scope, actor, "PAGE");
    }

    @Override
    @Transactional
    public List<MemberDetail> admitBatch(BatchAdmission batch, AccessScope scope, Actor actor) {
        scope.require(WRITE);
        List<FieldProblem> problems = new ArrayList<>();
        String decision = Text.clean(batch.decision());
        if (decision == null || decision.isEmpty()) {
            problems.add(new FieldProblem("decision", "member.batch.decisionRequired"));
        }
        if (batch.people().isEmpty()) {
            problems.add(new FieldProblem("people", "member.batch.empty"));
        }
        if (!problems.isEmpty()) {
            throw new MemberRejectedException(problems);
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < batch.people().size(); i++) {
            try {
                ids.add(insert(
                        batch.people().get(i),
                        batch.unitId(),
                        batch.joinedOn(),
                        decision,
                        "rows[" + i + "].",
                        scope,
                        actor));
            } catch (MemberRejectedException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            // Nothing of the batch is kept: the transaction rolls back with the exception.
            throw new MemberRejectedException(problems);
        }
        audit.record(AuditRecord.of(actor, "MEMBERS_ADMITTED", pathOf(batch.unitId()))
                .detail(ids.size() + " / " + decision));
        events.publishEvent(new MembersJoined(List.of(batch.unitId()), batch.joinedOn()));
        return ids.stream().map(i -> get(i, false, scope, actor, "PAGE")).toList();
    }

    private long insert(
            MemberInput raw,
            @Nullable Long unitOverride,
            @Nullable LocalDate joinedOverride,
            @Nullable String decisionOverride,
            String fieldPrefix,
            AccessScope scope,
            Actor actor) {
        MemberInput input = unitOverride == null && joinedOverride == null && decisionOverride == null
                ? raw
                : withAdmission(raw, unitOverride, joinedOverride, decisionOverride);
        Long unitId = input.unitId();
        boolean sensitiveAllowed =
                unitId != null && scope.can(SENSITIVE) && tree.isWithin(unitId, scope.roots(SENSITIVE));
        MemberRules.Result result = rules.check(input, sensitiveAllowed, true);
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        if (unitId != null) {
            problems.addAll(unitProblems(unitId, scope));
        }
        if (input.enterpriseId() != null) {
            problems.addAll(enterpriseProblems(input.enterpriseId(), scope));
        }
        ValidMember v = result.member();
        if (v != null && v.cccd() != null) {
            problems.addAll(duplicateProblems(v.cccd(), null, scope));
        }
        if (!problems.isEmpty() || v == null) {
            throw new MemberRejectedException(prefixed(problems, fieldPrefix));
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into membership.member
                                (full_name, search_key, sort_key, sex, birth_date, cccd, phone, email, nationality,
                                 home_town, residence, education, qualification, theory_level, enterprise_id, job_title,
                                 contract_type, joined_on, union_position, admission_decision, status, unit_id,
                                 last_unit_id, updated_at)
                            values (:fullName, :searchKey, :sortKey, :sex, :birthDate, :cccd, :phone, :email,
                                    :nationality, :homeTown, :residence, :education, :qualification, :theoryLevel,
                                    :enterpriseId, :jobTitle, :contractType, :joinedOn, :unionPosition,
                                    :admissionDecision, 'ACTIVE', :unitId, :unitId, now())
                            returning id
                            """).params(columns(v)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new MemberRejectedException(
                    prefixed(List.of(new FieldProblem("cccd", "member.cccd.duplicateElsewhere")), fieldPrefix));
        }
        writeSensitive(id, v.sensitive());
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        values (:id, :unit, daterange(:on, null), 'ADMITTED')
                        """)
                .param("id", id)
                .param("unit", v.unitId())
                .param("on", v.joinedOn())
                .update();
        event(id, "ADMITTED", v.joinedOn(), v.unitId(), null, v.admissionDecision(), null, actor);
        return id;
    }

    @Override
    @Transactional
    public MemberDetail update(long id, int version, MemberInput input, AccessScope scope, Actor actor) {
        Loaded m = load(id, scope, WRITE);
        // The unit changes only by transfer; a unitId in the body is ignored (mass assignment).
        MemberRules.Result result = rules.check(input, m.sensitiveAllowed, false);
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        if (input.enterpriseId() != null && !input.enterpriseId().equals(m.enterpriseId)) {
            problems.addAll(enterpriseProblems(input.enterpriseId(), scope));
        }
        ValidMember v = result.member();
        if (v != null && v.cccd() != null && m.current()) {
            problems.addAll(duplicateProblems(v.cccd(), id, scope));
        }
        if (v != null && m.firstPeriodEnd != null && !v.joinedOn().isBefore(m.firstPeriodEnd)) {
            problems.add(
                    new FieldProblem("joinedOn", "member.joinedOn.afterFirstPeriod", Dates.format(m.firstPeriodEnd)));
        }
        if (!problems.isEmpty() || v == null) {
            throw new MemberRejectedException(problems);
        }
        int changed;
        try {
            changed = jdbc.sql("""
                            update membership.member set
                                full_name = :fullName, search_key = :searchKey, sort_key = :sortKey, sex = :sex,
                                birth_date = :birthDate, cccd = :cccd, phone = :phone, email = :email,
                                nationality = :nationality, home_town = :homeTown, residence = :residence,
                                education = :education, qualification = :qualification, theory_level = :theoryLevel,
                                enterprise_id = :enterpriseId, job_title = :jobTitle, contract_type = :contractType,
                                joined_on = :joinedOn, union_position = :unionPosition,
                                admission_decision = :admissionDecision, version = version + 1, updated_at = now()
                             where id = :memberId and version = :version
                            """)
                    .params(columns(v))
                    .param("memberId", id)
                    .param("version", version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new MemberRejectedException(new FieldProblem("cccd", "member.cccd.duplicateElsewhere"));
        }
        if (changed == 0) {
            throw new StaleMemberException();
        }
        if (!v.joinedOn().equals(m.joinedOn)) {
            jdbc.sql("""
                            update membership.membership_period set during = daterange(:on, upper(during))
                             where member_id = :id and lower(during) = :old
                            """)
                    .param("on", v.joinedOn())
                    .param("id", id)
                    .param("old", m.joinedOn)
                    .update();
        }
        if (m.sensitiveAllowed) {
            writeSensitive(id, v.sensitive());
        }
        event(id, "UPDATED", today(), m.unitId, null, null, null, actor);
        audit.record(AuditRecord.of(actor, "MEMBER_UPDATED", m.unitPath).target("member", id, m.code));
        return get(id, false, scope, actor, "PAGE");
    }

    // ---- transfers

    @Override
    @Transactional
    public TransferView transfer(long id, int version, TransferCommand command, AccessScope scope, Actor actor) {
        Loaded m = load(id, scope, WRITE);
        if (!"ACTIVE".equals(m.status) || m.unitId == null) {
            throw new BusinessException("member.transfer.notActive");
        }
        Optional<OrgUnitView> to = tree.find(command.toUnitId());
        List<FieldProblem> problems = new ArrayList<>();
        if (to.isEmpty() || !to.get().open()) {
            problems.add(new FieldProblem("toUnitId", "member.transfer.unitUnknown"));
        } else if (to.get().id() == m.unitId) {
            problems.add(new FieldProblem("toUnitId", "member.transfer.sameUnit"));
        }
        LocalDate on = command.on();
        if (on.isAfter(today())) {
            problems.add(new FieldProblem("on", "member.date.future", Dates.format(on)));
        } else if (!on.isAfter(m.periodStart)) {
            problems.add(new FieldProblem("on", "member.date.beforePeriod", Dates.format(m.periodStart)));
        }
        if (!problems.isEmpty()) {
            throw new MemberRejectedException(problems);
        }
        bumpVersion(id, version);
        long transferId;
        try {
            transferId = jdbc.sql("""
                            insert into membership.member_transfer
                                (member_id, from_unit_id, to_unit_id, released_on, released_by, note)
                            values (:id, :from, :to, :on, :by, :note) returning id
                            """)
                    .param("id", id)
                    .param("from", m.unitId)
                    .param("to", command.toUnitId())
                    .param("on", on)
                    .param("by", actor.name())
                    .param("note", Text.clean(command.note()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new BusinessException("member.transfer.pending");
        }
        event(id, "TRANSFER_RELEASED", on, m.unitId, command.toUnitId(), null, Text.clean(command.note()), actor);
        audit.record(
                AuditRecord.of(actor, "MEMBER_TRANSFER_RELEASED", m.unitPath).target("member", id, m.code));
        if (scope.can(WRITE) && tree.isWithin(command.toUnitId(), scope.roots(WRITE))) {
            return acceptTransfer(transferId, on, scope, actor);
        }
        return transferView(transferId);
    }

    @Override
    @Transactional
    public TransferView acceptTransfer(long transferId, LocalDate on, AccessScope scope, Actor actor) {
        TransferView t = pendingTransfer(transferId, scope, true);
        if (on.isAfter(today())) {
            throw new MemberRejectedException(new FieldProblem("on", "member.date.future", Dates.format(on)));
        }
        if (on.isBefore(t.releasedOn())) {
            throw new MemberRejectedException(
                    new FieldProblem("on", "member.transfer.beforeRelease", Dates.format(t.releasedOn())));
        }
        Map<String, Object> member = jdbc.sql("select unit_id, status from membership.member where id = :id for update")
                .param("id", t.memberId())
                .query()
                .singleRow();
        if (!"ACTIVE".equals(member.get("status"))
                || !Long.valueOf(t.fromUnitId()).equals(member.get("unit_id"))) {
            throw new BusinessException("member.transfer.stale");
        }
        movePeriod(t.memberId(), t.toUnitId(), on, "TRANSFERRED");
        jdbc.sql("""
                        update membership.member set unit_id = :to, last_unit_id = :to, version = version + 1,
                               updated_at = now()
                         where id = :id
                        """).param("to", t.toUnitId()).param("id", t.memberId()).update();
        jdbc.sql("""
                        update membership.member_transfer set status = 'ACCEPTED', decided_on = :on, decided_by = :by
                         where id = :id
                        """)
                .param("on", on)
                .param("by", actor.name())
                .param("id", transferId)
                .update();
        event(t.memberId(), "TRANSFER_ACCEPTED", on, t.toUnitId(), t.fromUnitId(), null, null, actor);
        audit.record(AuditRecord.of(actor, "MEMBER_TRANSFER_ACCEPTED", pathOf(t.toUnitId()))
                .target("member", t.memberId(), t.memberCode()));
        events.publishEvent(new MembersJoined(List.of(t.toUnitId()), on));
        return transferView(transferId);
    }

    @Override
    @Transactional
    public TransferView cancelTransfer(long transferId, AccessScope scope, Actor actor) {
        TransferView t = pendingTransfer(transferId, scope, false);
        jdbc.sql("""
                        update membership.member_transfer set status = 'CANCELLED', decided_on = :on, decided_by = :by
                         where id = :id
                        """)
                .param("on", today())
                .param("by", actor.name())
                .param("id", transferId)
                .update();
        event(t.memberId(), "TRANSFER_CANCELLED", today(), t.fromUnitId(), t.toUnitId(), null, null, actor);
        return transferView(transferId);
    }

    @Override
    public List<TransferView> incomingTransfers(AccessScope scope) {
        scope.require(WRITE);
        return jdbc.sql(TRANSFER_SELECT + """
                         join organisation.org_unit tu on tu.id = t.to_unit_id
                         where t.status = 'PENDING' and tu.path <@ any(cast(:roots as ltree[]))
                         order by t.released_on, t.id
                        """)
                .param("roots", SqlArrays.ofLabels(scope.paths(WRITE)))
                .query((rs, n) -> transfer(rs))
                .list();
    }

    // ---- leaving and restoring

    @Override
    @Transactional
    public MemberDetail leave(long id, int version, LeaveCommand command, AccessScope scope, Actor actor) {
        Loaded m = load(id, scope, WRITE);
        List<FieldProblem> problems = new ArrayList<>();
        if (!m.current()) {
            throw new BusinessException("member.leave.notCurrent");
        }
        if (!LEAVE_REASONS.contains(command.reason())) {
            problems.add(new FieldProblem("reason", "member.leave.reason"));
        }
        boolean removal = "REMOVED".equals(command.reason()) || "EXPELLED".equals(command.reason());
        String decision = Text.clean(command.decision());
        if (removal && (decision == null || decision.isEmpty())) {
            problems.add(new FieldProblem("decision", "member.leave.decisionRequired"));
        }
        LocalDate on = command.on();
        if (on.isAfter(today())) {
            problems.add(new FieldProblem("on", "member.date.future", Dates.format(on)));
        } else if (!on.isAfter(m.periodStart)) {
            problems.add(new FieldProblem("on", "member.date.beforePeriod", Dates.format(m.periodStart)));
        }
        if (!problems.isEmpty()) {
            throw new MemberRejectedException(problems);
        }
        bumpVersion(id, version);
        jdbc.sql("""
                        update membership.membership_period set during = daterange(lower(during), :on)
                         where member_id = :id and upper_inf(during)
                        """).param("on", on).param("id", id).update();
        jdbc.sql("""
                        update membership.member set status = :status, unit_id = null, left_on = :on,
                               leave_reason = :reason, leave_decision = :decision, updated_at = now()
                         where id = :id
                        """)
                .param("status", removal ? "REMOVED" : "LEFT")
                .param("on", on)
                .param("reason", command.reason())
                .param("decision", decision)
                .param("id", id)
                .update();
        jdbc.sql("""
                        update membership.member_transfer set status = 'CANCELLED', decided_on = :on, decided_by = :by
                         where member_id = :id and status = 'PENDING'
                        """).param("on", on).param("by", actor.name()).param("id", id).update();
        event(id, removal ? "REMOVED" : "LEFT", on, m.lastUnitId, null, decision, command.reason(), actor);
        audit.record(AuditRecord.of(actor, removal ? "MEMBER_REMOVED" : "MEMBER_LEFT", m.unitPath)
                .target("member", id, m.code)
                .detail(command.reason()));
        return get(id, false, scope, actor, "PAGE");
    }

    @Override
    @Transactional
    public MemberDetail restore(long id, int version, long unitId, LocalDate on, AccessScope scope, Actor actor) {
        Loaded m = load(id, scope, WRITE);
        if (m.current()) {
            throw new BusinessException("member.restore.notLeft");
        }
        List<FieldProblem> problems = new ArrayList<>(unitProblems(unitId, scope));
        if (on.isAfter(today())) {
            problems.add(new FieldProblem("on", "member.date.future", Dates.format(on)));
        } else if (m.leftOn != null && on.isBefore(m.leftOn)) {
            problems.add(new FieldProblem("on", "member.restore.beforeLeft", Dates.format(m.leftOn)));
        }
        if (m.cccd != null) {
            problems.addAll(duplicateProblems(m.cccd, id, scope));
        }
        if (!problems.isEmpty()) {
            throw new MemberRejectedException(problems);
        }
        bumpVersion(id, version);
        try {
            jdbc.sql("""
                            update membership.member set status = 'ACTIVE', unit_id = :unit, last_unit_id = :unit,
                                   left_on = null, leave_reason = null, leave_decision = null, updated_at = now()
                             where id = :id
                            """).param("unit", unitId).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw new MemberRejectedException(new FieldProblem("cccd", "member.cccd.duplicateElsewhere"));
        }
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        values (:id, :unit, daterange(:on, null), 'RESTORED')
                        """).param("id", id).param("unit", unitId).param("on", on).update();
        event(id, "RESTORED", on, unitId, null, null, null, actor);
        audit.record(AuditRecord.of(actor, "MEMBER_RESTORED", pathOf(unitId)).target("member", id, m.code));
        events.publishEvent(new MembersJoined(List.of(unitId), on));
        return get(id, false, scope, actor, "PAGE");
    }

    // ---- Party referrals (sensitive)

    @Override
    @Transactional
    public void addPartyReferral(long id, LocalDate introducedOn, long unitId, AccessScope scope, Actor actor) {
        Loaded m = load(id, scope, WRITE);
        if (!m.sensitiveAllowed) {
            throw new MemberNotFoundException();
        }
        if (introducedOn.isAfter(today())) {
            throw new MemberRejectedException(
                    new FieldProblem("introducedOn", "member.date.future", Dates.format(introducedOn)));
        }
        if (!tree.isWithin(unitId, scope.roots(READ))) {
            throw new MemberRejectedException(new FieldProblem("unitId", "member.unit.outOfScope"));
        }
        jdbc.sql("""
                        insert into membership.party_referral (member_id, introduced_on, unit_id)
                        values (:id, :on, :unit)
                        """)
                .param("id", id)
                .param("on", introducedOn)
                .param("unit", unitId)
                .update();
        audit.record(
                AuditRecord.of(actor, "PARTY_REFERRAL_RECORDED", m.unitPath).target("member", id, m.code));
    }

    @Override
    @Transactional
    public void setPartyReferralOutcome(long referralId, String outcome, LocalDate on, AccessScope scope, Actor actor) {
        Long memberId = jdbc.sql("select member_id from membership.party_referral where id = :id")
                .param("id", referralId)
                .query(Long.class)
                .optional()
                .orElseThrow(MemberNotFoundException::new);
        Loaded m = load(memberId, scope, WRITE);
        if (!m.sensitiveAllowed) {
            throw new MemberNotFoundException();
        }
        if (!REFERRAL_OUTCOMES.contains(outcome) || "PENDING".equals(outcome)) {
            throw new MemberRejectedException(new FieldProblem("outcome", "member.referral.outcome"));
        }
        try {
            jdbc.sql("update membership.party_referral set outcome = :o, outcome_on = :on where id = :id")
                    .param("o", outcome)
                    .param("on", on)
                    .param("id", referralId)
                    .update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new MemberRejectedException(new FieldProblem("outcomeOn", "member.referral.date"));
        }
        audit.record(AuditRecord.of(actor, "PARTY_REFERRAL_DECIDED", m.unitPath).target("member", memberId, m.code));
    }

    // ---- export

    @Override
    @Transactional
    public void export(
            MemberFilter filter,
            ExportFormat format,
            boolean sensitive,
            @Nullable String purpose,
            OutputStream out,
            AccessScope scope,
            Actor actor) {
        scope.require(READ);
        boolean withSensitive = sensitive && scope.can(SENSITIVE);
        String why = Text.clean(purpose);
        if (withSensitive && (why == null || why.length() < 5)) {
            throw new MemberRejectedException(new FieldProblem("purpose", "member.export.purposeRequired"));
        }
        MemberQueries.Where where = MemberQueries.where(filter, scope, today(), unitPath(filter.unitId(), scope));
        long total = jdbc.sql("select count(*) " + MemberQueries.FROM + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        if (total > MAX_EXPORT_ROWS) {
            throw new BusinessException("member.export.tooMany", total, MAX_EXPORT_ROWS);
        }
        Map<String, Object> params = new HashMap<>(where.params());
        String order = MemberQueries.orderBy(filter, where, params);
        params.put("sensitiveRoots", SqlArrays.ofLabels(scope.paths(SENSITIVE)));
        MemberExporter.Result result = exporter.write(where.sql(), order, params, format, withSensitive, out);
        audit.record(AuditRecord.of(actor, "MEMBERS_EXPORTED", null)
                .detail(result.rows() + " / " + format + (withSensitive ? " / sensitive" : "")));
        if (!result.sensitiveIds().isEmpty()) {
            accessLog.record(new AccessLog.Access(
                    actor, "EXPORT", "FILE", result.sensitiveIds(), MemberExporter.SENSITIVE_COLUMNS, why, null));
        } else if (where.ethnicityFiltered() && !result.ids().isEmpty()) {
            accessLog.record(
                    new AccessLog.Access(actor, "EXPORT", "FILE", result.ids(), List.of("ethnicity"), why, null));
        }
    }

    // ---- self-service

    @Override
    public Optional<MemberDetail> own(AccessScope scope) {
        if (!scope.can(SELF)) {
            return Optional.empty();
        }
        return jdbc.sql("select id from membership.member where account_id = :user")
                .param("user", scope.userId())
                .query(Long.class)
                .optional()
                .map(id -> detail(loadUnscoped(id), null));
    }

    @Override
    @Transactional
    public void requestCorrection(String field, String value, AccessScope scope, Actor actor) {
        scope.require(SELF);
        MemberDetail me = own(scope).orElseThrow(MemberNotFoundException::new);
        String clean = Text.clean(value);
        String stored;
        if ("phone".equals(field)) {
            stored = PhoneNumbers.normalize(clean)
                    .orElseThrow(() -> new MemberRejectedException(
                            new FieldProblem("phone", "phone.invalid", clean == null ? "" : clean)));
        } else if ("residence".equals(field)) {
            if (clean == null || clean.isEmpty() || clean.length() > 200) {
                throw new MemberRejectedException(new FieldProblem("residence", "member.text.tooLong", 200));
            }
            stored = clean;
        } else {
            throw new MemberRejectedException(new FieldProblem("field", "member.correction.field"));
        }
        jdbc.sql("""
                        update membership.profile_correction set status = 'REJECTED', decided_by = :by, decided_at = now()
                         where member_id = :id and field = :field and status = 'PENDING'
                        """)
                .param("by", actor.name())
                .param("id", me.id())
                .param("field", field)
                .update();
        jdbc.sql("insert into membership.profile_correction (member_id, field, new_value) values (:id, :field, :v)")
                .param("id", me.id())
                .param("field", field)
                .param("v", stored)
                .update();
        event(me.id(), "CORRECTION_REQUESTED", today(), me.unitId(), null, null, field, actor);
    }

    @Override
    public List<Correction> pendingCorrections(AccessScope scope) {
        if (!scope.can(WRITE)) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.member_id, m.member_code, m.full_name, c.field, c.new_value, c.requested_at
                          from membership.profile_correction c
                          join membership.member m on m.id = c.member_id
                          join organisation.org_unit u on u.id = m.last_unit_id
                         where c.status = 'PENDING' and u.path <@ any(cast(:roots as ltree[]))
                         order by c.requested_at
                        """)
                .param("roots", SqlArrays.ofLabels(scope.paths(WRITE)))
                .query((rs, n) -> new Correction(
                        rs.getLong("id"),
                        rs.getLong("member_id"),
                        rs.getString("member_code"),
                        rs.getString("full_name"),
                        rs.getString("field"),
                        rs.getString("new_value"),
                        rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    @Override
    @Transactional
    public void decideCorrection(long correctionId, boolean confirm, AccessScope scope, Actor actor) {
        Map<String, Object> c = jdbc.sql("""
                        select member_id, field, new_value from membership.profile_correction
                         where id = :id and status = 'PENDING'
                        """).param("id", correctionId).query().listOfRows().stream()
                .findFirst()
                .orElseThrow(MemberNotFoundException::new);
        long memberId = ((Number) c.get("member_id")).longValue();
        Loaded m = load(memberId, scope, WRITE);
        if (confirm) {
            String column = "phone".equals(c.get("field")) ? "phone" : "residence";
            jdbc.sql("update membership.member set " + column
                            + " = :v, version = version + 1, updated_at = now() where id = :id")
                    .param("v", c.get("new_value"))
                    .param("id", memberId)
                    .update();
        }
        jdbc.sql("""
                        update membership.profile_correction set status = :s, decided_by = :by, decided_at = now()
                         where id = :id
                        """)
                .param("s", confirm ? "CONFIRMED" : "REJECTED")
                .param("by", actor.name())
                .param("id", correctionId)
                .update();
        event(
                memberId,
                confirm ? "CORRECTION_CONFIRMED" : "CORRECTION_REJECTED",
                today(),
                m.unitId,
                null,
                null,
                (String) c.get("field"),
                actor);
    }

    // ---- helpers

    /** A member row as loaded for checks, with scope facts. */
    record Loaded(
            long id,
            String code,
            String status,
            @Nullable Long unitId,
            long lastUnitId,
            String unitPath,
            @Nullable String cccd,
            LocalDate joinedOn,
            LocalDate periodStart,
            @Nullable LocalDate firstPeriodEnd,
            @Nullable LocalDate leftOn,
            @Nullable Long enterpriseId,
            int version,
            boolean sensitiveAllowed) {
        boolean current() {
            return "ACTIVE".equals(status) || "WITHOUT_UNIT".equals(status);
        }
    }

    private Loaded load(long id, AccessScope scope, String permission) {
        return jdbc.sql(LOAD + " and u.path <@ any(cast(:roots as ltree[]))")
                .param("id", id)
                .param("roots", SqlArrays.ofLabels(scope.paths(permission)))
                .param("sroots", SqlArrays.ofLabels(scope.paths(SENSITIVE)))
                .query((rs, n) -> loaded(rs))
                .optional()
                .orElseThrow(MemberNotFoundException::new);
    }

    private Loaded loadUnscoped(long id) {
        return jdbc.sql(LOAD)
                .param("id", id)
                .param("sroots", "{}")
                .query((rs, n) -> loaded(rs))
                .single();
    }

    private static final String LOAD = """
            select m.id, m.member_code, m.status, m.unit_id, m.last_unit_id, u.path::text as path, m.cccd, m.joined_on,
                   m.left_on, m.enterprise_id, m.version, u.path <@ any(cast(:sroots as ltree[])) as sensitive_ok,
                   coalesce((select max(lower(p.during)) from membership.membership_period p where p.member_id = m.id),
                            m.joined_on) as period_start,
                   (select upper(p.during) from membership.membership_period p where p.member_id = m.id
                     order by lower(p.during) limit 1) as first_end
              from membership.member m
              join organisation.org_unit u on u.id = m.last_unit_id
             where m.id = :id
            """;

    private static Loaded loaded(ResultSet rs) throws SQLException {
        return new Loaded(
                rs.getLong("id"),
                rs.getString("member_code"),
                rs.getString("status"),
                (Long) rs.getObject("unit_id"),
                rs.getLong("last_unit_id"),
                rs.getString("path"),
                rs.getString("cccd"),
                rs.getObject("joined_on", LocalDate.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("first_end", LocalDate.class),
                rs.getObject("left_on", LocalDate.class),
                (Long) rs.getObject("enterprise_id"),
                rs.getInt("version"),
                rs.getBoolean("sensitive_ok"));
    }

    private MemberDetail detail(Loaded l, MemberDetail.@Nullable Sensitive sensitive) {
        TransferView pending = jdbc.sql(TRANSFER_SELECT + " where t.member_id = :id and t.status = 'PENDING'")
                .param("id", l.id)
                .query((rs, n) -> transfer(rs))
                .optional()
                .orElse(null);
        return jdbc.sql("""
                        select m.*, u.name as unit_name, u.code as unit_code, e.name as enterprise_name
                          from membership.member m
                          join organisation.org_unit u on u.id = m.last_unit_id
                          left join enterprises.enterprise e on e.id = m.enterprise_id
                         where m.id = :id
                        """)
                .param("id", l.id)
                .query((rs, n) -> new MemberDetail(
                        rs.getLong("id"),
                        rs.getString("member_code"),
                        rs.getString("full_name"),
                        rs.getString("sex"),
                        rs.getObject("birth_date", LocalDate.class),
                        Cccd.mask(rs.getString("cccd")),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("nationality"),
                        rs.getString("home_town"),
                        rs.getString("residence"),
                        rs.getString("education"),
                        rs.getString("qualification"),
                        rs.getString("theory_level"),
                        (Long) rs.getObject("enterprise_id"),
                        rs.getString("enterprise_name"),
                        rs.getString("job_title"),
                        rs.getString("contract_type"),
                        rs.getObject("joined_on", LocalDate.class),
                        rs.getString("union_position"),
                        rs.getString("admission_decision"),
                        rs.getString("status"),
                        (Long) rs.getObject("unit_id"),
                        rs.getLong("last_unit_id"),
                        rs.getString("unit_name"),
                        rs.getString("unit_code"),
                        rs.getObject("left_on", LocalDate.class),
                        rs.getString("leave_reason"),
                        rs.getString("leave_decision"),
                        rs.getInt("version"),
                        pending,
                        sensitive))
                .single();
    }

    /** The sensitive part and the names of the fields it holds (for the access log). */
    private record Sensitive(MemberDetail.Sensitive view, List<String> fields) {}

    private Sensitive sensitive(long id) {
        List<MemberDetail.PartyReferral> referrals = jdbc.sql("""
                        select r.id, r.introduced_on, r.unit_id, u.name, r.outcome, r.outcome_on
                          from membership.party_referral r join organisation.org_unit u on u.id = r.unit_id
                         where r.member_id = :id order by r.introduced_on, r.id
                        """)
                .param("id", id)
                .query((rs, n) -> new MemberDetail.PartyReferral(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        MemberDetail.Sensitive view = jdbc.sql("select * from membership.member_sensitive where member_id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String eth = rs.getString("ethnicity");
                    Object salary = rs.getObject("salary_basis");
                    return new MemberDetail.Sensitive(
                            eth,
                            eth == null ? null : Ethnicities.name(eth),
                            rs.getString("religion"),
                            rs.getBoolean("party_member"),
                            rs.getObject("party_joined_on", LocalDate.class),
                            rs.getString("health_note"),
                            salary == null ? null : ((Number) salary).longValue(),
                            rs.getString("bank_account"),
                            referrals);
                })
                .optional()
                .orElse(new MemberDetail.Sensitive(null, null, null, false, null, null, null, null, referrals));
        return new Sensitive(view, MemberInput.SENSITIVE_FIELDS);
    }

    private void writeSensitive(long id, ValidMember.@Nullable SensitiveValues s) {
        if (s == null) {
            return;
        }
        jdbc.sql("""
                        insert into membership.member_sensitive
                            (member_id, ethnicity, religion, party_member, party_joined_on, health_note, salary_basis,
                             bank_account)
                        values (:id, :ethnicity, :religion, :partyMember, :partyJoinedOn, :healthNote, :salaryBasis,
                                :bankAccount)
                        on conflict (member_id) do update set ethnicity = excluded.ethnicity,
                            religion = excluded.religion, party_member = excluded.party_member,
                            party_joined_on = excluded.party_joined_on, health_note = excluded.health_note,
                            salary_basis = excluded.salary_basis, bank_account = excluded.bank_account
                        """).params(columns(s)).param("id", id).update();
    }

    private List<FieldProblem> unitProblems(long unitId, AccessScope scope) {
        Optional<OrgUnitView> unit = tree.find(unitId);
        if (unit.isEmpty() || !tree.isWithin(unitId, scope.roots(WRITE))) {
            return List.of(new FieldProblem("unitId", "member.unit.outOfScope"));
        }
        if (!unit.get().open()) {
            return List.of(
                    new FieldProblem("unitId", "member.unit.closed", unit.get().name()));
        }
        return List.of();
    }

    private List<FieldProblem> enterpriseProblems(long enterpriseId, AccessScope scope) {
        try {
            enterprises.get(enterpriseId, scope);
            return List.of();
        } catch (NotFoundException e) {
            return List.of(new FieldProblem("enterpriseId", "member.enterprise.unknown"));
        }
    }

    /** Another current member holds this CCCD: say where, if the caller may know. */
    private List<FieldProblem> duplicateProblems(String cccd, @Nullable Long self, AccessScope scope) {
        return jdbc.sql("""
                        select m.member_code, m.full_name, u.name as unit_name,
                               u.path <@ any(cast(:roots as ltree[])) as visible
                          from membership.member m join organisation.org_unit u on u.id = m.last_unit_id
                         where m.cccd = :cccd and m.status in ('ACTIVE', 'WITHOUT_UNIT')
                           and m.id <> coalesce(cast(:self as bigint), -1)
                        """)
                .param("cccd", cccd)
                .param("self", self)
                .param("roots", SqlArrays.ofLabels(scope.paths(READ)))
                .query((rs, n) -> rs.getBoolean("visible")
                        ? new FieldProblem(
                                "cccd",
                                "member.cccd.duplicateHere",
                                rs.getString("member_code"),
                                rs.getString("full_name"),
                                rs.getString("unit_name"))
                        : new FieldProblem("cccd", "member.cccd.duplicateElsewhere"))
                .list();
    }

    private void bumpVersion(long id, int version) {
        int n = jdbc.sql("""
                        update membership.member set version = version + 1, updated_at = now()
                         where id = :id and version = :v
                        """).param("id", id).param("v", version).update();
        if (n == 0) {
            throw new StaleMemberException();
        }
    }

    /** Ends the open period the day before {@code on} and opens one in {@code unit} (same day: just re-points). */
    private void movePeriod(long memberId, long unit, LocalDate on, String reason) {
        int same = jdbc.sql("""
                        update membership.membership_period set unit_id = :unit, reason = :reason
                         where member_id = :id and upper_inf(during) and lower(during) >= :on
                        """)
                .param("unit", unit)
                .param("reason", reason)
                .param("id", memberId)
                .param("on", on)
                .update();
        if (same > 0) {
            return;
        }
        jdbc.sql("""
                        update membership.membership_period set during = daterange(lower(during), :on)
                         where member_id = :id and upper_inf(during)
                        """).param("on", on).param("id", memberId).update();
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        values (:id, :unit, daterange(:on, null), :reason)
                        """)
                .param("id", memberId)
                .param("unit", unit)
                .param("on", on)
                .param("reason", reason)
                .update();
    }

    private void event(
            long memberId,
            String kind,
            LocalDate on,
            @Nullable Long unit,
            @Nullable Long other,
            @Nullable String decision,
            @Nullable String note,
            Actor actor) {
        jdbc.sql("""
                        insert into membership.member_event
                            (member_id, kind, happened_on, unit_id, other_unit_id, decision, note, actor_name)
                        values (:id, :kind, :on, :unit, :other, :decision, :note, :actor)
                        """)
                .param("id", memberId)
                .param("kind", kind)
                .param("on", on)
                .param("unit", unit)
                .param("other", other)
                .param("decision", decision)
                .param("note", note)
                .param("actor", actor.name())
                .update();
    }

    private static final String TRANSFER_SELECT = """
            select t.id, t.member_id, m.member_code, m.full_name, t.from_unit_id, fu.name as from_name, t.to_unit_id,
                   tou.name as to_name, t.released_on, t.status, t.decided_on
              from membership.member_transfer t
              join membership.member m on m.id = t.member_id
              join organisation.org_unit fu on fu.id = t.from_unit_id
              join organisation.org_unit tou on tou.id = t.to_unit_id
            """;

    private static TransferView transfer(ResultSet rs) throws SQLException {
        return new TransferView(
                rs.getLong("id"),
                rs.getLong("member_id"),
                rs.getString("member_code"),
                rs.getString("full_name"),
                rs.getLong("from_unit_id"),
                rs.getString("from_name"),
                rs.getLong("to_unit_id"),
                rs.getString("to_name"),
                rs.getObject("released_on", LocalDate.class),
                rs.getString("status"),
                rs.getObject("decided_on", LocalDate.class));
    }

    private TransferView transferView(long id) {
        return jdbc.sql(TRANSFER_SELECT + " where t.id = :id")
                .param("id", id)
                .query((rs, n) -> transfer(rs))
                .single();
    }

    /**
     * A pending transfer the caller may act on: the receiving side (accept) or either side (cancel); otherwise 404.
     */
    private TransferView pendingTransfer(long id, AccessScope scope, boolean receivingOnly) {
        TransferView t = jdbc.sql(TRANSFER_SELECT + " where t.id = :id and t.status = 'PENDING'")
                .param("id", id)
                .query((rs, n) -> transfer(rs))
                .optional()
                .orElseThrow(MemberNotFoundException::new);
        boolean receiving = tree.isWithin(t.toUnitId(), scope.roots(WRITE));
        boolean sending = tree.isWithin(t.fromUnitId(), scope.roots(WRITE));
        if (receivingOnly ? !receiving : !(receiving || sending)) {
            throw new MemberNotFoundException();
        }
        return t;
    }

    private @Nullable String unitPath(@Nullable Long unitId, AccessScope scope) {
        if (unitId == null) {
            return null;
        }
        tree.unit(unitId, scope); // 404 outside the caller's org.read scope; members are filtered by READ anyway
        return tree.paths(List.of(unitId)).get(unitId);
    }

    private @Nullable String pathOf(@Nullable Long unitId) {
        return unitId == null ? null : tree.paths(List.of(unitId)).get(unitId);
    }

    private long unitOf(long memberId) {
        return jdbc.sql("select last_unit_id from membership.member where id = :id")
                .param("id", memberId)
                .query(Long.class)
                .single();
    }

    private String codeOf(long memberId) {
        return jdbc.sql("select member_code from membership.member where id = :id")
                .param("id", memberId)
                .query(String.class)
                .single();
    }

    /** A record's components as named parameters. */
    static Map<String, Object> columns(Record r) {
        Map<String, Object> map = new HashMap<>();
        for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(r);
                if (!(value instanceof Record)) {
                    map.put(c.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    private LocalDate today() {
        return Dates.today(clock);
    }

    private static List<FieldProblem> prefixed(List<FieldProblem> problems, String prefix) {
        if (prefix.isEmpty()) {
            return problems;
        }
        return problems.stream()
                .map(p -> new FieldProblem(prefix + p.field(), p.messageKey(), p.args()))
                .toList();
    }

    private static MemberInput withAdmission(
            MemberInput in, @Nullable Long unit, @Nullable LocalDate joined, @Nullable String decision) {
        return new MemberInput(
                in.fullName(),
                in.sex(),
                in.birthDate(),
                in.cccd(),
                in.phone(),
                in.email(),
                in.nationality(),
                in.homeTown(),
                in.residence(),
                in.education(),
                in.qualification(),
                in.theoryLevel(),
                in.enterpriseId(),
                in.jobTitle(),
                in.contractType(),
                joined == null ? in.joinedOn() : joined.toString(),
                unit == null ? in.unitId() : unit,
                in.unionPosition(),
                decision == null ? in.admissionDecision() : decision,
                in.ethnicity(),
                in.religion(),
                in.partyMember(),
                in.partyJoinedOn(),
                in.healthNote(),
                in.salaryBasis(),
                in.bankAccount());
    }
}
