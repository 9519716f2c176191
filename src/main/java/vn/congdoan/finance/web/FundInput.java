package vn.congdoan.finance.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.Money;

/**
 * Parsing of what people type on the fund pages: months {@code MM/yyyy} (or {@code yyyy-MM}), whole đồng amounts
 * with or without grouping dots ({@code 1.234.567}), fractions typed as percentages ({@code 20} or {@code 20%} →
 * 0.2). A value that cannot be read adds a problem naming the field; an empty one is null (the facade then says it
 * is required).
 */
final class FundInput {

    private FundInput() {}

    static @Nullable YearMonth month(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (String pattern : List.of("MM/yyyy", "M/yyyy", "yyyy-MM")) {
            try {
                return YearMonth.parse(t, DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        problems.add(new FieldProblem(field, "fund.month.format", t));
        return null;
    }

    static @Nullable Money money(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("\u0111", "").replace("\u00A0", " ").strip();
        if (!t.matches("[0-9]{1,16}|[0-9]{1,3}([. ][0-9]{3}){1,5}")) {
            problems.add(new FieldProblem(field, "fund.money.format", text.strip()));
            return null;
        }
        return Money.of(new BigDecimal(t.replaceAll("[. ]", "")));
    }

    static @Nullable Integer count(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(".", "");
        if (!t.matches("[0-9]{1,9}")) {
            problems.add(new FieldProblem(field, "fund.count.format", text.strip()));
            return null;
        }
        return Integer.valueOf(t);
    }

    /** A percentage as typed ({@code 20}, {@code 12,5}, {@code 20%}) as a fraction (0.2, 0.125). */
    static @Nullable BigDecimal percent(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("%", "").replace(',', '.').strip();
        if (!t.matches("[0-9]{1,3}(\\.[0-9]{1,4})?")) {
            problems.add(new FieldProblem(field, "fund.relief.rate", text.strip()));
            return null;
        }
        return new BigDecimal(t).movePointLeft(2);
    }
}
