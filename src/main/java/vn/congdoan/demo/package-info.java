/** The synthetic demo world (Lai Châu today) and its accounts, loaded once in demo mode. */
@NullMarked
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"organisation", "identity"})
package vn.congdoan.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
