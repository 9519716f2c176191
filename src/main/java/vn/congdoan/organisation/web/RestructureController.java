package vn.congdoan.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitNotFoundException;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructuring.Decision;
import vn.congdoan.organisation.Restructuring.NewUnit;
import vn.congdoan.organisation.RestructuringOutcome;
import vn.congdoan.organisation.Restructurings;
import vn.congdoan.organisation.UnitTypeView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;

/**
 * The restructuring wizard on a unit: choose the operation, fill in the decision, preview exactly what will happen
 * (the operation runs and is rolled back), then apply. A refused operation comes back to the form with the reason.
 */
@Controller
class RestructureController {

    static final List<String> KINDS = List.of("RENAME", "MOVE", "MERGE", "SPLIT", "DISSOLVE", "CLOSE", "CREATE");

    private final OrgTree tree;
    private final Restructurings restructurings;
    private final Clock clock;

    RestructureController(OrgTree tree, Restructurings restructurings, Clock clock) {
        this.tree = tree;
        this.restructurings = restructurings;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/restructure")
    String form(
            @PathVariable long id, @RequestParam(defaultValue = "MOVE") String kind, AccessScope scope, Model model) {
        OrgUnitView unit = restructurable(id, scope);
        RestructureForm form = new RestructureForm();
        form.setKind(KINDS.contains(kind) ? kind : "MOVE");
        String today = Dates.today(clock).toString();
        form.setEffectiveOn(today);
        form.setDecisionDate(today);
        form.setName(unit.name());
        form.setShortName(unit.shortName());
        return show(unit, form, null, null, scope, model);
    }

    @PostMapping("/units/{id}/restructure")
    String submit(
            @PathVariable long id,
            @ModelAttribute("form") RestructureForm form,
            @RequestParam(defaultValue = "preview") String step,
            AccessScope scope,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrgUnitView unit = restructurable(id, scope);
        try {
            Restructuring op = operation(unit, form);
            if (!"apply".equals(step)) {
                RestructuringOutcome preview = restructurings.preview(op, scope);
                return show(unit, form, preview, null, scope, model);
            }
            RestructuringOutcome done = restructurings.apply(op, scope, scope.actor(request.getRemoteAddr()));
            redirect.addFlashAttribute("applied", done);
            long landing =
                    op instanceof Restructuring.Create && !done.createdUnitIds().isEmpty()
                            ? done.createdUnitIds().get(0)
                            : op instanceof Restructuring.Merge m && m.targetId() == null
                                    ? done.createdUnitIds().get(0)
                                    : id;
            return "redirect:/units/" + landing;
        } catch (OrgUnitNotFoundException e) {
            if (!tree.isWithin(id, scope.roots(Restructurings.PERMISSION))) {
                throw e;
            }
            response.setStatus(422);
            return show(unit, form, null, new BusinessException("organisation.form.unitOutOfScope"), scope, model);
        } catch (BusinessException e) {
            response.setStatus(422);
            return show(unit, form, null, e, scope, model);
        }
    }

    /** The unit, if the caller may restructure inside its subtree (else 404, as for any unit out of scope). */
    private OrgUnitView restructurable(long id, AccessScope scope) {
        if (!tree.isWithin(id, scope.roots(Restructurings.PERMISSION))) {
            throw new OrgUnitNotFoundException(id);
        }
        return tree.unit(id, scope);
    }

    private String show(
            OrgUnitView unit,
            RestructureForm form,
            @Nullable RestructuringOutcome preview,
            @Nullable BusinessException error,
            AccessScope scope,
            Model model) {
        LocalDate today = Dates.today(clock);
        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            boolean fits =
                    switch (k) {
                        case "CLOSE" -> unit.grassroots();
                        case "DISSOLVE" -> !unit.grassroots();
                        default -> true;
                    };
            if (fits) {
                kinds.add(k);
            }
        }
        List<UnitTypeView> types =
                tree.unitTypes().stream().filter(t -> t.usableOn(today)).toList();
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("kinds", kinds);
        model.addAttribute("types", types);
        model.addAttribute("children", tree.children(unit.id(), scope));
        model.addAttribute("preview", preview);
        model.addAttribute("error", error);
        model.addAttribute(
                "partIndexes",
                java.util.stream.IntStream.range(0, form.getParts().size())
                        .boxed()
                        .toList());
        return "organisation/restructure";
    }

