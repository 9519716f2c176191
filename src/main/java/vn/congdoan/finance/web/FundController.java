package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
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
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.finance.UnionFund;
import vn.congdoan.finance.UnionFund.ArrearsFilter;
import vn.congdoan.finance.UnionFund.EnterpriseFund;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/**
 * Union fund (KPCĐ) pages: the enterprises in arrears (+ XLSX), one enterprise's months with the declaration,
 * payment, reversal and relief forms and its payment QR, and the declaration import.
 */
@Controller
class FundController {

    private final UnionFund fund;
    private final MessageSource messages;
    private final Clock clock;

    FundController(UnionFund fund, MessageSource messages, Clock clock) {
        this.fund = fund;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/finance/fund")
    String home(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(defaultValue = "1") int minMonths,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String q,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        scope.require(FeeRules.READ);
        ArrearsFilter filter = new ArrearsFilter(unitId, Math.max(1, Math.min(minMonths, 120)), Math.max(0, page));
        model.addAttribute("arrears", fund.arrears(filter, scope, scope.actor(request.getRemoteAddr())));
        model.addAttribute("filter", filter);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("found", q == null || q.isBlank() ? List.of() : fund.findEnterprises(q, scope));
        model.addAttribute("canPost", scope.can(FeeRules.POST));
        return "finance/fund/home";
    }

    @GetMapping("/finance/fund/arrears/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(defaultValue = "1") int minMonths,
            AccessScope scope,
            HttpServletRequest request)
            throws IOException {
        scope.require(FeeRules.READ);
        var out = new java.io.ByteArrayOutputStream();
        fund.exportArrears(
                new ArrearsFilter(unitId, Math.max(1, minMonths), 0), scope, scope.actor(request.getRemoteAddr()), out);
        String name = "kpcd-no-dong-" + Dates.today(clock) + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .cacheControl(CacheControl.noStore())
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    @GetMapping("/finance/fund/enterprises/{id}")
    String enterprise(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String qrMonth,
            @RequestParam(required = false) @Nullable String edit,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        String view = show(id, year, qrMonth, scope, request, model, Map.of(), null, Map.of());
        YearMonth month = FundInput.month(edit, "edit", new ArrayList<>());
        if (month != null) {
            // "Correct" on a month: the declaration form filled with what is stored, and its version.
            EnterpriseFund f = (EnterpriseFund) model.getAttribute("f");
            f.months().stream()
                    .filter(m -> m.month().equals(month) && m.declarationId() != null)
                    .findFirst()
                    .ifPresent(m -> {
                        model.addAttribute("form", "declare");
                        model.addAttribute(
                                "values",
                                values(
                                        "month",
                                        edit.strip(),
                                        "payroll",
                                        m.payroll() == null ? "" : m.payroll().digits(),
                                        "employees",
                                        m.employees() == null ? "" : String.valueOf(m.employees()),
                                        "version",
                                        String.valueOf(m.version())));
                    });
        }
        return view;
    }

    private String show(
            long id,
            @Nullable Integer year,
            @Nullable String qrMonth,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            Map<String, List<String>> errors,
            @Nullable String form,
            Map<String, String> values) {
        int y = year == null ? YearMonth.now(clock.withZone(Dates.ZONE)).getYear() : year;
        if (y < 2000 || y > 2100) {
            y = YearMonth.now(clock.withZone(Dates.ZONE)).getYear();
        }
        EnterpriseFund f = fund.enterprise(id, y, scope, scope.actor(request.getRemoteAddr()));
        model.addAttribute("f", f);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("token", UUID.randomUUID().toString());
        model.addAttribute("reliefKinds", UnionFund.RELIEF_KINDS);
        YearMonth qr = FundInput.month(qrMonth, "qrMonth", new ArrayList<>());
        if (qr == null) {
            qr = f.months().stream()
                    .filter(m -> m.owed().isPositive())
                    .map(UnionFund.FundMonth::month)
                    .findFirst()
                    .orElse(YearMonth.of(y, 1));
        }
        model.addAttribute("qrMonth", qr.format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy")));
        return "finance/fund/enterprise";
    }

    @GetMapping("/finance/fund/enterprises/{id}/qr")
    ResponseEntity<byte[]> qr(@PathVariable long id, @RequestParam String month, AccessScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = FundInput.month(month, "month", problems);
        if (m == null) {
            return ResponseEntity.badRequest().build();
        }
        byte[] png;
        try {
            png = fund.qr(id, m, scope).png();
        } catch (FinanceRejectedException e) {
            // No collection account up the tree: no image (the page says so in its alt text).
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_PNG)
                .body(png);
    }

    @PostMapping("/finance/fund/enterprises/{id}/declarations")
    String declare(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String payroll,
            @RequestParam(required = false) @Nullable String employees,
            @RequestParam(required = false) @Nullable Integer version,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> values =
                values("month", month, "payroll", payroll, "employees", employees, "version", String.valueOf(version));
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = FundInput.month(month, "month", problems);
        var p = FundInput.money(payroll, "payroll", problems);
        Integer n = FundInput.count(employees, "employees", problems);
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            fund.declare(
                    new UnionFund.DeclareCommand(id, m, p, n, version == null || version < 0 ? null : version),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (FinanceRejectedException e) {
            return rejected(id, m == null ? null : m.getYear(), scope, request, model, "declare", values, e);
        }
        flash.addFlashAttribute("notice", "fund.declare.done");
        return "redirect:/finance/fund/enterprises/" + id + "?year=" + m.getYear();
    }

    @PostMapping("/finance/fund/enterprises/{id}/payments")
    String pay(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String paidOn,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String token,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> values = values("month", month, "amount", amount, "paidOn", paidOn, "reference", reference);
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = FundInput.month(month, "month", problems);
        var a = FundInput.money(amount, "amount", problems);
        var d = Dates.parse(paidOn);
        if (paidOn != null && !paidOn.isBlank() && d == null) {
            problems.add(new FieldProblem("paidOn", "fund.date.format", paidOn.strip()));
        }
        UnionFund.PaymentView paid;
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            paid = fund.pay(
                    new UnionFund.PayCommand(id, m, a, d, reference, token == null ? "" : token),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (FinanceRejectedException e) {
            return rejected(id, m == null ? null : m.getYear(), scope, request, model, "pay", values, e);
        }
        flash.addFlashAttribute("notice", paid.duplicate() ? "fund.pay.duplicate" : "fund.pay.done");
        flash.addFlashAttribute("paymentId", paid.id());
        return "redirect:/finance/fund/enterprises/" + id + "?year="
                + paid.month().getYear();
    }

    @PostMapping("/finance/fund/enterprises/{id}/reversal")
    String reverse(
            @PathVariable long id,
            @RequestParam long paymentId,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable Integer year,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        try {
            UnionFund.PaymentView p = fund.reversePayment(
                    id,
                    paymentId,
                    reason == null ? "" : reason,
                    token == null ? "" : token,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            flash.addFlashAttribute("notice", "fund.reverse.done");
            return "redirect:/finance/fund/enterprises/" + id + "?year="
                    + p.month().getYear();
        } catch (FinanceRejectedException e) {
            return rejected(id, year, scope, request, model, "reverse-" + paymentId, Map.of(), e);
        }
    }

    @PostMapping("/finance/fund/enterprises/{id}/reliefs")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String reductionPercent,
            @RequestParam(required = false) @Nullable String documentNo,
            @RequestParam(required = false) @Nullable String documentDate,
            @RequestParam(required = false) @Nullable String reason,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        Map<String, String> values = values(
                "kind",
                kind,
                "from",
                from,
                "to",
                to,
                "reductionPercent",
                reductionPercent,
                "documentNo",
                documentNo,
                "documentDate",
                documentDate,
                "reason",
                reason);
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth f = FundInput.month(from, "from", problems);
        YearMonth t = FundInput.month(to, "to", problems);
        var rate = FundInput.percent(reductionPercent, "reductionRate", problems);
        var date = Dates.parse(documentDate);
        if (documentDate != null && !documentDate.isBlank() && date == null) {
            problems.add(new FieldProblem("documentDate", "fund.date.format", documentDate.strip()));
        }
        try {
            if (!problems.isEmpty()) {
                throw new FinanceRejectedException(problems);
            }
            fund.decide(
                    new UnionFund.ReliefCommand(id, kind, f, t, rate, documentNo, date, reason),
                    scope,
                    scope.actor(request.getRemoteAddr()));
        } catch (FinanceRejectedException e) {
            return rejected(id, f == null ? null : f.getYear(), scope, request, model, "relief", values, e);
        }
        flash.addFlashAttribute("notice", "fund.relief.done");
        return "redirect:/finance/fund/enterprises/" + id + "?year=" + f.getYear();
    }

    @GetMapping("/finance/fund/import")
    String importPage(AccessScope scope, Model model) {
        scope.require(FeeRules.POST);
        return "finance/fund/import";
    }

    @PostMapping("/finance/fund/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            AccessScope scope,
            HttpServletRequest request,
            Model model)
            throws IOException {
        scope.require(FeeRules.POST);
        byte[] content = file == null ? new byte[0] : file.getBytes();
        UnionFund.ImportResult result = fund.importDeclarations(content, scope, scope.actor(request.getRemoteAddr()));
        Locale locale = RequestContextUtils.getLocale(request);
        List<String> lines = new ArrayList<>();
        for (UnionFund.RowProblem p : result.problems()) {
            String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
            lines.add(
                    p.row() == 0
                            ? text
                            : messages.getMessage("fund.import.at", new Object[] {p.row(), p.column(), text}, locale));
        }
        model.addAttribute("result", result);
        model.addAttribute("lines", lines);
        return "finance/fund/import";
    }

    @GetMapping("/finance/fund/import/template")
    void template(AccessScope scope, HttpServletResponse response) throws IOException {
        scope.require(FeeRules.POST);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-to-khai-kpcd.xlsx\"");
        fund.writeTemplate(response.getOutputStream());
    }

    private String rejected(
            long id,
            @Nullable Integer year,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            String form,
            Map<String, String> values,
            FinanceRejectedException e) {
        // A field the page could not even read is refused before the facade checks the caller may write here: a
        // caller who may only read the enterprise must still get "not found", as for any write.
        if (!fund.enterprise(id, 2000, scope, scope.actor(request.getRemoteAddr()))
                .canPost()) {
            throw new FinanceNotFoundException("ENTERPRISE", id);
        }
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
                    .add(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        }
        if (errors.containsKey("version")) {
            throw new Conflict(id);
        }
        return show(id, year, null, scope, request, model, errors, form, values);
    }

    /** A correction made on a stale version: the conflict page, 409. */
    static final class Conflict extends RuntimeException {
        final long enterpriseId;

        Conflict(long enterpriseId) {
            super(null, null, false, false);
            this.enterpriseId = enterpriseId;
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Conflict.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
    String conflict(Conflict e, Model model) {
        model.addAttribute("enterpriseId", e.enterpriseId);
        return "finance/fund/conflict";
    }

    private static Map<String, String> values(@Nullable String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return out;
    }
}
