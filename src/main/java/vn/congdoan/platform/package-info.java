/**
 * How the application runs: embedded PostgreSQL for demo mode, the guard that refuses to start without a database,
 * the clock, locale and error pages.
 */
@NullMarked
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package vn.congdoan.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
