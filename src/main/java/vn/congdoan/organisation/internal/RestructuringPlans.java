package vn.congdoan.organisation.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.organisation.PlanResult.RowError;
import vn.congdoan.organisation.Restructuring;
import vn.congdoan.organisation.Restructuring.Decision;
import vn.congdoan.organisation.Restructuring.NewUnit;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.Text;

/**
 * Bulk restructuring plans as XLSX: one operation per row, in the order written (a row may use a unit an earlier
 * row founded). Reading checks each cell; unit codes are resolved when the row runs.
 */
final class RestructuringPlans {

    static final int MAX_ROWS = 5_000;

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** Columns, in order. The headers are what users see and what the reader expects. */
    enum Column {
        NO("STT"),
        OPERATION("Thao tác"),
        UNIT("Mã đơn vị"),
        OTHER("Mã đơn vị cha mới / đơn vị nhận"),
        NEW_CODE("Mã đơn vị mới"),
        NEW_NAME("Tên đơn vị mới / tên mới"),
        TYPE("Loại đơn vị"),
        EFFECTIVE("Ngày hiệu lực"),
        DECISION_NO("Số quyết định"),
        DECISION_DATE("Ngày quyết định"),
        ISSUER("Cơ quan ban hành");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    /** Operations a plan may hold, by code and by their Vietnamese label. Splits need a child plan: wizard only. */
    static final Map<String, String> OPERATIONS = Map.of(
            "CREATE", "Thành lập",
            "RENAME", "Đổi tên",
            "MOVE", "Chuyển đơn vị cha",
            "MERGE", "Hợp nhất vào",
            "DISSOLVE", "Giải thể",
            "CLOSE", "Chấm dứt hoạt động CĐCS");

