package vn.congdoan.membership;

import vn.congdoan.shared.NotFoundException;

/** No such import job, or it belongs to someone else: both answer 404. */
public class ImportJobNotFoundException extends NotFoundException {

    public ImportJobNotFoundException(long id) {
        super("import", id);
    }
}
