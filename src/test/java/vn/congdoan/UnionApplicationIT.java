package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The foundation as a user, an administrator and an attacker see it, over real HTTP on the demo world. */
@FullApplicationTest
class UnionApplicationIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private long unitOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> r = WebUser.anonymous(port).get("/login");
        assertThat(r.statusCode()).isEqualTo(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.body()).contains("lang=\"vi\"");
    }

    @Test
    void theHomePageShowsTheProvinceSubtreeCounts() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        HttpResponse<String> home = tinh.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        long grassroots = jdbc.sql(
                        "select count(*) from organisation.org_unit where type_code = 'GRASSROOTS_UNION' and valid_to is null")
                .query(Long.class)
                .single();
        // After the 2025 closures of state-funded bodies' unions, well under the 786 of 2024.
        assertThat(grassroots).isBetween(250L, 500L);
        assertThat(home.body()).contains("Liên đoàn Lao động tỉnh Lai Châu", "Công đoàn cơ sở", ">" + grassroots + "<");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        long before = jdbc.sql("select count(*) from identity.api_token")
                .query(Long.class)
                .single();
        HttpResponse<String> r = tinh.postWithoutCsrf("/account/tokens", Map.of("name", "x", "days", "30"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity.api_token")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aGrassrootsOfficerGets404ForTheSiblingUnitPageAndApi() {
        WebUser cs1 = WebUser.login(port, "cs1", FullApplicationTest.PASSWORD);
        long own = unitOf("cs1");
        long sibling = unitOf("cs2");
        assertThat(cs1.get("/units/" + own).statusCode()).isEqualTo(200);
        assertThat(cs1.get("/api/v1/org-units/" + own).statusCode()).isEqualTo(200);
        HttpResponse<String> page = cs1.get("/units/" + sibling);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("LCU-CS");
        HttpResponse<String> api = cs1.get("/api/v1/org-units/" + sibling);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(cs1.get("/api/v1/org-units/" + sibling + "/children").statusCode())
                .isEqualTo(404);
    }

    @Test
    void errorPagesShowNoStackTraceOrInternals() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        for (String path : new String[] {"/units/not-a-number", "/no-such-page", "/units/999999999"}) {
            HttpResponse<String> r = tinh.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("Exception", "at vn.", "org.springframework", "SQL");
        }
        HttpResponse<String> wrongMethod = tinh.send("DELETE", "/units/1", null);
        assertThat(wrongMethod.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(wrongMethod.body()).doesNotContain("Exception", "org.springframework");
    }

    @Test
    void wrongPasswordsAreThrottledLoggedAndTheRightOneWorksAfterTheCoolDown() {
        WebUser attacker = WebUser.anonymous(port);
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = attacker.attemptLogin("kiemtra", "wrong-password-" + i);
            assertThat(r.statusCode()).isEqualTo(302);
            if (r.headers().firstValue("Location").orElse("").contains("throttled")) {
                throttled++;
            }
        }
        assertThat(throttled)
                .as("attempts refused without checking the password")
                .isEqualTo(15);
        HttpResponse<String> stillBlocked = attacker.attemptLogin("kiemtra", FullApplicationTest.PASSWORD);
        assertThat(stillBlocked.headers().firstValue("Location").orElse("")).contains("throttled");
        assertThat(attacker.get("/login?throttled=1").body()).contains("1 phút");
        long failures = jdbc.sql(
                        "select count(*) from audit.audit_entry where action = 'LOGIN_FAILURE' and actor_name = 'kiemtra'")
                .query(Long.class)
                .single();
        long refused = jdbc.sql(
                        "select count(*) from audit.audit_entry where action = 'LOGIN_THROTTLED' and actor_name = 'kiemtra'")
                .query(Long.class)
                .single();
        assertThat(failures).isEqualTo(5);
        assertThat(refused).isEqualTo(16);

        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> after = WebUser.anonymous(port).attemptLogin("kiemtra", FullApplicationTest.PASSWORD);
        assertThat(after.headers().firstValue("Location").orElse("")).doesNotContain("error", "throttled");
    }

    @Test
    void aPersonalTokenActsAsItsUserUntilRevoked() {
        WebUser xa = WebUser.login(port, "xa", FullApplicationTest.PASSWORD);
        HttpResponse<String> created = xa.post("/account/tokens", Map.of("name", "Báo cáo tự động", "days", "30"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(cdt_[A-Za-z0-9_-]{20,})").matcher(created.body());
        assertThat(m.find()).as("the secret is shown once").isTrue();
        String secret = m.group(1);
        assertThat(jdbc.sql("select count(*) from identity.api_token where token_hash = :s")
                        .param("s", secret)
                        .query(Long.class)
                        .single())
                .as("the secret itself is never stored")
                .isZero();

        HttpResponse<String> me = WebUser.withToken(port, secret).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"xa\"", "org.read");
        assertThat(WebUser.withToken(port, secret)
                        .get("/api/v1/org-units/" + unitOf("cs2"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebUser.withToken(port, secret)
                        .get("/api/v1/org-units/" + unitOf("tinh"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(xa.get("/account").body()).doesNotContain(secret);

        long id = jdbc.sql(
                        "select id from identity.api_token where name = :n and user_id = (select id from identity.app_user where username='xa')")
                .param("n", "Báo cáo tự động")
                .query(Long.class)
                .single();
        assertThat(xa.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> revoked = WebUser.withToken(port, secret).get("/api/v1/me");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("\"status\":401");
        assertThat(jdbc.sql("select count(*) from audit.audit_entry where action in ('TOKEN_CREATED','TOKEN_REVOKED')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFederationOfficerCreatesAnAccountButCannotGrantAboveTheirOwnRole() {
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        String unitCode = jdbc.sql("select code from organisation.org_unit where id = :id")
                .param("id", unitOf("cs2"))
                .query(String.class)
                .single();
        HttpResponse<String> weak = tinh.post(
                "/admin/users",
                Map.of(
                        "username",
                        "canbo.moi",
                        "displayName",
                        "Cán bộ Mới",
                        "unitCode",
                        unitCode,
                        "roleCode",
                        "UNIT_OFFICER",
                        "password",
                        "12345678"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("quá phổ biến");
        HttpResponse<String> above = tinh.post(
                "/admin/users",
                Map.of(
                        "username",
                        "canbo.moi",
                        "displayName",
                        "Cán bộ Mới",
                        "unitCode",
                        unitCode,
                        "roleCode",
                        "SYSTEM_ADMIN",
                        "password",
                        "mot-mat-khau-dai"));
        assertThat(above.body()).contains("cao hơn quyền của mình");
        assertThat(jdbc.sql("select count(*) from identity.app_user where username = 'canbo.moi'")
                        .query(Long.class)
                        .single())
                .isZero();
        HttpResponse<String> ok = tinh.post(
                "/admin/users",
                Map.of(
                        "username",
                        "canbo.moi",
                        "displayName",
                        "Cán bộ Mới",
                        "unitCode",
                        unitCode,
                        "roleCode",
                        "UNIT_OFFICER",
                        "password",
                        "mot-mat-khau-dai"));
        assertThat(ok.statusCode()).isEqualTo(302);
        WebUser fresh = WebUser.login(port, "canbo.moi", "mot-mat-khau-dai");
        assertThat(fresh.get("/units/" + unitOf("cs2")).statusCode()).isEqualTo(200);
        assertThat(fresh.get("/units/" + unitOf("cs1")).statusCode()).isEqualTo(404);
    }

    @Test
    void theAdministratorFiltersTheAuditTrail() {
        WebUser.login(port, "ketoan", FullApplicationTest.PASSWORD);
        WebUser admin = WebUser.login(port, "admin", FullApplicationTest.PASSWORD);
        HttpResponse<String> page = admin.get("/admin/audit?action=LOGIN_SUCCESS&actor=ketoan");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ketoan");
        assertThat(WebUser.login(port, "cs1", FullApplicationTest.PASSWORD)
                        .get("/admin/audit")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreNot() {
        assertThat(WebUser.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(WebUser.anonymous(port).get("/actuator/env").statusCode()).isIn(302, 401, 404);
    }
}
