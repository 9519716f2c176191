package vn.congdoan.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.FieldProblem;

/**
 * Admitting a group with one decision (Mẫu 5b): up to {@link #ROWS} people, blank rows ignored, all or none. The
 * facade names a refused field {@code rows[i].field} with i counted among the people sent; the page puts it back on
 * the row where it was typed.
 */
@Controller
@RequestMapping("/members/batch")
class MemberBatchController {

    static final int ROWS = 20;

    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(\\w+)");
    private static final Set<String> ROW_FIELDS = Set.of("fullName", "sex", "birthDate", "cccd", "phone");

    private final Members members;
    private final MemberPageSupport support;

    MemberBatchController(Members members, MemberPageSupport support) {
        this.members = members;
        this.support = support;
    }

    @GetMapping
    String form(AccessScope scope, Model model) {
        scope.require(Members.WRITE);
        BatchForm form = new BatchForm();
        var units = support.units(scope, Members.WRITE);
        if (units.size() == 1) {
            form.setUnitId(units.get(0).id());
        }
        model.addAttribute("form", form);
        return page(scope, model, List.of());
    }

    @PostMapping
    String admit(
            @ModelAttribute("form") BatchForm form,
            BindingResult errors,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        scope.require(Members.WRITE);
        form.pad();
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getUnitId() == null) {
            problems.add(new FieldProblem("unitId", "member.unit.required"));
        }
        LocalDate joinedOn = MemberPageSupport.date(form.getJoinedOn(), "joinedOn", problems);
        List<Integer> typedRows = new ArrayList<>();
        List<MemberInput> people = new ArrayList<>();
        for (int i = 0; i < form.getRows().size() && i < ROWS; i++) {
            BatchRow r = form.getRows().get(i);
            if (!r.blank()) {
                typedRows.add(i);
                people.add(r.toInput());
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new MemberRejectedException(problems);
            }
            List<MemberDetail> admitted = members.admitBatch(
                    new Members.BatchAdmission(form.getUnitId(), form.getDecision(), joinedOn, people),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute(
                    "batchAdmitted",
                    admitted.stream()
                            .map(m -> new Admitted(m.id(), m.memberCode(), m.fullName()))
                            .toList());
            flash.addFlashAttribute("memberNotice", support.message(request, "members.batch.done", admitted.size()));
            return "redirect:/members/batch";
        } catch (MemberRejectedException e) {
            List<String> summary = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                Matcher m = ROW_FIELD.matcher(p.field());
                String message = support.message(request, p.messageKey(), p.args());
                if (m.matches()) {
                    int sent = Integer.parseInt(m.group(1));
                    int row = sent < typedRows.size() ? typedRows.get(sent) : sent;
                    String field = m.group(2);
                    String label = support.message(
                            request, ROW_FIELDS.contains(field) ? "member.field." + field : "members.batch.row");
                    summary.add(support.message(request, "members.batch.rowProblem", row + 1, label, message));
                    if (ROW_FIELDS.contains(field)) {
                        String path = "rows[" + row + "]." + field;
                        if (!errors.hasFieldErrors(path)) {
                            errors.rejectValue(path, p.messageKey(), p.args(), p.messageKey());
                        }
                    } else if ("unitId".equals(field) && !errors.hasFieldErrors("unitId")) {
                        errors.rejectValue("unitId", p.messageKey(), p.args(), p.messageKey());
                    }
                } else {
                    summary.add(message);
                    if (Set.of("unitId", "decision", "joinedOn").contains(p.field())
                            && !errors.hasFieldErrors(p.field())) {
                        errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
                    }
                }
            }
            return page(scope, model, summary.stream().distinct().toList());
        }
    }

    private String page(AccessScope scope, Model model, List<String> summary) {
        model.addAttribute("unitChoices", support.units(scope, Members.WRITE));
        model.addAttribute("summary", summary);
        model.addAttribute("rowCount", ROWS);
        support.codeLists(model, scope);
        return "membership/batch";
    }

    record Admitted(long id, String memberCode, String fullName) {}

    /** The batch form (a JavaBean: its rows bind as {@code rows[i].field}). */
    public static class BatchForm {
        private @Nullable Long unitId;
        private @Nullable String decision;
        private @Nullable String joinedOn;
        private List<BatchRow> rows = new ArrayList<>();

        public BatchForm() {
            pad();
        }

        void pad() {
            while (rows.size() < ROWS) {
                rows.add(new BatchRow());
            }
        }

        public @Nullable Long getUnitId() {
            return unitId;
        }

        public void setUnitId(@Nullable Long unitId) {
            this.unitId = unitId;
        }

        public @Nullable String getDecision() {
            return decision;
        }

        public void setDecision(@Nullable String decision) {
            this.decision = decision;
        }

        public @Nullable String getJoinedOn() {
            return joinedOn;
        }

        public void setJoinedOn(@Nullable String joinedOn) {
            this.joinedOn = joinedOn;
        }

        public List<BatchRow> getRows() {
            return rows;
        }

        public void setRows(List<BatchRow> rows) {
            this.rows =
                    rows == null ? new ArrayList<>() : new ArrayList<>(rows.subList(0, Math.min(rows.size(), ROWS)));
        }
    }

    /** One person of the batch. */
    public static class BatchRow {
        private @Nullable String fullName;
        private @Nullable String sex;
        private @Nullable String birthDate;
        private @Nullable String cccd;
        private @Nullable String phone;

        boolean blank() {
            return isBlank(fullName) && isBlank(birthDate) && isBlank(cccd) && isBlank(phone);
        }

        MemberInput toInput() {
            return new MemberInput(
                    fullName, sex, birthDate, cccd, phone, null, "VN", null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null);
        }

        private static boolean isBlank(@Nullable String s) {
            return s == null || s.isBlank();
        }

        public @Nullable String getFullName() {
            return fullName;
        }

        public void setFullName(@Nullable String fullName) {
            this.fullName = fullName;
        }

        public @Nullable String getSex() {
            return sex;
        }

        public void setSex(@Nullable String sex) {
            this.sex = sex;
        }

        public @Nullable String getBirthDate() {
            return birthDate;
        }

        public void setBirthDate(@Nullable String birthDate) {
            this.birthDate = birthDate;
        }

        public @Nullable String getCccd() {
            return cccd;
        }

        public void setCccd(@Nullable String cccd) {
            this.cccd = cccd;
        }

        public @Nullable String getPhone() {
            return phone;
        }

        public void setPhone(@Nullable String phone) {
            this.phone = phone;
        }
    }
}
