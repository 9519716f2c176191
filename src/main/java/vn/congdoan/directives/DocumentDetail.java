package vn.congdoan.directives;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A document with everything the detail page, the API and the official output need. */
public record DocumentDetail(
        DocumentView view,
        @Nullable String place,
        String body,
        @Nullable String senderName,
        @Nullable LocalDate receivedOn,
        @Nullable String signerName,
        @Nullable String signerPosition,
        @Nullable String signingForm,
        @Nullable String signingBody,
        List<Recipient> recipients,
        String otherRecipients,
        List<Attachment> attachments,
        @Nullable IssuerView issuer,
        String typeAbbreviation,
        boolean typeHasTitle,
        boolean canWrite) {

    public long id() {
        return view.id();
    }

    /** A unit the document is addressed to, with its kind (for grouping long "Nơi nhận" lists). */
    public record Recipient(long unitId, String name, String typeName) {}

    /** An attached file. */
    public record Attachment(long id, String fileName, String contentType, int sizeBytes) {}

    /** The "Nơi nhận" free-text lines, trimmed, without empty ones. */
    public List<String> otherRecipientLines() {
        return otherRecipients
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
