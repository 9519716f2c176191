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

/** The fund API's answers to refused data (RFC 9457): 422 with {@code errors[]} naming each field, 409 when stale. */
@ControllerAdvice(assignableTypes = FundApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FundApiAdvice {

    private final MessageSource messages;

    FundApiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(FinanceRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FinanceRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        boolean stale = e.problems().stream().anyMatch(p -> p.field().equals("version"));
        HttpStatus status = stale ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                stale
                        ? messages.getMessage("fund.stale", null, locale)
                        : messages.getMessage("fund.api.rejected", null, locale));
        problem.setTitle(messages.getMessage("fund.api.rejected.title", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of(
                        "field",
                        p.field(),
                        "message",
                        messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }
}
