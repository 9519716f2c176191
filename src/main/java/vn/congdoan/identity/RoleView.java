package vn.congdoan.identity;

import java.util.List;

/** A role and the permissions it bundles. */
public record RoleView(String code, String name, String nameEn, List<String> permissions) {}
