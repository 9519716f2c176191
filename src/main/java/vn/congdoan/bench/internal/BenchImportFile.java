package vn.congdoan.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.PhoneNumbers;

/**
 * Valid synthetic member import files in the import template's format: a copy of the membership module's own test-file
 * generator ({@code membership.internal.imports.ImportFileGenerator}, which the module boundary keeps out of reach),
 * with one change: the CCCD serials start at {@value #SERIAL_BASE} and count up, so no row of the file ever has the
 * CCCD of a member of the generated national world (serials from 600,000 up; about 840,000 at 11 million members,
 * whose birth years crowd around the working-age peak, see {@link NationalMembersGenerator}): the file takes serials
 * below 600,000, which the generated world leaves free. At most {@value #MAX_ROWS} rows.
 */
final class BenchImportFile {

    static final int SERIAL_BASE = 100_000;
    static final int MAX_ROWS = 250_000;

    /** The template's headers (as {@code member-import.properties} writes them), in the order the files use. */
    static final List<String> HEADERS = List.of(
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Số CCCD",
            "Điện thoại",
            "Email",
            "Quốc tịch",
            "Quê quán",
            "Nơi ở hiện nay",
            "Trình độ văn hóa",
            "Chuyên môn",
            "Lý luận chính trị",
            "Công việc",
            "Loại hợp đồng",
            "Ngày vào công đoàn",
            "Mã đơn vị",
            "Chức vụ công đoàn",
            "Quyết định kết nạp");

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Lường", "Quàng", "Tòng", "Giàng", "Vàng",
        "Thào", "Sùng", "Tẩn", "Chảo", "Phàn", "Lý", "Điêu", "Cầm"
    };
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "A", "Văn"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thị", "Mỹ"};
    private static final String[] GIVEN_M = {
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Sơn", "Thắng", "Tuấn",
        "Páo", "Chứ", "Sình", "Chinh", "Kiên", "Lực"
    };
    private static final String[] GIVEN_F = {
        "Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Thảo", "Trang", "Vân",
        "Yến", "Dợ", "Sua", "Xuân", "Ánh"
    };
    private static final String[] PLACES = {
        "Phường Tân Phong, Lai Châu", "Phường Đoàn Kết, Lai Châu", "Xã Bình Lư, Lai Châu", "Xã Sìn Hồ, Lai Châu",
        "Xã Mường Tè, Lai Châu", "Xã Than Uyên, Lai Châu", "Xã Tân Uyên, Lai Châu", "Xã Phong Thổ, Lai Châu"
    };
    private static final String[] JOBS = {
        "Công nhân", "Giáo viên", "Nhân viên văn phòng", "Kế toán", "Lái xe", "Y sĩ", "Kỹ thuật viên", "Bảo vệ"
    };
    private static final String[] QUALIFICATIONS = {"Trung cấp", "Cao đẳng", "Đại học", "Không", "Sơ cấp nghề"};
    private static final String[] CONTRACTS = {
        "Không xác định thời hạn", "Xác định thời hạn từ 12 đến 36 tháng", "Dưới 12 tháng", "INDEFINITE"
    };
    private static final LocalDate LATEST_JOIN = LocalDate.of(2025, 6, 30);

    private BenchImportFile() {}

    /** A CSV file (UTF-8 with BOM, comma separated, CRLF) of {@code rows} valid members for the unit. */
    static void writeCsv(Path file, int rows, long seed, @Nullable String unitCode) throws IOException {
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " rows");
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", HEADERS));
            w.write("\r\n");
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < rows; i++) {
                List<String> r = row(random, i, unitCode);
                for (int c = 0; c < r.size(); c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    String v = r.get(c);
                    w.write(v.indexOf(',') >= 0 ? '"' + v + '"' : v);
                }
                w.write("\r\n");
            }
        }
    }

    /** One member, as the template's columns (see {@link #HEADERS}). */
    static List<String> row(SplittableRandom random, int i, @Nullable String unitCode) {
        boolean male = random.nextBoolean();
        String sex = male ? "M" : "F";
        String name = pick(random, FAMILY) + " " + pick(random, male ? MIDDLE_M : MIDDLE_F) + " "
                + pick(random, male ? GIVEN_M : GIVEN_F);
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 35));
        LocalDate joined = birth.plusYears(18 + random.nextInt(12)).plusDays(random.nextInt(365));
        if (joined.isAfter(LATEST_JOIN)) {
            joined = LATEST_JOIN.minusDays(random.nextInt(300));
        }
        // Serials 750,000 and up: never a CCCD of the generated world (600,000 up to about 735,000).
        long serial = SERIAL_BASE + i;
        List<String> r = new ArrayList<>(HEADERS.size());
        r.add(name);
        r.add(male ? "Nam" : "Nữ");
        r.add(Dates.format(birth));
        r.add(Cccd.demoNumber(birth, sex, serial));
        r.add(PhoneNumbers.demoNumber(serial));
        r.add(random.nextInt(5) == 0 ? "dv" + serial + "@example.com" : "");
        r.add("VN");
        r.add(pick(random, PLACES));
        r.add(pick(random, PLACES));
        r.add("12/12");
        r.add(pick(random, QUALIFICATIONS));
        r.add(random.nextInt(4) == 0 ? "Sơ cấp" : "");
        r.add(pick(random, JOBS));
        r.add(pick(random, CONTRACTS));
        r.add(Dates.format(joined));
        r.add(unitCode == null ? "" : unitCode);
        r.add(random.nextInt(20) == 0 ? "Tổ trưởng công đoàn" : "");
        r.add(random.nextInt(3) == 0 ? (1 + random.nextInt(90)) + "/QĐ-CĐCS" : "");
        return r;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
