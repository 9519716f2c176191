package vn.congdoan.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.reporting.ReportRejectedException;
import vn.congdoan.reporting.StaleReportException;

/** The reporting API's answers to refused data: 422 with {@code errors} per field, 409 for a stale version. */
@ControllerAdvice(assignableTypes = {ReportApiController.class, TargetApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportApiAdvice {

    private final MessageSource messages;

    ReportApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ReportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ReportRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("report.rejected", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StaleReportException.class)
    ResponseEntity<ProblemDetail> stale(StaleReportException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, messages.getMessage("report.stale", null, locale)));
    }
}
