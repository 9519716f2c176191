package vn.congdoan.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The dashboard of a unit on a date (issue 6, item 6): members by sex, age band, ethnicity (detailed only with {@code
 * member.read-sensitive}), ownership type of the workplace, growth month by month, units by type and the table of
 * children, all as of the date over the tree of that date. Needs {@link #READ} over the unit; a unit outside the
 * caller's {@link #READ} subtrees is "not found".
 */
public interface Dashboards {

    String READ = "report.read";

    /**
     * The dashboard; {@code unitId} null means the caller's own unit (or the first unit where they hold {@link #READ}),
     * and without {@link #READ} anywhere that is {@link vn.congdoan.shared.ForbiddenException}.
     *
     * @param channel {@code PAGE}, {@code API} or {@code FILE} (access log of a detailed ethnicity view)
     */
    Dashboard dashboard(@Nullable Long unitId, LocalDate asOf, AccessScope scope, Actor actor, String channel);

    /** The same figures as an XLSX workbook, one sheet per table, labels in the locale's language. */
    void writeXlsx(Dashboard dashboard, Locale locale, OutputStream out) throws IOException;
}
