/** Value types every module may use: the caller's scope, Vietnamese text, business exceptions. */
@NullMarked
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package vn.congdoan.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
