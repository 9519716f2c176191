package vn.congdoan.enterprises.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.EnterpriseCommand;
import vn.congdoan.enterprises.EnterpriseRejectedException;
import vn.congdoan.enterprises.EnterpriseView;
import vn.congdoan.enterprises.Enterprises;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.TaxCode;
import vn.congdoan.shared.Text;

/**
 * Every rule on an enterprise's fields, shared by the form, the API and the import, reporting all refused fields at
 * once.
 *
 * <p>Units and scope: the managing unit must be an open union above grassroots level and the covering unit (if any)
 * an open grassroots union. With a caller's scope, the covering unit must lie in the caller's {@link
 * Enterprises#WRITE} subtree, and so must the managing unit — unless it is the union above the caller's covering unit
 * (a grassroots officer records the enterprise their union covers, managed by the commune union above it). So nobody
 * can put a record where they could not see it.
 */
@Component
class EnterpriseValidator {

    static final int NAME_MAX = 300;
    static final int ADDRESS_MAX = 500;
    static final int WORKERS_MAX = 1_000_000;

    /** The checked, normalised values, ready to store. */
    record Valid(
            String taxCode,
            String name,
            String ownershipCode,
            String sectorCode,
            String communeCode,
            @Nullable String address,
            int workersTotal,
            int workersFemale,
            @Nullable LocalDate foundedOn,
            long managingUnitId,
            @Nullable Long coveringUnitId) {}

    private final EnterpriseQueries queries;
    private final ReferenceData reference;
    private final UnitDirectory units;
    private final OrgTree tree;
    private final Clock clock;

    EnterpriseValidator(
            EnterpriseQueries queries, ReferenceData reference, UnitDirectory units, OrgTree tree, Clock clock) {
        this.queries = queries;
        this.reference = reference;
        this.units = units;
        this.tree = tree;
        this.clock = clock;
    }

    /** Checks everything; throws once with every problem. {@code scope} null: a seeder, no scope rule. */
    Valid validate(EnterpriseCommand c, @Nullable EnterpriseView existing, @Nullable AccessScope scope) {
        return validate(c, existing, scope, reference.ownershipTypes(), reference.sectors(), reference.communes());
    }

    Valid validate(
            EnterpriseCommand c,
            @Nullable EnterpriseView existing,
            @Nullable AccessScope scope,
            List<vn.congdoan.enterprises.ReferenceItem> ownershipTypes,
            List<vn.congdoan.enterprises.ReferenceItem> sectors,
            List<vn.congdoan.enterprises.ReferenceItem> communes) {
        List<FieldProblem> problems = new ArrayList<>();

        TaxCode.Check tax = TaxCode.check(c.taxCode());
        if (!tax.valid()) {
            problems.add(new FieldProblem("taxCode", tax.problem().messageKey(), tax.args()));
        } else if (queries.taxCodeTaken(tax.value(), existing == null ? null : existing.id())) {
            problems.add(new FieldProblem("taxCode", "enterprise.taxCode.taken", tax.value()));
        }

        String name = Text.clean(c.name());
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "enterprise.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(new FieldProblem("name", "enterprise.name.tooLong", NAME_MAX));
        }

        String ownership = code("ownershipCode", c.ownershipCode(), ownershipTypes, problems);
        String sector = code("sectorCode", c.sectorCode(), sectors, problems);
        String commune = code("communeCode", c.communeCode(), communes, problems);

        String address = Text.clean(c.address());
        if (address != null && address.isEmpty()) {
            address = null;
        }
        if (address != null && address.length() > ADDRESS_MAX) {
            problems.add(new FieldProblem("address", "enterprise.address.tooLong", ADDRESS_MAX));
        }

        Integer total = c.workersTotal();
        if (total == null) {
            problems.add(new FieldProblem("workersTotal", "enterprise.workersTotal.required"));
        } else if (total < 0 || total > WORKERS_MAX) {
            problems.add(new FieldProblem("workersTotal", "enterprise.workersTotal.range", WORKERS_MAX));
        }
        Integer female = c.workersFemale();
        if (female == null) {
            problems.add(new FieldProblem("workersFemale", "enterprise.workersFemale.required"));
        } else if (female < 0) {
            problems.add(new FieldProblem("workersFemale", "enterprise.workersFemale.negative"));
        } else if (total != null && total >= 0 && female > total) {
            problems.add(new FieldProblem("workersFemale", "enterprise.workersFemale.aboveTotal", female, total));
        }

