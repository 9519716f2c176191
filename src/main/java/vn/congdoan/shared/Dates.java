package vn.congdoan.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;

/** Dates as Vietnamese users read them: the day in Asia/Ho_Chi_Minh, written dd/MM/yyyy (DESIGN.md §6). */
public final class Dates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final DateTimeFormatter VN =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** Today in Vietnam. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** {@code dd/MM/yyyy}. */
    public static String format(@Nullable LocalDate date) {
        return date == null ? "" : VN.format(date);
    }

    /** Reads {@code dd/MM/yyyy} or ISO {@code yyyy-MM-dd}; null when blank or not a date. */
    public static @Nullable LocalDate parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, VN) : LocalDate.parse(t, ISO);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
