package vn.congdoan.membership.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Ethnicities;

/**
 * Streams the filtered list to XLSX (fastexcel) or CSV (UTF-8 with BOM, so Excel reads the diacritics), row by row
 * from a server-side cursor: never the whole list in memory. Text that a spreadsheet could take for a formula gets a
 * leading apostrophe (OWASP CSV injection). Sensitive columns are filled only for members in the caller's {@link
 * Members#SENSITIVE} subtrees, and their ids are returned for the access log.
 */
@Component
class MemberExporter {

    static final List<String> SENSITIVE_COLUMNS =
            List.of("ethnicity", "religion", "partyMember", "partyJoinedOn", "salaryBasis");

    private static final List<String> HEADERS = List.of(
            "member.export.no",
            "member.field.memberCode",
            "member.field.fullName",
            "member.field.sex",
            "member.field.birthDate",
            "member.field.cccd",
            "member.field.phone",
            "member.field.unit",
            "member.field.status",
            "member.field.joinedOn",
            "member.field.enterprise",
            "member.field.jobTitle",
            "member.field.unionPosition");

    private static final List<String> SENSITIVE_HEADERS = List.of(
            "member.field.ethnicity",
            "member.field.religion",
            "member.field.partyMember",
            "member.field.partyJoinedOn",
            "member.field.salaryBasis");

    private final NamedParameterJdbcTemplate named;
    private final MessageSource messages;

    MemberExporter(DataSource dataSource, MessageSource messages) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2000);
        this.named = new NamedParameterJdbcTemplate(template);
        this.messages = messages;
    }

    /** What was written: every member id, and those whose sensitive values were included. */
    record Result(int rows, List<Long> ids, List<Long> sensitiveIds) {}

    Result write(
            String where,
            String order,
            Map<String, Object> params,
            Members.ExportFormat format,
            boolean sensitive,
            OutputStream out) {
        String sql =
                "select m.id, m.member_code, m.full_name, m.sex, m.birth_date, m.cccd, m.phone, u.name as unit_name,"
                        + " m.status, m.joined_on, e.name as enterprise_name, m.job_title, m.union_position,"
                        + " u.path <@ any(cast(:sensitiveRoots as ltree[])) as sensitive_ok,"
                        + " s.ethnicity, s.religion, s.party_member, s.party_joined_on, s.salary_basis"
                        + MemberQueries.FROM
                        + " left join membership.member_sensitive s on s.member_id = m.id"
                        + where + order;
        List<String> headers = new ArrayList<>(HEADERS.stream().map(this::vi).toList());
        if (sensitive) {
            SENSITIVE_HEADERS.stream().map(this::vi).forEach(headers::add);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> sensitiveIds = new ArrayList<>();
        try {
            RowSink sink = format == Members.ExportFormat.XLSX
                    ? new XlsxSink(out, vi("member.export.sheet"))
                    : new CsvSink(out);
            sink.row(headers);
            named.query(sql, params, (ResultSet rs) -> {
                long id = rs.getLong("id");
                ids.add(id);
                List<@Nullable Object> row = new ArrayList<>();
                row.add(ids.size());
                row.add(rs.getString("member_code"));
                row.add(rs.getString("full_name"));
                row.add(vi("M".equals(rs.getString("sex")) ? "member.sex.M" : "member.sex.F"));
                row.add(rs.getObject("birth_date", LocalDate.class));
                row.add(Cccd.mask(rs.getString("cccd")));
                row.add(rs.getString("phone"));
                row.add(rs.getString("unit_name"));
                row.add(vi("member.status." + rs.getString("status")));
                row.add(rs.getObject("joined_on", LocalDate.class));
                row.add(rs.getString("enterprise_name"));
                row.add(rs.getString("job_title"));
                row.add(rs.getString("union_position"));
                if (sensitive) {
                    if (rs.getBoolean("sensitive_ok")) {
                        sensitiveIds.add(id);
                        String eth = rs.getString("ethnicity");
                        row.add(eth == null ? null : Ethnicities.name(eth));
                        row.add(rs.getString("religion"));
                        row.add(rs.getBoolean("party_member") ? vi("member.yes") : vi("member.no"));
                        row.add(rs.getObject("party_joined_on", LocalDate.class));
                        Object salary = rs.getObject("salary_basis");
                        row.add(salary == null ? null : ((Number) salary).longValue());
                    } else {
                        for (int i = 0; i < SENSITIVE_HEADERS.size(); i++) {
                            row.add(null);
                        }
                    }
                }
                try {
                    sink.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(ids.size(), ids, sensitiveIds);
    }

    /** Text that Excel or LibreOffice would read as a formula gets a leading apostrophe. */
    static @Nullable String escape(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private String vi(String key) {
        return messages.getMessage(key, null, key, Locale.forLanguageTag("vi"));
    }

    private interface RowSink {
        void row(List<? extends @Nullable Object> values) throws IOException;

        void finish() throws IOException;
    }

    private static final class XlsxSink implements RowSink {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int r;

        XlsxSink(OutputStream out, String name) {
            workbook = new Workbook(out, "congdoan", "1.0");
            sheet = workbook.newWorksheet(name);
        }

        @Override
        public void row(List<? extends @Nullable Object> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof LocalDate d) {
                    sheet.value(r, c, Dates.format(d));
                } else if (v instanceof Number n) {
                    sheet.value(r, c, n);
                } else {
                    sheet.value(r, c, escape(v.toString()));
                }
            }
            if (r == 0) {
                sheet.style(r, 0).bold().set();
                sheet.freezePane(0, 1);
            }
            r++;
            if (r % 2000 == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.finish();
        }
    }

    private static final class CsvSink implements RowSink {
        private final BufferedWriter writer;

        CsvSink(OutputStream out) throws IOException {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
        }

        @Override
        public void row(List<? extends @Nullable Object> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                if (c > 0) {
                    writer.write(',');
                }
                Object v = values.get(c);
                String s = v == null ? "" : v instanceof LocalDate d ? Dates.format(d) : v.toString();
                if (!(v instanceof Number)) {
                    s = escape(s);
                }
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                writer.write(s);
            }
            writer.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }
}
