/** Append-only audit trail: who did what, when, from where, to which record. */
@NullMarked
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {})
package vn.congdoan.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
