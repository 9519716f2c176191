package vn.congdoan.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.CreateUserCommand;
import vn.congdoan.identity.CreatedToken;
import vn.congdoan.identity.GrantRoleCommand;
import vn.congdoan.identity.GrantView;
import vn.congdoan.identity.ProvisionUserCommand;
import vn.congdoan.identity.RoleView;
import vn.congdoan.identity.TokenView;
import vn.congdoan.identity.UserNotFoundException;
import vn.congdoan.identity.UserView;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.BusinessException;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

@Service
@Transactional
class AccountService implements Accounts {

    static final int PAGE_SIZE = 50;
    static final String SELF_READ = "self.read";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SessionTerminator sessions;
    private final Clock clock;

    AccountService(
            JdbcClient jdbc,
            OrgTree tree,
            AuditTrail audit,
            PasswordEncoder encoder,
            SessionTerminator sessions,
            Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.audit = audit;
        this.encoder = encoder;
        this.policy = PasswordPolicy.withBundledList();
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AccessScope scopeOf(long userId) {
        var account = jdbc.sql(
                        "select username, display_name, home_unit_id, enabled from identity.app_user where id = :id")
                .param("id", userId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)})
                .optional();
        if (account.isEmpty()) {
            return new AccessScope(userId, "", "", 0, Map.of(), Map.of());
        }
        Object[] a = account.get();
        Map<String, Set<Long>> roots = new HashMap<>();
        if ((Boolean) a[3]) {
            jdbc.sql("""
                            select rp.permission_code, g.org_unit_id
                              from identity.role_grant g
                              join identity.role_permission rp on rp.role_code = g.role_code
                             where g.user_id = :id and g.revoked_at is null and g.review_since is null
                               and exists (select 1 from organisation.org_unit u
                                            where u.id = g.org_unit_id and u.valid_to is null)
                            """).param("id", userId).query((ResultSet rs) -> {
                roots.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
            });
        }
        Set<Long> all = new HashSet<>();
        roots.values().forEach(all::addAll);
        return new AccessScope(userId, (String) a[0], (String) a[1], (Long) a[2], roots, tree.paths(all));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> list(String query, int page, AccessScope scope) {
        String q = Text.clean(query);
        String pattern = "%"
                + (q == null
                        ? ""
                        : q.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_")) + "%";
        // Scope is filtered in the same SQL as the page (organisation publishes org_unit(id, path) for this).
        List<Long> ids = jdbc.sql("""
                        select u.id from identity.app_user u
                          join organisation.org_unit h on h.id = u.home_unit_id
                         where h.path <@ any(cast(:roots as ltree[]))
                           and (lower(u.username) like :q or lower(u.display_name) like :q)
                         order by u.username, u.id
                         limit :limit offset :offset
                        """)
                .param("roots", SqlArrays.ofLabels(scope.paths(MANAGE)))
                .param("q", pattern)
                .param("limit", PAGE_SIZE)
                .param("offset", Math.max(0, page) * PAGE_SIZE)
                .query(Long.class)
                .list();
        List<UserView> out = new ArrayList<>();
        for (long id : ids) {
            UserView u = load(id);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public UserView get(long id, AccessScope scope) {
        UserView u = load(id);
        if (u == null || !tree.isWithin(u.homeUnitId(), scope.roots(MANAGE))) {
            throw new UserNotFoundException(id);
        }
        return u;
    }

    @Override
    public long create(CreateUserCommand c, AccessScope scope, Actor actor) {
        String username = c.username().strip().toLowerCase(Locale.ROOT);
        String displayName = required(Text.clean(c.displayName()), "identity.user.displayNameRequired");
        OrgUnitView unit = unitInScope(c.unitCode(), scope);
        checkGrantable(c.roleCode(), unit.id(), scope);
        policy.violation(c.password(), username).ifPresent(key -> {
            throw new BusinessException(key);
        });
        if (usernameTaken(username)) {
            throw new BusinessException("identity.user.usernameTaken", username);
        }
        long id = insertUser(username, displayName, c.password(), unit.id());
        insertGrant(id, c.roleCode(), unit.id(), scope.userId());
        audit.record(AuditRecord.of(actor, "USER_CREATED", pathOf(unit.id()))
                .target("user", id, username)
                .detail("role=" + c.roleCode() + " unit=" + unit.code()));
        return id;
    }

    @Override
    public void grant(long userId, GrantRoleCommand c, AccessScope scope, Actor actor) {
        UserView user = get(userId, scope);
        OrgUnitView unit = unitInScope(c.unitCode(), scope);
        checkGrantable(c.roleCode(), unit.id(), scope);
        boolean exists =
                user.grants().stream().anyMatch(g -> g.roleCode().equals(c.roleCode()) && g.unitId() == unit.id());
        if (exists) {
            throw new BusinessException("identity.grant.exists");
        }
        insertGrant(userId, c.roleCode(), unit.id(), scope.userId());
        audit.record(AuditRecord.of(actor, "GRANT_ADDED", pathOf(user.homeUnitId()))
                .target("user", userId, user.username())
                .detail("role=" + c.roleCode() + " unit=" + unit.code()));
    }

    @Override
    public void revoke(long userId, long grantId, AccessScope scope, Actor actor) {
        UserView user = get(userId, scope);
        GrantView grant = user.grants().stream()
                .filter(g -> g.id() == grantId)
                .findFirst()
                .orElseThrow(() -> new BusinessException("identity.grant.notFound"));
        if (!tree.isWithin(grant.unitId(), scope.roots(MANAGE))) {
            throw new BusinessException("identity.grant.unitOutOfScope");
        }
        checkGrantable(grant.roleCode(), grant.unitId(), scope);
        jdbc.sql(
                        "update identity.role_grant set revoked_at = now(), revoked_by = :by where id = :id and revoked_at is null")
                .param("by", scope.userId())
                .param("id", grantId)
                .update();
        audit.record(AuditRecord.of(actor, "GRANT_REVOKED", pathOf(user.homeUnitId()))
                .target("user", userId, user.username())
                .detail("role=" + grant.roleCode() + " unit=" + grant.unitCode()));
    }

    @Override
    public void repoint(long userId, long grantId, AccessScope scope, Actor actor) {
        UserView user = get(userId, scope);
        GrantView grant = user.grants().stream()
                .filter(g -> g.id() == grantId && g.inReview() && g.suggestedUnitId() != null)
                .findFirst()
                .orElseThrow(() -> new BusinessException("identity.grant.notInReview"));
        OrgUnitView target = tree.find(grant.suggestedUnitId()).orElseThrow();
        grant(userId, new GrantRoleCommand(grant.roleCode(), target.code()), scope, actor);
        revoke(userId, grantId, scope, actor);
    }

    @Override
    public void setEnabled(long userId, boolean enabled, int version, AccessScope scope, Actor actor) {
        UserView user = get(userId, scope);
        if (userId == scope.userId()) {
            throw new BusinessException("identity.user.notYourself");
        }
        int changed = jdbc.sql("""
                        update identity.app_user set enabled = :enabled, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("enabled", enabled)
                .param("id", userId)
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new BusinessException("error.staleVersion");
        }
        if (!enabled) {
            sessions.endSessionsOf(user.username());
        }
        audit.record(AuditRecord.of(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", pathOf(user.homeUnitId()))
                .target("user", userId, user.username()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleView> roles() {
        Map<String, RoleView> roles = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.code, r.name, r.name_en, rp.permission_code
                          from identity.role r left join identity.role_permission rp on rp.role_code = r.code
                         order by r.sort_order, rp.permission_code
                        """).query((ResultSet rs) -> {
            RoleView r = roles.computeIfAbsent(
                    rs.getString(1), k -> new RoleView(k, rsString(rs, 2), rsString(rs, 3), new ArrayList<>()));
            String p = rs.getString(4);
            if (p != null) {
                r.permissions().add(p);
            }
        });
        return List.copyOf(roles.values());
    }

    @Override
    public long provision(ProvisionUserCommand c, Actor actor) {
        String username = c.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("^[a-z0-9][a-z0-9._-]{1,39}$")) {
            throw new BusinessException("identity.user.usernameFormat");
        }
        String password = new String(c.password());
        policy.violation(password, username).ifPresent(key -> {
            throw new BusinessException(key);
        });
        if (usernameTaken(username)) {
            throw new BusinessException("identity.user.usernameTaken", username);
        }
        String displayName = required(Text.clean(c.displayName()), "identity.user.displayNameRequired");
        long id = insertUser(username, displayName, password, c.homeUnitId());
        for (var g : c.grants()) {
            insertGrant(id, g.roleCode(), g.unitId(), null);
        }
        audit.record(AuditRecord.of(actor, "USER_CREATED", pathOf(c.homeUnitId()))
                .target("user", id, username)
                .detail("provisioned"));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyAccount() {
        return jdbc.sql("select exists (select 1 from identity.app_user)")
                .query(Boolean.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TokenView> tokens(AccessScope scope) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at
                          from identity.api_token where user_id = :u order by created_at desc, id desc
                        """)
                .param("u", scope.userId())
                .query((rs, n) -> {
                    Instant revoked = instant(rs, "revoked_at");
                    Instant expires = instant(rs, "expires_at");
                    return new TokenView(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("token_prefix"),
                            instant(rs, "created_at"),
                            expires,
                            revoked,
                            instant(rs, "last_used_at"),
                            revoked == null && expires.isAfter(now));
                })
                .list();
    }

    @Override
    public CreatedToken createToken(String name, int days, AccessScope scope, Actor actor) {
        String clean = required(Text.clean(name), "identity.token.nameRequired");
        if (clean.length() > 100) {
            throw new BusinessException("identity.token.nameTooLong");
        }
        if (days < 1 || days > 365) {
            throw new BusinessException("identity.token.daysRange");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "cdt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expires = clock.instant().plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                        insert into identity.api_token (user_id, name, token_hash, token_prefix, created_at, expires_at)
                        values (:u, :name, :hash, :prefix, :now, :expires) returning id
                        """)
                .param("u", scope.userId())
                .param("name", clean)
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, 10))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of(actor, "TOKEN_CREATED", pathOf(scope.homeUnitId()))
                .target("token", id, clean)
                .detail("expires=" + expires));
        return new CreatedToken(id, clean, secret, expires);
    }

