package vn.congdoan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.ForbiddenException;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.Text;

/**
 * What every page and endpoint shares: NFC text from every form, the demo flag for the layout, and the mapping of
 * business exceptions to 404 / 403 / 422 — an error page for pages, a problem body (RFC 9457) for the API.
 */
@ControllerAdvice
class GlobalWebAdvice {

    private final MessageSource messages;
    private final boolean demo;

    GlobalWebAdvice(MessageSource messages, @Value("${congdoan.demo:false}") boolean demo) {
        this.messages = messages;
        this.demo = demo;
    }

    @InitBinder
    void normaliseText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Text.clean(text));
            }
        });
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        // A page rendered as the answer to a POST has no GET address to return to after switching language.
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.NOT_FOUND, "error.notFound.detail", request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badPath(HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.NOT_FOUND, "error.notFound.detail", request, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.FORBIDDEN, "error.forbidden.detail", request, response);
    }

    @ExceptionHandler(BusinessException.class)
    Object refused(BusinessException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), request, response, e.args());
    }

    private Object respond(
            HttpStatus status, String key, HttpServletRequest request, HttpServletResponse response, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        String detail = messages.getMessage(key, args, key, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            return ResponseEntity.status(status).body(problem);
        }
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView(
                status.is4xxClientError() && status.value() != 422 ? "error/" + status.value() : "error/4xx");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        mav.addObject("demoMode", demo);
        return mav;
    }
}
