package vn.congdoan.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the audit page; every field optional. Dates are inclusive, in Vietnam time. */
public record AuditFilter(
        @Nullable String action,
        @Nullable String actor,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        int page) {}
