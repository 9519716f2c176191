package vn.congdoan.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.reporting.Dashboard;
import vn.congdoan.reporting.Dashboards;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/** The dashboard's figures as JSON, through the same facade and scope rules as the page. */
@RestController
@Tag(name = "Dashboards", description = "Bảng điều khiển: số liệu đoàn viên và đơn vị của một đơn vị tại một ngày")
class DashboardApiController {

    private final Dashboards dashboards;
    private final Clock clock;

    DashboardApiController(Dashboards dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(
            summary = "Bảng điều khiển của một đơn vị tại một ngày",
            description = "Đoàn viên theo giới tính, độ tuổi, dân tộc (chi tiết chỉ khi có quyền member.read-sensitive,"
                    + " được ghi nhật ký truy cập), loại hình kinh tế; tăng giảm 12 tháng; đơn vị theo loại; bảng đơn vị"
                    + " trực thuộc (tổng = tổng các dòng). Đơn vị ngoài phạm vi report.read: 404.")
    ResponseEntity<?> dashboard(
            @Parameter(description = "Mã số (id) đơn vị; bỏ trống: đơn vị của người dùng")
                    @RequestParam(required = false)
                    @Nullable
                    Long unit,
            @Parameter(description = "Ngày, dd/MM/yyyy hoặc yyyy-MM-dd; bỏ trống: hôm nay")
                    @RequestParam(required = false)
                    @Nullable
                    String date,
            AccessScope scope,
            HttpServletRequest request) {
        LocalDate asOf = Dates.parse(date);
        if (date != null && !date.isBlank() && asOf == null) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Dữ liệu không hợp lệ");
            problem.setProperty(
                    "errors",
                    List.of(Map.of("field", "date", "message", "Ngày không hợp lệ, hãy nhập theo dạng dd/MM/yyyy")));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
        }
        if (asOf == null) {
            asOf = Dates.today(clock);
        }
        Dashboard d = dashboards.dashboard(unit, asOf, scope, scope.actor(request.getRemoteAddr()), "API");
        return ResponseEntity.ok(d);
    }
}