    @Override
    public void revokeToken(long tokenId, AccessScope scope, Actor actor) {
        String name = jdbc.sql("select name from identity.api_token where id = :id and user_id = :u")
                .param("id", tokenId)
                .param("u", scope.userId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new vn.congdoan.shared.NotFoundException("token", tokenId));
        jdbc.sql("update identity.api_token set revoked_at = now() where id = :id and revoked_at is null")
                .param("id", tokenId)
                .update();
        audit.record(AuditRecord.of(actor, "TOKEN_REVOKED", pathOf(scope.homeUnitId()))
                .target("token", tokenId, name));
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<GrantView> grantsOf(AccessScope scope) {
        return grantsOf(scope.userId());
    }

    @Transactional(readOnly = true)
    List<GrantView> grantsOf(long id) {
        return jdbc.sql("""
                        select g.id, g.role_code, r.name, g.org_unit_id, g.granted_at, g.review_since,
                               g.suggested_unit_id
                          from identity.role_grant g join identity.role r on r.code = g.role_code
                         where g.user_id = :id and g.revoked_at is null
                         order by r.sort_order, g.id
                        """)
                .param("id", id)
                .query((rs, n) -> {
                    long unitId = rs.getLong(4);
                    OrgUnitView unit = tree.find(unitId).orElseThrow();
                    long suggested = rs.getLong("suggested_unit_id");
                    Long suggestedId = rs.wasNull() ? null : suggested;
                    return new GrantView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            unitId,
                            unit.code(),
                            unit.name(),
                            instant(rs, "granted_at"),
                            rs.getObject("review_since", java.time.LocalDate.class),
                            suggestedId,
                            suggestedId == null
                                    ? null
                                    : tree.find(suggestedId)
                                            .map(OrgUnitView::name)
                                            .orElse(null));
                })
                .list();
    }

