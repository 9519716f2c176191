package vn.congdoan.enterprises.web;

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
import vn.congdoan.enterprises.EnterpriseRejectedException;
import vn.congdoan.enterprises.StaleEnterpriseException;

/**
 * The API's answers to refused enterprises (RFC 9457): 422 with {@code errors}, one entry per field with its
 * Vietnamese reason, and 409 for a stale version. Pages catch these themselves and show them on the form.
 */
@ControllerAdvice(assignableTypes = EnterpriseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnterpriseWebAdvice {

    private final MessageSource messages;

    EnterpriseWebAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(EnterpriseRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(EnterpriseRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("enterprise.rejected", null, locale));
        problem.setTitle(messages.getMessage("enterprise.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StaleEnterpriseException.class)
    ResponseEntity<ProblemDetail> stale(StaleEnterpriseException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, messages.getMessage("error.staleVersion", null, locale));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
