/**
 * Targets (chỉ tiêu) per unit, year and indicator; periodic statistics with submission tracking and roll-up;
 * dashboards. The top of the house: reads the other modules through their facades, nobody depends on it.
 */
@NullMarked
@ApplicationModule(
        displayName = "Reporting",
        allowedDependencies = {"organisation", "identity", "audit", "enterprises", "membership", "directives"})
package vn.congdoan.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
