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
import vn.congdoan.directives.StaleTaskException;
import vn.congdoan.directives.TaskRejectedException;

/** The task API's answers to refused data (RFC 9457): 422 with {@code errors[]} naming each field, 409 when stale. */
@ControllerAdvice(assignableTypes = TaskApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskApiAdvice {

    private final MessageSource messages;

    TaskApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TaskRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(TaskRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("task.rejected", null, locale));
        problem.setTitle(messages.getMessage("task.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StaleTaskException.class)
    ResponseEntity<ProblemDetail> stale(StaleTaskException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, messages.getMessage("task.stale", null, locale)));
    }
}
