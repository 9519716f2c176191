package vn.congdoan.reporting.internal.targets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.reporting.Indicators;
import vn.congdoan.reporting.Indicators.Indicator;
import vn.congdoan.reporting.ReportRejectedException;
import vn.congdoan.reporting.StaleReportException;
import vn.congdoan.reporting.Targets;
import vn.congdoan.reporting.internal.statistics.Scopes;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.SqlArrays;

/**
 * Yearly targets (chỉ tiêu; DOMAIN.md §8): a parent assigns them to its children (target.manage over the parent);
 * actuals of computed indicators come live from the registers for the year (up to today while it runs), those of
 * manual ones are entered by hand.
 */
@Service
@Transactional
class TargetService implements Targets {

    static final long MAX_VALUE = 999_999_999_999_999L;

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final AuditTrail audit;
    private final Clock clock;
    private final Scopes scopes;

    TargetService(JdbcClient jdbc, Indicators indicators, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
        this.scopes = new Scopes(jdbc);
    }

    @Override
    @Transactional(readOnly = true)
    public TargetScore score(long unitId, int year, AccessScope scope) {
        return sheet(unitId, year, scope).score();
    }

    @Override
    @Transactional(readOnly = true)
    public TargetSheet sheet(long unitId, int year, AccessScope scope) {
        if (!scopes.covers(unitId, scope, READ, MANAGE)) {
            throw new NotFoundException("unit", unitId);
        }
        checkYear(year);
        Map<String, Indicator> byCode = byCode();
        Unit unit = unit(unitId);
        List<Unit> units = new ArrayList<>();
        units.add(unit);
        units.addAll(childrenWithTargets(unitId, year));
        List<UnitTargets> all = unitTargets(units, year, byCode);
        UnitTargets own = all.get(0);
        List<UnitTargets> children = List.copyOf(all.subList(1, all.size()));
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> actualKnown = new HashMap<>();
        for (UnitTargets c : children) {
            for (TargetLine l : c.lines()) {
                long[] s = sums.computeIfAbsent(l.indicatorCode(), k -> new long[2]);
                s[0] += l.target();
                s[1] += l.actual() == null ? 0 : l.actual();
                actualKnown.merge(l.indicatorCode(), l.actual() != null, Boolean::logicalAnd);
            }
        }
        List<TargetLine> rollUp = new ArrayList<>();
        for (Indicator i : byCode.values()) {
            long[] s = sums.get(i.code());
            if (s != null) {
                rollUp.add(line(i, s[0], actualKnown.get(i.code()) ? s[1] : null, null, null, 0));
            }
        }
        Tally childTally = children.stream().map(UnitTargets::tally).reduce(Tally.NONE, Tally::plus);
        Tally rolled = new Tally((int) rollUp.stream().filter(TargetLine::met).count(), rollUp.size());
        TargetScore score = new TargetScore(unitId, year, own.tally(), childTally, rolled);
        return new TargetSheet(
                unitId, unit.name, year, own, children, rollUp, score, scopes.covers(unitId, scope, MANAGE));
    }

