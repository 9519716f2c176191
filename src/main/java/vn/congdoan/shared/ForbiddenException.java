package vn.congdoan.shared;

/** The caller lacks the permission for a page or action that has no target record (403). */
public class ForbiddenException extends BusinessException {

    public ForbiddenException(String permission) {
        super("error.forbidden", permission);
    }
}
