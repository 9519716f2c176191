package vn.congdoan.enterprises.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.EnterpriseFilter;
import vn.congdoan.enterprises.EnterpriseNotFoundException;
import vn.congdoan.enterprises.EnterprisePage;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.ImportPreview;
import vn.congdoan.enterprises.OrganisingGroup;
import vn.congdoan.enterprises.ReferenceItem;
import vn.congdoan.enterprises.StaleEnterpriseException;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

@Service
@Transactional(readOnly = true)
class EnterpriseService implements Enterprises {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int EXPORT_MAX_ROWS = 200_000;

    private final JdbcClient jdbc;
    private final EnterpriseQueries queries;
    private final EnterpriseValidator validator;
    private final UnitDirectory units;
    private final EnterpriseSpreadsheets sheets;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseService(
            JdbcClient jdbc,
            EnterpriseQueries queries,
            EnterpriseValidator validator,
            UnitDirectory units,
            EnterpriseSpreadsheets sheets,
            ReferenceData reference,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.validator = validator;
        this.units = units;
        this.sheets = sheets;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enterprise, if the caller may write it. */
    Optional<EnterpriseView> writable(long id, AccessScope scope) {
        return queries.byId(id, scope.paths(WRITE), today(), units.labels());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    // ------------------------------------------------------------------------------------------------------ reads

    @Override
    public EnterprisePage search(EnterpriseFilter filter, AccessScope scope) {
        scope.require(READ);
        String[] roots = scope.paths(READ);
        int page = Math.max(0, filter.page());
        long total = queries.count(filter, roots, today());
        List<EnterpriseView> items = queries.page(filter, roots, today(), PAGE_SIZE, page * PAGE_SIZE, units.labels());
        return new EnterprisePage(items, total, page, PAGE_SIZE);
    }

    @Override
    public EnterpriseView get(long id, AccessScope scope) {
        return queries.byId(id, scope.paths(READ), today(), units.labels())
                .orElseThrow(() -> new EnterpriseNotFoundException(id));
    }

    @Override
    public EnterpriseView getForUpdate(long id, AccessScope scope) {
        return writable(id, scope).orElseThrow(() -> new EnterpriseNotFoundException(id));
    }

    @Override
    public List<OrganisingGroup> organising(AccessScope scope) {
        scope.require(READ);
        Map<String, List<EnterpriseView>> byCommune = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (EnterpriseView e : queries.organising(scope.paths(READ), today(), units.labels())) {
            byCommune.computeIfAbsent(e.communeCode(), k -> new ArrayList<>()).add(e);
            names.put(e.communeCode(), e.communeName());
        }
        List<OrganisingGroup> out = new ArrayList<>();
        byCommune.forEach((code, list) -> out.add(new OrganisingGroup(code, names.get(code), List.copyOf(list))));
        return out;
    }

    @Override
    public List<EnterpriseView> coveredBy(long unitId, AccessScope scope) {
        if (!units.inScope(unitId, scope.paths(READ))) {
            throw new OrgUnitNotFoundException(unitId);
        }
        return queries.coveredBy(unitId, today(), units.labels());
    }

    // ----------------------------------------------------------------------------------------------------- writes

    @Override
    @Transactional
    public long create(EnterpriseCommand command, AccessScope scope, Actor actor) {
        scope.require(WRITE);
        EnterpriseValidator.Valid v = validator.validate(command, null, scope);
        long id = insert(v, false);
        audit.record(AuditRecord.of(actor, "ENTERPRISE_CREATED", units.path(v.managingUnitId()))
                .target("enterprise", id, v.name())
                .detail("MST " + v.taxCode()));
        return id;
    }

    @Override
    public void validate(EnterpriseCommand command, @Nullable Long id, AccessScope scope) {
        EnterpriseView existing =
                id == null ? null : writable(id, scope).orElseThrow(() -> new EnterpriseNotFoundException(id));
        validator.validate(command, existing, scope);
    }

    @Override
    @Transactional
    public void update(long id, EnterpriseCommand command, AccessScope scope, Actor actor) {
        EnterpriseView before = writable(id, scope).orElseThrow(() -> new EnterpriseNotFoundException(id));
        if (command.version() == null || command.version() != before.version()) {
            throw new StaleEnterpriseException();
        }
        EnterpriseValidator.Valid v = validator.validate(command, before, scope);
        int changed = jdbc.sql("""
                        update enterprises.enterprise
                           set tax_code = :tax, name = :name, search_key = :key, ownership_code = :ownership,
                               sector_code = :sector, administrative_unit_code = :commune, address = :address,
                               workers_total = :total, workers_female = :female, founded_on = :founded,
                               managing_unit_id = :managing, covering_unit_id = :covering,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version
                        """)
                .params(params(v))
                .param("id", id)
                .param("version", before.version())
                .update();
        if (changed == 0) {
            throw new StaleEnterpriseException();
        }
        audit.record(AuditRecord.of(actor, "ENTERPRISE_UPDATED", units.path(v.managingUnitId()))
                .target("enterprise", id, v.name())
                .detail(changes(before, v)));
    }

    @Override
    @Transactional
    public long seed(EnterpriseCommand command, boolean demo) {
        return insert(validator.validate(command, null, null), demo);
    }

    private long insert(EnterpriseValidator.Valid v, boolean demo) {
        return jdbc.sql("""
                        insert into enterprises.enterprise
                            (tax_code, name, search_key, ownership_code, sector_code, administrative_unit_code, address,
                             workers_total, workers_female, founded_on, managing_unit_id, covering_unit_id, demo)
                        values (:tax, :name, :key, :ownership, :sector, :commune, :address, :total, :female, :founded,
                                :managing, :covering, :demo)
                        returning id""")
                .params(params(v))
                .param("demo", demo)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(EnterpriseValidator.Valid v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tax", v.taxCode());
        p.put("name", v.name());
        p.put("key", vn.congdoan.shared.Text.searchKey(v.name()));
        p.put("ownership", v.ownershipCode());
        p.put("sector", v.sectorCode());
        p.put("commune", v.communeCode());
        p.put("address", v.address());
        p.put("total", v.workersTotal());
        p.put("female", v.workersFemale());
        p.put("founded", v.foundedOn());
        p.put("managing", v.managingUnitId());
        p.put("covering", v.coveringUnitId());
        return p;
    }

    /** Which fields changed, by name only (no values: the trail keeps no data it does not need). */
    private static String changes(EnterpriseView b, EnterpriseValidator.Valid v) {
        List<String> f = new ArrayList<>();
        diff(f, "taxCode", b.taxCode(), v.taxCode());
        diff(f, "name", b.name(), v.name());
        diff(f, "ownershipCode", b.ownershipCode(), v.ownershipCode());
        diff(f, "sectorCode", b.sectorCode(), v.sectorCode());
        diff(f, "communeCode", b.communeCode(), v.communeCode());
        diff(f, "address", b.address(), v.address());
        diff(f, "workersTotal", b.workersTotal(), v.workersTotal());
        diff(f, "workersFemale", b.workersFemale(), v.workersFemale());
        diff(f, "foundedOn", b.foundedOn(), v.foundedOn());
        diff(f, "managingUnit", b.managingUnitId(), v.managingUnitId());
        diff(f, "coveringUnit", b.coveringUnitId(), v.coveringUnitId());
        return f.isEmpty() ? "no change" : "changed: " + String.join(", ", f);
    }

    private static void diff(List<String> out, String field, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            out.add(field);
        }
    }

    // ---------------------------------------------------------------------------------------------------- exports

    @Override
    @Transactional
    public void exportList(EnterpriseFilter filter, AccessScope scope, Actor actor, OutputStream out)
            throws IOException {
        scope.require(READ);
        List<EnterpriseView> rows =
                queries.page(filter, scope.paths(READ), today(), EXPORT_MAX_ROWS, 0, units.labels());
        recordExport(actor, "list", rows.size());
        sheets.writeList(rows, today(), out);
    }

    @Override
    @Transactional
    public void exportOrganising(AccessScope scope, Actor actor, OutputStream out) throws IOException {
        List<OrganisingGroup> groups = organising(scope);
        recordExport(
                actor,
                "organising",
                groups.stream().mapToInt(OrganisingGroup::count).sum());
        sheets.writeOrganising(groups, today(), out);
    }

    private void recordExport(Actor actor, String what, int rows) {
        audit.record(AuditRecord.of(actor, "ENTERPRISE_EXPORTED", null).detail(what + ": " + rows + " rows"));
    }

    @Override
    public void writeTemplate(AccessScope scope, OutputStream out) throws IOException {
        scope.require(WRITE);
        sheets.writeTemplate(ownershipTypes(), sectors(), communes(), managingUnits(scope), coveringUnits(scope), out);
    }

    // ----------------------------------------------------------------------------------------------------- import

    @Override
    @Transactional
    public ImportPreview previewImport(String fileName, byte[] content, AccessScope scope, Actor actor) {
        scope.require(WRITE);
        String name = cleanFileName(fileName);
        Optional<String> refused = XlsxGuard.problem(content);
        if (refused.isPresent()) {
            return ImportPreview.refused(name, refused.get(), XlsxGuard.MAX_FILE_BYTES / (1024 * 1024));
        }
        ImportPreview preview = importer().check(name, content, scope, null);
        if (preview.fileProblem() != null) {
            return preview;
        }
        jdbc.sql("delete from enterprises.import_batch where created_at < now() - interval '1 day'"
                        + " or user_id = :user")
                .param("user", scope.userId())
                .update();
        UUID id = jdbc.sql("insert into enterprises.import_batch (user_id, file_name, content) values (:u, :n, :c)"
                        + " returning id")
                .param("u", scope.userId())
                .param("n", name)
                .param("c", content)
                .query(UUID.class)
                .single();
        return importer().withBatch(preview, id);
    }

    @Override
    @Transactional
    public ImportPreview commitImport(UUID batchId, AccessScope scope, Actor actor) {
        scope.require(WRITE);
        record Batch(String name, byte[] content) {}
        Batch batch = jdbc.sql("select file_name, content from enterprises.import_batch"
                        + " where id = :id and user_id = :u and created_at > now() - interval '1 day'")
                .param("id", batchId)
                .param("u", scope.userId())
                .query((rs, n) -> new Batch(rs.getString(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new vn.congdoan.shared.NotFoundException("importBatch", batchId));
        ImportPreview applied = importer().check(batch.name(), batch.content(), scope, actor);
        if (applied.acceptable()) {
            jdbc.sql("delete from enterprises.import_batch where id = :id")
                    .param("id", batchId)
                    .update();
        }
        return importer().withBatch(applied, batchId);
    }

    private EnterpriseImporter importer() {
        return new EnterpriseImporter(this, sheets, queries, validator);
    }

    /** Applies one validated import row; called by the importer inside the commit's transaction. */
    void applyImported(EnterpriseValidator.Valid v, @Nullable Long existingId, int existingVersion, Actor actor) {
        if (existingId == null) {
            long id = insert(v, false);
            audit.record(AuditRecord.of(actor, "ENTERPRISE_CREATED", units.path(v.managingUnitId()))
                    .target("enterprise", id, v.name())
                    .detail("import MST " + v.taxCode()));
            return;
        }
        int changed = jdbc.sql("""
                        update enterprises.enterprise
                           set name = :name, search_key = :key, ownership_code = :ownership,
                               sector_code = :sector, administrative_unit_code = :commune, address = :address,
                               workers_total = :total, workers_female = :female, founded_on = :founded,
                               managing_unit_id = :managing, covering_unit_id = :covering,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version
                        """)
                .params(params(v))
                .param("id", existingId)
                .param("version", existingVersion)
                .update();
        if (changed == 0) {
            throw new StaleEnterpriseException();
        }
        audit.record(AuditRecord.of(actor, "ENTERPRISE_UPDATED", units.path(v.managingUnitId()))
                .target("enterprise", existingId, v.name())
                .detail("import"));
    }

    private static String cleanFileName(String fileName) {
        String n = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").strip();
        n = vn.congdoan.shared.Text.clean(n);
        if (n == null || n.isEmpty()) {
            return "upload.xlsx";
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    // ------------------------------------------------------------------------------------------------ code lists

    @Override
    public List<ReferenceItem> ownershipTypes() {
        return reference.ownershipTypes();
    }

    @Override
    public List<ReferenceItem> sectors() {
        return reference.sectors();
    }

    @Override
    public List<ReferenceItem> communes() {
        return reference.communes();
    }

    @Override
    public List<ReferenceItem> managingUnits(AccessScope scope) {
        return validator.managingChoices(scope).stream()
                .map(u -> new ReferenceItem(u.code(), u.name(), u.name()))
                .toList();
    }

    @Override
    public List<ReferenceItem> coveringUnits(AccessScope scope) {
        return validator.coveringChoices(scope).stream()
                .map(u -> new ReferenceItem(u.code(), u.name(), u.name()))
                .toList();
    }
}
