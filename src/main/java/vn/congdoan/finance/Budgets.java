package vn.congdoan.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * Budgets and settlements per unit and year (DOMAIN.md §4.7): the estimate on the lines of form B14-TLĐ, the
 * settlement on the lines of form B07-TLĐ with its actuals read from the {@link Ledger}, the spending-structure
 * warning of QĐ 4290/QĐ-TLĐ, and the approval workflow: the unit prepares and submits ({@link FeeRules#POST} over the
 * unit), the upper level approves or returns ({@link FeeRules#APPROVE} over the unit's parent — never one's own
 * unit). An approved budget is locked and opens its public disclosure (15 days, HD 42/HD-TLĐ).
 *
 * <p>Budgets outside the caller's read subtrees do not exist for them ({@link FinanceNotFoundException}); a write
 * the caller may not make there answers the same. Invalid input: {@link FinanceRejectedException}; a stale version:
 * {@link BudgetConflictException}.
 */
public interface Budgets {

    String ESTIMATE = "ESTIMATE";
    String SETTLEMENT = "SETTLEMENT";

    String DRAFT = "DRAFT";
    String SUBMITTED = "SUBMITTED";
    String APPROVED = "APPROVED";
    String RETURNED = "RETURNED";

    /** Budgets of the caller's subtrees (read or inspect), newest year first, filtered and paged. */
    BudgetPage search(BudgetFilter filter, AccessScope scope);

    /** The budgets of one unit the caller may read, newest year first. */
    List<BudgetView> ofUnit(long unitId, AccessScope scope);

    /** One budget with its lines, actuals, warnings and history. */
    BudgetDetail detail(long id, AccessScope scope, Actor actor);

    /**
     * Creates a draft estimate or settlement for a unit and year (one of each per unit and year). A settlement copies
     * the approved estimate's amounts as "planned" and reads the actuals from the ledger.
     */
    long create(NewBudget command, AccessScope scope, Actor actor);

    /** Saves the planned amounts of a draft or returned budget (settlement: also re-reads the actuals). */
    void save(long id, int version, Map<String, Money> planned, @Nullable String note, AccessScope scope, Actor actor);

    /** Sends a draft or returned budget to the upper level. */
    void submit(long id, int version, AccessScope scope, Actor actor);

    /** Approves a submitted budget (upper level only); opens its disclosure, due 15 days later. */
    void approve(long id, int version, @Nullable String note, AccessScope scope, Actor actor);

    /** Returns a submitted budget to the unit with a reason (upper level only). */
    void returnToUnit(long id, int version, String reason, AccessScope scope, Actor actor);

    /** The budget as an XLSX workbook (title, lines, totals, warnings). */
    BudgetFile xlsx(long id, AccessScope scope, Actor actor);

    /** The budget as a PDF on the form's lines. */
    BudgetFile pdf(long id, AccessScope scope, Actor actor);

    /** The units where the caller may prepare budgets ({@link FeeRules#POST}), for the "new budget" form. */
    List<UnitChoice> preparableUnits(AccessScope scope);

    record UnitChoice(long id, String name) {}

    record NewBudget(
            @Nullable Long unitId,
            @Nullable Integer year,
            @Nullable String kind) {}

    record BudgetFilter(
            @Nullable Integer year,
            @Nullable String kind,
            @Nullable String status,
            boolean toDecide,
            int page) {}

    record BudgetPage(List<BudgetView> items, int page, int pageSize, long total) {}

    record BudgetView(
            long id,
            long unitId,
            String unitName,
            int year,
            String kind,
            String status,
            Money revenue,
            Money spending,
            @Nullable Instant submittedAt,
            @Nullable LocalDate decidedOn,
            @Nullable String decidedByName,
            int version) {}

    /**
     * @param planned the estimate's amount (settlement: the approved estimate's)
     * @param actual the ledger's amount over the year (estimate: so far, live; settlement: as last read)
     * @param memo a line shown for information, outside the totals (e.g. the share owed to the upper level)
     */
    record LineView(
            String code,
            String section,
            Money planned,
            @Nullable Money actual,
            boolean memo) {}

    /** A breach of the grassroots spending structure (QĐ 4290/QĐ-TLĐ): message key and its percentages. */
    record Warning(String messageKey, String limitPercent, String actualPercent) {}

    record EventView(
            String action,
            Instant at,
            String byName,
            @Nullable String note) {}

    record BudgetDetail(
            BudgetView view,
            @Nullable String parentName,
            boolean grassroots,
            List<LineView> lines,
            Money plannedRevenue,
            Money plannedSpending,
            @Nullable Money actualRevenue,
            @Nullable Money actualSpending,
            List<Warning> warnings,
            List<EventView> history,
            @Nullable String note,
            @Nullable String decisionNote,
            @Nullable Instant actualsReadAt,
            @Nullable Long disclosureId,
            boolean canEdit,
            boolean canSubmit,
            boolean canDecide) {}

    record BudgetFile(String fileName, String contentType, byte[] content) {}
}
