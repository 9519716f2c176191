package vn.congdoan.shared;

/** A refused field: its name in the command, a message key and the key's arguments. */
public record FieldProblem(String field, String messageKey, Object... args) {}
