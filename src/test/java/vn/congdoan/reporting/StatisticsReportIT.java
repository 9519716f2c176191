package vn.congdoan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.reporting.StatisticsReports.ReportView;
import vn.congdoan.reporting.StatisticsReports.RollUp;
import vn.congdoan.reporting.StatisticsReports.RollUpLine;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.NotFoundException;

/**
 * Issue 6, periodic statistics: prefilled values equal a hand count from the registers as of the period end, also
 * after a restructuring inside the period; submit, return, accept and lock; refusals; exports opened back.
 */
@FullApplicationTest
class StatisticsReportIT {

    static final String SIX = "SO_KET_6_THANG";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);
    static final Actor SYSTEM = Actor.system();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Restructurings restructurings;

    @Autowired
    StatisticsReports reports;

    @Autowired
    Indicators indicators;

    private long unit(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c order by valid_from desc limit 1")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private AccessScope scope(String username) {
        long id = jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        return accounts.scopeOf(id);
    }

    private static final Restructuring.Decision DECISION =
            new Restructuring.Decision("15/QĐ-TEST", LocalDate.of(2025, 12, 20), "Ban Thường vụ (thử nghiệm)");

    private long create(long parent, String code, String name, LocalDate on) {
        restructurings.applyTrusted(
                new Restructuring.Create(
                        new Restructuring.NewUnit(parent, "GRASSROOTS_UNION", code, name, null), on, DECISION),
                SYSTEM);
        return unit(code);
    }

    private long member(String name, String sex, long unitId, LocalDate joined, @Nullable LocalDate left) {
        long id = jdbc.sql("""
                        insert into membership.member (full_name, search_key, sex, birth_date, joined_on, status,
                                                       unit_id, last_unit_id, left_on)
                        values (:n, lower(:n), :s, date '1990-03-03', :j, :st, :u, :u, null)
                        returning id
                        """)
                .param("n", name)
                .param("s", sex)
                .param("j", joined)
                .param("st", "ACTIVE")
                .param("u", unitId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into membership.membership_period (member_id, unit_id, during, reason)
                        values (:m, :u, daterange(:j, null), 'ADMITTED')
                        """).param("m", id).param("u", unitId).param("j", joined).update();
        if (left != null) {
            leave(id, left);
        }
        return id;
    }

    /** What the register's "leave" writes: the open membership ends, the member is marked as left. */
    private void leave(long memberId, LocalDate on) {
        jdbc.sql("""
                        update membership.membership_period set during = daterange(lower(during), :on)
                         where member_id = :m and upper_inf(during)
                        """).param("on", on).param("m", memberId).update();
        jdbc.sql("""
                        update membership.member set status = 'LEFT', unit_id = null, left_on = :on,
                               leave_reason = 'RETIRED' where id = :m
                        """).param("on", on).param("m", memberId).update();
    }

    @Test
    void prefilledValuesEqualAHandCountAsOfThePeriodEndAfterARestructuringInsideIt() {
        long p = unit("LCU-X05");
        long q = unit("LCU-X06");
        long a = create(p, "LCU-TK-A", "Công đoàn cơ sở Thử nghiệm A", LocalDate.of(2026, 1, 5));
        long b = create(p, "LCU-TK-B", "Công đoàn cơ sở Thử nghiệm B", LocalDate.of(2026, 1, 5));
        long c = create(p, "LCU-TK-C", "Công đoàn cơ sở Thử nghiệm C", LocalDate.of(2026, 1, 5));
        member("Thử Văn Một", "M", a, LocalDate.of(2026, 1, 6), null);
        member("Thử Thị Hai", "F", a, LocalDate.of(2026, 2, 10), null);
        long m3 = member("Thử Văn Ba", "M", a, LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 10));
        member("Thử Thị Bốn", "F", b, LocalDate.of(2026, 1, 7), null);
        member("Thử Văn Năm", "M", b, LocalDate.of(2026, 3, 1), null);
        member("Thử Thị Sáu", "F", b, LocalDate.of(2026, 1, 8), LocalDate.of(2026, 3, 20));
        long m7 = member("Thử Thị Bảy", "F", c, LocalDate.of(2026, 1, 20), null);
        jdbc.sql("insert into membership.party_referral (member_id, introduced_on, unit_id) values (:m, :d, :u)")
                .param("m", m7)
                .param("d", LocalDate.of(2026, 2, 1))
                .param("u", c)
                .update();
        assertThat(m3).isPositive();

        // Inside the period: B merges into A (01/04), C moves from P to Q (01/05), then a member joins A and leaves.
        restructurings.applyTrusted(
                new Restructuring.Merge(List.of(b), a, null, LocalDate.of(2026, 4, 1), DECISION), SYSTEM);
        restructurings.applyTrusted(new Restructuring.Move(c, q, LocalDate.of(2026, 5, 1), DECISION), SYSTEM);
        member("Thử Văn Tám", "M", a, LocalDate.of(2026, 4, 10), LocalDate.of(2026, 6, 1));

        AccessScope tinh = scope("tinh");
        Actor actor = tinh.actor(null);
        HandCount hand = new HandCount(jdbc, TO);

        // The literal expectation for the small subtree, by the attribution rule of docs/REPORTING.md.
        ReportView ra = reports.open(SIX, 2026, a, tinh, actor);
        assertThat(ra.value("MEMBERS_TOTAL")).isEqualTo(4); // Một, Hai, Bốn, Năm (B's members passed to A)
        assertThat(ra.value("MEMBERS_FEMALE")).isEqualTo(2);
        assertThat(ra.value("MEMBERS_NEW")).isEqualTo(7); // all but Bảy: left members count where they were last
        assertThat(ra.value("MEMBERS_LEFT")).isEqualTo(3); // Ba (A), Sáu (B, now A), Tám (A)
        assertThat(ra.value("GRASSROOTS_TOTAL")).isEqualTo(1);
        assertThat(ra.value("GRASSROOTS_CLOSED")).isEqualTo(1); // B, merged into A
        ReportView rc = reports.open(SIX, 2026, c, tinh, actor);
        assertThat(rc.value("MEMBERS_NEW")).isEqualTo(1);
        assertThat(rc.value("PARTY_REFERRALS")).isEqualTo(1);

        // Every computed value, for the units involved and their parents, equals the hand count.
        for (long unit : List.of(a, c, p, q)) {
            ReportView r = reports.open(SIX, 2026, unit, tinh, actor);
            for (var line : r.lines()) {
                if (line.computed()) {
                    assertThat(line.value())
                            .as("%s of unit %d", line.indicatorCode(), unit)
                            .isEqualTo(hand.value(line.indicatorCode(), unit, FROM));
                }
            }
        }
        assertThat(hand.value("GRASSROOTS_NEW", p, FROM)).isEqualTo(2); // A and B (C is under Q on 30/06)
        assertThat(hand.value("GRASSROOTS_NEW", q, FROM)).isEqualTo(1);

        // P's children report; their sums equal P's figures computed over its subtree.
        var period = reports.period(SIX, 2026);
        for (var child : reports.outstanding(p, period, tinh).orElseThrow().notSubmitted()) {
            ReportView r = reports.open(SIX, 2026, child.unitId(), tinh, actor);
            Map<String, @Nullable Long> manual = new LinkedHashMap<>();
            manual.put("AGREEMENTS_SIGNED", 1L);
            manual.put("DIALOGUES", 2L);
            manual.put("STOPPAGES", 0L);
            r = reports.save(r.id(), r.version(), manual, tinh, actor);
            reports.submit(r.id(), r.version(), tinh, actor);
        }
        assertThat(reports.outstanding(p, period, tinh).orElseThrow().notSubmitted())
                .isEmpty();
        RollUp roll = reports.rollUp(p, period, tinh);
        assertThat(roll.complete()).isTrue();
        long childrenHand = 0;
        for (var child : roll.children()) {
            childrenHand += hand.value("ENTERPRISES_25_NO_UNION", child.unitId(), FROM);
        }
        long atOwnLevel = hand.value("ENTERPRISES_25_NO_UNION", p, FROM) - childrenHand;
        for (RollUpLine l : roll.lines()) {
            if (l.computed() && l.indicatorCode().equals("ENTERPRISES_25_NO_UNION")) {
                // Enterprises without a union are managed by the commune union itself: its own level adds to the
                // children's sum.
                assertThat(l.childrenSum() + atOwnLevel).isEqualTo(l.direct());
            } else if (l.computed()) {
                assertThat(l.childrenSum()).as(l.indicatorCode()).isEqualTo(l.direct());
            }
        }
        assertThat(roll.lines().stream().filter(l -> l.indicatorCode().equals("DIALOGUES")))
                .singleElement()
                .satisfies(l -> assertThat(l.childrenSum())
                        .isEqualTo(2L * roll.children().size()));
    }

    @Test
    void submitReturnAcceptLocksAndRefusals() throws Exception {
        long[] pair = jdbc.sql("""
                        select u.id, p.id from organisation.org_unit u
                          join organisation.org_unit p on p.id = u.parent_id
                         where p.type_code = 'COMMUNE_UNION' and p.code not in ('LCU-X01', 'LCU-X05', 'LCU-X06')
                           and u.valid_to is null and u.valid_from < date '2025-01-01'
                         order by p.code, u.code limit 1
                        """)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long unit = pair[0];
        AccessScope tinh = scope("tinh");
        AccessScope cs2 = scope("cs2");
        Actor actor = tinh.actor(null);
        ReportView r = reports.open("TONG_KET_NAM", 2025, unit, tinh, actor);
        assertThat(r.status()).isEqualTo("DRAFT");
        // On 31/12/2025 the unit's parent was the commune union it is under today.
        assertThat(r.reviewerUnitId()).isEqualTo(pair[1]);

        // Another unit's officer does not see it.
        long id = r.id();
        assertThatThrownBy(() -> reports.get(id, cs2)).isInstanceOf(NotFoundException.class);
        // Submitting with manual values missing names each one.
        ReportView draft = r;
        assertThatThrownBy(() -> reports.submit(id, draft.version(), tinh, actor))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .contains("values[AGREEMENTS_SIGNED]", "values[TET_AMOUNT]"));
        // A computed value cannot be typed in; a negative one is refused; nothing is written.
        Map<String, @Nullable Long> bad = new HashMap<>();
        bad.put("MEMBERS_TOTAL", 5L);
        bad.put("DIALOGUES", -1L);
        assertThatThrownBy(() -> reports.save(id, draft.version(), bad, tinh, actor))
                .isInstanceOf(ReportRejectedException.class);
        assertThat(reports.get(id, tinh).version()).isEqualTo(draft.version());

        Map<String, @Nullable Long> manual = new LinkedHashMap<>();
        for (var l : r.lines()) {
            if (!l.computed()) {
                manual.put(l.indicatorCode(), 3L);
            }
        }
        manual.put("TET_AMOUNT", 125_000_000L);
        r = reports.save(id, r.version(), manual, tinh, actor);
        int stale = r.version() - 1;
        assertThatThrownBy(() -> reports.submit(id, stale, tinh, actor)).isInstanceOf(StaleReportException.class);
        r = reports.submit(id, r.version(), tinh, actor);
        assertThat(r.status()).isEqualTo("SUBMITTED");
        ReportView submitted = r;
        assertThatThrownBy(() -> reports.save(id, submitted.version(), manual, tinh, actor))
                .isInstanceOf(ReportRejectedException.class);
        // The unit's own officer cannot review its own report.
        assertThatThrownBy(() -> reports.returnForCorrection(id, submitted.version(), "x", cs2, actor))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.returnForCorrection(id, submitted.version(), "  ", tinh, actor))
                .isInstanceOfSatisfying(
                        ReportRejectedException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("comment"));
        r = reports.returnForCorrection(id, r.version(), "Kiểm tra lại số cuộc đối thoại.", tinh, actor);
        assertThat(r.status()).isEqualTo("RETURNED");
        assertThat(r.reviewComment()).isEqualTo("Kiểm tra lại số cuộc đối thoại.");
        manual.put("DIALOGUES", 4L);
        r = reports.save(id, r.version(), manual, tinh, actor);
        r = reports.submit(id, r.version(), tinh, actor);
        r = reports.accept(id, r.version(), tinh, actor);
        assertThat(r.status()).isEqualTo("ACCEPTED");
        assertThat(r.canEdit()).isFalse();
        assertThat(r.events())
                .extracting(e -> e.kind())
                .containsSubsequence("OPENED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
        ReportView accepted = r;
        assertThatThrownBy(() -> reports.save(id, accepted.version(), manual, tinh, actor))
                .isInstanceOf(ReportRejectedException.class);
        // The database refuses changes to an accepted report, even by direct SQL.
        assertThatThrownBy(() -> jdbc.sql("update reporting.report_value set value = 9 where report_id = :r")
                        .param("r", id)
                        .update())
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> jdbc.sql("update reporting.statistics_report set status = 'DRAFT' where id = :r")
                        .param("r", id)
                        .update())
                .hasMessageContaining("locked");
        assertThat(reports.get(id, tinh).value("DIALOGUES")).isEqualTo(4L);

        // Exports, opened back.
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        reports.export(id, "xlsx", xlsx, tinh);
        Map<String, String> cells = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Row row : wb.getFirstSheet().read()) {
                if (row.getCellCount() >= 5 && row.getCellText(0).matches("[A-Z_]+")) {
                    cells.put(row.getCellText(0), row.getCellText(4));
                }
            }
        }
        assertThat(cells.get("DIALOGUES")).isEqualTo("4");
        assertThat(cells.get("TET_AMOUNT")).isEqualTo("125000000");
        assertThat(cells.get("MEMBERS_TOTAL")).isEqualTo(String.valueOf(accepted.value("MEMBERS_TOTAL")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reports.export(id, "pdf", pdf, tinh);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "Báo cáo thống kê tổng kết năm",
                            "Đối thoại định kỳ tại nơi làm việc",
                            "125.000.000",
                            "Đã duyệt");
        }
    }

    @Test
    void demoHasTheSixMonthReportOf2025() {
        AccessScope xa = scope("xa");
        long commune = unit("LCU-X01");
        var out = reports.outstanding(commune, reports.period(SIX, 2025), xa).orElseThrow();
        assertThat(out.expected()).isGreaterThan(2);
        List<String> statuses = reports.list(commune, reports.period(SIX, 2025), xa).stream()
                .map(ReportView::status)
                .toList();
        assertThat(statuses).contains("ACCEPTED", "RETURNED", "SUBMITTED");
        assertThat(out.notSubmitted()).isNotEmpty();
        // Without a period: the latest ended one with reports in the subtree (other tests may add 2026's).
        var latest = reports.outstanding(commune, null, xa).orElseThrow().period();
        assertThat(latest.to()).isAfterOrEqualTo(java.time.LocalDate.of(2025, 6, 30));
        assertThat(jdbc.sql("""
                                select count(*) from reporting.statistics_report r
                                  join organisation.org_unit u on u.id = r.unit_id
                                 where u.path <@ (select path from organisation.org_unit where id = :id)
                                   and r.period_to > :to and r.period_to < date '2026-11-24'
                                """)
                        .param("id", commune)
                        .param("to", latest.to())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> reports.outstanding(commune, null, scope("cs2")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.open(SIX, 2025, commune, xa, xa.actor(null)))
                .isInstanceOfSatisfying(
                        ReportRejectedException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("unitId"));
        assertThatThrownBy(() -> reports.open(SIX, 2025, commune, scope("kiemtra"), xa.actor(null)))
                .isInstanceOf(NotFoundException.class);
    }

    /**
     * An independent count in Java over the raw rows: parents walked by parent_id in the tree of the date (no ltree),
     * flows attributed by the documented rule.
     */
    static final class HandCount {
        final LocalDate t;
        final Map<Long, Long> parentAtT = new HashMap<>();
        final Set<Long> existsAtT = new HashSet<>();
        final Map<Long, Long> successor = new HashMap<>();
        final Map<Long, LocalDate> validFrom = new HashMap<>();
        final Map<Long, @Nullable LocalDate> validTo = new HashMap<>();
        final Map<Long, Long> firstParent = new HashMap<>();
        final Map<Long, Long> lastParent = new HashMap<>();
        final Set<Long> grassroots = new HashSet<>();
        final Set<Long> mergeOrSplitProducts = new HashSet<>();
        final List<long[]> periods = new ArrayList<>(); // member, unit (0 = none), from, to (epoch days; MAX open)
        final Map<Long, String> sex = new HashMap<>();
        final Map<Long, @Nullable String> ethnicity = new HashMap<>();
        final Map<Long, @Nullable String> ownership = new HashMap<>();
        final List<long[]> referrals = new ArrayList<>();
        final List<long[]> enterprises = new ArrayList<>(); // managing unit, founded (epoch day or MIN)
        final Set<Long> coveringNonState = new HashSet<>();

        HandCount(JdbcClient jdbc, LocalDate t) {
            this.t = t;
            jdbc.sql("""
                            select u.id, u.successor_id, u.valid_from, u.valid_to, t.grassroots
                              from organisation.org_unit u join organisation.unit_type t on t.code = u.type_code
                            """).query(rs -> {
                long id = rs.getLong(1);
                long s = rs.getLong(2);
                if (!rs.wasNull()) {
                    successor.put(id, s);
                }
                validFrom.put(id, rs.getObject(3, LocalDate.class));
                validTo.put(id, rs.getObject(4, LocalDate.class));
                if (rs.getBoolean(5)) {
                    grassroots.add(id);
                }
            });
            jdbc.sql("""
                            select unit_id, parent_id, lower(during), upper(during) from organisation.org_unit_period
                             order by unit_id, lower(during)
                            """).query(rs -> {
                long unit = rs.getLong(1);
                long parent = rs.getLong(2);
                boolean noParent = rs.wasNull();
                LocalDate from = rs.getObject(3, LocalDate.class);
                LocalDate to = rs.getObject(4, LocalDate.class);
                if (!noParent) {
                    firstParent.putIfAbsent(unit, parent);
                    lastParent.put(unit, parent);
                }
                if (!from.isAfter(t) && (to == null || to.isAfter(t))) {
                    existsAtT.add(unit);
                    if (!noParent) {
                        parentAtT.put(unit, parent);
                    }
                }
            });
            jdbc.sql("""
                            select cu.unit_id from organisation.org_change_unit cu
                              join organisation.org_change c on c.id = cu.change_id
                             where cu.role = 'CREATED' and c.kind in ('MERGE', 'SPLIT')
                            """).query(rs -> {
                mergeOrSplitProducts.add(rs.getLong(1));
            });
            jdbc.sql(
                            "select member_id, unit_id, lower(during), upper(during), reason from membership.membership_period")
                    .query(rs -> {
                        long unit = rs.getLong(2);
                        LocalDate to = rs.getObject(4, LocalDate.class);
                        periods.add(new long[] {
                            rs.getLong(1),
                            rs.wasNull() ? 0 : unit,
                            rs.getObject(3, LocalDate.class).toEpochDay(),
                            to == null ? Long.MAX_VALUE : to.toEpochDay(),
                            "ADMITTED".equals(rs.getString(5)) ? 1 : 0
                        });
                    });
            jdbc.sql("""
                            select m.id, m.sex, s.ethnicity, e.ownership_code from membership.member m
                              left join membership.member_sensitive s on s.member_id = m.id
                              left join enterprises.enterprise e on e.id = m.enterprise_id
                            """).query(rs -> {
                sex.put(rs.getLong(1), rs.getString(2));
                ethnicity.put(rs.getLong(1), rs.getString(3));
                ownership.put(rs.getLong(1), rs.getString(4));
            });
            jdbc.sql("select unit_id, introduced_on from membership.party_referral")
                    .query(rs -> {
                        referrals.add(new long[] {
                            rs.getLong(1), rs.getObject(2, LocalDate.class).toEpochDay()
                        });
                    });
            jdbc.sql("""
                            select covering_unit_id from enterprises.enterprise
                             where covering_unit_id is not null
                               and ownership_code in ('DOMESTIC_PRIVATE', 'FDI', 'COOPERATIVE', 'HOUSEHOLD_BUSINESS')
                            """).query(rs -> {
                coveringNonState.add(rs.getLong(1));
            });
            jdbc.sql("""
                            select managing_unit_id, founded_on from enterprises.enterprise
                             where workers_total >= 25 and covering_unit_id is null
                            """).query(rs -> {
                LocalDate f = rs.getObject(2, LocalDate.class);
                enterprises.add(new long[] {rs.getLong(1), f == null ? Long.MIN_VALUE : f.toEpochDay()});
            });
        }

        /** Whether x lies under (or is) root in the tree of t. */
        boolean under(long x, long root) {
            Long cur = x;
            int guard = 0;
            while (cur != null && guard++ < 64) {
                if (cur == root) {
                    return true;
                }
                cur = parentAtT.get(cur);
            }
            return false;
        }

        /** The unit existing on t that carries a unit's flows (successor, else parent; first parent if newer). */
        long place(long unit) {
            long cur = unit;
            for (int i = 0; i < 64 && !existsAtT.contains(cur); i++) {
                Long next = validFrom.get(cur).isAfter(t)
                        ? firstParent.get(cur)
                        : successor.getOrDefault(cur, lastParent.get(cur));
                if (next == null) {
                    return -1;
                }
                cur = next;
            }
            return cur;
        }

        long value(String code, long root, LocalDate from) {
            long f = from.toEpochDay();
            long te = t.toEpochDay();
            Map<Long, Long> atT = new HashMap<>(); // member → unit on t
            Map<Long, long[]> lastWithUnit = new HashMap<>();
            for (long[] p : periods) {
                if (p[1] != 0 && p[2] <= te && te < p[3]) {
                    atT.put(p[0], p[1]);
                }
                if (p[1] != 0 && p[2] <= te) {
                    lastWithUnit.merge(p[0], p, (x, y) -> x[2] >= y[2] ? x : y);
                }
            }
            long n = 0;
            switch (code) {
                case "MEMBERS_TOTAL":
                case "MEMBERS_FEMALE":
                case "MEMBERS_ETHNIC_MINORITY":
                case "MEMBERS_STATE":
                case "MEMBERS_NON_STATE":
                case "MEMBERS_FDI":
                    for (var e : atT.entrySet()) {
                        if (!existsAtT.contains(e.getValue()) || !under(e.getValue(), root)) {
                            continue;
                        }
                        long m = e.getKey();
                        String eth = ethnicity.get(m);
                        String own = ownership.get(m);
                        boolean counted =
                                switch (code) {
                                    case "MEMBERS_FEMALE" -> "F".equals(sex.get(m));
                                    case "MEMBERS_ETHNIC_MINORITY" ->
                                        eth != null && !Set.of("01", "NN", "KX").contains(eth);
                                    case "MEMBERS_STATE" ->
                                        own != null
                                                && Set.of("STATE", "STATE_CONTROLLED")
                                                        .contains(own);
                                    case "MEMBERS_NON_STATE" ->
                                        own != null
                                                && Set.of("DOMESTIC_PRIVATE", "COOPERATIVE", "HOUSEHOLD_BUSINESS")
                                                        .contains(own);
                                    case "MEMBERS_FDI" -> "FDI".equals(own);
                                    default -> true;
                                };
                        n += counted ? 1 : 0;
                    }
                    return n;
                case "MEMBERS_NEW":
                    for (long[] p : periods) {
                        if (p[4] == 1 && p[2] >= f && p[2] <= te) {
                            Long u = atT.containsKey(p[0])
                                    ? atT.get(p[0])
                                    : lastWithUnit.get(p[0])[1];
                            n += placedUnder(u, root);
                        }
                    }
                    return n;
                case "MEMBERS_LEFT":
                    Set<String> starts = new HashSet<>();
                    for (long[] p : periods) {
                        starts.add(p[0] + ":" + p[2]);
                    }
                    for (long[] p : periods) {
                        if (p[1] != 0
                                && p[3] != Long.MAX_VALUE
                                && p[3] >= f
                                && p[3] <= te
                                && !starts.contains(p[0] + ":" + p[3])) {
                            n += placedUnder(p[1], root);
                        }
                    }
                    return n;
                case "PARTY_REFERRALS":
                    for (long[] r : referrals) {
                        if (r[1] >= f && r[1] <= te) {
                            n += placedUnder(r[0], root);
                        }
                    }
                    return n;
                case "GRASSROOTS_TOTAL":
                    return grassroots.stream()
                            .filter(u -> existsAtT.contains(u) && under(u, root))
                            .count();
                case "GRASSROOTS_NEW":
                    for (long u : grassroots) {
                        LocalDate vf = validFrom.get(u);
                        if (!vf.isBefore(from) && !vf.isAfter(t) && !mergeOrSplitProducts.contains(u)) {
                            n += placedUnder(u, root);
                        }
                    }
                    return n;
                case "GRASSROOTS_CLOSED":
                    for (long u : grassroots) {
                        LocalDate vt = validTo.get(u);
                        if (vt != null && vt.isAfter(from) && !vt.isAfter(t.plusDays(1))) {
                            n += placedUnder(u, root);
                        }
                    }
                    return n;
                case "ENTERPRISES_25_NO_UNION":
                    for (long[] e : enterprises) {
                        if (e[1] <= te) {
                            n += placedUnder(e[0], root);
                        }
                    }
                    return n;
                case "GRASSROOTS_NON_STATE":
                    return grassroots.stream()
                            .filter(u -> existsAtT.contains(u) && under(u, root) && coveringNonState.contains(u))
                            .count();
                default:
                    return -1;
            }
        }

        private long placedUnder(@Nullable Long unit, long root) {
            if (unit == null) {
                return 0;
            }
            long placed = place(unit);
            return placed > 0 && under(placed, root) ? 1 : 0;
        }
    }
}
