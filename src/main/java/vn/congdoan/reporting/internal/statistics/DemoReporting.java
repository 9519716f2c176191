package vn.congdoan.reporting.internal.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.reporting.Indicators;
import vn.congdoan.reporting.ReportingDemo;
import vn.congdoan.reporting.StatisticsReports;
import vn.congdoan.reporting.StatisticsReports.ChildStatus;
import vn.congdoan.reporting.StatisticsReports.ReportView;
import vn.congdoan.reporting.Targets;
import vn.congdoan.reporting.Targets.TargetInput;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The demo's reporting (synthetic): 2025 targets from the confederation to Lai Châu (one of eleven missed), from the
 * province to each of its child units and from the first commune union to three of its grassroots unions; and the
 * six-month report of 2025 (01/01–30/06/2025). That report is by the units that existed on 30/06/2025 and are still
 * open: the grassroots unions now under the commune union LCU-X01 (their district federation closed on 01/07/2025,
 * so the commune union reviews them) and the province's direct children of that day. Deterministic.
 */
@Service
class DemoReporting implements ReportingDemo {

    static final int YEAR = 2025;
    static final String SIX_MONTHS = "SO_KET_6_THANG";
    static final String COMMENT = "Đề nghị bổ sung số cuộc đối thoại định kỳ và kiểm tra lại số thỏa ước đã ký.";

    private static final List<String> PROVINCE_TARGETS = List.of(
            "MEMBERS_NEW",
            "GRASSROOTS_NEW",
            "GRASSROOTS_NON_STATE",
            "PARTY_REFERRALS",
            "AGREEMENTS_SIGNED",
            "TET_BENEFICIARIES");
    private static final List<String> CONFEDERATION_TARGETS = List.of(
            "MEMBERS_TOTAL",
            "MEMBERS_NEW",
            "GRASSROOTS_TOTAL",
            "GRASSROOTS_NEW",
            "GRASSROOTS_NON_STATE",
            "PARTY_REFERRALS",
            "ENTERPRISES_25_NO_UNION",
            "AGREEMENTS_SIGNED",
            "DIALOGUES",
            "TET_BENEFICIARIES",
            "TET_AMOUNT");
    private static final Map<String, Long> MANUAL_PER_100 =
            Map.of("AGREEMENTS_SIGNED", 2L, "DIALOGUES", 3L, "TET_BENEFICIARIES", 60L, "TET_AMOUNT", 45_000_000L);

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Targets targets;
    private final StatisticsReports reports;

