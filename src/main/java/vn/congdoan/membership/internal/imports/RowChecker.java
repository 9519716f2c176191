package vn.congdoan.membership.internal.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.congdoan.membership.MemberInput;
import vn.congdoan.membership.internal.MemberRules;
import vn.congdoan.membership.internal.ValidMember;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.TaxCode;

/**
 * One data row → a {@link MemberInput} → {@link MemberRules} (the form's rules and messages) plus what only a file
 * has: a unit code, an MST, code lists written as words, a CCCD twice in the file. A valid row is written to the
 * staging COPY; every problem to the problem COPY, with its row, column and Vietnamese reason.
 */
final class RowChecker {

    static final String ROWS_COPY = "copy membership.import_row (job_id, row_no, unit_id, cccd, full_name, search_key,"
            + " sort_key, sex, birth_date, phone, email, nationality, home_town, residence, education, qualification,"
            + " theory_level, enterprise_id, job_title, contract_type, joined_on, union_position, admission_decision,"
            + " sensitive, ethnicity, religion, party_member, party_joined_on, health_note, salary_basis, bank_account)"
            + " from stdin";
    static final String PROBLEMS_COPY = "copy membership.import_problem (job_id, row_no, column_no, column_name,"
            + " severity, message) from stdin";

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,5}(\\.[0-9]+)?");
    private static final Pattern LOOSE_DATE = Pattern.compile("([0-9]{1,2})[/.\\-]([0-9]{1,2})[/.\\-]([0-9]{4})");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Contract types written as words (folded), as in the template's code list. */
    static final Map<String, String> CONTRACT_WORDS = Map.ofEntries(
            Map.entry("khongxacdinhthoihan", "INDEFINITE"),
            Map.entry("hopdongkhongxacdinhthoihan", "INDEFINITE"),
            Map.entry("xacdinhthoihantu12den36thang", "FIXED_12_36"),
            Map.entry("tu12den36thang", "FIXED_12_36"),
            Map.entry("xacdinhthoihanduoi12thang", "FIXED_UNDER_12"),
            Map.entry("duoi12thang", "FIXED_UNDER_12"),
            Map.entry("khongcohopdonglaodong", "NONE"),
            Map.entry("khongcohopdong", "NONE"),
            Map.entry("indefinite", "INDEFINITE"),
            Map.entry("fixed1236", "FIXED_12_36"),
            Map.entry("fixedunder12", "FIXED_UNDER_12"),
            Map.entry("none", "NONE"));

    private static final Set<String> YES = Set.of("co", "x", "1", "true", "yes", "dangvien", "y");
    private static final Set<String> NO = Set.of("khong", "0", "false", "no", "n");

    private final long jobId;
    private final MemberRules rules;
    private final MessageSource messages;
    private final ImportFiles.Header header;
    private final ImportLookups lookups;
    private final ImportLookups.Unit defaultUnit;
    private final CopyStream rows;
    private final CopyStream problems;
    private final Map<String, Integer> cccdRows = new HashMap<>();
    private final Set<ImportColumn> sensitiveUsed = EnumSet.noneOf(ImportColumn.class);
    private boolean sensitiveIgnored;
    private int total;
    private int errorRows;
    private int warnings;

    RowChecker(
            long jobId,
            MemberRules rules,
            MessageSource messages,
            ImportFiles.Header header,
            ImportLookups lookups,
            ImportLookups.Unit defaultUnit,
            CopyStream rows,
            CopyStream problems) {
        this.jobId = jobId;
        this.rules = rules;
        this.messages = messages;
        this.header = header;
        this.lookups = lookups;
        this.defaultUnit = defaultUnit;
        this.rows = rows;
        this.problems = problems;
        for (String unknown : header.unknown()) {
            warning(0, null, unknown, "member.import.column.ignored", unknown);
        }
    }

    void check(ImportFiles.SourceRow row) {
        total++;
        List<FieldProblem> found = new ArrayList<>();

        ImportLookups.Unit unit = defaultUnit;
        String unitCode = cell(row, ImportColumn.UNIT_CODE);
        if (unitCode != null) {
            Optional<ImportLookups.Unit> u = lookups.unitByCode(unitCode.toUpperCase(Locale.ROOT));
            if (u.isEmpty()) {
                found.add(new FieldProblem("unitId", "member.import.unit.unknown", unitCode));
            } else if (!u.get().writable()) {
                // Whether the unit exists elsewhere in the tree is not the caller's business.
                found.add(new FieldProblem("unitId", "member.import.unit.outOfScope", unitCode));
            } else if (!u.get().open()) {
                found.add(new FieldProblem("unitId", "member.import.unit.closed", unitCode));
            } else {
                unit = u.get();
            }
        }

        Long enterpriseId = null;
        String taxCode = cell(row, ImportColumn.ENTERPRISE_TAX_CODE);
        if (taxCode != null) {
            TaxCode.Check check = TaxCode.check(taxCode);
            if (!check.valid()) {
                found.add(new FieldProblem("enterpriseId", "member.import.enterprise.invalid", taxCode));
            } else {
                enterpriseId = lookups.enterprise(check.value());
                if (enterpriseId == null) {
                    found.add(new FieldProblem("enterpriseId", "member.import.enterprise.unknown", check.value()));
                }
            }
        }

        boolean withSensitive = unit.sensitive();
        Boolean party = null;
        String partyText = cell(row, ImportColumn.PARTY_MEMBER);
        if (partyText != null && withSensitive) {
            String key = ImportFiles.fold(partyText);
            if (YES.contains(key)) {
                party = true;
            } else if (NO.contains(key)) {
                party = false;
            } else {
                found.add(new FieldProblem("partyMember", "member.import.partyMember.format", partyText));
            }
        }
        boolean anySensitive = false;
        for (ImportColumn c : ImportColumn.values()) {
            if (c.sensitive() && cell(row, c) != null) {
                anySensitive = true;
                if (withSensitive) {
                    sensitiveUsed.add(c);
                } else {
                    sensitiveIgnored = true;
                }
            }
        }

        MemberInput input = new MemberInput(
                cell(row, ImportColumn.FULL_NAME),
                cell(row, ImportColumn.SEX),
                cell(row, ImportColumn.BIRTH_DATE),
                cell(row, ImportColumn.CCCD),
                cell(row, ImportColumn.PHONE),
                cell(row, ImportColumn.EMAIL),
                nationality(cell(row, ImportColumn.NATIONALITY)),
                cell(row, ImportColumn.HOME_TOWN),
                cell(row, ImportColumn.RESIDENCE),
                cell(row, ImportColumn.EDUCATION),
                cell(row, ImportColumn.QUALIFICATION),
                cell(row, ImportColumn.THEORY_LEVEL),
                enterpriseId,
                cell(row, ImportColumn.JOB_TITLE),
                contract(cell(row, ImportColumn.CONTRACT_TYPE)),
                cell(row, ImportColumn.JOINED_ON),
                unit.id(),
                cell(row, ImportColumn.UNION_POSITION),
                cell(row, ImportColumn.ADMISSION_DECISION),
                cell(row, ImportColumn.ETHNICITY),
                cell(row, ImportColumn.RELIGION),
                party,
                cell(row, ImportColumn.PARTY_JOINED_ON),
                cell(row, ImportColumn.HEALTH_NOTE),
                cell(row, ImportColumn.SALARY_BASIS),
                cell(row, ImportColumn.BANK_ACCOUNT));
        MemberRules.Result result = rules.check(input, withSensitive, true);
        found.addAll(result.problems());
        ValidMember v = result.member();
        if (v != null && v.cccd() != null) {
            Integer first = cccdRows.putIfAbsent(v.cccd(), row.number());
            if (first != null) {
                found.add(new FieldProblem("cccd", "member.import.cccd.twice", first));
            }
        }
        if (!found.isEmpty() || v == null) {
            errorRows++;
            for (FieldProblem p : found) {
                error(row.number(), p);
            }
            return;
        }
        stage(row.number(), v, withSensitive && anySensitive, party);
    }

    private void stage(int rowNo, ValidMember v, boolean sensitive, @Nullable Boolean party) {
        rows.value(jobId)
                .value(rowNo)
                .value(v.unitId())
                .value(v.cccd())
                .value(v.fullName())
                .value(v.searchKey())
                .value(v.sortKey())
                .value(v.sex())
                .value(v.birthDate())
                .value(v.phone())
                .value(v.email())
                .value(v.nationality())
                .value(v.homeTown())
                .value(v.residence())
                .value(v.education())
                .value(v.qualification())
                .value(v.theoryLevel())
                .value(v.enterpriseId())
                .value(v.jobTitle())
                .value(v.contractType())
                .value(v.joinedOn())
                .value(v.unionPosition())
                .value(v.admissionDecision())
                .value(sensitive);
        ValidMember.SensitiveValues s = sensitive ? v.sensitive() : null;
        if (s == null) {
            rows.value(null)
                    .value(null)
                    .value(null)
                    .value(null)
                    .value(null)
                    .value(null)
                    .value(null);
        } else {
            rows.value(s.ethnicity())
                    .value(s.religion())
                    .value(party)
                    .value(s.partyJoinedOn())
                    .value(s.healthNote())
                    .value(s.salaryBasis())
                    .value(s.bankAccount());
        }
        rows.endRow();
    }

    /** After the last row: the file-level warnings. */
    void finish() {
        if (sensitiveIgnored) {
            warning(0, null, null, "member.import.sensitive.ignored");
        }
    }

    int total() {
        return total;
    }

    int errorRows() {
        return errorRows;
    }

    int warnings() {
        return warnings;
    }

    /** Sensitive columns that brought values the caller may write (field names, for the access log). */
    List<String> sensitiveColumns() {
        return sensitiveUsed.stream().map(ImportColumn::field).toList();
    }

    private void error(int rowNo, FieldProblem p) {
        ImportColumn column = ImportColumn.byField(p.field()).orElse(null);
        Integer position = column == null || !header.has(column) ? null : header.position(column) + 1;
        String name = column == null ? null : header.header(column);
        if (name == null && column != null) {
            name = vi(column.templateKey());
        }
        problems.value(jobId)
                .value(rowNo)
                .value(position)
                .value(name)
                .value("ERROR")
                .value(vi(p.messageKey(), p.args()))
                .endRow();
    }

    private void warning(int rowNo, @Nullable Integer position, @Nullable String column, String key, Object... args) {
        warnings++;
        problems.value(jobId)
                .value(rowNo)
                .value(position)
                .value(column)
                .value("WARNING")
                .value(vi(key, args))
                .endRow();
    }

    private String vi(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }

    /** The cell of a column as text for the rules, or null when empty or absent. */
    private @Nullable String cell(ImportFiles.SourceRow row, ImportColumn column) {
        int p = header.position(column);
        if (p < 0) {
            return null;
        }
        String s = row.cell(p);
        if (s.isEmpty()) {
            return null;
        }
        boolean numeric = row.numeric().get(p);
        switch (column.type()) {
            case DATE:
                return date(s, numeric);
            case DIGITS:
                return numeric ? digits(column, s) : s;
            default:
                return s;
        }
    }

    /** An Excel day number (from a spreadsheet, or typed) becomes dd/MM/yyyy; d/M/yyyy is padded. */
    static String date(String s, boolean numeric) {
        if (numeric || SERIAL.matcher(s).matches()) {
            try {
                double days = Double.parseDouble(s);
                if (days >= 1 && days < 100_000) {
                    return vn.congdoan.shared.Dates.format(EXCEL_EPOCH.plusDays((long) Math.floor(days)));
                }
            } catch (NumberFormatException e) {
                return s;
            }
        }
        Matcher m = LOOSE_DATE.matcher(s);
        if (m.matches()) {
            return String.format(
                    "%02d/%02d/%s", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
        return s;
    }

    /** Excel drops leading zeros of numbers: CCCD, phone numbers and MST all start with 0. */
    static String digits(ImportColumn column, String s) {
        if (!DIGITS.matcher(s).matches()) {
            return s;
        }
        int want =
                switch (column) {
                    case CCCD -> s.length() >= 10 && s.length() < 12 ? 12 : 0;
                    case PHONE -> s.length() == 9 ? 10 : 0;
                    case ENTERPRISE_TAX_CODE -> s.length() < 10 && s.length() >= 8 ? 10 : 0;
                    default -> 0;
                };
        return want == 0 ? s : "0".repeat(want - s.length()) + s;
    }

    static @Nullable String contract(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String code = CONTRACT_WORDS.get(ImportFiles.fold(s));
        return code != null ? code : s;
    }

    static @Nullable String nationality(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String key = ImportFiles.fold(s);
        return key.equals("vietnam") || key.equals("vn") ? "VN" : s;
    }
}
