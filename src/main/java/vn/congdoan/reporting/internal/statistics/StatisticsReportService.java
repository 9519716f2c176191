package vn.congdoan.reporting.internal.statistics;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.reporting.Indicators;
import vn.congdoan.reporting.ReportRejectedException;
import vn.congdoan.reporting.StaleReportException;
import vn.congdoan.reporting.StatisticsReports;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.SqlArrays;

/**
 * Periodic statistics (QĐ 1454/QĐ-TLĐ; DOMAIN.md §8): open with computed values as of the period end, fill, submit,
 * return or accept, lock. Which unit reviews: the parent on the period's last day, or — when that parent has closed
 * since (e.g. the district federations on 01/07/2025, Law 97/2025/QH15) — the unit's parent today.
 */
@Service
@Transactional
class StatisticsReportService implements StatisticsReports {

    /** The largest value one indicator may hold. */
    static final long MAX_VALUE = 999_999_999_999_999L;

    private static final String REPORT = """
            select r.id, r.template_code, t.name as template_name, t.period_kind, r.period_year, r.period_from,
                   r.period_to, r.unit_id, u.code as unit_code, u.name as unit_name, r.status, r.version,
                   r.review_comment
              from reporting.statistics_report r
              join reporting.report_template t on t.code = r.template_code
              join organisation.org_unit u on u.id = r.unit_id
            """;

    /** The unit that reviews a unit's report for a period ending on :asOf. */
    private static final String REVIEWER = """
            select case when pt.id is not null and pt.valid_to is null then pt.id else xu.parent_id end
              from organisation.org_unit xu
              left join organisation.org_unit_period x on x.unit_id = xu.id and x.during @> cast(:asOf as date)
              left join organisation.org_unit pt on pt.id = x.parent_id
             where xu.id = :id
            """;

    /** The units that report to :id for a period ending on :asOf (existing then and still open). */
    private static final String EXPECTED = """
            select x.unit_id, xu.code, xu.name
              from organisation.org_unit_period x
              join organisation.org_unit xu on xu.id = x.unit_id and xu.valid_to is null
              left join organisation.org_unit pt on pt.id = x.parent_id
             where x.during @> cast(:asOf as date)
               and ((x.parent_id = :id and pt.valid_to is null) or (pt.valid_to is not null and xu.parent_id = :id))
             order by xu.name, xu.id
            """;

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final AuditTrail audit;
    private final Clock clock;
    private final Scopes scopes;
    private final ReportFiles files;

