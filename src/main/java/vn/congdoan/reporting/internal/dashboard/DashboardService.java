package vn.congdoan.reporting.internal.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.membership.MemberBreakdowns;
import vn.congdoan.membership.MemberBreakdowns.Breakdown;
import vn.congdoan.membership.MemberBreakdowns.Bucket;
import vn.congdoan.membership.MemberBreakdowns.Month;
import vn.congdoan.membership.MemberBreakdowns.Row;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.reporting.Dashboard;
import vn.congdoan.reporting.Dashboards;
import vn.congdoan.reporting.StatisticsReports;
import vn.congdoan.reporting.Targets;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;

/** Dashboards from the member breakdowns and the tree's counts, both as of the date; the XLSX of the same figures. */
@Service
@Transactional(readOnly = true)
class DashboardService implements Dashboards {

    private final MemberBreakdowns breakdowns;
    private final OrgTree tree;
    private final ObjectProvider<Targets> targets;
    private final ObjectProvider<StatisticsReports> reports;

    /**
     * The targets and statistics facades are optional: the dashboard's two widgets show when their module part is in
     * the build.
     */
    DashboardService(
            MemberBreakdowns breakdowns,
            OrgTree tree,
            ObjectProvider<Targets> targets,
            ObjectProvider<StatisticsReports> reports) {
        this.breakdowns = breakdowns;
        this.tree = tree;
        this.targets = targets;
        this.reports = reports;
    }

    @Override
    @Transactional // the member breakdown may write to the access log
    public Dashboard dashboard(@Nullable Long unitId, LocalDate asOf, AccessScope scope, Actor actor, String channel) {
        long unit;
        if (unitId == null) {
            scope.require(READ);
            unit = tree.isWithin(scope.homeUnitId(), scope.roots(READ))
                    ? scope.homeUnitId()
                    : scope.roots(READ).iterator().next();
        } else {
            unit = unitId;
        }
        Breakdown members = breakdowns.breakdown(unit, asOf, READ, scope, actor, channel);
        List<UnitTypeCount> types = tree.subtreeCounts(unit, asOf, scope);
        Targets t = targets.getIfAvailable();
        Targets.TargetScore score = t == null ? null : t.score(unit, asOf.getYear(), scope);
        StatisticsReports r = reports.getIfAvailable();
        StatisticsReports.Outstanding outstanding =
                r == null ? null : r.outstanding(unit, null, scope).orElse(null);
        return new Dashboard(members, types, score, outstanding);
    }

