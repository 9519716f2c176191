package vn.congdoan.finance;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Money;

/**
 * Public disclosure of union finance (HD 42/HD-TLĐ, 11/11/2021; DOMAIN.md §4.7): an approved budget or settlement
 * within 15 days after approval; a charity drive's totals received within 15 days after collection ends, its
 * distribution within 30 days after distribution ends. Each disclosure is a task with a due date computed from the
 * approval or the drive's dates; the official document (PDF, NĐ 30/2020 layout) is generated from the approved
 * figures; overdue disclosures are listed to the upper level and to inspectors.
 */
public interface Disclosures {

    String BUDGET = "BUDGET";
    String SETTLEMENT = "SETTLEMENT";
    String DRIVE_COLLECTION = "DRIVE_COLLECTION";
    String DRIVE_DISTRIBUTION = "DRIVE_DISTRIBUTION";

    /** Days after approval (budget, settlement) and after collection ends (drive totals): HD 42/HD-TLĐ. */
    int DAYS_AFTER_APPROVAL = 15;

    int DAYS_AFTER_COLLECTION = 15;
    /** Days after distribution ends (drive distribution): HD 42/HD-TLĐ. */
    int DAYS_AFTER_DISTRIBUTION = 30;

    /** Disclosures of the caller's subtrees, due date first; {@code overdueOnly} keeps those past due. */
    List<DisclosureView> list(boolean overdueOnly, @Nullable Long unitId, AccessScope scope);

    /** Overdue disclosures of units below the caller's own (the upper level's and inspectors' view). */
    List<DisclosureView> overdueBelow(AccessScope scope);

    DisclosureView disclosure(long id, AccessScope scope);

    /** Records that the disclosure was posted (date, where). Needs {@link FeeRules#APPROVE} or POST over the unit. */
    void publish(long id, int version, @Nullable LocalDate on, @Nullable String where, AccessScope scope, Actor actor);

    /** The public disclosure document, official layout. */
    Budgets.BudgetFile pdf(long id, AccessScope scope, Actor actor);

    List<DriveView> drives(AccessScope scope);

    DriveView drive(long id, AccessScope scope);

    /** Registers a drive and its disclosure tasks. Needs {@link FeeRules#POST} over the unit. */
    long createDrive(DriveInput input, AccessScope scope, Actor actor);

    /** Updates a drive's figures and dates; re-dates its unpublished disclosures. */
    void updateDrive(long id, int version, DriveInput input, AccessScope scope, Actor actor);

    record DisclosureView(
            long id,
            long unitId,
            String unitName,
            String kind,
            @Nullable Long budgetId,
            @Nullable Long driveId,
            String subject,
            LocalDate dueOn,
            @Nullable LocalDate publishedOn,
            @Nullable String publishedWhere,
            boolean overdue,
            long daysLate,
            boolean canPublish,
            int version) {}

    record DriveInput(
            @Nullable Long unitId,
            @Nullable String name,
            @Nullable String purpose,
            @Nullable LocalDate collectionStartsOn,
            @Nullable LocalDate collectionEndsOn,
            @Nullable LocalDate distributionEndsOn,
            @Nullable Money moneyReceived,
            @Nullable Money moneyDistributed,
            @Nullable String goodsReceived,
            @Nullable String goodsDistributed) {}

    record DriveView(
            long id,
            long unitId,
            String unitName,
            String name,
            @Nullable String purpose,
            LocalDate collectionStartsOn,
            LocalDate collectionEndsOn,
            @Nullable LocalDate distributionEndsOn,
            Money moneyReceived,
            Money moneyDistributed,
            @Nullable String goodsReceived,
            @Nullable String goodsDistributed,
            List<DisclosureView> disclosures,
            boolean canEdit,
            int version) {}
}
