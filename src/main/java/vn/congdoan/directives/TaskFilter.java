package vn.congdoan.directives;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the assignment list.
 *
 * @param unitId only assignments of units inside this unit's subtree
 * @param status {@code NOT_STARTED}, {@code IN_PROGRESS} or {@code DONE}
 * @param overdue only assignments past their due date and not done
 */
public record TaskFilter(@Nullable Long unitId, @Nullable String status, boolean overdue, int page) {}