    @Override
    public TargetSheet assign(
            long childUnitId, int year, int version, List<TargetInput> targets, AccessScope scope, Actor actor) {
        checkYear(year);
        Unit child = managed(childUnitId, scope);
        Map<String, Indicator> byCode = byCode();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TargetInput t : targets) {
            String field = "targets[" + t.indicatorCode() + "]";
            if (!byCode.containsKey(t.indicatorCode())) {
                problems.add(new FieldProblem(field, "target.indicator.unknown", t.indicatorCode()));
            } else if (!seen.add(t.indicatorCode())) {
                problems.add(new FieldProblem(
                        field,
                        "target.indicator.twice",
                        byCode.get(t.indicatorCode()).name()));
            } else if (t.value() != null && (t.value() < 0 || t.value() > MAX_VALUE)) {
                problems.add(new FieldProblem(
                        field,
                        "target.value.range",
                        byCode.get(t.indicatorCode()).name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportRejectedException(problems);
        }
        Long setId = jdbc.sql("select id from reporting.target_set where unit_id = :u and year = :y")
                .param("u", childUnitId)
                .param("y", year)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (setId == null) {
            if (version != 0) {
                throw new StaleReportException();
            }
            setId = jdbc.sql("""
                            insert into reporting.target_set (unit_id, year, assigned_by_unit, updated_by_name, version)
                            values (:u, :y, :p, :by, 1)
                            on conflict (unit_id, year) do nothing returning id
                            """)
                    .param("u", childUnitId)
                    .param("y", year)
                    .param("p", child.parentId)
                    .param("by", actor.name())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(StaleReportException::new);
        } else {
            int n = jdbc.sql("""
                            update reporting.target_set set version = version + 1, updated_at = now(),
                                   updated_by_name = :by, assigned_by_unit = :p
                             where id = :id and version = :v
                            """)
                    .param("by", actor.name())
                    .param("p", child.parentId)
                    .param("id", setId)
                    .param("v", version)
                    .update();
            if (n != 1) {
                throw new StaleReportException();
            }
        }
        for (TargetInput t : targets) {
            if (t.value() == null) {
                jdbc.sql("delete from reporting.target where target_set_id = :s and indicator_code = :c")
                        .param("s", setId)
                        .param("c", t.indicatorCode())
                        .update();
            } else {
                jdbc.sql("""
                                insert into reporting.target (target_set_id, indicator_code, value) values (:s, :c, :v)
                                on conflict (target_set_id, indicator_code) do update set value = excluded.value
                                """)
                        .param("s", setId)
                        .param("c", t.indicatorCode())
                        .param("v", t.value())
                        .update();
            }
        }
        audit.record(AuditRecord.of(actor, "TARGETS_ASSIGNED", child.path)
                .target("target_set", setId, child.code + " " + year));
        return sheet(childUnitId, year, scope);
    }

    @Override
    public TargetSheet recordActual(
            long unitId, int year, String indicatorCode, int version, long value, AccessScope scope, Actor actor) {
        checkYear(year);
        Unit unit = managed(unitId, scope);
        Indicator i = byCode().get(indicatorCode);
        if (i == null) {
            throw new ReportRejectedException("indicatorCode", "target.indicator.unknown", indicatorCode);
        }
        if (i.computed()) {
            throw new ReportRejectedException("indicatorCode", "target.indicator.computed", i.name());
        }
        if (value < 0 || value > MAX_VALUE) {
            throw new ReportRejectedException("value", "target.value.range", i.name());
        }
        int n;
        if (version == 0) {
            n = jdbc.sql("""
                            insert into reporting.target_actual (unit_id, year, indicator_code, value, recorded_by,
                                                                 recorded_by_name, version)
                            values (:u, :y, :c, :v, :uid, :by, 1) on conflict do nothing
                            """)
                    .param("u", unitId)
                    .param("y", year)
                    .param("c", indicatorCode)
                    .param("v", value)
                    .param("uid", actor.userId())
                    .param("by", actor.name())
                    .update();
        } else {
            n = jdbc.sql("""
                            update reporting.target_actual set value = :v, recorded_by = :uid, recorded_by_name = :by,
                                   recorded_at = now(), version = version + 1
                             where unit_id = :u and year = :y and indicator_code = :c and version = :ver
                            """)
                    .param("u", unitId)
                    .param("y", year)
                    .param("c", indicatorCode)
                    .param("v", value)
                    .param("uid", actor.userId())
                    .param("by", actor.name())
                    .param("ver", version)
                    .update();
        }
        if (n != 1) {
            throw new StaleReportException();
        }
        audit.record(AuditRecord.of(actor, "TARGET_ACTUAL_RECORDED", unit.path)
                .target("target_actual", unitId, indicatorCode + " " + year));
        return sheet(unitId, year, scope);
    }

    /** The version of a manual actual (0 when none is recorded), for forms. */
    int actualVersion(long unitId, int year, String code) {
        return jdbc.sql("""
                        select version from reporting.target_actual
                         where unit_id = :u and year = :y and indicator_code = :c
                        """)
                .param("u", unitId)
                .param("y", year)
                .param("c", code)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /**
     * A unit whose targets the caller manages: {@link #MANAGE} over its parent. Otherwise "not found" (DESIGN.md
     * §2), also for the unit's own officers: a unit does not set or score its own targets.
     */
    private Unit managed(long unitId, AccessScope scope) {
        Unit unit = unit(unitId);
        if (unit.parentId == null || !scopes.covers(unit.parentId, scope, MANAGE)) {
            throw new NotFoundException("unit", unitId);
        }
        return unit;
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new ReportRejectedException("year", "report.year.invalid");
        }
    }

    /**
     * The targets of the units for the year, in the units' order. Sets, targets and recorded actuals are read for all
     * units at once (a province has about a hundred children, most without targets); only the computed actuals are
     * figured per unit that has targets, each a statistic over its own subtree.
     */
    private List<UnitTargets> unitTargets(List<Unit> units, int year, Map<String, Indicator> byCode) {
        record Set(long id, int version) {}
        String unitIds = SqlArrays.ofLongs(units.stream().map(Unit::id).toList());
        Map<Long, Set> sets = new HashMap<>();
        jdbc.sql("""
                        select unit_id, id, version from reporting.target_set
                         where unit_id = any(cast(:u as bigint[])) and year = :y
                        """)
                .param("u", unitIds)
                .param("y", year)
                .query((rs, n) -> sets.put(rs.getLong(1), new Set(rs.getLong(2), rs.getInt(3))))
                .list();
        Map<Long, Map<String, Long>> targetsBySet = new HashMap<>();
        Map<Long, Map<String, Object[]>> manualByUnit = new HashMap<>();
        if (!sets.isEmpty()) {
            jdbc.sql("""
                            select target_set_id, indicator_code, value from reporting.target
                             where target_set_id = any(cast(:s as bigint[]))
                            """)
                    .param(
                            "s",
                            SqlArrays.ofLongs(
                                    sets.values().stream().map(Set::id).toList()))
                    .query((rs, n) -> targetsBySet
                            .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3)))
                    .list();
            jdbc.sql("""
                            select unit_id, indicator_code, value, recorded_by_name, recorded_at, version
                              from reporting.target_actual
                             where unit_id = any(cast(:u as bigint[])) and year = :y
                            """)
                    .param("u", SqlArrays.ofLongs(sets.keySet()))
                    .param("y", year)
                    .query((rs, n) -> manualByUnit
                            .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), new Object[] {
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getInt(6)
                            }))
                    .list();
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = Dates.today(clock);
        LocalDate to = end.isAfter(today) ? today : end;
        List<UnitTargets> result = new ArrayList<>();
        for (Unit unit : units) {
            Set set = sets.get(unit.id);
            if (set == null) {
                result.add(new UnitTargets(unit.id, unit.code, unit.name, 0, List.of(), Tally.NONE));
                continue;
            }
            Map<String, Long> targets = targetsBySet.getOrDefault(set.id, Map.of());
            Map<String, Object[]> manual = manualByUnit.getOrDefault(unit.id, Map.of());
            Map<String, Long> computed =
                    to.isBefore(from) ? Map.of() : indicators.compute(unit.id, from, to, targets.keySet());
            List<TargetLine> lines = new ArrayList<>();
            for (Indicator i : byCode.values()) {
                Long target = targets.get(i.code());
                if (target == null) {
                    continue;
                }
                if (i.computed()) {
                    lines.add(line(i, target, computed.get(i.code()), null, null, 0));
                } else {
                    Object[] m = manual.get(i.code());
                    lines.add(
                            m == null
                                    ? line(i, target, null, null, null, 0)
                                    : line(i, target, (Long) m[0], (String) m[1], (Instant) m[2], (Integer) m[3]));
                }
            }
            Tally tally = new Tally((int) lines.stream().filter(TargetLine::met).count(), lines.size());
            result.add(new UnitTargets(unit.id, unit.code, unit.name, set.version, lines, tally));
        }
        return result;
    }

    static TargetLine line(
            Indicator i, long target, @Nullable Long actual, @Nullable String by, @Nullable Instant at, int version) {
        boolean met = actual != null && (i.lowerIsBetter() ? actual <= target : actual >= target);
        Integer percent = actual == null || target == 0 ? null : (int) Math.round(actual * 100.0 / target);
        return new TargetLine(
                i.code(),
                i.name(),
                i.unitOfMeasure(),
                i.computed(),
                i.lowerIsBetter(),
                target,
                actual,
                percent,
                met,
                by,
                at,
                version);
    }

    private Map<String, Indicator> byCode() {
        return indicators.all().stream()
                .collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a, LinkedHashMap::new));
    }

    private record Unit(long id, @Nullable Long parentId, String code, String name, String path) {}

    private Unit unit(long id) {
        return jdbc.sql("select id, parent_id, code, name, path::text from organisation.org_unit where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    long parent = rs.getLong(2);
                    return new Unit(
                            rs.getLong(1),
                            rs.wasNull() ? null : parent,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5));
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("unit", id));
    }

    /** Today's open children of the unit, and any unit it assigned targets to for the year. */
    private List<Unit> childrenWithTargets(long unitId, int year) {
        return jdbc.sql("""
                        select u.id, u.parent_id, u.code, u.name, u.path::text from organisation.org_unit u
                         where (u.parent_id = :id and u.valid_to is null)
                            or u.id in (select unit_id from reporting.target_set
                                         where assigned_by_unit = :id and year = :y)
                         order by u.name, u.id
                        """)
                .param("id", unitId)
                .param("y", year)
                .query((rs, n) -> {
                    long parent = rs.getLong(2);
                    return new Unit(
                            rs.getLong(1),
                            rs.wasNull() ? null : parent,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5));
                })
                .list();
    }
}
