package vn.congdoan.directives;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The list's filter.
 *
 * @param q a number ("108/TB", "108") or words of the summary, diacritics-insensitive
 * @param from documents dated on or after
 * @param to documents dated on or before
 * @param direction {@code OUTGOING}, {@code INCOMING} or null for both
 * @param page 0-based page
 */
public record DocumentFilter(
        @Nullable String q,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String direction,
        int page) {

    public static DocumentFilter all() {
        return new DocumentFilter(null, null, null, null, 0);
    }
}
