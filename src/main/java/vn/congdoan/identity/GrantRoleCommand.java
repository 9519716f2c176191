package vn.congdoan.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Grant a role on a unit (by code) to an account. */
public record GrantRoleCommand(
        @NotBlank String roleCode, @NotBlank @Size(max = 40) String unitCode) {}
