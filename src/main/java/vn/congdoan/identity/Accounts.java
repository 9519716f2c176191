package vn.congdoan.identity;

import java.util.List;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Accounts, their grants and their API tokens. Managing accounts needs {@link #MANAGE} on the account's home unit;
 * nobody can grant a unit outside their own scope or a role with a permission they do not hold there. Refusals are
 * {@link vn.congdoan.shared.BusinessException}s with message keys; unknown or out-of-scope accounts are {@link
 * UserNotFoundException}. Every change is written to the audit trail.
 */
public interface Accounts {

    String MANAGE = "user.manage";

    /** The access scope of an account, read now; an empty scope for a disabled or unknown account. */
    AccessScope scopeOf(long userId);

    /** The caller's own active grants. */
    List<GrantView> grantsOf(AccessScope scope);

    /** Accounts whose home unit lies in the caller's scope, filtered by name or username, sorted by username. */
    List<UserView> list(String query, int page, AccessScope scope);

    /** One account in the caller's scope. */
    UserView get(long id, AccessScope scope);

    /** Creates an account with its first grant. Refused: username taken, weak password, unit or role not allowed. */
    long create(CreateUserCommand command, AccessScope scope, Actor actor);

    /** Grants a role on a unit. Refused: unit outside scope, role above the caller's. */
    void grant(long userId, GrantRoleCommand command, AccessScope scope, Actor actor);

    /** Revokes a grant; the same limits as granting apply. */
    void revoke(long userId, long grantId, AccessScope scope, Actor actor);

    /** Moves a grant in review to the unit the restructuring suggested (same checks as granting there). */
    void repoint(long userId, long grantId, AccessScope scope, Actor actor);

    /** Enables or disables an account; disabling ends its sessions and stops its tokens. Not on oneself. */
    void setEnabled(long userId, boolean enabled, int version, AccessScope scope, Actor actor);

    /** The roles a caller could grant somewhere in their scope. */
    List<RoleView> roles();

    /** Creates an account without a creator (first administrator, demo data). */
    long provision(ProvisionUserCommand command, Actor actor);

    /** Whether any account exists. */
    boolean anyAccount();

    /** The caller's own tokens, newest first. */
    List<TokenView> tokens(AccessScope scope);

    /** Creates a personal token valid for {@code days} (1–365); its secret is returned once. */
    CreatedToken createToken(String name, int days, AccessScope scope, Actor actor);

    /** Revokes one of the caller's own tokens. */
    void revokeToken(long tokenId, AccessScope scope, Actor actor);
}
