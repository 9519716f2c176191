package vn.congdoan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * The dated fee rules of DOMAIN.md §4: base salary, dues per member group, the union fund (KPCĐ) and the split between
 * the grassroots union and the upper level. Every calculation names the rule version it applied; a new version
 * applies from its effective date only, so earlier months never change.
 */
public interface FeeRules {

    /** Read the books of a subtree. */
    String READ = "finance.read";
    /** Record payments, spending, reversals, declarations in a subtree. */
    String POST = "finance.post";
    /** Add rule versions (national parameters). */
    String RULES = "finance.rules";
    /** Approve budgets and settlements of the units below. */
    String APPROVE = "finance.approve";
    /** Inspection committee: read-only view of a subtree's finances, every view logged. */
    String INSPECT = "finance.inspect";

    String DUES = "DUES";
    String DUES_EXTRA = "DUES_EXTRA";
    String FUND = "FUND";
    String BUDGET_SUPPORT = "BUDGET_SUPPORT";
    String OTHER = "OTHER";

    /** The member groups, in display order. */
    List<MemberGroupView> memberGroups();

    /**
     * One member's dues for a month under the rule of that month: rate × salary basis (or × base salary for the flat
     * group), capped at the group's fraction of the base salary. Unknown group, negative salary or a month before
     * any rule: {@link FinanceRejectedException} naming the field.
     */
    DuesQuote quoteDues(String memberGroup, Money salary, YearMonth month);

    /** An employer's union fund (KPCĐ) for a month: the rate of that month × the declared BHXH payroll. */
    FundQuote quoteFund(Money payroll, YearMonth month);

    /** Splits an amount of a revenue kind received on a date: grassroots share rounded half-up, the rest upper. */
    ShareSplit split(String revenueKind, Money amount, LocalDate on);

    /** The base salary in force on a date. */
    BaseSalary baseSalary(LocalDate on);

    /** Every version of every rule table, oldest first, for the rules page and API. */
    RuleBook rules();

    /**
     * Adds a rule version effective from a date: the version in force then is closed the day before, the new one
     * runs open-ended. Earlier months keep their rule. Needs {@link #RULES}.
     */
    RuleRef addVersion(NewRuleVersion version, AccessScope scope, Actor actor);

    /** Which rule a figure came from: table ({@code base_salary}, {@code dues_rule}, …), id, citation, start. */
    record RuleRef(String table, long id, String documentNo, LocalDate validFrom, boolean verified) {}

    record MemberGroupView(String code, String name, String nameEn) {}

    record BaseSalary(Money amount, RuleRef rule) {}

    /**
     * @param base what the rate was applied to (salary basis, or the base salary for the flat group)
     * @param cap the cap in force, null when the group has none
     * @param collected false when the rule says dues are not collected (rate 0, e.g. state-funded bodies from
     *     01/06/2025)
     */
    record DuesQuote(
            String memberGroup,
            YearMonth month,
            String baseKind,
            Money base,
            BigDecimal rate,
            @Nullable Money cap,
            Money amount,
            boolean capped,
            boolean collected,
            RuleRef rule,
            RuleRef baseSalaryRule) {}

    record FundQuote(YearMonth month, Money payroll, BigDecimal rate, Money amount, RuleRef rule) {}

    /** {@code grassroots + upper == amount}, always. */
    record ShareSplit(
            String revenueKind,
            Money amount,
            BigDecimal grassrootsShare,
            Money grassroots,
            Money upper,
            RuleRef rule) {}

    record RuleVersion(
            long id,
            String table,
            @Nullable String key,
            String value,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String documentNo,
            @Nullable LocalDate documentDate,
            boolean verified,
            @Nullable String note) {}

    record RuleBook(
            List<RuleVersion> baseSalaries,
            List<RuleVersion> duesRules,
            List<RuleVersion> fundRules,
            List<RuleVersion> splitRules) {}

    /**
     * A new version. {@code table}: {@code base_salary} (amount), {@code dues_rule} (key = member group, rate,
     * baseKind, capFraction), {@code fund_rule} (rate), {@code split_rule} (key = revenue kind, rate = grassroots
     * share).
     */
    record NewRuleVersion(
            String table,
            @Nullable String key,
            @Nullable Money amount,
            @Nullable BigDecimal rate,
            @Nullable String baseKind,
            @Nullable BigDecimal capFraction,
            LocalDate validFrom,
            String documentNo,
            @Nullable LocalDate documentDate,
            @Nullable String note) {}
}
