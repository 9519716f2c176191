package vn.congdoan.reporting.internal.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

/** The dates of a period kind and year (see {@link vn.congdoan.reporting.StatisticsReports.Period}). */
final class Periods {

    private Periods() {}

    static LocalDate from(String kind, int year) {
        return "TET_QUICK".equals(kind) ? LocalDate.of(year - 1, 12, 1) : LocalDate.of(year, 1, 1);
    }

    static LocalDate to(String kind, int year) {
        switch (kind) {
            case "HALF_YEAR":
                return LocalDate.of(year, 6, 30);
            case "TET_QUICK":
                return YearMonth.of(year, 2).atEndOfMonth();
            default:
                return LocalDate.of(year, 12, 31);
        }
    }
}
