package vn.congdoan.finance.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.finance.Budgets;
import vn.congdoan.finance.FinanceRejectedException;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/** Parsing typed amounts and dates, refused fields as messages, and downloads — for the budget pages. */
final class FinanceForms {

    private FinanceForms() {}

    /** "1.234.567", "1234567", "1 234 567 đ" → the amount; blank → null; anything else → a problem on the field. */
    static @Nullable Money amount(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.replace("đ", "")
                .replace(".", "")
                .replace(" ", "")
                .replace("\u00A0", "")
                .strip();
        if (!digits.matches("\\d{1,16}")) {
            problems.add(new FieldProblem(
                    field, "budgets.amount.format", text.length() > 30 ? text.substring(0, 30) : text));
            return null;
        }
        return Money.of(new BigDecimal(digits));
    }

    static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate d = Dates.parse(text);
        if (d == null) {
            problems.add(new FieldProblem(field, "budgets.date.format"));
        }
        return d;
    }

    static Map<String, String> errors(FinanceRejectedException e, MessageSource messages, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.merge(p.field(), messages.getMessage(p.messageKey(), p.args(), locale), (a, b) -> a + " " + b);
        }
        return errors;
    }

    static ResponseEntity<byte[]> send(Budgets.BudgetFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    static int version(@Nullable String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