    DemoReporting(JdbcClient jdbc, Indicators indicators, Targets targets, StatisticsReports reports) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.targets = targets;
        this.reports = reports;
    }

    @Override
    @Transactional
    public void seed(Actor actor) {
        long root = id("TLD");
        long province = id("LCU");
        long commune = id("LCU-X01");
        AccessScope all = scope(root);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        Actor tld = new Actor(null, "tld", null);
        Actor tinh = new Actor(null, "tinh", null);
        Actor xa = new Actor(null, "xa", null);

        // The confederation's eleven targets for Lai Châu: the actual reached in ten, one missed.
        Map<String, Long> actual = indicators.compute(province, from, to, CONFEDERATION_TARGETS);
        long members = Math.max(100, actual.getOrDefault("MEMBERS_TOTAL", 0L));
        List<TargetInput> forProvince = new ArrayList<>();
        for (String code : CONFEDERATION_TARGETS) {
            long value;
            if (actual.containsKey(code)) {
                long a = actual.get(code);
                value = code.equals("GRASSROOTS_NEW") ? a + 2 : code.equals("ENTERPRISES_25_NO_UNION") ? a + 5 : a;
            } else {
                long m = MANUAL_PER_100.getOrDefault(code, 1L) * members / 100;
                value = m;
                targets.recordActual(province, YEAR, code, 0, m + m / 20, all, tld);
            }
            forProvince.add(new TargetInput(code, value));
        }
        targets.assign(province, YEAR, 0, forProvince, all, tld);

        // The province's targets for each child unit: around this year's figures, some reached and some not.
        List<long[]> children = jdbc.sql("""
                        select id from organisation.org_unit where parent_id = :p and valid_to is null order by code
                        """)
                .param("p", province)
                .query((rs, n) -> new long[] {rs.getLong(1)})
                .list();
        int k = 0;
        for (long[] c : children) {
            assignAround(c[0], PROVINCE_TARGETS, k++, all, tinh);
        }
        List<Long> grassroots =
                jdbc.sql("""
                        select id from organisation.org_unit where parent_id = :p and valid_to is null
                         order by code limit 3
                        """).param("p", commune).query(Long.class).list();
        for (long g : grassroots) {
            assignAround(g, List.of("MEMBERS_NEW", "PARTY_REFERRALS", "AGREEMENTS_SIGNED"), k++, all, xa);
        }

        // The six-month report of 2025.
        StatisticsReports.Outstanding underCommune = reports.outstanding(commune, reports.period(SIX_MONTHS, YEAR), all)
                .orElseThrow();
        List<ChildStatus> units = underCommune.notSubmitted();
        for (int i = 0; i < units.size(); i++) {
            if (i > units.size() / 2) {
                break; // the second half has not reported
            }
            ReportView r = fill(units.get(i).unitId(), i, all);
            if (i == 0) {
                reports.accept(r.id(), r.version(), all, xa);
            } else if (i == 1) {
                reports.returnForCorrection(r.id(), r.version(), COMMENT, all, xa);
            }
        }
        StatisticsReports.Outstanding underProvince = reports.outstanding(
                        province, reports.period(SIX_MONTHS, YEAR), all)
                .orElseThrow();
        List<ChildStatus> direct = underProvince.notSubmitted();
        for (int i = 0; i < direct.size() && i < 3; i++) {
            ReportView r = fill(direct.get(i).unitId(), i, all);
            if (i == 0) {
                reports.accept(r.id(), r.version(), all, tinh);
            }
        }
    }

    private ReportView fill(long unitId, int salt, AccessScope all) {
        Actor officer = new Actor(null, "canbo", null);
        ReportView r = reports.open(SIX_MONTHS, YEAR, unitId, all, officer);
        long members = r.value("MEMBERS_TOTAL") == null ? 0 : r.value("MEMBERS_TOTAL");
        Map<String, @Nullable Long> manual = new java.util.LinkedHashMap<>();
        manual.put("AGREEMENTS_SIGNED", Math.max(0, members / 80 + salt % 2));
        manual.put("DIALOGUES", 1 + (long) ((unitId + salt) % 3));
        manual.put("STOPPAGES", 0L);
        r = reports.save(r.id(), r.version(), manual, all, officer);
        return reports.submit(r.id(), r.version(), all, officer);
    }

    private void assignAround(long unitId, List<String> codes, int salt, AccessScope all, Actor actor) {
        List<String> wanted = new ArrayList<>(codes);
        wanted.add("MEMBERS_TOTAL");
        Map<String, Long> actual =
                indicators.compute(unitId, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), wanted);
        long members = Math.max(20, actual.getOrDefault("MEMBERS_TOTAL", 0L));
        List<TargetInput> inputs = new ArrayList<>();
        int j = 0;
        for (String code : codes) {
            long base = actual.containsKey(code)
                    ? actual.get(code)
                    : Math.max(1, MANUAL_PER_100.getOrDefault(code, 1L) * members / 100);
            // Every third target is a little above what was reached; the rest at or below it.
            boolean stretch = (salt + j++) % 3 == 0;
            long value = stretch ? base + Math.max(1, base / 10) : Math.max(0, base - base / 10);
            inputs.add(new TargetInput(code, value));
            if (!actual.containsKey(code)) {
                targets.recordActual(unitId, YEAR, code, 0, base, all, actor);
            }
        }
        targets.assign(unitId, YEAR, 0, inputs, all, actor);
    }

    private long id(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private AccessScope scope(long root) {
        String path = jdbc.sql("select path::text from organisation.org_unit where id = :id")
                .param("id", root)
                .query(String.class)
                .single();
        Set<Long> roots = Set.of(root);
        return new AccessScope(
                0,
                "demo",
                "Dữ liệu mẫu",
                root,
                Map.of(
                        Targets.MANAGE, roots,
                        Targets.READ, roots,
                        StatisticsReports.SUBMIT, roots,
                        StatisticsReports.REVIEW, roots),
                Map.of(root, path));
    }
}
