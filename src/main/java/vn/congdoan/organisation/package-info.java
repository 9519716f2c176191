/** The union's organisation tree: units, their types and levels, subtree queries. */
@NullMarked
@ApplicationModule(
        displayName = "Organisation",
        allowedDependencies = {"audit"})
package vn.congdoan.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
