/** Members and their dated membership of units. */
@NullMarked
@ApplicationModule(
        displayName = "Membership",
        allowedDependencies = {"organisation", "audit", "enterprises"})
package vn.congdoan.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
