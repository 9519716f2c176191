package vn.congdoan.directives;

import vn.congdoan.shared.NotFoundException;

/** The task, assignment or attachment does not exist or lies outside the caller's scope (404). */
public class TaskNotFoundException extends NotFoundException {

    public TaskNotFoundException(Object id) {
        super("task", id);
    }
}
