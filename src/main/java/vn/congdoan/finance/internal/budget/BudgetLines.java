package vn.congdoan.finance.internal.budget;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.Ledger;
import vn.congdoan.shared.Money;

/**
 * The lines of the estimate (form B14-TLĐ) and the settlement (form B07-TLĐ), in the order of the forms: revenue by
 * kind (the unit's own share: what it keeps of its receipts plus the shares passed down to it), spending by the
 * categories of the grassroots spending structure (QĐ 4290/QĐ-TLĐ, DOMAIN.md §4.6), and memo lines outside the
 * totals. The forms' exact numbering is not verified (DOMAIN.md §4.7 marks B07-TLĐ unverified); the lines follow the
 * revenue kinds and spending categories of the ledger so that actuals map one to one.
 */
public final class BudgetLines {

    public static final String REVENUE = "REVENUE";
    public static final String SPENDING = "SPENDING";
    public static final String MEMO = "MEMO";

    public static final String DUES = "R_DUES";
    public static final String ALLOWANCE = "S_ALLOWANCE";
    public static final String MEMBER_CARE = "S_MEMBER_CARE";
    /** Whole receipts of the year (kept + the upper level's share). */
    public static final String COLLECTED = "M_COLLECTED";
    /** The upper level's share of the year's receipts (to remit). */
    public static final String UPPER = "M_UPPER";

    /** A line: its code, section and, for revenue and spending, the ledger's revenue kind or category. */
    public record Line(
            String code, String section, @Nullable String ledgerKey) {}

    public static final List<Line> ALL = List.of(
            new Line("R_DUES", REVENUE, FeeRules.DUES),
            new Line("R_DUES_EXTRA", REVENUE, FeeRules.DUES_EXTRA),
            new Line("R_FUND", REVENUE, FeeRules.FUND),
            new Line("R_BUDGET_SUPPORT", REVENUE, FeeRules.BUDGET_SUPPORT),
            new Line("R_OTHER", REVENUE, FeeRules.OTHER),
            new Line("S_ALLOWANCE", SPENDING, "ALLOWANCE"),
            new Line("S_MEMBER_CARE", SPENDING, "MEMBER_CARE"),
            new Line("S_REPRESENTATION", SPENDING, "REPRESENTATION"),
            new Line("S_PROPAGANDA", SPENDING, "PROPAGANDA"),
            new Line("S_CULTURE_SPORT", SPENDING, "CULTURE_SPORT"),
            new Line("S_TRAINING", SPENDING, "TRAINING"),
            new Line("S_ADMINISTRATION", SPENDING, "ADMINISTRATION"),
            new Line("S_OTHER", SPENDING, "OTHER"),
            new Line(COLLECTED, MEMO, null),
            new Line(UPPER, MEMO, null));

    private BudgetLines() {}

    public static @Nullable Line of(String code) {
        return ALL.stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
    }

    /** Lines a person fills in (revenue and spending); memo lines come from the ledger only. */
    public static List<Line> editable() {
        return ALL.stream().filter(l -> !l.section().equals(MEMO)).toList();
    }

    /** The amount of a line in the ledger's totals of the year. */
    public static Money actual(Line line, Ledger.Totals t) {
        return switch (line.section()) {
            case REVENUE -> get(t.kept(), line.ledgerKey()).plus(get(t.fromLower(), line.ledgerKey()));
            case SPENDING -> get(t.spent(), line.ledgerKey());
            default -> COLLECTED.equals(line.code()) ? sum(t.collected()) : sum(t.upperPayable());
        };
    }

    static Money sum(Map<String, Money> m) {
        return m.values().stream().reduce(Money.ZERO, Money::plus);
    }

    private static Money get(Map<String, Money> m, @Nullable String key) {
        Money v = key == null ? null : m.get(key);
        return v == null ? Money.ZERO : v;
    }
}
