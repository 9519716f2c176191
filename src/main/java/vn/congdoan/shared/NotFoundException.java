package vn.congdoan.shared;

/**
 * The record does not exist or lies outside the caller's scope; both answer 404 so that existence is not
 * revealed.
 */
public class NotFoundException extends BusinessException {

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, String.valueOf(id));
    }
}
