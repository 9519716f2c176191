package vn.congdoan.reporting.internal.indicators;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.enterprises.EnterpriseStatistics;
import vn.congdoan.enterprises.EnterpriseStatistics.EnterpriseFigures;
import vn.congdoan.membership.MemberStatistics;
import vn.congdoan.membership.MemberStatistics.MemberFigures;
import vn.congdoan.organisation.UnitStatistics;
import vn.congdoan.organisation.UnitStatistics.UnitFigures;
import vn.congdoan.reporting.Indicators;

/** Indicators from the table; each calculation key maps to a figure of the registers (QĐ 1454/QĐ-TLĐ). */
@Service
@Transactional(readOnly = true)
class IndicatorService implements Indicators {

    private static final Map<String, Function<Figures, Long>> CALCULATIONS = Map.ofEntries(
            Map.entry("MEMBERS_TOTAL", f -> f.members().total()),
            Map.entry("MEMBERS_FEMALE", f -> f.members().female()),
            Map.entry("MEMBERS_ETHNIC_MINORITY", f -> f.members().ethnicMinority()),
            Map.entry("MEMBERS_STATE", f -> f.members().inState()),
            Map.entry("MEMBERS_NON_STATE", f -> f.members().inNonState()),
            Map.entry("MEMBERS_FDI", f -> f.members().inFdi()),
            Map.entry("MEMBERS_NEW", f -> f.members().admitted()),
            Map.entry("MEMBERS_LEFT", f -> f.members().left()),
            Map.entry("PARTY_REFERRALS", f -> f.members().partyReferrals()),
            Map.entry("GRASSROOTS_TOTAL", f -> f.units().grassroots()),
            Map.entry("GRASSROOTS_NEW", f -> f.units().founded()),
            Map.entry("GRASSROOTS_CLOSED", f -> f.units().closed()),
            Map.entry("GRASSROOTS_NON_STATE", f -> f.enterprises().grassrootsInNonState()),
            Map.entry("ENTERPRISES_25_NO_UNION", f -> f.enterprises().largeWithoutUnion()));

    private final JdbcClient jdbc;
    private final MemberStatistics members;
    private final UnitStatistics units;
    private final EnterpriseStatistics enterprises;

    IndicatorService(
            JdbcClient jdbc, MemberStatistics members, UnitStatistics units, EnterpriseStatistics enterprises) {
        this.jdbc = jdbc;
        this.members = members;
        this.units = units;
        this.enterprises = enterprises;
    }

    @Override
    public List<Indicator> all() {
        return jdbc.sql("""
                        select code, name, name_en, unit_of_measure, kind = 'COMPUTED' as computed, lower_is_better,
                               aggregate_only
                          from reporting.indicator order by sort_order, code
                        """)
                .query((rs, n) -> new Indicator(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getString("unit_of_measure"),
                        rs.getBoolean("computed"),
                        rs.getBoolean("lower_is_better"),
                        rs.getBoolean("aggregate_only")))
                .list();
    }

    @Override
    public Map<String, Long> compute(long unitId, LocalDate from, LocalDate to, Collection<String> codes) {
        Map<String, String> calculation = new LinkedHashMap<>();
        jdbc.sql("""
                        select code, calculation from reporting.indicator
                         where kind = 'COMPUTED' and code = any(cast(:codes as text[])) order by sort_order
                        """)
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> calculation.put(rs.getString(1), rs.getString(2)))
                .list();
        Map<String, Long> values = new LinkedHashMap<>();
        if (calculation.isEmpty()) {
            return values;
        }
        Figures figures = new Figures(unitId, from, to);
        calculation.forEach((code, key) -> {
            Function<Figures, Long> f = CALCULATIONS.get(key);
            if (f == null) {
                throw new IllegalStateException("No calculation " + key + " for indicator " + code);
            }
            values.put(code, f.apply(figures));
        });
        return values;
    }

    /** Reads each register once, on first use. */
    private final class Figures {
        private final long unitId;
        private final LocalDate from;
        private final LocalDate to;
        private MemberFigures memberFigures;
        private UnitFigures unitFigures;
        private EnterpriseFigures enterpriseFigures;

        Figures(long unitId, LocalDate from, LocalDate to) {
            this.unitId = unitId;
            this.from = from;
            this.to = to;
        }

        MemberFigures members() {
            if (memberFigures == null) {
                memberFigures = members.figures(unitId, from, to);
            }
            return memberFigures;
        }

        UnitFigures units() {
            if (unitFigures == null) {
                unitFigures = units.figures(unitId, from, to);
            }
            return unitFigures;
        }

        EnterpriseFigures enterprises() {
            if (enterpriseFigures == null) {
                enterpriseFigures = enterprises.figures(unitId, to);
            }
            return enterpriseFigures;
        }
    }
}
