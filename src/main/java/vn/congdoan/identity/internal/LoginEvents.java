package vn.congdoan.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Text;

/** Writes logins, failed logins, throttled attempts and logouts to the audit trail (never a password). */
@Component
class LoginEvents extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutHandler {

    private final AuditTrail audit;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoginEvents(AuditTrail audit, OrgTree tree, JdbcClient jdbc, Clock clock) {
        this.audit = audit;
        this.tree = tree;
        this.jdbc = jdbc;
        this.clock = clock;
        setDefaultTargetUrl("/");
        setAlwaysUseDefaultTargetUrl(false);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        SignedInUser user = (SignedInUser) auth.getPrincipal();
        audit.record(AuditRecord.of(
                        new Actor(user.userId(), user.getUsername(), request.getRemoteAddr()),
                        "LOGIN_SUCCESS",
                        homePath(user.getUsername()))
                .target("user", user.userId(), user.getUsername()));
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String attempted = attemptedUsername(request);
        Actor actor = new Actor(null, attempted, request.getRemoteAddr());
        if (exception instanceof LoginThrottledException throttled) {
            long minutes = Math.max(
                    1, (Duration.between(clock.instant(), throttled.until()).toSeconds() + 59) / 60);
            audit.record(AuditRecord.of(actor, "LOGIN_THROTTLED", homePath(attempted))
                    .detail("until=" + throttled.until()));
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
            return;
        }
        String reason = exception instanceof DisabledException ? "disabled" : "bad-credentials";
        audit.record(AuditRecord.of(actor, "LOGIN_FAILURE", homePath(attempted)).detail(reason));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            audit.record(AuditRecord.of(
                            new Actor(user.userId(), user.getUsername(), request.getRemoteAddr()),
                            "LOGOUT",
                            homePath(user.getUsername()))
                    .target("user", user.userId(), user.getUsername()));
        }
    }

    private static String attemptedUsername(HttpServletRequest request) {
        String raw = Text.clean(request.getParameter("username"));
        if (raw == null || raw.isEmpty()) {
            return "-";
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.length() > 60 ? lower.substring(0, 60) : lower;
    }

    /** The account's home unit path, so the failure is visible to that unit's administrators. */
    private @Nullable String homePath(String username) {
        List<Long> unit = jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .list();
        return unit.isEmpty() ? null : tree.paths(unit).get(unit.get(0));
    }
}
