/**
 * Official documents (incoming and outgoing, numbered per issuer and calendar year, rendered in the layout of
 * NĐ 30/2020/NĐ-CP and QĐ 933/QĐ-TLĐ), the tasks they assign down the tree, and the units' progress reports.
 */
@NullMarked
@ApplicationModule(
        displayName = "Directives",
        allowedDependencies = {"organisation", "identity", "audit"})
package vn.congdoan.directives;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
