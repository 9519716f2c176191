package vn.congdoan.directives.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.congdoan.directives.DocumentDetail;
import vn.congdoan.directives.DocumentFilter;
import vn.congdoan.directives.DocumentInput;
import vn.congdoan.directives.DocumentRejectedException;
import vn.congdoan.directives.Documents;
import vn.congdoan.directives.StaleDocumentException;
import vn.congdoan.directives.Tasks;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;

/** The document register's pages: list and search, detail, create and edit form, issue, attachments, downloads. */
@Controller
@RequestMapping("/documents")
class DocumentsController {

    private final Documents documents;
    private final Tasks tasks;
    private final MessageSource messages;

    DocumentsController(Documents documents, Tasks tasks, MessageSource messages) {
        this.documents = documents;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The document and the tasks it carries (each with the progress of the units the caller may see). */
    private void addDetail(Model model, long id, AccessScope scope) {
        model.addAttribute("doc", documents.detail(id, scope));
        model.addAttribute("tasks", tasks.ofDocument(id, scope));
    }

    /** The form as typed (dates as text, dd/MM/yyyy). */
    record Form(
            @Nullable String direction,
            @Nullable Long unitId,
            @Nullable String typeCode,
            @Nullable String numberText,
            @Nullable String docDate,
            @Nullable String place,
            @Nullable String summary,
            @Nullable String body,
            @Nullable String senderName,
            @Nullable String receivedOn,
            @Nullable String signerName,
            @Nullable String signerPosition,
            @Nullable String signingForm,
            @Nullable String signingBody,
            @Nullable List<Long> recipientUnitIds,
            @Nullable String otherRecipients,
            @Nullable Integer version) {

        static Form empty(String direction, @Nullable Long unit) {
            boolean out = Documents.OUTGOING.equals(direction);
            return new Form(
                    direction,
                    unit,
                    out ? "TB" : null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    out ? "Chủ tịch" : null,
                    out ? "TM" : null,
                    out ? "Ban Thường vụ" : null,
                    List.of(),
                    null,
                    null);
        }

        static Form of(DocumentDetail d) {
            return new Form(
                    d.view().direction(),
                    d.view().unitId(),
                    d.view().typeCode(),
                    d.view().numberText(),
                    Dates.format(d.view().docDate()),
                    d.place(),
                    d.view().summary(),
                    d.body(),
                    d.senderName(),
                    Dates.format(d.receivedOn()),
                    d.signerName(),
                    d.signerPosition(),
                    d.signingForm(),
                    d.signingBody(),
                    d.recipients().stream()
                            .map(DocumentDetail.Recipient::unitId)
                            .toList(),
                    d.otherRecipients(),
                    d.view().version());
        }

        boolean outgoing() {
            return !Documents.INCOMING.equals(direction);
        }

        DocumentInput toInput(List<FieldProblem> problems) {
            return new DocumentInput(
                    direction == null ? Documents.OUTGOING : direction,
                    unitId,
                    typeCode,
                    numberText,
                    date("docDate", docDate, problems),
                    place,
                    summary,
                    body,
                    senderName,
                    date("receivedOn", receivedOn, problems),
                    signerName,
                    signerPosition,
                    signingForm,
                    signingBody,
                    recipientUnitIds == null ? List.of() : recipientUnitIds,
                    otherRecipients);
        }

        private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDate d = Dates.parse(text);
            if (d == null) {
                problems.add(new FieldProblem(field, "documents.date.format", text));
            }
            return d;
        }
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(defaultValue = "0") int page,
            AccessScope scope,
            Model model) {
        DocumentFilter filter = new DocumentFilter(q, Dates.parse(from), Dates.parse(to), direction, page);
        model.addAttribute("result", documents.search(filter, scope));
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("direction", direction);
        model.addAttribute("canWrite", scope.can(Documents.WRITE));
        return "directives/documents/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(defaultValue = "OUTGOING") String direction, AccessScope scope, Model model) {
        scope.require(Documents.WRITE);
        String dir = Documents.INCOMING.equals(direction) ? Documents.INCOMING : Documents.OUTGOING;
        List<Documents.UnitChoice> owners = documents.ownerChoices(scope);
        return form(Form.empty(dir, owners.isEmpty() ? null : owners.get(0).id()), null, Map.of(), scope, model);
    }

