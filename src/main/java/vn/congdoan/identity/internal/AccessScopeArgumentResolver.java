package vn.congdoan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;

/**
 * Gives every controller the caller's {@link AccessScope} as a method argument, read from the database once per
 * request: grants revoked a second ago no longer count.
 */
@Configuration(proxyBeanMethods = false)
class AccessScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final String ATTRIBUTE = AccessScope.class.getName();

    private final Accounts accounts;

    AccessScopeArgumentResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The scope of the signed-in caller, or null for an anonymous request. */
    static AccessScope current(HttpServletRequest request, Accounts accounts) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof AccessScope scope) {
            return scope;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return null;
        }
        AccessScope scope = accounts.scopeOf(user.userId());
        request.setAttribute(ATTRIBUTE, scope);
        return scope;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AccessScope.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        AccessScope scope = current(webRequest.getNativeRequest(HttpServletRequest.class), accounts);
        if (scope == null) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        return scope;
    }
}
