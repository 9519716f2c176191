package vn.congdoan.finance.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Money;

/** Reading money, months and percentages as Vietnamese users type them. */
final class FinanceInput {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([. ]\\d{3})+");
    private static final Pattern PLAIN = Pattern.compile("\\d{1,18}");
    private static final DateTimeFormatter MONTH_VN = DateTimeFormatter.ofPattern("MM/uuuu");
    private static final DateTimeFormatter MONTH_ISO = DateTimeFormatter.ofPattern("uuuu-MM");

    private FinanceInput() {}

    /** Whole đồng: {@code 10000000}, {@code 10.000.000} or {@code 10 000 000}, optionally ending in đ; else null. */
    static @Nullable Money money(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('\u00A0', ' ');
        if (t.endsWith("đ") || t.endsWith("Đ")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(".", "").replace(" ", "");
        }
        if (!PLAIN.matcher(t).matches()) {
            return null;
        }
        return Money.of(new BigDecimal(t));
    }

    /** {@code MM/yyyy} or {@code yyyy-MM}; else null. */
    static @Nullable YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            YearMonth m = YearMonth.parse(t, t.contains("/") ? MONTH_VN : MONTH_ISO);
            return m.getYear() < 1990 || m.getYear() > 2100 ? null : m;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String monthText(YearMonth m) {
        return MONTH_VN.format(m);
    }

    /** A decimal with a comma or a point ({@code 0,5} or {@code 0.5}); else null. */
    static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(',', '.');
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!t.matches("\\d{1,3}(\\.\\d{1,6})?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** A percentage typed on a page ({@code 0,5} → 0.005); else null. */
    static @Nullable BigDecimal percent(@Nullable String text) {
        BigDecimal d = decimal(text);
        return d == null ? null : d.movePointLeft(2).stripTrailingZeros();
    }
}
