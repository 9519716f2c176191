package vn.congdoan.enterprises.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congdoan.enterprises.EnterpriseRejectedException;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.enterprises.ImportPreview;
import vn.congdoan.enterprises.ReferenceItem;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.TaxCode;

/**
 * One run over an uploaded file: every row through the same validator as the form; an MST already registered in the
 * caller's scope updates that enterprise, one registered elsewhere is an error. With an actor, a file without a
 * single problem is applied (inside the caller's transaction, so all rows or none).
 */
final class EnterpriseImporter {

    private static final int SAMPLE = 50;

    private final EnterpriseService service;
    private final EnterpriseSpreadsheets sheets;
    private final EnterpriseQueries queries;
    private final EnterpriseValidator validator;

    EnterpriseImporter(
            EnterpriseService service,
            EnterpriseSpreadsheets sheets,
            EnterpriseQueries queries,
            EnterpriseValidator validator) {
        this.service = service;
        this.sheets = sheets;
        this.queries = queries;
        this.validator = validator;
    }

    private record Checked(
            EnterpriseValidator.Valid valid, @Nullable Long existingId, int existingVersion) {}

    ImportPreview check(String fileName, byte[] content, AccessScope scope, @Nullable Actor actor) {
        EnterpriseSpreadsheets.Parsed parsed = sheets.read(content);
        if (parsed.fileProblem() != null) {
            return ImportPreview.refused(fileName, parsed.fileProblem(), parsed.fileProblemArgs());
        }
        if (parsed.rows().isEmpty()) {
            return ImportPreview.refused(fileName, "enterprise.import.noRows");
        }
        List<ReferenceItem> ownership = service.ownershipTypes();
        List<ReferenceItem> sectors = service.sectors();
        List<ReferenceItem> communes = service.communes();
        Map<String, String> communeNames = new HashMap<>();
        communes.forEach(c -> communeNames.put(c.code(), c.name()));
        String[] writeRoots = scope.paths(Enterprises.WRITE);

        List<ImportPreview.Problem> problems = new ArrayList<>();
        List<ImportPreview.Row> sample = new ArrayList<>();
        List<Checked> accepted = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (EnterpriseSpreadsheets.ParsedRow row : parsed.rows()) {
            problems.addAll(row.problems());
            Set<String> unreadable = new HashSet<>();
            row.problems().forEach(p -> unreadable.add(p.column()));
            TaxCode.Check tax = TaxCode.check(row.command().taxCode());
            EnterpriseView existing = null;
            if (tax.valid()) {
                Integer first = seen.putIfAbsent(tax.value(), row.row());
                if (first != null) {
                    problems.add(
                            problem(row.row(), "taxCode", "enterprise.import.duplicateInFile", tax.value(), first));
                    continue;
                }
                Optional<long[]> hit = queries.idByTaxCode(tax.value(), writeRoots);
                if (hit.isPresent()) {
                    existing = service.writable(hit.get()[0], scope).orElse(null);
                }
            }
            try {
                EnterpriseValidator.Valid v =
                        validator.validate(row.command(), existing, scope, ownership, sectors, communes);
                if (row.problems().isEmpty()) {
                    accepted.add(new Checked(
                            v, existing == null ? null : existing.id(), existing == null ? 0 : existing.version()));
                    if (existing == null) {
                        created++;
                    } else {
                        updated++;
                    }
                    if (sample.size() < SAMPLE) {
                        sample.add(new ImportPreview.Row(
                                row.row(),
                                v.taxCode(),
                                v.name(),
                                communeNames.getOrDefault(v.communeCode(), v.communeCode()),
                                v.workersTotal(),
                                existing != null));
                    }
                }
            } catch (EnterpriseRejectedException e) {
                for (FieldProblem f : e.problems()) {
                    EnterpriseSpreadsheets.Column col = EnterpriseSpreadsheets.Column.ofField(f.field());
                    if (!unreadable.contains(col.letter())) {
                        problems.add(problem(row.row(), f.field(), f.messageKey(), f.args()));
                    }
                }
            }
        }
        ImportPreview preview = new ImportPreview(
                null, fileName, parsed.rows().size(), created, updated, problems, sample, null, new Object[0]);
        if (actor != null && preview.acceptable()) {
            for (Checked c : accepted) {
                service.applyImported(c.valid(), c.existingId(), c.existingVersion(), actor);
            }
        }
        return preview;
    }

    ImportPreview withBatch(ImportPreview p, UUID batch) {
        return new ImportPreview(
                batch,
                p.fileName(),
                p.rows(),
                p.created(),
                p.updated(),
                p.problems(),
                p.sample(),
                p.fileProblem(),
                p.fileProblemArgs());
    }

    private static ImportPreview.Problem problem(int row, String field, String key, Object... args) {
        EnterpriseSpreadsheets.Column col = EnterpriseSpreadsheets.Column.ofField(field);
        return new ImportPreview.Problem(row, col.letter(), col.headerKey(), key, args);
    }
}
