/**
 * Union finance (DOMAIN.md §4): the dated fee rules (base salary, dues per member group, the 2 % union fund, the
 * split between levels), member dues, the enterprises' union fund, the append-only ledger, budgets and settlements,
 * disclosure and payment QR codes.
 */
@NullMarked
@ApplicationModule(
        displayName = "Finance",
        allowedDependencies = {"organisation", "membership", "enterprises", "audit", "platform"})
package vn.congdoan.finance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
