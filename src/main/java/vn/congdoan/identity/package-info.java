/** Accounts, roles and grants, login and its throttling, API tokens; builds every request's access scope. */
@NullMarked
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"organisation", "audit"})
package vn.congdoan.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
