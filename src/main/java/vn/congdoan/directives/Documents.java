package vn.congdoan.directives;

import vn.congdoan.shared.AccessScope;

/**
 * The register of official documents (DOMAIN.md §9): outgoing documents drafted, numbered and issued by a unit, and
 * incoming documents received by it. A document is visible with {@link #READ} over its owning unit (the issuer of
 * an outgoing document, the receiving unit of an incoming one) or over any of its recipient units; outside that it
 * is "not found" (404).
 */
public interface Documents {

    String READ = "document.read";
    String WRITE = "document.write";

    String OUTGOING = "OUTGOING";
    String INCOMING = "INCOMING";

    String DRAFT = "DRAFT";
    String ISSUED = "ISSUED";
    String RECEIVED = "RECEIVED";
    String CANCELLED = "CANCELLED";

    int PAGE_SIZE = 30;

    /** One document, if the caller may read it; {@link DocumentNotFoundException} otherwise. */
    DocumentView get(long id, AccessScope scope);
}
