package vn.congdoan.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new account with its first role. The unit is given by code and must lie in the creator's scope. */
public record CreateUserCommand(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,39}$")
        String username,

        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Size(max = 40) String unitCode,
        @NotBlank String roleCode,
        @NotNull @Size(min = 8, max = 128) String password) {}
