/** The synthetic demo world (Lai Châu in 2024, the 2025 reform, today) and its accounts, loaded once in demo mode. */
@NullMarked
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "organisation",
            "identity",
            "membership",
            "enterprises",
            "directives",
            "finance",
            "reporting"
        })
package vn.congdoan.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
