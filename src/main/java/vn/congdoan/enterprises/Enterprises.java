package vn.congdoan.enterprises;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The register of enterprises and workplaces. An enterprise is in the caller's scope when its managing unit or its
 * covering unit lies in a subtree where the caller holds the permission; anything else answers {@link
 * EnterpriseNotFoundException} (404). Every create and update is written to the audit trail in the same transaction.
 */
public interface Enterprises {

    /** Permission to see enterprises. */
    String READ = "enterprise.read";

    /** Permission to register, correct and import enterprises. */
    String WRITE = "enterprise.write";

    /** Enterprises with at least this many workers should have a grassroots union (the organising list). */
    int ORGANISING_THRESHOLD = 25;

    /** Rows on one page of the list. */
    int PAGE_SIZE = 25;

    /** Data rows accepted in one import file. */
    int IMPORT_MAX_ROWS = 20_000;

    /** Sort keys of the list; anything else sorts by name. */
    Set<String> SORTS = Set.of("name", "taxCode", "commune", "workers", "founded", "updated");

    /** One page of the enterprises in scope that match the filter. */
    EnterprisePage search(EnterpriseFilter filter, AccessScope scope);

    /** The enterprise, if in scope. */
    EnterpriseView get(long id, AccessScope scope);

    /** The enterprise, if the caller may also correct it ({@link #WRITE} scope); otherwise not found. */
    EnterpriseView getForUpdate(long id, AccessScope scope);

    /**
     * Registers an enterprise.
     *
     * @return its id
     * @throws EnterpriseRejectedException for any refused field, all of them at once: the MST (empty, letters,
     *     length, checksum, already registered), the name, the code lists, the worker counts, a founding date in the
     *     future, a unit unknown or outside the caller's {@link #WRITE} scope
     */
    long create(EnterpriseCommand command, AccessScope scope, Actor actor);

    /**
     * Checks a command as {@link #create} (id null) or {@link #update} would, without saving anything.
     *
     * @throws EnterpriseRejectedException with every refused field
     */
    void validate(EnterpriseCommand command, @Nullable Long id, AccessScope scope);

    /**
     * Corrects an enterprise the caller may write.
     *
     * @throws StaleEnterpriseException when {@code command.version()} is not the stored version
     * @throws EnterpriseRejectedException as for {@link #create}
     */
    void update(long id, EnterpriseCommand command, AccessScope scope, Actor actor);

    /**
     * The organising list: enterprises in scope with at least {@link #ORGANISING_THRESHOLD} workers and no open
     * grassroots union covering them, by commune (Vietnamese order), largest first within a commune.
     */
    List<OrganisingGroup> organising(AccessScope scope);

    /** The enterprises a unit covers; the unit must be in the caller's {@link #READ} scope. */
    List<EnterpriseView> coveredBy(long unitId, AccessScope scope);

    /** Writes the filtered list (all pages) as XLSX. The export is recorded in the audit trail. */
    void exportList(EnterpriseFilter filter, AccessScope scope, Actor actor, OutputStream out) throws IOException;

    /** Writes the organising list as XLSX. The export is recorded in the audit trail. */
    void exportOrganising(AccessScope scope, Actor actor, OutputStream out) throws IOException;

    /** Writes the import template: the headers, and a sheet of the code lists the caller may use. */
    void writeTemplate(AccessScope scope, OutputStream out) throws IOException;

    /**
     * Reads an uploaded file and says what it would do; stores it for {@link #commitImport} when it could be read.
     * Files that are not XLSX, too large once unpacked, or with more than {@link #IMPORT_MAX_ROWS} rows are refused
     * as a whole.
     */
    ImportPreview previewImport(String fileName, byte[] content, AccessScope scope, Actor actor);

    /**
     * Validates the stored upload again and, when every row is acceptable, applies all of them in one transaction;
     * otherwise applies none. A batch of another user, or an expired one, is not found.
     *
     * @return the preview that was applied (or the one explaining why nothing was)
     */
    ImportPreview commitImport(UUID batchId, AccessScope scope, Actor actor);

    /** Ownership types, in their order. */
    List<ReferenceItem> ownershipTypes();

    /** VSIC 2018 level-1 sections. */
    List<ReferenceItem> sectors();

    /** Communes and wards (codes are invented; see the migration), wards first. */
    List<ReferenceItem> communes();

    /** Union units the caller may name as managing unit (open, above grassroots level), for pickers. */
    List<ReferenceItem> managingUnits(AccessScope scope);

    /** Grassroots unions the caller may name as covering unit (open), for pickers. */
    List<ReferenceItem> coveringUnits(AccessScope scope);

    /**
     * Registers an enterprise for seeders (demo data, operators' commands): no scope, no audit entry; every other
     * rule holds.
     */
    long seed(EnterpriseCommand command, boolean demo);
}
