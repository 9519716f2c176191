package vn.congdoan.membership.web;

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
import vn.congdoan.membership.MemberRejectedException;
import vn.congdoan.membership.StaleMemberException;

/**
 * The member API's answers to refused data (RFC 9457): 422 with {@code errors}, one entry per field with its
 * Vietnamese reason, and 409 for a stale version.
 */
@ControllerAdvice(assignableTypes = MemberApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MemberApiAdvice {

    private final MessageSource messages;

    MemberApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MemberRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MemberRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("member.rejected", null, locale));
        problem.setTitle(messages.getMessage("member.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(StaleMemberException.class)
    ResponseEntity<ProblemDetail> stale(StaleMemberException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, messages.getMessage("member.stale", null, locale)));
    }
}
