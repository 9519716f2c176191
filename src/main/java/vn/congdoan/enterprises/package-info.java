/** Enterprises and workplaces (MST, ownership, sector, size, commune) and which grassroots union covers them. */
@NullMarked
@ApplicationModule(
        displayName = "Enterprises",
        allowedDependencies = {"organisation", "audit"})
package vn.congdoan.enterprises;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