        LocalDate founded = c.foundedOn();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        if (founded != null && founded.isAfter(today)) {
            problems.add(new FieldProblem("foundedOn", "enterprise.foundedOn.future"));
        } else if (founded != null && founded.getYear() < 1900) {
            problems.add(new FieldProblem("foundedOn", "enterprise.foundedOn.tooOld"));
        }

        Long covering = covering(c.coveringUnitCode(), existing, scope, problems);
        Long managing = managing(c.managingUnitCode(), covering, scope, problems);

        if (!problems.isEmpty()) {
            throw new EnterpriseRejectedException(problems);
        }
        return new Valid(
                tax.value(), name, ownership, sector, commune, address, total, female, founded, managing, covering);
    }

    private static @Nullable String code(
            String field,
            @Nullable String value,
            List<vn.congdoan.enterprises.ReferenceItem> items,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "enterprise." + field + ".required"));
            return null;
        }
        Optional<String> code = ReferenceData.resolve(value, items);
        if (code.isEmpty()) {
            problems.add(new FieldProblem(field, "enterprise." + field + ".unknown", Text.clean(value)));
            return null;
        }
        return code.get();
    }

    private @Nullable Long covering(
            @Nullable String code,
            @Nullable EnterpriseView existing,
            @Nullable AccessScope scope,
            List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<OrgUnitView> unit = units.open(c);
        if (unit.isEmpty()) {
            // A union closed since it was recorded stays recorded (the organising list then shows the enterprise).
            if (existing != null && existing.coveringUnitId() != null && c.equals(existing.coveringUnitCode())) {
                return existing.coveringUnitId();
            }
            problems.add(new FieldProblem("coveringUnitCode", "enterprise.unit.notInScope", c));
            return null;
        }
        if (scope != null && !units.inScope(unit.get().id(), scope.paths(Enterprises.WRITE))) {
            problems.add(new FieldProblem("coveringUnitCode", "enterprise.unit.notInScope", c));
            return null;
        }
        if (!UnitDirectory.GRASSROOTS.equals(unit.get().typeCode())) {
            problems.add(new FieldProblem("coveringUnitCode", "enterprise.coveringUnit.notGrassroots", c));
            return null;
        }
        return unit.get().id();
    }

    private @Nullable Long managing(
            @Nullable String code, @Nullable Long covering, @Nullable AccessScope scope, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("managingUnitCode", "enterprise.managingUnitCode.required"));
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<OrgUnitView> unit = units.open(c);
        boolean visible = unit.isPresent()
                && (scope == null
                        || units.inScope(unit.get().id(), scope.paths(Enterprises.WRITE))
                        || covering != null && units.contains(unit.get().id(), covering));
        if (!visible) {
            problems.add(new FieldProblem("managingUnitCode", "enterprise.unit.notInScope", c));
            return null;
        }
        if (UnitDirectory.BELOW_UPPER_LEVEL.contains(unit.get().typeCode())) {
            problems.add(new FieldProblem("managingUnitCode", "enterprise.managingUnit.level", c));
            return null;
        }
        return unit.get().id();
    }

    /** Open units above grassroots level the caller may name as managing unit, for pickers. */
    List<OrgUnitView> managingChoices(AccessScope scope) {
        Map<Long, OrgUnitView> out = new LinkedHashMap<>();
        for (OrgUnitView u : tree.search("", Enterprises.WRITE, scope, 200)) {
            if (!UnitDirectory.BELOW_UPPER_LEVEL.contains(u.typeCode())) {
                out.put(u.id(), u);
            }
        }
        // A grassroots officer names the union above their own.
        for (long root : scope.roots(Enterprises.WRITE)) {
            Optional<OrgUnitView> u = tree.find(root);
            while (u.isPresent()
                    && UnitDirectory.BELOW_UPPER_LEVEL.contains(u.get().typeCode())) {
                Long parent = u.get().parentId();
                u = parent == null ? Optional.empty() : tree.find(parent);
            }
            u.filter(x -> x.validTo() == null).ifPresent(x -> out.putIfAbsent(x.id(), x));
        }
        return List.copyOf(out.values());
    }

    /** Open grassroots unions in the caller's write scope (the first 200), for pickers. */
    List<OrgUnitView> coveringChoices(AccessScope scope) {
        return tree.search("", Enterprises.WRITE, scope, 200).stream()
                .filter(u -> UnitDirectory.GRASSROOTS.equals(u.typeCode()))
                .toList();
    }
}
