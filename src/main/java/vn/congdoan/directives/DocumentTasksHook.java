package vn.congdoan.directives;

import java.util.List;
import vn.congdoan.shared.AccessScope;

/**
 * The tasks a document carries, for {@code GET /api/v1/documents/{id}} (field {@code tasks}). Implemented by the task
 * part of this module; until a bean exists the field is an empty list.
 */
public interface DocumentTasksHook {

    /** The document's tasks the caller may see, as JSON-ready values. */
    List<?> tasksOf(long documentId, AccessScope scope);
}