    private Restructuring operation(OrgUnitView unit, RestructureForm f) {
        LocalDate on = date(f.getEffectiveOn(), "organisation.restructure.effectiveRequired");
        Decision decision = new Decision(
                f.getDecisionNo(),
                date(f.getDecisionDate(), "organisation.restructure.decisionDateRequired"),
                f.getDecisionIssuer());
        long parent = unit.parentId() == null ? unit.id() : unit.parentId();
        return switch (f.getKind()) {
            case "RENAME" -> new Restructuring.Rename(unit.id(), nonNull(f.getName()), f.getShortName(), on, decision);
            case "MOVE" -> new Restructuring.Move(unit.id(), unit(f.getParentCode()), on, decision);
            case "MERGE" -> {
                List<Long> sources = new ArrayList<>();
                sources.add(unit.id());
                for (String code : codes(f.getSourceCodes())) {
                    long s = unit(code);
                    if (!sources.contains(s)) {
                        sources.add(s);
                    }
                }
                boolean existing =
                        f.getTargetCode() != null && !f.getTargetCode().isBlank();
                yield existing
                        ? new Restructuring.Merge(sources, unit(f.getTargetCode()), null, on, decision)
                        : new Restructuring.Merge(
                                sources,
                                null,
                                new NewUnit(
                                        f.getParentCode() == null
                                                        || f.getParentCode().isBlank()
                                                ? parent
                                                : unit(f.getParentCode()),
                                        typeOr(f.getNewType(), unit.typeCode()),
                                        nonNull(f.getNewCode()),
                                        nonNull(f.getNewName()),
                                        null),
                                on,
                                decision);
            }
            case "SPLIT" -> {
                List<NewUnit> parts = new ArrayList<>();
                for (RestructureForm.Part p : f.getParts()) {
                    if ((p.getCode() == null || p.getCode().isBlank())
                            && (p.getName() == null || p.getName().isBlank())) {
                        continue;
                    }
                    parts.add(new NewUnit(parent, unit.typeCode(), nonNull(p.getCode()), nonNull(p.getName()), null));
                }
                Map<Long, Integer> plan = new LinkedHashMap<>(f.getChildPart());
                yield new Restructuring.Split(unit.id(), parts, plan, f.getMembersToPart(), on, decision);
            }
            case "DISSOLVE" ->
                new Restructuring.Dissolve(
                        unit.id(),
                        f.getReceiverCode() == null || f.getReceiverCode().isBlank() ? null : unit(f.getReceiverCode()),
                        f.isWithDescendants(),
                        on,
                        decision);
            case "CLOSE" -> new Restructuring.Close(unit.id(), on, decision);
            case "CREATE" ->
                new Restructuring.Create(
                        new NewUnit(
                                unit.id(),
                                typeOr(f.getNewType(), ""),
                                nonNull(f.getNewCode()),
                                nonNull(f.getNewName()),
                                null),
                        on,
                        decision);
            default -> throw new BusinessException("organisation.form.kindUnknown");
        };
    }

    private long unit(@Nullable String code) {
        if (code == null || code.isBlank()) {
            throw new BusinessException("organisation.form.unitCodeRequired");
        }
        return tree.findByCode(code)
                .map(OrgUnitView::id)
                .orElseThrow(() -> new BusinessException("organisation.form.unitCodeUnknown", code.strip()));
    }

    private static List<String> codes(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String typeOr(@Nullable String type, String fallback) {
        return type == null || type.isBlank() ? fallback : type;
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static LocalDate date(@Nullable String text, String missingKey) {
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new BusinessException(missingKey);
        }
        return d;
    }
}