    @PostMapping
    String create(
            @ModelAttribute Form form,
            AccessScope scope,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        DocumentInput input = form.toInput(problems);
        try {
            if (!problems.isEmpty()) {
                throw new DocumentRejectedException(problems);
            }
            DocumentDetail d = documents.create(input, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/documents/" + d.id();
        } catch (DocumentRejectedException e) {
            response.setStatus(422);
            return form(form, null, errors(e, request), scope, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, AccessScope scope, Model model) {
        addDetail(model, id, scope);
        return "directives/documents/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, AccessScope scope, Model model) {
        DocumentDetail d = documents.detail(id, scope);
        if (!d.canWrite()) {
            throw new vn.congdoan.directives.DocumentNotFoundException(id);
        }
        return form(Form.of(d), d, Map.of(), scope, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute Form form,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        DocumentInput input = form.toInput(problems);
        try {
            if (!problems.isEmpty()) {
                throw new DocumentRejectedException(problems);
            }
            documents.update(
                    id,
                    form.version() == null ? -1 : form.version(),
                    input,
                    scope,
                    scope.actor(request.getRemoteAddr()));
            return "redirect:/documents/" + id;
        } catch (DocumentRejectedException e) {
            response.setStatus(422);
            return form(form, documents.detail(id, scope), errors(e, request), scope, model);
        } catch (StaleDocumentException e) {
            response.setStatus(409);
            addDetail(model, id, scope);
            return "directives/documents/conflict";
        }
    }

    @PostMapping("/{id}/issue")
    String issue(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            documents.issue(id, version, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/documents/" + id + "?issued";
        } catch (StaleDocumentException e) {
            response.setStatus(409);
            addDetail(model, id, scope);
            return "directives/documents/conflict";
        } catch (DocumentRejectedException e) {
            response.setStatus(422);
            addDetail(model, id, scope);
            model.addAttribute("problems", errors(e, request).values());
            return "directives/documents/detail";
        }
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            documents.cancel(id, version, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/documents/" + id;
        } catch (StaleDocumentException e) {
            response.setStatus(409);
            addDetail(model, id, scope);
            return "directives/documents/conflict";
        } catch (DocumentRejectedException e) {
            response.setStatus(422);
            addDetail(model, id, scope);
            model.addAttribute("problems", errors(e, request).values());
            return "directives/documents/detail";
        }
    }

    @PostMapping("/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            AccessScope scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            byte[] content;
            if (file.getSize() > vn.congdoan.directives.DocumentFile.MAX_ATTACHMENT_BYTES) {
                throw new DocumentRejectedException(new FieldProblem("file", "document.attachment.tooLarge", 10));
            }
            try {
                content = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            documents.attach(id, name, content, scope, scope.actor(request.getRemoteAddr()));
            return "redirect:/documents/" + id;
        } catch (DocumentRejectedException e) {
            response.setStatus(422);
            addDetail(model, id, scope);
            model.addAttribute("problems", errors(e, request).values());
            return "directives/documents/detail";
        }
    }

    @GetMapping("/{id}/attachment")
    ResponseEntity<byte[]> attachment(
            @PathVariable long id, @RequestParam("file") long attachmentId, AccessScope scope) {
        return DocumentDownloads.send(documents.attachment(id, attachmentId, scope));
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, AccessScope scope) {
        return DocumentDownloads.send(documents.pdf(id, scope));
    }

    @GetMapping("/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, AccessScope scope) {
        return DocumentDownloads.send(documents.docx(id, scope));
    }

    private String form(
            Form form, @Nullable DocumentDetail existing, Map<String, String> errors, AccessScope scope, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("outgoing", form.outgoing());
        model.addAttribute(
                "selectedRecipients",
                new java.util.HashSet<>(form.recipientUnitIds() == null ? List.of() : form.recipientUnitIds()));
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("types", documents.types());
        model.addAttribute("owners", documents.ownerChoices(scope));
        model.addAttribute("recipientChoices", documents.recipientChoices(scope));
        model.addAttribute("signingForms", List.of("TM", "KT", "Q", "TL", "TUQ"));
        return "directives/documents/form";
    }

    private Map<String, String> errors(DocumentRejectedException e, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.merge(p.field(), messages.getMessage(p.messageKey(), p.args(), locale), (a, b) -> a + " " + b);
        }
        return errors;
    }
}
