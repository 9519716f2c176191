package vn.congdoan.finance.web;

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
import vn.congdoan.finance.FinanceRejectedException;

/** The dues API's answer to refused data (RFC 9457): 422 with {@code errors}, one entry per field, in Vietnamese. */
@ControllerAdvice(assignableTypes = DuesApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DuesApiAdvice {

    private final MessageSource messages;

    DuesApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FinanceRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FinanceRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("dues.rejected", null, locale));
        problem.setTitle(messages.getMessage("dues.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
