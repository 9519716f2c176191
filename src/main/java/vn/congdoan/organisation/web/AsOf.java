package vn.congdoan.organisation.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Dates;

/** The "as of" date of a request: the {@code asOf} parameter (dd/MM/yyyy or yyyy-MM-dd), today when absent. */
record AsOf(LocalDate date, boolean today, boolean invalid) {

    static AsOf of(@Nullable String raw, Clock clock) {
        LocalDate today = Dates.today(clock);
        if (raw == null || raw.isBlank()) {
            return new AsOf(today, true, false);
        }
        LocalDate parsed = Dates.parse(raw);
        if (parsed == null || parsed.getYear() < 1900 || parsed.getYear() > 2999) {
            return new AsOf(today, true, true);
        }
        return new AsOf(parsed, parsed.equals(today), false);
    }

    /** The query-string value to carry in links ("" for today). */
    String param() {
        return today ? "" : date.toString();
    }
}
