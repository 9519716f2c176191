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

/** The finance core API's answer to refused data (RFC 9457): 422 with {@code errors[]} naming each field. */
@ControllerAdvice(assignableTypes = FinanceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FinanceApiAdvice {

    private final MessageSource messages;

    FinanceApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FinanceRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FinanceRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("finance.rejected", null, locale));
        problem.setTitle(messages.getMessage("finance.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
