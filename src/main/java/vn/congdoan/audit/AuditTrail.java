package vn.congdoan.audit;

import java.util.List;
import vn.congdoan.shared.AccessScope;

/** The append-only audit trail. Writes join the caller's transaction, so an entry commits with its change. */
public interface AuditTrail {

    /** Permission to read the trail. */
    String READ = "audit.read";

    int PAGE_SIZE = 50;

    /** Appends one entry. */
    void record(AuditRecord record);

    /**
     * Entries the caller may read, newest first: those whose unit lies in a subtree where the caller holds {@link
     * #READ}; entries with no unit only for holders at a tree root.
     */
    List<AuditEntryView> search(AuditFilter filter, AccessScope scope);

    /** The action codes that occur in the trail, for the filter. */
    List<String> actions();
}
