package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.MemberDues;
import vn.congdoan.finance.MemberDues.ImportView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * Dues pages for treasurers and officers: a unit's month (charges, payments, receipts, arrears before), one member's
 * dues with the cash-payment form, a receipt with its ledger split and the reversal form, the payroll-deduction import
 * (upload → preview with the exception list → commit), arrears of a subtree.
 */
@Controller
class DuesController {

    private final MemberDues dues;
    private final FeeRules rules;
    private final DuesPages pages;
    private final Clock clock;

    DuesController(MemberDues dues, FeeRules rules, DuesPages pages, Clock clock) {
        this.dues = dues;
        this.rules = rules;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/finance/dues")
    String unit(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        long unit = unitId != null ? unitId : pages.defaultUnit(scope);
        YearMonth m = pages.month(month);
        var view = dues.unitMonth(unit, m, scope, scope.actor(request.getRemoteAddr()));
        model.addAttribute("u", view);
        model.addAttribute("canPost", pages.canPost(scope, unit));
        model.addAttribute("monthValue", m.toString());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.plusMonths(1).toString());
        model.addAttribute("isCurrentOrLater", !m.isBefore(YearMonth.from(Dates.today(clock))));
        return "finance/dues/unit";
    }

    @PostMapping("/finance/dues/charges")
    String generate(
            @RequestParam long unitId,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        YearMonth m = pages.month(month);
        try {
            int n = dues.generateCharges(unitId, m, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("duesNotice", pages.message(request, "dues.charges.done", n, pages.format(m)));
        } catch (FinanceRejectedException e) {
            flash.addFlashAttribute("duesErrors", pages.messages(e, request));
        }
        return "redirect:/finance/dues?unitId=" + unitId + "&month=" + m;
    }

    @PostMapping("/finance/dues/units/{id}/rate")
    String unitRate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String rate,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String resolutionNo,
            @RequestParam(required = false) @Nullable String resolutionDate,
            AccessScope scope,
            HttpServletRequest request,
            RedirectAttributes flash) {
        YearMonth m = pages.month(from);
        try {
            BigDecimal percent = pages.percent(rate);
            dues.setUnitRate(
                    id,
                    new MemberDues.UnitRateCommand(
                            percent, m, resolutionNo == null ? "" : resolutionNo, Dates.parse(resolutionDate)),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("duesNotice", pages.message(request, "dues.unitRate.done"));
        } catch (FinanceRejectedException e) {
            flash.addFlashAttribute("duesErrors", pages.messages(e, request));
        }
        return "redirect:/finance/dues?unitId=" + id + "&month=" + m;
    }

    @GetMapping("/finance/dues/members/{id}")
    String member(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return showMember(id, scope, request, model, List.of());
    }

    private String showMember(
            long id, AccessScope scope, HttpServletRequest request, Model model, List<String> errors) {
        var account = dues.member(id, "PAGE", scope, scope.actor(request.getRemoteAddr()));
        model.addAttribute("a", account);
        model.addAttribute("canPost", pages.canPost(scope, account.unitId()));
        model.addAttribute("groups", rules.memberGroups());
        model.addAttribute("reasons", MemberDues.EXEMPTION_REASONS);
        model.addAttribute("token", UUID.randomUUID().toString());
        model.addAttribute("today", Dates.format(Dates.today(clock)));
        model.addAttribute("thisMonth", pages.format(YearMonth.from(Dates.today(clock))));
        model.addAttribute("errors", errors);
        return "finance/dues/member";
    }

    @PostMapping("/finance/dues/members/{id}/payments")
    String pay(
            @PathVariable long id,
            @RequestParam(name = "chargeIds", required = false) @Nullable List<Long> chargeIds,
            @RequestParam(required = false) @Nullable String receivedOn,
            @RequestParam(defaultValue = "CASH") String method,
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String reference,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        LocalDate on = Dates.parse(receivedOn);
        try {
            if (on == null) {
                throw new FinanceRejectedException(new FieldProblem("receivedOn", "dues.pay.receivedOn.required"));
            }
            var receipt = dues.pay(
                    new MemberDues.PaymentCommand(
                            token == null || token.isBlank() ? UUID.randomUUID().toString() : token,
                            id,
                            chargeIds == null ? List.of() : chargeIds,
                            method,
                            on,
                            reference),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute(
                    "duesNotice",
                    pages.message(
                            request,
                            "dues.pay.done",
                            receipt.receiptNo(),
                            receipt.total().format()));
            return "redirect:/finance/dues/receipts/" + receipt.id();
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return showMember(id, scope, request, model, pages.messages(e, request));
        }
    }

    @PostMapping("/finance/dues/members/{id}/profile")
    String profile(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String memberGroup,
            @RequestParam(required = false) @Nullable String salaryBasis,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String note,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            Money salary = pages.amount("salaryBasis", salaryBasis);
            dues.setProfile(
                    id,
                    new MemberDues.ProfileCommand(
                            memberGroup == null ? "" : memberGroup, salary, pages.monthField("from", from), note),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("duesNotice", pages.message(request, "dues.profile.done"));
            return "redirect:/finance/dues/members/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return showMember(id, scope, request, model, pages.messages(e, request));
        }
    }

    @PostMapping("/finance/dues/members/{id}/exemptions")
    String exemption(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String documentNo,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            dues.addExemption(
                    id,
                    new MemberDues.ExemptionCommand(
                            reason == null ? "" : reason,
                            pages.monthField("from", from),
                            pages.monthField("to", to),
                            documentNo),
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("duesNotice", pages.message(request, "dues.exemption.done"));
            return "redirect:/finance/dues/members/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return showMember(id, scope, request, model, pages.messages(e, request));
        }
    }

    @GetMapping("/finance/dues/receipts/{id}")
    String receipt(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return showReceipt(id, scope, request, model, List.of());
    }

    private String showReceipt(
            long id, AccessScope scope, HttpServletRequest request, Model model, List<String> errors) {
        var r = dues.receipt(id, scope, scope.actor(request.getRemoteAddr()));
        model.addAttribute("r", r);
        model.addAttribute("canPost", pages.canPost(scope, r.unitId()));
        model.addAttribute("errors", errors);
        model.addAttribute("unitNames", pages.unitNames(r.postings()));
        return "finance/dues/receipt";
    }

    @PostMapping("/finance/dues/receipts/{id}/reverse")
    String reverse(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            dues.reverse(id, reason == null ? "" : reason, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("duesNotice", pages.message(request, "dues.reverse.done"));
            return "redirect:/finance/dues/receipts/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return showReceipt(id, scope, request, model, pages.messages(e, request));
        }
    }

    @GetMapping("/finance/dues/arrears")
    String arrears(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String upTo,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        long unit = unitId != null ? unitId : pages.defaultUnit(scope);
        YearMonth m = pages.month(upTo);
        var actor = scope.actor(request.getRemoteAddr());
        model.addAttribute("units", dues.arrearsByUnit(unit, m, scope, actor));
        model.addAttribute("members", dues.arrears(unit, m, scope, actor));
        model.addAttribute("unitId", unit);
        model.addAttribute("unitName", pages.unitName(unit));
        model.addAttribute("upTo", m.toString());
        return "finance/dues/arrears";
    }

    @GetMapping("/finance/dues/import")
    String importForm(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            Model model) {
        scope.require(FeeRules.POST);
        model.addAttribute("unitId", unitId != null ? unitId : pages.defaultUnit(scope));
        model.addAttribute("month", pages.format(pages.month(month)));
        model.addAttribute("receivedOn", Dates.format(Dates.today(clock)));
        model.addAttribute("errors", List.of());
        return "finance/dues/import";
    }

    @GetMapping("/finance/dues/import/template")
    ResponseEntity<byte[]> template(
            @RequestParam long unitId,
            @RequestParam(required = false) @Nullable String month,
            AccessScope scope,
            HttpServletRequest request)
            throws IOException {
        YearMonth m = pages.month(month);
        var view = dues.unitMonth(unitId, m, scope, scope.actor(request.getRemoteAddr()));
        byte[] xlsx = DuesFiles.template(
                view,
                List.of("stt", "name", "cccd", "code", "amount").stream()
                        .map(k -> pages.message(request, "dues.file.col." + k))
                        .toList(),
                pages.message(request, "dues.file.sheet"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bang-ke-doan-phi-" + m + ".xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    @PostMapping("/finance/dues/import")
    String upload(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String receivedOn,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        long unit = unitId != null ? unitId : pages.defaultUnit(scope);
        try {
            YearMonth m = pages.monthField("month", month);
            LocalDate on = Dates.parse(receivedOn);
            if (on == null) {
                throw new FinanceRejectedException(new FieldProblem("receivedOn", "dues.pay.receivedOn.required"));
            }
            if (file == null || file.isEmpty()) {
                throw new FinanceRejectedException(new FieldProblem("file", "dues.import.file.empty"));
            }
            ImportView v;
            try (InputStream in = file.getInputStream()) {
                v = dues.previewImport(
                        new MemberDues.ImportCommand(
                                unit, m, on, file.getOriginalFilename() == null ? "" : file.getOriginalFilename()),
                        in,
                        scope,
                        scope.actor(request.getRemoteAddr()));
            }
            return "redirect:/finance/dues/import/" + v.id();
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            model.addAttribute("unitId", unit);
            model.addAttribute("month", month);
            model.addAttribute("receivedOn", receivedOn);
            model.addAttribute("errors", pages.messages(e, request));
            return "finance/dues/import";
        } catch (IOException e) {
            response.setStatus(422);
            model.addAttribute("unitId", unit);
            model.addAttribute("month", month);
            model.addAttribute("receivedOn", receivedOn);
            model.addAttribute("errors", List.of(pages.message(request, "dues.import.file.notSpreadsheet")));
            return "finance/dues/import";
        }
    }

    @GetMapping("/finance/dues/import/{id}")
    String preview(@PathVariable long id, AccessScope scope, HttpServletRequest request, Model model) {
        return showImport(id, scope, request, model, List.of());
    }

    private String showImport(
            long id, AccessScope scope, HttpServletRequest request, Model model, List<String> errors) {
        ImportView v = dues.importView(id, scope, scope.actor(request.getRemoteAddr()));
        model.addAttribute("i", v);
        model.addAttribute("canPost", pages.canPost(scope, v.unitId()));
        model.addAttribute("errors", errors);
        return "finance/dues/import-preview";
    }

    @PostMapping("/finance/dues/import/{id}/commit")
    String commit(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            ImportView v = dues.commitImport(id, version, scope, scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute(
                    "duesNotice",
                    pages.message(
                            request,
                            "dues.import.done",
                            v.matched().size(),
                            v.matchedTotal().format()));
            return "redirect:/finance/dues/import/" + id;
        } catch (FinanceRejectedException e) {
            response.setStatus(422);
            return showImport(id, scope, request, model, pages.messages(e, request));
        }
    }
}
