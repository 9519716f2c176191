package vn.congdoan.directives.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congdoan.directives.DocumentDetail;
import vn.congdoan.directives.DocumentFilter;
import vn.congdoan.directives.DocumentInput;
import vn.congdoan.directives.DocumentPage;
import vn.congdoan.directives.Documents;
import vn.congdoan.directives.IssuerView;
import vn.congdoan.directives.TaskProgress;
import vn.congdoan.directives.Tasks;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/**
 * The document register as JSON, through the same facade and scope rules as the pages: a document the caller may
 * not read answers 404; refused fields 422 naming each field; a stale {@code version} 409.
 */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "Sổ văn bản đi, văn bản đến: tìm kiếm, đăng ký, phát hành, bản PDF/DOCX")
class DocumentApiController {

    private final Documents documents;
    private final Tasks tasks;

    DocumentApiController(Documents documents, Tasks tasks) {
        this.documents = documents;
        this.tasks = tasks;
    }

    /** A document with its recipients, attachments (without content) and the tasks it carries. */
    record DocumentJson(
            long id,
            long unitId,
            String unitName,
            String direction,
            @Nullable String numberText,
            String typeCode,
            String typeName,
            @Nullable LocalDate docDate,
            @Nullable String place,
            String summary,
            String body,
            String status,
            @Nullable String senderName,
            @Nullable LocalDate receivedOn,
            @Nullable String signerName,
            @Nullable String signerPosition,
            @Nullable String signingForm,
            @Nullable String signingBody,
            List<DocumentDetail.Recipient> recipients,
            List<String> otherRecipients,
            List<DocumentDetail.Attachment> attachments,
            @Nullable IssuerView issuer,
            int version,
            List<TaskProgress> tasks) {

        static DocumentJson of(DocumentDetail d, List<TaskProgress> tasks) {
            return new DocumentJson(
                    d.id(),
                    d.view().unitId(),
                    d.view().unitName(),
                    d.view().direction(),
                    d.view().numberText(),
                    d.view().typeCode(),
                    d.view().typeName(),
                    d.view().docDate(),
                    d.place(),
                    d.view().summary(),
                    d.body(),
                    d.view().status(),
                    d.senderName(),
                    d.receivedOn(),
                    d.signerName(),
                    d.signerPosition(),
                    d.signingForm(),
                    d.signingBody(),
                    d.recipients(),
                    d.otherRecipientLines(),
                    d.attachments(),
                    d.issuer(),
                    d.view().version(),
                    tasks);
        }
    }

    record UpdateRequest(int version, DocumentInput document) {}

    record IssueRequest(int version) {}

    @GetMapping
    @Operation(
            summary = "Search documents in scope",
            description = "q: a number or symbol (\"108\", \"108/TB-LĐLĐ\") or words of the summary, diacritics"
                    + " optional; from/to: document date (ISO or dd/MM/yyyy); direction: OUTGOING or INCOMING."
                    + " Newest first, pages of 30.")
    DocumentPage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope) {
        return documents.search(new DocumentFilter(q, Dates.parse(from), Dates.parse(to), direction, page), scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document with its recipients, attachments and tasks; 404 outside the caller's reach")
    DocumentJson get(@PathVariable long id, AccessScope scope) {
        DocumentDetail d = documents.detail(id, scope);
        return DocumentJson.of(d, tasks.ofDocument(id, scope));
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "The outgoing document in the official layout (NĐ 30/2020), PDF with fonts embedded")
    ResponseEntity<byte[]> pdf(@PathVariable long id, AccessScope scope) {
        return DocumentDownloads.send(documents.pdf(id, scope));
    }

    @GetMapping("/{id}/docx")
    @Operation(summary = "The outgoing document in the official layout, DOCX")
    ResponseEntity<byte[]> docx(@PathVariable long id, AccessScope scope) {
        return DocumentDownloads.send(documents.docx(id, scope));
    }

    @PostMapping
    @Operation(
            summary = "Register a document",
            description = "OUTGOING without numberText: a draft (numbered when issued); OUTGOING with numberText and"
                    + " docDate: a document issued on paper before (keeps its number, the counter moves past it);"
                    + " INCOMING: keeps the sender's number. 422 names each refused field.")
    ResponseEntity<DocumentJson> create(
            @RequestBody DocumentInput input, AccessScope scope, HttpServletRequest request) {
        DocumentDetail d = documents.create(input, scope, scope.actor(request.getRemoteAddr()));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(DocumentJson.of(d, List.of()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a draft or an incoming entry; send the version you read (409 when stale)")
    DocumentJson update(
            @PathVariable long id, @RequestBody UpdateRequest body, AccessScope scope, HttpServletRequest request) {
        return DocumentJson.of(
                documents.update(id, body.version(), body.document(), scope, scope.actor(request.getRemoteAddr())),
                List.of());
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue an outgoing draft: takes the issuer's next number of the year (409 when stale)")
    DocumentJson issue(
            @PathVariable long id, @RequestBody IssueRequest body, AccessScope scope, HttpServletRequest request) {
        return DocumentJson.of(
                documents.issue(id, body.version(), scope, scope.actor(request.getRemoteAddr())), List.of());
    }
}
