package vn.congdoan.directives;

import java.util.List;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The register of official documents (DOMAIN.md §9): outgoing documents drafted, numbered and issued by a unit, and
 * incoming documents received by it. A document is visible with {@link #READ} over its owning unit (the issuer of
 * an outgoing document, the receiving unit of an incoming one) or over any of its recipient units; outside that it
 * is "not found" (404). Writes need {@link #WRITE} over the owning unit.
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

    /** One document with its recipients, attachments and issuer header. */
    DocumentDetail detail(long id, AccessScope scope);

    /** A page of the documents the caller may read, newest first. */
    DocumentPage search(DocumentFilter filter, AccessScope scope);

    /** The document types (NĐ 30/2020 Appendix III and the union's own). */
    List<DocumentTypeView> types();

    /** Units the caller may register documents for (the roots of the {@link #WRITE} subtrees). */
    List<UnitChoice> ownerChoices(AccessScope scope);

    /** Units a document of the caller may be addressed to: today's children of the {@link #WRITE} roots. */
    List<UnitChoice> recipientChoices(AccessScope scope);

    /** A unit offered in a form. */
    record UnitChoice(long id, String name, String typeName) {}

    /** Units in the caller's {@link #WRITE} subtrees that are configured as issuers. */
    List<IssuerView> issuers(AccessScope scope);

    /**
     * Registers a document: an outgoing draft (no number yet), an outgoing document issued on paper before (with its
     * explicit number: the issuer's counter moves past it), or an incoming document (keeps the sender's number).
     */
    DocumentDetail create(DocumentInput input, AccessScope scope, Actor actor);

    /** Saves a changed draft or register entry; refuses a stale {@code version} with {@link StaleDocumentException}. */
    DocumentDetail update(long id, int version, DocumentInput input, AccessScope scope, Actor actor);

    /** Issues an outgoing draft: takes the issuer's next number of the year, dates it today unless dated. */
    DocumentDetail issue(long id, int version, AccessScope scope, Actor actor);

    /**
     * Cancels an issued outgoing document (or an incoming entry registered by mistake). The number stays taken and is
     * logged as cancelled; it is never handed out again.
     */
    DocumentDetail cancel(long id, int version, AccessScope scope, Actor actor);

    /** Adds a PDF or DOCX attachment (checked by content, at most {@link DocumentFile#MAX_ATTACHMENT_BYTES}). */
    DocumentDetail attach(long id, String fileName, byte[] content, AccessScope scope, Actor actor);

    /** One attachment's file. */
    DocumentFile attachment(long id, long attachmentId, AccessScope scope);

    /** The outgoing document in the official layout as PDF (fonts embedded). */
    DocumentFile pdf(long id, AccessScope scope);

    /** The outgoing document in the official layout as DOCX. */
    DocumentFile docx(long id, AccessScope scope);
}