    private @Nullable UserView load(long id) {
        List<GrantView> grants = grantsOf(id);
        return jdbc.sql("""
                        select id, username, display_name, home_unit_id, enabled, created_at, version
                          from identity.app_user where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new UserView(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getLong("home_unit_id"),
                        tree.find(rs.getLong("home_unit_id"))
                                .map(OrgUnitView::name)
                                .orElse(""),
                        rs.getBoolean("enabled"),
                        instant(rs, "created_at"),
                        rs.getInt("version"),
                        grants))
                .optional()
                .orElse(null);
    }

    private OrgUnitView unitInScope(String code, AccessScope scope) {
        return tree.findByCode(code)
                .filter(u -> tree.isWithin(u.id(), scope.roots(MANAGE)))
                .orElseThrow(() -> new BusinessException("identity.unit.notInScope"));
    }

    /** A role may be granted on a unit only by someone who holds each of its permissions there. */
    private void checkGrantable(String roleCode, long unitId, AccessScope scope) {
        List<String> permissions = roles().stream()
                .filter(r -> r.code().equals(roleCode))
                .findFirst()
                .orElseThrow(() -> new BusinessException("identity.role.unknown"))
                .permissions();
        for (String p : permissions) {
            // Seeing one's own record is not a power over others: anyone who manages accounts may grant it.
            if (p.equals(SELF_READ)
                    ? !tree.isWithin(unitId, scope.roots(MANAGE))
                    : !tree.isWithin(unitId, scope.roots(p))) {
                throw new BusinessException("identity.role.aboveYours");
            }
        }
    }

    private boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from identity.app_user where username = :u)")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    private long insertUser(String username, String displayName, String password, long homeUnitId) {
        return jdbc.sql("""
                        insert into identity.app_user (username, display_name, password_hash, home_unit_id)
                        values (:u, :d, :h, :unit) returning id
                        """)
                .param("u", username)
                .param("d", displayName)
                .param("h", encoder.encode(password))
                .param("unit", homeUnitId)
                .query(Long.class)
                .single();
    }

    private void insertGrant(long userId, String roleCode, long unitId, @Nullable Long grantedBy) {
        jdbc.sql("""
                        insert into identity.role_grant (user_id, role_code, org_unit_id, granted_by)
                        values (:u, :r, :unit, :by)
                        """)
                .param("u", userId)
                .param("r", roleCode)
                .param("unit", unitId)
                .param("by", grantedBy)
                .update();
    }

    private @Nullable String pathOf(long unitId) {
        return tree.paths(List.of(unitId)).get(unitId);
    }

    private static String required(@Nullable String value, String key) {
        if (value == null || value.isEmpty()) {
            throw new BusinessException(key);
        }
        return value;
    }

    private static String rsString(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
