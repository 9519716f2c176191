package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler × every kind of actor × targets inside and outside the actor's subtree, against an oracle written
 * from the specification (DESIGN.md §2, QUALITY.md §3) — not from the code: roles and their permissions are listed
 * here, and subtrees are computed by walking parent links, not with the tree paths the application uses. A handler
 * without an entry fails the build.
 */
@FullApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** The specification's roles (DESIGN.md §2), as the oracle knows them. */
    static final Map<String, Set<String>> ROLE_PERMISSIONS = Map.of(
            "SYSTEM_ADMIN",
                    Set.of(
                            "org.read",
                            "user.manage",
                            "audit.read",
                            "enterprise.read",
                            "org.restructure",
                            "org.configure",
                            "finance.rules"),
            "FEDERATION_OFFICER",
                    Set.of(
                            "org.read",
                            "user.manage",
                            "member.read",
                            "member.write",
                            "member.read-sensitive",
                            "finance.read",
                            "report.submit",
                            "enterprise.read",
                            "enterprise.write",
                            "org.restructure",
                            "document.read",
                            "document.write",
                            "task.assign",
                            "task.report",
                            "report.read",
                            "report.review",
                            "target.manage",
                            "finance.approve"),
            "UNIT_OFFICER",
                    Set.of(
                            "org.read",
                            "member.read",
                            "member.write",
                            "finance.read",
                            "report.submit",
                            "enterprise.read",
                            "enterprise.write",
                            "document.read",
                            "document.write",
                            "task.assign",
                            "task.report",
                            "report.read",
                            "report.review",
                            "target.manage",
                            "finance.approve"),
            "UNIT_ACCOUNTANT", Set.of("org.read", "finance.read", "finance.post"),
            "INSPECTOR",
                    Set.of(
                            "org.read",
                            "member.read",
                            "finance.read",
                            "enterprise.read",
                            "document.read",
                            "report.read",
                            "finance.inspect"),
            "MEMBER", Set.of("self.read"));

    enum Target {
        NONE,
        UNIT,
        USER,
        TOKEN,
        ENTERPRISE,
        MEMBER,
        DOCUMENT,
        TASK,
        REPORT,
        TARGET,
        // Issue 7, finance: each module matrix class registers its own ModuleTargets.
        POSTING,
        DUES,
        FUND,
        BUDGET,
        DISCLOSURE,
        DRIVE,
        DUES_IMPORT
    }

    /**
     * Targets a module's matrix class defines (documents, tasks, reports, targets): the ids to try, the unit whose
     * subtree decides, and whether an actor whose scope is the subtree under a root may reach the target (a document
     * is also reachable by the units it was sent to).
     */
    interface ModuleTargets {
        List<String> ids();

        long unitOf(String id);

        boolean inScope(String id, java.util.function.LongPredicate withinActorsSubtree);
    }

    final Map<Target, ModuleTargets> moduleTargets = new java.util.EnumMap<>(Target.class);

    /**
     * @param permission needed (null: any signed-in user; "public": anyone)
     * @param page a page (anonymous → login redirect) or API (anonymous → 401)
     * @param allowed statuses when permitted
     */
    record Spec(
            String permission,
            Target target,
            boolean page,
            Set<Integer> allowed,
            Function<Call, HttpResponse<String>> call) {}

    record Call(WebUser user, String target, String unitCode, String extra) {}

    record Actor(String name, String role, String unitKey) {}

    record Fixture(
            Map<String, Long> units, Map<String, String> codes, Map<String, Long> users, Map<Long, Long> parents) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixture fixture;

    /** Enterprises managed by P, by X, covered by A, covered by B (see {@link EnterpriseMatrix}). */
    List<Long> enterpriseTargets;

    /** Members of A, of B, of a union under P outside X, and a member of A who left (see {@link MemberMatrix}). */
    List<Long> memberTargets;

    final List<Actor> actors = List.of(
            new Actor("admin", "SYSTEM_ADMIN", "ROOT"),
            new Actor("tinh", "FEDERATION_OFFICER", "P"),
            new Actor("xa", "UNIT_OFFICER", "X"),
            new Actor("cs1", "UNIT_OFFICER", "A"),
            new Actor("cs2", "UNIT_OFFICER", "B"),
            new Actor("ketoan", "UNIT_ACCOUNTANT", "A"),
            new Actor("kiemtra", "INSPECTOR", "P"),
            new Actor("doanvien", "MEMBER", "A"));

    final Map<String, Spec> specs = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        Map<String, Long> units = new HashMap<>();
        units.put("ROOT", unitByCode("TLD"));
        units.put("P", unitByCode("LCU"));
        units.put("X", unitByCode("LCU-X01"));
        units.put("A", homeOf("cs1"));
        units.put("B", homeOf("cs2"));
        Map<String, String> codes = new HashMap<>();
        units.forEach((k, id) -> codes.put(
                k,
                jdbc.sql("select code from organisation.org_unit where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single()));
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("select id, parent_id from organisation.org_unit").query((java.sql.ResultSet rs) -> {
            long p = rs.getLong(2);
            parents.put(rs.getLong(1), rs.wasNull() ? null : p);
        });
        Map<String, Long> users = new HashMap<>();
        for (String u : List.of("cs1", "cs2", "tinh", "xa")) {
            users.put(
                    u,
                    jdbc.sql("select id from identity.app_user where username = :u")
                            .param("u", u)
                            .query(Long.class)
                            .single());
        }
        fixture = new Fixture(units, codes, users, parents);
        enterpriseTargets = EnterpriseMatrix.fixture(jdbc, units);
        memberTargets = MemberMatrix.fixture(jdbc, units);
        MemberMatrix.add(specs, jdbc);
        CardMatrix.add(specs);
        MemberPagesMatrix.add(specs);
        ImportMatrix.add(specs);
        DocumentMatrix.add(specs, jdbc, fixture, moduleTargets);
        TaskMatrix.add(specs, jdbc, fixture, moduleTargets);
        DashboardMatrix.add(specs);
        FinanceMatrix.add(specs, jdbc, fixture, moduleTargets);
        DuesMatrix.add(specs, jdbc, fixture, moduleTargets);
        BudgetMatrix.add(specs, jdbc, fixture, moduleTargets);
        // Grants the grant endpoints act on carry a role without permissions, so they never widen the actor.
        jdbc.sql("insert into identity.role (code, name, name_en, sort_order) values"
                        + " ('MATRIX_NONE', 'Ma trận', 'Matrix', 99) on conflict do nothing")
                .update();

        specs.put("GET /login", new Spec("public", Target.NONE, true, Set.of(200, 302), c -> c.user()
                .get("/login")));
        specs.put("POST /language", new Spec("public", Target.NONE, true, Set.of(302), c -> c.user()
                .post("/language", Map.of("lang", "vi", "returnTo", "/"))));
        specs.put("GET /", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/")));
        specs.put("GET /account", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/account")));
        specs.put("POST /account/tokens", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .post("/account/tokens", Map.of("name", "matrix", "days", "1"))));
        specs.put("POST /account/tokens/{id}/revoke", new Spec(null, Target.TOKEN, true, Set.of(302), c -> c.user()
                .post("/account/tokens/" + c.target() + "/revoke", Map.of())));
        specs.put("GET /api/v1/me", new Spec(null, Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/me")));
        specs.put("GET /units/{id}", new Spec("org.read", Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/units/" + c.target())));
        specs.put("GET /api/v1/org-units/{id}", new Spec("org.read", Target.UNIT, false, Set.of(200), c -> c.user()
                .get("/api/v1/org-units/" + c.target())));
        specs.put(
                "GET /api/v1/org-units/{id}/children",
                new Spec("org.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/org-units/" + c.target() + "/children")));
        specs.put("GET /admin/audit", new Spec("audit.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/admin/audit")));
        specs.put("GET /admin/users", new Spec("user.manage", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/admin/users")));
        specs.put("GET /admin/users/new", new Spec("user.manage", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/admin/users/new")));
        specs.put("POST /admin/users", new Spec("user.manage", Target.UNIT, true, Set.of(302), c -> c.user()
                .post(
                        "/admin/users",
                        Map.of(
                                "username",
                                "mx" + System.nanoTime() % 100000000,
                                "displayName",
                                "Tài khoản thử",
                                "unitCode",
                                c.unitCode(),
                                "roleCode",
                                "MEMBER",
                                "password",
                                "mot-cau-mat-khau-dai"))));
        specs.put("GET /admin/users/{id}", new Spec("user.manage", Target.USER, true, Set.of(200), c -> c.user()
                .get("/admin/users/" + c.target())));
        specs.put(
                "POST /admin/users/{id}/grants",
                new Spec("user.manage", Target.USER, true, Set.of(200, 302), c -> c.user()
                        .post(
                                "/admin/users/" + c.target() + "/grants",
                                Map.of("roleCode", "MATRIX_NONE", "unitCode", c.unitCode()))));
        specs.put(
                "POST /admin/users/{id}/grants/{grantId}/revoke",
                new Spec("user.manage", Target.USER, true, Set.of(302), c -> c.user()
                        .post("/admin/users/" + c.target() + "/grants/" + c.extra() + "/revoke", Map.of())));
        specs.put(
                "POST /admin/users/{id}/enabled", new Spec("user.manage", Target.USER, true, Set.of(302), c -> c.user()
                        .post(
                                "/admin/users/" + c.target() + "/enabled",
                                Map.of(
                                        "enabled",
                                        "true",
                                        "version",
                                        String.valueOf(versionOf(Long.parseLong(c.target())))))));
        EnterpriseMatrix.specs(specs, jdbc, fixture);
        ReportMatrix.add(specs, jdbc, fixture, moduleTargets);
        FundMatrix.add(specs, jdbc, fixture, moduleTargets);
        // Issue 4: the tree through time, restructuring, unit types, member counts.
        specs.put("GET /units/{id}/children", new Spec("org.read", Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/units/" + c.target() + "/children?asOf=2024-12-31")));
        specs.put("GET /units/search", new Spec("org.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/units/search?q=tan+phong")));
        specs.put(
                "GET /units/{id}/restructure", new Spec("org.restructure", Target.UNIT, true, Set.of(200), c -> c.user()
                        .get("/units/" + c.target() + "/restructure?kind=RENAME")));
        specs.put(
                "POST /units/{id}/restructure",
                new Spec("org.restructure", Target.UNIT, true, Set.of(200, 422), c -> c.user()
                        .post(
                                "/units/" + c.target() + "/restructure",
                                Map.of(
                                        "kind", "RENAME",
                                        "name", "Tên thử ma trận",
                                        "effectiveOn", "2026-11-24",
                                        "decisionNo", "1/QĐ-TEST",
                                        "decisionDate", "2026-11-24",
                                        "decisionIssuer", "Ma trận",
                                        "step", "preview"))));
        specs.put("GET /restructure/plan", new Spec("org.restructure", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/restructure/plan")));
        specs.put(
                "GET /restructure/plan/template",
                new Spec("org.restructure", Target.NONE, true, Set.of(200), c -> c.user()
                        .get("/restructure/plan/template")));
        specs.put("POST /restructure/plan", new Spec("org.restructure", Target.NONE, true, Set.of(422), c -> c.user()
                .post("/restructure/plan", Map.of("step", "check"))));
        specs.put("GET /admin/unit-types", new Spec("org.configure", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/admin/unit-types")));
        specs.put("POST /admin/unit-types", new Spec("org.configure", Target.NONE, true, Set.of(422), c -> c.user()
                .post("/admin/unit-types", Map.of("code", "x", "name", "", "legalLevel", "3"))));
        specs.put(
                "POST /admin/users/{id}/grants/{grantId}/repoint",
                new Spec("user.manage", Target.USER, true, Set.of(302), c -> c.user()
                        .post("/admin/users/" + c.target() + "/grants/" + c.extra() + "/repoint", Map.of())));
        specs.put("GET /api/v1/org-units", new Spec("org.read", Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/org-units?q=lai+chau")));
        specs.put(
                "GET /api/v1/org-units/{id}/subtree",
                new Spec("org.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/org-units/" + c.target() + "/subtree?asOf=2024-12-31&limit=20")));
        specs.put(
                "GET /api/v1/org-units/{id}/counts", new Spec("org.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/org-units/" + c.target() + "/counts")));
        specs.put(
                "GET /api/v1/org-units/{id}/history",
                new Spec("org.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/org-units/" + c.target() + "/history")));
        specs.put("GET /members/subtree/{unitId}", new Spec("org.read", Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/members/subtree/" + c.target() + "?asOf=2024-12-31")));
        specs.put("GET /members/without-unit", new Spec("member.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/without-unit")));
        specs.put("GET /v3/api-docs", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/v3/api-docs")));
        specs.put("GET /v3/api-docs.yaml", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/v3/api-docs.yaml")));
        specs.put("GET /error", new Spec("public", Target.NONE, true, Set.of(200, 404, 500, 999), c -> c.user()
                .get("/error")));
    }

    @Test
    void everyHandlerHasAnEntry() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET")
                    : new TreeSet<>(info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .toList());
            for (String pattern : info.getPatternValues()) {
                methods.forEach(m -> handlers.add(m + " " + pattern));
            }
        }
        assertThat(specs.keySet()).as("matrix entries for every handler").containsAll(handlers);
        assertThat(handlers).as("no stale matrix entries").containsAll(specs.keySet());
    }

    @Test
    void everyActorGetsExactlyWhatTheOracleAllows() {
        List<String> failures = new ArrayList<>();
        for (Actor actor : actors) {
            WebUser user = WebUser.login(port, actor.name(), FullApplicationTest.PASSWORD);
            Set<String> perms = ROLE_PERMISSIONS.get(actor.role());
            long root = fixture.units().get(actor.unitKey());
            specs.forEach((key, spec) -> {
                List<String> targets = targets(spec, actor);
                for (String target : targets) {
                    long targetUnit = unitOfTarget(spec, target);
                    boolean hasPermission = spec.permission() == null
                            || "public".equals(spec.permission())
                            || perms.contains(spec.permission());
                    boolean inScope =
                            switch (spec.target()) {
                                case NONE -> true;
                                case TOKEN -> target.equals(targets.get(0));
                                case ENTERPRISE ->
                                    EnterpriseMatrix.units(jdbc, Long.parseLong(target)).stream()
                                            .anyMatch(u -> within(u, root));
                                default ->
                                    moduleTargets.containsKey(spec.target())
                                            ? moduleTargets.get(spec.target()).inScope(target, u -> within(u, root))
                                            : within(targetUnit, root);
                            };
                    String extra =
                            key.contains("{grantId}") ? String.valueOf(sacrificialGrant(Long.parseLong(target))) : "";
                    String checksumBefore = !key.startsWith("GET") ? checksum() : "";
                    HttpResponse<String> r = spec.call().apply(new Call(user, target, codeOf(targetUnit), extra));
                    int expected = -1;
                    boolean ok;
                    if (hasPermission && inScope) {
                        ok = spec.allowed().contains(r.statusCode());
                    } else if (spec.target() == Target.NONE && !hasPermission) {
                        expected = 403;
                        ok = r.statusCode() == 403;
                    } else if (EnterpriseMatrix.CREATES.contains(key) || MemberMatrix.CREATES.contains(key)) {
                        // Registering in a unit outside one's scope: the field is refused, nothing is written.
                        ok = hasPermission
                                ? r.statusCode() == (key.contains("/api/") ? 422 : 200)
                                        && r.body().contains("ngoài phạm vi")
                                : r.statusCode() == 403;
                    } else if (key.equals("POST /admin/users")) {
                        // Creating in a unit outside one's scope: the form answers with an error, nothing is written.
                        ok = hasPermission
                                ? r.statusCode() == 200 && r.body().contains("ngoài phạm vi")
                                : r.statusCode() == 403;
                    } else {
                        expected = 404;
                        ok = r.statusCode() == 404;
                    }
                    if (!(hasPermission && inScope)
                            && !key.startsWith("GET")
                            && !checksum().equals(checksumBefore)) {
                        failures.add(actor.name() + " " + key + " target " + target + ": refused write changed data");
                    }
                    if (!ok) {
                        failures.add(actor.name() + " " + key + " target " + target + ": got " + r.statusCode()
                                + (expected > 0 ? " expected " + expected : " expected one of " + spec.allowed()));
                    }
                }
            });
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anonymousAndDisabledAccountsReachNothingButPublicEndpoints() {
        long unitA = fixture.units().get("A");
        long id = jdbc.sql("""
                        insert into identity.app_user (username, display_name, password_hash, home_unit_id)
                        values ('bikhoa', 'Tài khoản bị khóa', :h, :u) returning id""")
                .param("h", encoder.encode(FullApplicationTest.PASSWORD))
                .param("u", unitA)
                .query(Long.class)
                .single();
        jdbc.sql("insert into identity.role_grant (user_id, role_code, org_unit_id) values (:id, 'UNIT_OFFICER', :u)")
                .param("id", id)
                .param("u", unitA)
                .update();
        WebUser disabled = WebUser.login(port, "bikhoa", FullApplicationTest.PASSWORD);
        WebUser tinh = WebUser.login(port, "tinh", FullApplicationTest.PASSWORD);
        int version = versionOf(id);
        assertThat(tinh.post(
                                "/admin/users/" + id + "/enabled",
                                Map.of("enabled", "false", "version", String.valueOf(version)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(WebUser.anonymous(port)
                        .attemptLogin("bikhoa", FullApplicationTest.PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .contains("error");
        List<String> failures = new ArrayList<>();
        for (WebUser who : List.of(WebUser.anonymous(port), disabled)) {
            specs.forEach((key, spec) -> {
                if ("public".equals(spec.permission())) {
                    return;
                }
                String target = spec.target() == Target.USER
                        ? String.valueOf(fixture.users().get("cs1"))
                        : spec.target() == Target.TOKEN ? "1" : String.valueOf(unitA);
                HttpResponse<String> r = key.startsWith("POST")
                        ? who.postWithoutCsrf(pathOf(key, target), Map.of())
                        : who.get(pathOf(key, target));
                boolean ok = spec.page()
                        ? r.statusCode() == 302
                                        && r.headers()
                                                .firstValue("Location")
                                                .orElse("")
                                                .contains("/login")
                                || key.startsWith("POST") && r.statusCode() == 403
                        : r.statusCode() == 401 || key.startsWith("POST") && r.statusCode() == 403;
                if (!ok) {
                    failures.add(key + " answered " + r.statusCode());
                }
            });
        }
        assertThat(failures).isEmpty();
    }

    private static String pathOf(String key, String target) {
        return key.substring(key.indexOf(' ') + 1)
                .replace("{id}", target)
                .replace("{unitId}", target)
                .replace("{grantId}", "1");
    }

    private List<String> targets(Spec spec, Actor actor) {
        return switch (spec.target()) {
            case NONE -> List.of("-");
            case UNIT ->
                List.of("ROOT", "P", "X", "A", "B").stream()
                        .map(k -> String.valueOf(fixture.units().get(k)))
                        .toList();
            case USER ->
                List.of("cs1", "cs2", "tinh", "xa").stream()
                        .map(u -> String.valueOf(fixture.users().get(u)))
                        .toList();
            case TOKEN ->
                List.of(
                        String.valueOf(tokenOf(actor.name())),
                        String.valueOf(tokenOf("cs2".equals(actor.name()) ? "cs1" : "cs2")));
            case ENTERPRISE -> enterpriseTargets.stream().map(String::valueOf).toList();
            case MEMBER -> memberTargets.stream().map(String::valueOf).toList();
            default -> moduleTargets.get(spec.target()).ids();
        };
    }

    private long unitOfTarget(Spec spec, String target) {
        return switch (spec.target()) {
            case UNIT -> Long.parseLong(target);
            case ENTERPRISE ->
                EnterpriseMatrix.units(jdbc, Long.parseLong(target)).get(0);
            case MEMBER ->
                jdbc.sql("select last_unit_id from membership.member where id = :id")
                        .param("id", Long.parseLong(target))
                        .query(Long.class)
                        .single();
            case USER ->
                jdbc.sql("select home_unit_id from identity.app_user where id = :id")
                        .param("id", Long.parseLong(target))
                        .query(Long.class)
                        .single();
            default ->
                moduleTargets.containsKey(spec.target())
                        ? moduleTargets.get(spec.target()).unitOf(target)
                        : fixture.units().get("A");
        };
    }

    /** A token owned by the user (own one: must revoke; someone else's: 404). */
    private long tokenOf(String username) {
        return jdbc.sql("""
                        insert into identity.api_token (user_id, name, token_hash, token_prefix, expires_at)
                        select id, 'matrix', md5(random()::text), 'cdt_x', now() + interval '1 day'
                          from identity.app_user where username = :u returning id""").param("u", username).query(Long.class).single();
    }

    private long sacrificialGrant(long userId) {
        var existing = jdbc.sql("""
                        select g.id from identity.role_grant g join identity.app_user u on u.id = g.user_id
                         where u.id = :id and g.role_code = 'MATRIX_NONE' and g.org_unit_id = u.home_unit_id
                           and g.revoked_at is null""").param("id", userId).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        return jdbc.sql("""
                        insert into identity.role_grant (user_id, role_code, org_unit_id)
                        select id, 'MATRIX_NONE', home_unit_id from identity.app_user where id = :id returning id""").param("id", userId).query(Long.class).single();
    }

    private int versionOf(long userId) {
        return jdbc.sql("select version from identity.app_user where id = :id")
                .param("id", userId)
                .query(Integer.class)
                .single();
    }

    private String codeOf(long unit) {
        return jdbc.sql("select code from organisation.org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
    }

    /** The oracle's subtree test: walk up the parent links. */
    private boolean within(long unit, long root) {
        Long u = unit;
        while (u != null) {
            if (u == root) {
                return true;
            }
            u = fixture.parents().get(u);
        }
        return false;
    }

    /** A fingerprint of the data that out-of-scope writes could touch (users, grants, tokens' states). */
    private String checksum() {
        return jdbc.sql("""
                        select md5(coalesce((select string_agg(id || ':' || enabled || ':' || version, ',' order by id) from identity.app_user), '')
                            || coalesce((select string_agg(id || ':' || coalesce(revoked_at::text, '-'), ',' order by id) from identity.role_grant), '')
                            || coalesce((select string_agg(id || ':' || coalesce(revoked_at::text, '-'), ',' order by id) from identity.api_token), '')
                            || coalesce((select string_agg(id || ':' || version, ',' order by id) from enterprises.enterprise), '')
                            || coalesce((select string_agg(id || ':' || version || ':' || status || ':' || coalesce(unit_id, 0), ',' order by id) from membership.member), '')
                            || coalesce((select count(*)::text from membership.member_transfer), ''))""").query(String.class).single() + DocumentMatrix.checksum(jdbc) + TaskMatrix.checksum(jdbc);
    }

    private long unitByCode(String code) {
        return jdbc.sql("select id from organisation.org_unit where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long homeOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
