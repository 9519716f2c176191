package vn.congdoan.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing without locking anyone out for good (QUALITY.md §4). Per account: 5 failures within 15
 * minutes block that account for 1 minute; each further round of 5 failures doubles the block, up to 15 minutes.
 * Per client IP the same with 20 failures (offices share one address). A success clears the account's counter; a
 * quiet 15 minutes clears both. Counters live in the database, so every app node enforces the same limits.
 */
@Component
class LoginThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int IP_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the account or the IP is blocked, until when. */
    @Transactional(readOnly = true)
    Optional<Instant> blockedUntil(String username, String ip) {
        return jdbc.sql("""
                        select max(blocked_until) from identity.login_throttle
                         where throttle_key in (:account, :ip) and blocked_until > :now
                        """)
                .param("account", accountKey(username))
                .param("ip", ipKey(ip))
                .param("now", now())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username, String ip) {
        count(accountKey(username), ACCOUNT_LIMIT);
        count(ipKey(ip), IP_LIMIT);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        jdbc.sql("delete from identity.login_throttle where throttle_key = :k")
                .param("k", accountKey(username))
                .update();
    }

    private void count(String key, int limit) {
        OffsetDateTime now = now();
        OffsetDateTime windowStart = now.minus(WINDOW);
        // One statement, so two nodes counting the same key at once cannot lose a failure.
        jdbc.sql("""
                        insert into identity.login_throttle as t (throttle_key, failures, window_start, strikes)
                        values (:k, 1, :now, 0)
                        on conflict (throttle_key) do update set
                            strikes = case when t.window_start < :windowStart then 0 else t.strikes end,
                            failures = case when t.window_start < :windowStart then 1 else t.failures + 1 end,
                            window_start = case when t.window_start < :windowStart then :now else t.window_start end
                        """)
                .param("k", key)
                .param("now", now)
                .param("windowStart", windowStart)
                .update();
        jdbc.sql("""
                        update identity.login_throttle
                           set strikes = strikes + 1, failures = 0, window_start = :now,
                               blocked_until = :now + least(:first * power(2, strikes), :max) * interval '1 second'
                         where throttle_key = :k and failures >= :limit
                        """)
                .param("k", key)
                .param("now", now)
                .param("limit", limit)
                .param("first", FIRST_BLOCK.toSeconds())
                .param("max", MAX_BLOCK.toSeconds())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }
}
