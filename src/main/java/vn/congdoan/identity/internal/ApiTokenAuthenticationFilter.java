package vn.congdoan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer cdt_…} on {@code /api/v1/**}: looks the token up by its SHA-256 hash and acts as its
 * user for this request only (nothing is stored in a session). An unknown, revoked or expired token, or one whose
 * account is disabled, answers 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String invalidToken;

    ApiTokenAuthenticationFilter(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.invalidToken = messages.getMessage("api.invalidToken", null, "Invalid token", Locale.forLanguageTag("vi"));
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret =
                request.getHeader("Authorization").substring(PREFIX.length()).strip();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var user = jdbc.sql("""
                        update identity.api_token t set last_used_at = :now
                          from identity.app_user u
                         where t.token_hash = :hash and u.id = t.user_id and u.enabled
                           and t.revoked_at is null and t.expires_at > :now
                        returning u.id, u.username
                        """)
                .param("hash", AccountService.hash(secret))
                .param("now", now)
                .query((rs, n) -> new SignedInUser(rs.getLong(1), rs.getString(2), null, true))
                .optional();
        if (user.isEmpty()) {
            Problems.write(response, 401, "Unauthorized", invalidToken);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
