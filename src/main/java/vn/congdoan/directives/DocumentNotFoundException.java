package vn.congdoan.directives;

import vn.congdoan.shared.NotFoundException;

/** The document does not exist or the caller may not read it (both answer 404). */
public class DocumentNotFoundException extends NotFoundException {

    public DocumentNotFoundException(long id) {
        super("document", id);
    }
}