    StatisticsReportService(JdbcClient jdbc, Indicators indicators, AuditTrail audit, Clock clock, ReportFiles files) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
        this.scopes = new Scopes(jdbc);
        this.files = files;
    }

    // Periods

    @Override
    @Transactional(readOnly = true)
    public List<Period> periods(LocalDate today, int limit) {
        List<Period> all = new ArrayList<>();
        List<String[]> templates = jdbc.sql(
                        "select code, name, period_kind from reporting.report_template order by sort_order")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        for (String[] t : templates) {
            for (int year = today.getYear() + 1; year >= today.getYear() - 3; year--) {
                Period p = period(t[0], t[1], t[2], year);
                if (!p.from().isAfter(today)) {
                    all.add(p);
                }
            }
        }
        all.sort((a, b) -> b.to().compareTo(a.to()));
        return all.stream().limit(limit).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Period period(String templateCode, int year) {
        if (year < 2000 || year > 2100) {
            throw new ReportRejectedException("year", "report.year.invalid");
        }
        return jdbc.sql("select code, name, period_kind from reporting.report_template where code = :c")
                .param("c", templateCode)
                .query((rs, n) -> period(rs.getString(1), rs.getString(2), rs.getString(3), year))
                .optional()
                .orElseThrow(() -> new ReportRejectedException("template", "report.template.unknown"));
    }

    private static Period period(String code, String name, String kind, int year) {
        return new Period(code, name, kind, year, Periods.from(kind, year), Periods.to(kind, year));
    }

    // Life of a report

    @Override
    public ReportView open(String templateCode, int year, long unitId, AccessScope scope, Actor actor) {
        Period period = period(templateCode, year);
        // Without the permission over the unit it is "not found" (DESIGN.md §2).
        if (!scopes.covers(unitId, scope, SUBMIT)) {
            throw new NotFoundException("unit", unitId);
        }
        LocalDate today = Dates.today(clock);
        if (period.from().isAfter(today)) {
            throw new ReportRejectedException("year", "report.period.notStarted", Dates.format(period.from()));
        }
        boolean existed = jdbc.sql("""
                        select exists (select 1 from organisation.org_unit_period
                                        where unit_id = :id and during @> cast(:asOf as date))
                        """)
                .param("id", unitId)
                .param("asOf", period.to())
                .query(Boolean.class)
                .single();
        if (!existed) {
            throw new ReportRejectedException("unitId", "report.unit.notExisting", Dates.format(period.to()));
        }
        Optional<Long> found = findId(templateCode, year, unitId);
        if (found.isPresent()) {
            return get(found.get(), scope);
        }
        long id = jdbc.sql("""
                        insert into reporting.statistics_report (template_code, unit_id, period_year, period_from,
                                                                 period_to, opened_by_name)
                        values (:t, :u, :y, :f, :to, :by)
                        on conflict (template_code, unit_id, period_year) do nothing
                        returning id
                        """)
                .param("t", templateCode)
                .param("u", unitId)
                .param("y", year)
                .param("f", period.from())
                .param("to", period.to())
                .param("by", actor.name())
                .query(Long.class)
                .optional()
                .orElseGet(() -> findId(templateCode, year, unitId).orElseThrow());
        List<String> codes = templateIndicators(templateCode);
        Map<String, Long> computed = indicators.compute(unitId, period.from(), period.to(), codes);
        for (String code : codes) {
            jdbc.sql("""
                            insert into reporting.report_value (report_id, indicator_code, value, computed)
                            values (:r, :c, :v, :computed) on conflict do nothing
                            """)
                    .param("r", id)
                    .param("c", code)
                    .param("v", computed.get(code))
                    .param("computed", computed.containsKey(code))
                    .update();
        }
        event(id, "OPENED", null, actor);
        audit.record(AuditRecord.of(actor, "REPORT_OPENED", path(unitId))
                .target("statistics_report", id, templateCode + " " + year));
        return get(id, scope);
    }

    private Optional<Long> findId(String templateCode, int year, long unitId) {
        return jdbc.sql("""
                        select id from reporting.statistics_report
                         where template_code = :t and period_year = :y and unit_id = :u
                        """)
                .param("t", templateCode)
                .param("y", year)
                .param("u", unitId)
                .query(Long.class)
                .optional();
    }

    private List<String> templateIndicators(String templateCode) {
        return jdbc.sql("""
                        select indicator_code from reporting.report_template_indicator
                         where template_code = :t order by position, indicator_code
                        """).param("t", templateCode).query(String.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ReportView get(long reportId, AccessScope scope) {
        Row r = row(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        long reviewer = reviewer(r.unitId, r.period.to());
        boolean reachable =
                scopes.covers(r.unitId, scope, READ, SUBMIT, REVIEW) || scopes.covers(reviewer, scope, REVIEW);
        if (!reachable) {
            throw new NotFoundException("report", reportId);
        }
        return view(r, reviewer, scope);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReportView> list(long unitId, Period period, AccessScope scope) {
        if (!scopes.covers(unitId, scope, READ, SUBMIT, REVIEW)) {
            throw new NotFoundException("unit", unitId);
        }
        String[] roots = scope.paths(READ);
        List<Long> ids = jdbc.sql("""
                        select r.id from reporting.statistics_report r
                          join organisation.org_unit u on u.id = r.unit_id
                         where r.template_code = :t and r.period_year = :y
                           and u.path <@ (select path from organisation.org_unit where id = :id)
                           and u.path <@ any(cast(:roots as ltree[]))
                         order by u.path, r.id
                        """)
                .param("t", period.templateCode())
                .param("y", period.year())
                .param("id", unitId)
                .param("roots", SqlArrays.ofLabels(roots))
                .query(Long.class)
                .list();
        return ids.stream().map(id -> get(id, scope)).toList();
    }

    @Override
    public ReportView save(
            long reportId, int version, Map<String, @Nullable Long> manualValues, AccessScope scope, Actor actor) {
        Row r = editable(reportId, version, scope);
        Map<String, Boolean> kinds = valueKinds(reportId);
        List<FieldProblem> problems = new ArrayList<>();
        manualValues.forEach((code, value) -> {
            Boolean computed = kinds.get(code);
            if (computed == null || computed) {
                problems.add(new FieldProblem("values[" + code + "]", "report.value.notManual", code));
            } else if (value != null && (value < 0 || value > MAX_VALUE)) {
                problems.add(new FieldProblem("values[" + code + "]", "report.value.range", indicatorName(code)));
            }
        });
        if (!problems.isEmpty()) {
            throw new ReportRejectedException(problems);
        }
        bump(reportId, version);
        manualValues.forEach((code, value) -> jdbc.sql("""
                        update reporting.report_value set value = :v where report_id = :r and indicator_code = :c
                        """)
                .param("v", value)
                .param("r", reportId)
                .param("c", code)
                .update());
        event(reportId, "SAVED", null, actor);
        audit.record(AuditRecord.of(actor, "REPORT_SAVED", path(r.unitId)).target("statistics_report", reportId, null));
        return get(reportId, scope);
    }

    @Override
    public ReportView refresh(long reportId, int version, AccessScope scope, Actor actor) {
        Row r = editable(reportId, version, scope);
        bump(reportId, version);
        Map<String, Long> computed = indicators.compute(
                r.unitId, r.period.from(), r.period.to(), templateIndicators(r.period.templateCode()));
        computed.forEach((code, value) -> jdbc.sql("""
                        update reporting.report_value set value = :v where report_id = :r and indicator_code = :c
                        """)
                .param("v", value)
                .param("r", reportId)
                .param("c", code)
                .update());
        event(reportId, "REFRESHED", null, actor);
        return get(reportId, scope);
    }

    @Override
    public ReportView submit(long reportId, int version, AccessScope scope, Actor actor) {
        Row r = editable(reportId, version, scope);
        List<FieldProblem> missing = jdbc.sql("""
                        select v.indicator_code, i.name from reporting.report_value v
                          join reporting.indicator i on i.code = v.indicator_code
                          join reporting.report_template_indicator ti on ti.template_code = :t
                               and ti.indicator_code = v.indicator_code
                         where v.report_id = :r and not v.computed and v.value is null
                         order by ti.position
                        """)
                .param("t", r.period.templateCode())
                .param("r", reportId)
                .query((rs, n) ->
                        new FieldProblem("values[" + rs.getString(1) + "]", "report.value.required", rs.getString(2)))
                .list();
        if (!missing.isEmpty()) {
            throw new ReportRejectedException(missing);
        }
        status(reportId, version, "SUBMITTED", "submitted_at = now(), submitted_by_name = :by,", null, actor);
        event(reportId, "SUBMITTED", null, actor);
        audit.record(
                AuditRecord.of(actor, "REPORT_SUBMITTED", path(r.unitId)).target("statistics_report", reportId, null));
        return get(reportId, scope);
    }

    @Override
    public ReportView returnForCorrection(long reportId, int version, String comment, AccessScope scope, Actor actor) {
        Row r = reviewable(reportId, version, scope);
        String text =
                java.text.Normalizer.normalize(comment == null ? "" : comment.strip(), java.text.Normalizer.Form.NFC);
        if (text.isEmpty()) {
            throw new ReportRejectedException("comment", "report.comment.required");
        }
        if (text.length() > 2000) {
            throw new ReportRejectedException("comment", "report.comment.tooLong", 2000);
        }
        status(reportId, version, "RETURNED", "reviewed_at = now(), reviewed_by_name = :by,", text, actor);
        event(reportId, "RETURNED", text, actor);
        audit.record(
                AuditRecord.of(actor, "REPORT_RETURNED", path(r.unitId)).target("statistics_report", reportId, null));
        return get(reportId, scope);
    }

    @Override
    public ReportView accept(long reportId, int version, AccessScope scope, Actor actor) {
        Row r = reviewable(reportId, version, scope);
        status(reportId, version, "ACCEPTED", "reviewed_at = now(), reviewed_by_name = :by,", null, actor);
        event(reportId, "ACCEPTED", null, actor);
        audit.record(
                AuditRecord.of(actor, "REPORT_ACCEPTED", path(r.unitId)).target("statistics_report", reportId, null));
        return get(reportId, scope);
    }

    private Row editable(long reportId, int version, AccessScope scope) {
        ReportView v = get(reportId, scope);
        if (!scopes.covers(v.unitId(), scope, SUBMIT)) {
            throw new NotFoundException("report", reportId);
        }
        if (v.version() != version) {
            throw new StaleReportException();
        }
        if (!v.status().equals("DRAFT") && !v.status().equals("RETURNED")) {
            throw new ReportRejectedException("status", "report.notEditable." + v.status());
        }
        return row(reportId).orElseThrow();
    }

    private Row reviewable(long reportId, int version, AccessScope scope) {
        ReportView v = get(reportId, scope);
        if (v.reviewerUnitId() == v.unitId() || !scopes.covers(v.reviewerUnitId(), scope, REVIEW)) {
            throw new NotFoundException("report", reportId);
        }
        if (v.version() != version) {
            throw new StaleReportException();
        }
        if (!v.status().equals("SUBMITTED")) {
            throw new ReportRejectedException("status", "report.notReviewable." + v.status());
        }
        return row(reportId).orElseThrow();
    }

    private void bump(long reportId, int version) {
        int n = jdbc.sql("""
                        update reporting.statistics_report set version = version + 1
                         where id = :id and version = :v and status in ('DRAFT', 'RETURNED')
                        """).param("id", reportId).param("v", version).update();
        if (n != 1) {
            throw new StaleReportException();
        }
    }

    private void status(long reportId, int version, String status, String set, @Nullable String comment, Actor actor) {
        int n = jdbc.sql("update reporting.statistics_report set status = :s, " + set
                        + " review_comment = coalesce(:comment, review_comment), version = version + 1"
                        + " where id = :id and version = :v")
                .param("s", status)
                .param("by", actor.name())
                .param("comment", comment)
                .param("id", reportId)
                .param("v", version)
                .update();
        if (n != 1) {
            throw new StaleReportException();
        }
    }

    private void event(long reportId, String kind, @Nullable String comment, Actor actor) {
        jdbc.sql("insert into reporting.report_event (report_id, kind, comment, actor_name) values (:r, :k, :c, :a)")
                .param("r", reportId)
                .param("k", kind)
                .param("c", comment)
                .param("a", actor.name())
                .update();
    }

    // Overview

    @Override
    @Transactional(readOnly = true)
    public Optional<Outstanding> outstanding(long unitId, @Nullable Period period, AccessScope scope) {
        if (!scopes.covers(unitId, scope, READ, REVIEW)) {
            throw new NotFoundException("unit", unitId);
        }
        Period p = period;
        if (p == null) {
            p = jdbc.sql("""
                            select r.template_code, r.period_year from reporting.statistics_report r
                              join organisation.org_unit u on u.id = r.unit_id
                             where u.path <@ (select path from organisation.org_unit where id = :id)
                               and r.period_to < :today
                             order by r.period_to desc, r.template_code limit 1
                            """)
                    .param("id", unitId)
                    .param("today", Dates.today(clock))
                    .query((rs, n) -> period(rs.getString(1), rs.getInt(2)))
                    .optional()
                    .orElse(null);
            if (p == null) {
                return Optional.empty();
            }
        }
        List<ChildStatus> children = children(unitId, p);
        List<ChildStatus> missing = children.stream()
                .filter(c ->
                        c.status() == null || !Set.of("SUBMITTED", "ACCEPTED").contains(c.status()))
                .toList();
        return Optional.of(new Outstanding(unitId, p, children.size(), missing));
    }

    private List<ChildStatus> children(long unitId, Period p) {
        return jdbc.sql("select e.unit_id, e.code, e.name, r.id as report_id, r.status from (" + EXPECTED + """
                        ) e left join reporting.statistics_report r on r.unit_id = e.unit_id
                               and r.template_code = :t and r.period_year = :y
                        """)
                .param("id", unitId)
                .param("asOf", p.to())
                .param("t", p.templateCode())
                .param("y", p.year())
                .query((rs, n) -> {
                    long report = rs.getLong("report_id");
                    return new ChildStatus(
                            rs.getLong("unit_id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.wasNull() ? null : report,
                            rs.getString("status"));
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public RollUp rollUp(long unitId, Period period, AccessScope scope) {
        if (!scopes.covers(unitId, scope, READ, REVIEW)) {
            throw new NotFoundException("unit", unitId);
        }
        String unitName = jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", unitId)
                .query(String.class)
                .single();
        List<ChildStatus> children = children(unitId, period);
        List<Long> done = children.stream()
                .filter(c -> "SUBMITTED".equals(c.status()) || "ACCEPTED".equals(c.status()))
                .map(ChildStatus::reportId)
                .toList();
        Map<String, Long> sums = new LinkedHashMap<>();
        if (!done.isEmpty()) {
            jdbc.sql("""
                            select indicator_code, coalesce(sum(value), 0) from reporting.report_value
                             where report_id = any(cast(:ids as bigint[])) group by indicator_code
                            """)
                    .param("ids", SqlArrays.ofLongs(done))
                    .query((rs, n) -> sums.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        List<String> codes = templateIndicators(period.templateCode());
        Map<String, Long> direct = indicators.compute(unitId, period.from(), period.to(), codes);
        Map<String, Indicators.Indicator> byCode =
                indicators.all().stream().collect(Collectors.toMap(Indicators.Indicator::code, i -> i));
        List<RollUpLine> lines = codes.stream()
                .map(c -> {
                    Indicators.Indicator i = byCode.get(c);
                    return new RollUpLine(
                            c, i.name(), i.unitOfMeasure(), i.computed(), sums.getOrDefault(c, 0L), direct.get(c));
                })
                .toList();
        return new RollUp(unitId, unitName, period, children, lines, done.size() == children.size());
    }

    @Override
    @Transactional(readOnly = true)
    public void export(long reportId, String format, OutputStream out, AccessScope scope) {
        ReportView report = get(reportId, scope);
        if ("pdf".equalsIgnoreCase(format)) {
            files.pdf(report, out);
        } else if ("xlsx".equalsIgnoreCase(format)) {
            files.xlsx(report, out);
        } else {
            throw new ReportRejectedException("format", "report.format.unknown");
        }
    }

    // Reading

    private record Row(
            long id,
            Period period,
            long unitId,
            String unitCode,
            String unitName,
            String status,
            int version,
            @Nullable String reviewComment) {}

    private Optional<Row> row(long id) {
        return jdbc.sql(REPORT + " where r.id = :id")
                .param("id", id)
                .query(StatisticsReportService::row)
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("period_kind");
        int year = rs.getInt("period_year");
        return new Row(
                rs.getLong("id"),
                new Period(
                        rs.getString("template_code"),
                        rs.getString("template_name"),
                        kind,
                        year,
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class)),
                rs.getLong("unit_id"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("status"),
                rs.getInt("version"),
                rs.getString("review_comment"));
    }

    long reviewer(long unitId, LocalDate asOf) {
        Long id = jdbc.sql(REVIEWER)
                .param("id", unitId)
                .param("asOf", asOf)
                .query(Long.class)
                .optional()
                .orElse(null);
        return id == null ? unitId : id;
    }

    private ReportView view(Row r, long reviewer, AccessScope scope) {
        List<ReportLine> lines = jdbc.sql("""
                        select v.indicator_code, i.name, i.unit_of_measure, v.computed, v.value
                          from reporting.report_value v
                          join reporting.indicator i on i.code = v.indicator_code
                          join reporting.report_template_indicator ti on ti.template_code = :t
                               and ti.indicator_code = v.indicator_code
                         where v.report_id = :r order by ti.position, v.indicator_code
                        """)
                .param("t", r.period.templateCode())
                .param("r", r.id)
                .query((rs, n) -> {
                    long value = rs.getLong("value");
                    return new ReportLine(
                            rs.getString("indicator_code"),
                            rs.getString("name"),
                            rs.getString("unit_of_measure"),
                            rs.getBoolean("computed"),
                            rs.wasNull() ? null : value);
                })
                .list();
        List<ReportStep> events = jdbc.sql("""
                        select kind, comment, actor_name, at from reporting.report_event where report_id = :r order by id
                        """)
                .param("r", r.id)
                .query((rs, n) -> new ReportStep(
                        rs.getString("kind"),
                        rs.getString("comment"),
                        rs.getString("actor_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        String reviewerName = jdbc.sql("select name from organisation.org_unit where id = :id")
                .param("id", reviewer)
                .query(String.class)
                .single();
        boolean canEdit =
                (r.status.equals("DRAFT") || r.status.equals("RETURNED")) && scopes.covers(r.unitId, scope, SUBMIT);
        boolean canReview =
                r.status.equals("SUBMITTED") && reviewer != r.unitId && scopes.covers(reviewer, scope, REVIEW);
        return new ReportView(
                r.id,
                r.period,
                r.unitId,
                r.unitCode,
                r.unitName,
                reviewer,
                reviewerName,
                r.status,
                r.version,
                lines,
                events,
                r.reviewComment,
                canEdit,
                canReview);
    }

    private Map<String, Boolean> valueKinds(long reportId) {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, computed from reporting.report_value where report_id = :r")
                .param("r", reportId)
                .query((rs, n) -> kinds.put(rs.getString(1), rs.getBoolean(2)))
                .list();
        return kinds;
    }

    private String indicatorName(String code) {
        return jdbc.sql("select name from reporting.indicator where code = :c")
                .param("c", code)
                .query(String.class)
                .optional()
                .orElse(code);
    }

    private @Nullable String path(long unitId) {
        return jdbc.sql("select path::text from organisation.org_unit where id = :id")
                .param("id", unitId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
