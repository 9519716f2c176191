package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.MemberDues;
import vn.congdoan.finance.MemberDues.StatementLine;
import vn.congdoan.finance.MemberDues.StatementMatch;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Money;

/**
 * Bank-statement matching as a page: the treasurer pastes the lines of the collecting account's statement (copied
 * from the bank's web page or a spreadsheet: reference, value date, amount, transfer content), checks how each line
 * matches a member's month by its content {@code DP <member code> <MM/YYYY>}, then records the matched ones. A line
 * is recorded once per bank reference, so pasting the same statement again records nothing new. Lines that cannot be
 * read are listed with their number and nothing is recorded until they are fixed or removed.
 */
@Controller
class DuesStatementController {

    static final int MAX_LINES = 500;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final MemberDues dues;
    private final MessageSource messages;

    DuesStatementController(MemberDues dues, MessageSource messages) {
        this.dues = dues;
        this.messages = messages;
    }

    @GetMapping("/finance/dues/statement")
    String form(AccessScope scope, Model model) {
        requireReader(scope);
        model.addAttribute("lines", "");
        model.addAttribute("errors", List.of());
        model.addAttribute("results", List.of());
        model.addAttribute("canRecord", scope.can(FeeRules.POST));
        return "finance/dues/statement";
    }

    @PostMapping("/finance/dues/statement")
    String match(
            @RequestParam(defaultValue = "check") String action,
            AccessScope scope,
            HttpServletRequest request,
            Model model) {
        requireReader(scope);
        boolean record = "record".equals(action);
        if (record) {
            scope.require(FeeRules.POST);
        }
        // Read raw: the global binder collapses white space, and the line breaks are the structure here.
        String lines = request.getParameter("lines");
        String text = lines == null ? "" : Normalizer.normalize(lines, Normalizer.Form.NFC);
        List<String> errors = new ArrayList<>();
        List<Parsed> parsed = parse(text, errors, request);
        List<Result> results = new ArrayList<>();
        if (errors.isEmpty()) {
            var actor = scope.actor(request.getRemoteAddr());
            for (Parsed p : parsed) {
                StatementMatch m;
                try {
                    m = dues.matchStatement(p.line(), record, scope, actor);
                } catch (FinanceNotFoundException e) {
                    m = new StatementMatch("OUT_OF_SCOPE", null, null, null, null, null);
                } catch (BusinessException e) {
                    errors.add(message(
                            "dues.statement.page.lineRefused",
                            request,
                            p.number(),
                            messages.getMessage(
                                    e.messageKey(), e.args(), e.messageKey(), RequestContextUtils.getLocale(request))));
                    continue;
                }
                results.add(new Result(p.number(), p.line(), m));
            }
        }
        model.addAttribute("lines", text);
        model.addAttribute("errors", errors);
        model.addAttribute("results", results);
        model.addAttribute("recorded", record);
        model.addAttribute("canRecord", scope.can(FeeRules.POST));
        model.addAttribute(
                "matchedCount",
                results.stream()
                        .filter(r -> "MATCHED".equals(r.match().outcome()))
                        .count());
        return "finance/dues/statement";
    }

    /** One line as typed, numbered from 1 among the non-blank lines of the text box. */
    record Parsed(int number, StatementLine line) {}

    /** A line and what it matched. */
    record Result(int number, StatementLine line, StatementMatch match) {}

    private List<Parsed> parse(String text, List<String> errors, HttpServletRequest request) {
        List<Parsed> out = new ArrayList<>();
        String[] raw = text.split("\\R");
        int number = 0;
        for (String l : raw) {
            if (l.isBlank()) {
                continue;
            }
            number++;
            if (number > MAX_LINES) {
                errors.add(message("dues.statement.page.tooMany", request, MAX_LINES));
                return List.of();
            }
            // Tab (copied from a spreadsheet or a bank's web table), semicolon or vertical bar; the content comes
            // last and keeps any separator it contains.
            String separator = l.contains("\t") ? "\t" : l.contains(";") ? ";" : "|";
            String[] f = l.split(java.util.regex.Pattern.quote(separator), 4);
            if (f.length < 4) {
                errors.add(message("dues.statement.page.fields", request, number));
                continue;
            }
            String reference = f[0].strip();
            LocalDate date;
            try {
                date = LocalDate.parse(f[1].strip(), DATE);
            } catch (DateTimeParseException e) {
                errors.add(message("dues.statement.page.date", request, number, f[1].strip()));
                continue;
            }
            String digits = f[2].replaceAll("[.,\\s]|đ|VND|vnd", "");
            if (reference.isEmpty()) {
                errors.add(message("dues.statement.page.reference", request, number));
                continue;
            }
            if (!digits.matches("[0-9]{1,15}") || Long.parseLong(digits) == 0) {
                errors.add(message("dues.statement.page.amount", request, number, f[2].strip()));
                continue;
            }
            out.add(new Parsed(
                    number, new StatementLine(reference, f[3].strip(), Money.of(Long.parseLong(digits)), date)));
        }
        if (number == 0) {
            errors.add(message("dues.statement.page.empty", request));
        }
        return out;
    }

    private void requireReader(AccessScope scope) {
        if (!scope.can(FeeRules.READ)) {
            scope.require(FeeRules.READ);
        }
    }

    private String message(String key, HttpServletRequest request, Object... args) {
        return messages.getMessage(key, args, key, RequestContextUtils.getLocale(request));
    }
}
