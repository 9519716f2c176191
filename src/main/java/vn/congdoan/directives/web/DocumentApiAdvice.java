package vn.congdoan.directives.web;

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
import vn.congdoan.directives.DocumentRejectedException;
import vn.congdoan.directives.StaleDocumentException;

/**
 * The document API's answers to refused data (RFC 9457): 422 with {@code errors}, one entry per field with its
 * Vietnamese reason, and 409 for a stale version.
 */
@ControllerAdvice(assignableTypes = DocumentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentApiAdvice {

    private final MessageSource messages;

    DocumentApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("document.rejected", null, locale));
        problem.setTitle(messages.getMessage("document.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StaleDocumentException.class)
    ResponseEntity<ProblemDetail> stale(StaleDocumentException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, messages.getMessage("document.stale", null, locale)));
    }
}
