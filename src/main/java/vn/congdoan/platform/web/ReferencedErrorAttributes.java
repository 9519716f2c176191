package vn.congdoan.platform.web;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages show a short reference number instead of any detail; the same number is logged with the exception,
 * so support can find it without the user seeing a stack trace, SQL or a class name.
 */
@Component
class ReferencedErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ReferencedErrorAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        attributes.put("reference", reference);
        attributes.remove("trace");
        attributes.remove("message");
        attributes.remove("exception");
        attributes.remove("errors");
        Throwable error = getError(request);
        Object status = attributes.get("status");
        if (error != null && status instanceof Integer code && code >= 500) {
            log.error("Request failed, reference {}", reference, error);
        }
        return attributes;
    }
}