    /** A plan row as read: cells cleaned, dates parsed; {@code errors} when a cell is unusable. */
    record Row(
            int number,
            String operation,
            @Nullable String unit,
            @Nullable String other,
            @Nullable String newCode,
            @Nullable String newName,
            @Nullable String type,
            @Nullable LocalDate effective,
            @Nullable String decisionNo,
            @Nullable LocalDate decisionDate,
            @Nullable String issuer,
            List<RowError> errors) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RestructuringPlans(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Row> read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw new BusinessException("organisation.plan.notXlsx");
        }
        List<Row> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                var it = stream.iterator();
                boolean header = true;
                while (it.hasNext()) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    if (header) {
                        checkHeader(r);
                        header = false;
                        continue;
                    }
                    if (blank(r)) {
                        continue;
                    }
                    if (rows.size() >= MAX_ROWS) {
                        throw new BusinessException("organisation.plan.tooManyRows", MAX_ROWS);
                    }
                    rows.add(row(r));
                }
                if (header) {
                    throw new BusinessException("organisation.plan.empty");
                }
            }
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BusinessException("organisation.plan.unreadable");
        }
        return rows;
    }

    private static void checkHeader(org.dhatim.fastexcel.reader.Row r) {
        for (Column c : Column.values()) {
            String text = text(r, c.ordinal());
            if (text == null || !Text.searchKey(text).equals(Text.searchKey(c.header))) {
                throw new BusinessException("organisation.plan.badHeader", c.ordinal() + 1, c.header);
            }
        }
    }

    private static boolean blank(org.dhatim.fastexcel.reader.Row r) {
        for (int i = 1; i < Column.values().length; i++) {
            String t = text(r, i);
            if (t != null && !t.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Row row(org.dhatim.fastexcel.reader.Row r) {
        int number = r.getRowNum();
        List<RowError> errors = new ArrayList<>();
        String op = Optional.ofNullable(text(r, Column.OPERATION.ordinal()))
                .map(RestructuringPlans::operationCode)
                .orElse(null);
        if (op == null) {
            errors.add(error(number, Column.OPERATION, "organisation.plan.operationUnknown"));
            op = "";
        }
        LocalDate effective = date(r, Column.EFFECTIVE, number, errors, true);
        LocalDate decisionDate = date(r, Column.DECISION_DATE, number, errors, true);
        String unit = code(r, Column.UNIT);
        String other = code(r, Column.OTHER);
        String newCode = code(r, Column.NEW_CODE);
        String newName = text(r, Column.NEW_NAME.ordinal());
        String type = code(r, Column.TYPE);
        String decisionNo = text(r, Column.DECISION_NO.ordinal());
        String issuer = text(r, Column.ISSUER.ordinal());
        require(decisionNo, Column.DECISION_NO, number, errors);
        require(issuer, Column.ISSUER, number, errors);
        switch (op) {
            case "CREATE" -> {
                require(other, Column.OTHER, number, errors);
                require(newCode, Column.NEW_CODE, number, errors);
                require(newName, Column.NEW_NAME, number, errors);
                require(type, Column.TYPE, number, errors);
            }
            case "RENAME" -> {
                require(unit, Column.UNIT, number, errors);
                require(newName, Column.NEW_NAME, number, errors);
            }
            case "MOVE", "MERGE" -> {
                require(unit, Column.UNIT, number, errors);
                require(other, Column.OTHER, number, errors);
            }
            case "DISSOLVE", "CLOSE" -> require(unit, Column.UNIT, number, errors);
            default -> {}
        }
        for (Column c : new Column[] {Column.NEW_NAME, Column.DECISION_NO, Column.ISSUER}) {
            String t = text(r, c.ordinal());
            if (t != null && !t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
                errors.add(error(number, c, "organisation.plan.formula"));
            }
        }
        return new Row(
                number, op, unit, other, newCode, newName, type, effective, decisionNo, decisionDate, issuer, errors);
    }

    /** The operation of a checked row, with codes resolved against the tree as it stands now (inside the plan). */
    Restructuring resolve(Row row) {
        Decision decision = new Decision(row.decisionNo(), row.decisionDate(), row.issuer());
        LocalDate on = row.effective();
        return switch (row.operation()) {
            case "CREATE" ->
                new Restructuring.Create(
                        new NewUnit(unit(row.other()), row.type(), row.newCode(), row.newName(), null), on, decision);
            case "RENAME" -> new Restructuring.Rename(unit(row.unit()), row.newName(), null, on, decision);
            case "MOVE" -> new Restructuring.Move(unit(row.unit()), unit(row.other()), on, decision);
            case "MERGE" -> new Restructuring.Merge(List.of(unit(row.unit())), unit(row.other()), null, on, decision);
            case "DISSOLVE" ->
                new Restructuring.Dissolve(
                        unit(row.unit()), row.other() == null ? null : unit(row.other()), false, on, decision);
            case "CLOSE" -> new Restructuring.Close(unit(row.unit()), on, decision);
            default -> throw new BusinessException("organisation.plan.operationUnknown");
        };
    }

    private long unit(@Nullable String code) {
        if (code == null) {
            throw new BusinessException("organisation.plan.unitUnknown", "");
        }
        return jdbc.sql("select id from organisation.org_unit where code = :c and valid_to is null")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new BusinessException("organisation.plan.unitUnknown", code));
    }

    void writeTemplate(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "congdoan", "1.0");
        Worksheet plan = wb.newWorksheet("Kế hoạch");
        for (Column c : Column.values()) {
            plan.value(0, c.ordinal(), c.header);
            plan.style(0, c.ordinal()).bold().fillColor("DDEBF7").set();
            plan.width(c.ordinal(), c == Column.NO ? 6 : 22);
        }
        LocalDate today = Dates.today(clock);
        Object[] example = {
            1,
            OPERATIONS.get("MOVE"),
            "LCU-CS0001",
            "LCU-X02",
            null,
            null,
            null,
            today,
            "01/QĐ-LĐLĐ",
            today,
            "Ban Thường vụ LĐLĐ tỉnh Lai Châu"
        };
        for (int i = 0; i < example.length; i++) {
            Object v = example[i];
            if (v instanceof LocalDate d) {
                plan.value(1, i, d);
                plan.style(1, i).format("dd/mm/yyyy").set();
            } else if (v instanceof Integer n) {
                plan.value(1, i, n);
            } else if (v != null) {
                plan.value(1, i, v.toString());
            }
        }
        Worksheet help = wb.newWorksheet("Danh mục");
        help.value(0, 0, "Thao tác");
        help.value(0, 1, "Mã");
        help.value(0, 2, "Cột cần điền");
        help.style(0, 0).bold().set();
        help.style(0, 1).bold().set();
        help.style(0, 2).bold().set();
        String[][] ops = {
            {"CREATE", "Mã đơn vị cha mới, Mã đơn vị mới, Tên đơn vị mới, Loại đơn vị"},
            {"RENAME", "Mã đơn vị, Tên mới"},
            {"MOVE", "Mã đơn vị, Mã đơn vị cha mới"},
            {"MERGE", "Mã đơn vị (bị hợp nhất), Mã đơn vị nhận"},
            {"DISSOLVE", "Mã đơn vị; đơn vị nhận (nếu có)"},
            {"CLOSE", "Mã đơn vị (CĐCS)"}
        };
        for (int i = 0; i < ops.length; i++) {
            help.value(i + 1, 0, OPERATIONS.get(ops[i][0]));
            help.value(i + 1, 1, ops[i][0]);
            help.value(i + 1, 2, ops[i][1]);
        }
        int row = ops.length + 3;
        help.value(row, 0, "Loại đơn vị");
        help.value(row, 1, "Mã");
        help.style(row, 0).bold().set();
        help.style(row, 1).bold().set();
        List<String[]> types = jdbc.sql(
                        "select name, code from organisation.unit_type where valid_to is null order by sort_order")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] t : types) {
            row++;
            help.value(row, 0, t[0]);
            help.value(row, 1, t[1]);
        }
        help.width(0, 40);
        help.width(1, 24);
        help.width(2, 60);
        wb.finish();
    }

    static @Nullable String operationCode(String text) {
        String key = Text.searchKey(text);
        for (Map.Entry<String, String> e : OPERATIONS.entrySet()) {
            if (key.equals(e.getKey().toLowerCase(Locale.ROOT)) || key.equals(Text.searchKey(e.getValue()))) {
                return e.getKey();
            }
        }
        return null;
    }

    private static @Nullable String text(org.dhatim.fastexcel.reader.Row r, int index) {
        Optional<Cell> cell = r.getOptionalCell(index);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return null;
        }
        Cell c = cell.get();
        String raw = c.getType() == CellType.NUMBER ? plain(c.asNumber()) : c.getText();
        String t = Text.clean(raw);
        return t == null || t.isEmpty() ? null : t;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static @Nullable String code(org.dhatim.fastexcel.reader.Row r, Column c) {
        String t = text(r, c.ordinal());
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    private static @Nullable LocalDate date(
            org.dhatim.fastexcel.reader.Row r, Column c, int number, List<RowError> errors, boolean required) {
        Optional<Cell> cell = r.getOptionalCell(c.ordinal());
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            if (required) {
                errors.add(error(number, c, "organisation.plan.required"));
            }
            return null;
        }
        Cell v = cell.get();
        try {
            if (v.getType() == CellType.NUMBER) {
                // Excel's 1900 date system: day 1 is 01/01/1900, counted from 30/12/1899 (the 1900 leap-year quirk).
                long days = v.asNumber().longValue();
                if (days < 1 || days > 2_958_465) {
                    throw new IllegalArgumentException("not a date serial");
                }
                return EXCEL_EPOCH.plusDays(days);
            }
        } catch (RuntimeException e) {
            errors.add(error(number, c, "organisation.plan.badDate"));
            return null;
        }
        LocalDate d = Dates.parse(Text.clean(v.getText()));
        if (d == null) {
            errors.add(error(number, c, "organisation.plan.badDate"));
        }
        return d;
    }

    private static void require(@Nullable String value, Column c, int number, List<RowError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(error(number, c, "organisation.plan.required"));
        }
    }

    private static RowError error(int number, Column c, String key) {
        return new RowError(number, c.header, key, List.of());
    }
}