    @Override
    public void writeXlsx(Dashboard dashboard, Locale locale, OutputStream out) throws IOException {
        boolean en = "en".equals(locale.getLanguage());
        Breakdown b = dashboard.members();
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet s = wb.newWorksheet(en ? "Summary" : "Tổng hợp");
        int r = 0;
        s.value(r, 0, en ? "Dashboard" : "Bảng điều khiển");
        s.style(r, 0).bold().set();
        r++;
        s.value(r, 0, en ? "Unit" : "Đơn vị");
        s.value(r, 1, b.unitName() + " (" + b.unitCode() + ")");
        r++;
        s.value(r, 0, en ? "As of" : "Tính đến ngày");
        s.value(r, 1, Dates.format(b.asOf()));
        r++;
        s.value(r, 0, en ? "Members" : "Tổng số đoàn viên");
        s.value(r, 1, b.total());
        r++;
        s.value(r, 0, en ? "of whom women" : "Trong đó nữ");
        s.value(r, 1, b.female());
        r++;
        s.value(r, 0, en ? "of whom without a unit" : "Trong đó chưa có nơi sinh hoạt");
        s.value(r, 1, b.withoutUnit());
        r++;
        s.value(r, 0, en ? "Units below" : "Số đơn vị trực thuộc (mọi cấp)");
        s.value(r, 1, dashboard.unitsTotal());
        if (dashboard.targets() != null) {
            Targets.TargetScore t = dashboard.targets();
            r++;
            s.value(r, 0, en ? "Targets set by the parent, met" : "Chỉ tiêu cấp trên giao, số đạt");
            s.value(r, 1, t.own().met() + "/" + t.own().total());
            r++;
            s.value(r, 0, en ? "Targets set for the children, met" : "Chỉ tiêu giao cấp dưới, số đạt");
            s.value(r, 1, t.children().met() + "/" + t.children().total());
        }
        if (dashboard.reports() != null) {
            StatisticsReports.Outstanding o = dashboard.reports();
            r++;
            s.value(
                    r,
                    0,
                    (en ? "Reports outstanding: " : "Báo cáo chưa nộp: ")
                            + o.period().templateName() + " " + o.period().year());
            s.value(r, 1, o.notSubmitted().size() + "/" + o.expected());
        }
        s.width(0, 42);
        s.width(1, 40);
        buckets(wb, en ? "By sex" : "Giới tính", en, b.bySex());
        buckets(wb, en ? "By age" : "Độ tuổi", en, b.byAge());
        buckets(wb, en ? "By ethnicity" : "Dân tộc", en, b.byEthnicity());
        buckets(wb, en ? "By ownership" : "Loại hình kinh tế", en, b.byOwnership());
        Worksheet g = wb.newWorksheet(en ? "Growth" : "Tăng giảm");
        header(
                g,
                en ? "Month end" : "Cuối tháng",
                en ? "Members" : "Đoàn viên",
                en ? "Admitted" : "Kết nạp",
                en ? "Left" : "Thôi sinh hoạt");
        int i = 1;
        for (Month m : b.growth()) {
            g.value(i, 0, Dates.format(m.end()));
            g.value(i, 1, m.members());
            g.value(i, 2, m.admitted());
            g.value(i, 3, m.left());
            i++;
        }
        Worksheet t = wb.newWorksheet(en ? "Units by type" : "Loại đơn vị");
        header(t, en ? "Unit type" : "Loại đơn vị", en ? "Count" : "Số lượng");
        i = 1;
        for (UnitTypeCount c : dashboard.unitsByType()) {
            t.value(i, 0, en ? c.typeNameEn() : c.typeName());
            t.value(i, 1, c.count());
            i++;
        }
        Worksheet c = wb.newWorksheet(en ? "Units" : "Đơn vị trực thuộc");
        header(
                c,
                en ? "Code" : "Mã",
                en ? "Unit" : "Đơn vị",
                en ? "Members" : "Đoàn viên",
                en ? "Women" : "Nữ",
                en ? "Without a unit" : "Chưa có nơi sinh hoạt");
        i = 1;
        for (Row row : b.rows()) {
            c.value(i, 0, row.kind().equals("CHILD") ? row.code() : "");
            c.value(i, 1, rowLabel(row, en));
            c.value(i, 2, row.members());
            c.value(i, 3, row.female());
            c.value(i, 4, row.withoutUnit());
            i++;
        }
        c.value(i, 1, en ? "Total" : "Tổng cộng");
        c.value(i, 2, b.total());
        c.value(i, 3, b.female());
        c.value(i, 4, b.withoutUnit());
        c.width(1, 50);
        wb.finish();
    }

    /** The label of a row of the children table, as the page and the workbook show it. */
    static String rowLabel(Row row, boolean en) {
        switch (row.kind()) {
            case "DIRECT":
                return en ? "Directly in " + row.name() : "Trực tiếp tại " + row.name();
            case "CLOSED":
                return en ? "Without a unit, last unit since closed" : "Chưa có nơi sinh hoạt, đơn vị cũ đã giải thể";
            default:
                return row.name();
        }
    }

    private static void buckets(Workbook wb, String name, boolean en, List<Bucket> buckets) {
        Worksheet s = wb.newWorksheet(name);
        header(s, name, en ? "Members" : "Đoàn viên");
        int i = 1;
        for (Bucket b : buckets) {
            s.value(i, 0, en ? b.labelEn() : b.label());
            s.value(i, 1, b.count());
            i++;
        }
        s.width(0, 40);
    }

    private static void header(Worksheet s, String... names) {
        for (int c = 0; c < names.length; c++) {
            s.value(0, c, names[c]);
            s.style(0, c).bold().set();
        }
    }
}
