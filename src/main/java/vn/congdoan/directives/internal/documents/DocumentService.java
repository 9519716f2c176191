package vn.congdoan.directives.internal.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.directives.DocumentDetail;
import vn.congdoan.directives.DocumentFile;
import vn.congdoan.directives.DocumentFilter;
import vn.congdoan.directives.DocumentInput;
import vn.congdoan.directives.DocumentNotFoundException;
import vn.congdoan.directives.DocumentPage;
import vn.congdoan.directives.DocumentRejectedException;
import vn.congdoan.directives.DocumentTypeView;
import vn.congdoan.directives.DocumentView;
import vn.congdoan.directives.Documents;
import vn.congdoan.directives.IssuerView;
import vn.congdoan.directives.StaleDocumentException;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.FieldProblem;
import vn.congdoan.shared.NotFoundException;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

/** The register of official documents (DOMAIN.md §9; NĐ 30/2020/NĐ-CP, QĐ 933/QĐ-TLĐ). */
@Service
@Transactional(readOnly = true)
class DocumentService implements Documents {

    static final String VIEW_COLUMNS = """
            d.id, d.unit_id, u.name as unit_name, d.direction, d.number_text, d.type_code, t.name as type_name,
            d.doc_date, d.summary, d.status, d.version
            """;
    static final String VIEW_FROM = """
              from directives.document d
              join organisation.org_unit u on u.id = d.unit_id
              join directives.document_type t on t.code = d.type_code
            """;

    /** A "số ký hiệu" starts with its number: "108/TB-LĐLĐ", "4133/TLĐ-ToC". */
    static final Pattern NUMBER_TEXT = Pattern.compile("^0*([1-9][0-9]{0,5})/[^\\s/]+$");

    static final Set<String> SIGNING_FORMS = Set.of("TM", "KT", "Q", "TL", "TUQ");
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BODY = 100_000;

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final Numbering numbering;
    private final IssuerRegistry issuers;
    private final OfficialLayout layout;
    private final Clock clock;

    DocumentService(
            JdbcClient jdbc,
            OrgTree tree,
            AuditTrail audit,
            Numbering numbering,
            IssuerRegistry issuers,
            OfficialLayout layout,
            Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.audit = audit;
        this.numbering = numbering;
        this.issuers = issuers;
        this.layout = layout;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public DocumentView get(long id, AccessScope scope) {
        String[] paths = scope.paths(READ);
        if (paths.length == 0) {
            throw new DocumentNotFoundException(id);
        }
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + " where d.id = :id and " + DocumentAccess.VISIBLE)
                .param("id", id)
                .param("roots", SqlArrays.ofLabels(paths))
                .query(DocumentService::view)
                .optional()
                .orElseThrow(() -> new DocumentNotFoundException(id));
    }

    @Override
    public DocumentDetail detail(long id, AccessScope scope) {
        DocumentView view = get(id, scope);
        return load(view, scope);
    }

    private DocumentDetail load(DocumentView view, AccessScope scope) {
        long id = view.id();
        record Extra(
                @Nullable String place,
                String body,
                @Nullable String sender,
                @Nullable LocalDate received,
                @Nullable String signer,
                @Nullable String position,
                @Nullable String form,
                @Nullable String signingBody,
                String others,
                String abbreviation,
                boolean hasTitle) {}
        Extra x = jdbc.sql("""
                        select d.place, d.body, d.sender_name, d.received_on, d.signer_name, d.signer_position,
                               d.signing_form, d.signing_body, d.other_recipients, t.abbreviation, t.has_title
                          from directives.document d join directives.document_type t on t.code = d.type_code
                         where d.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Extra(
                        rs.getString("place"),
                        rs.getString("body"),
                        rs.getString("sender_name"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getString("signer_name"),
                        rs.getString("signer_position"),
                        rs.getString("signing_form"),
                        rs.getString("signing_body"),
                        rs.getString("other_recipients"),
                        rs.getString("abbreviation"),
                        rs.getBoolean("has_title")))
                .single();
        List<DocumentDetail.Recipient> recipients = jdbc.sql("""
                        select r.unit_id, u.name, ut.name as type_name from directives.document_recipient r
                          join organisation.org_unit u on u.id = r.unit_id
                          join organisation.unit_type ut on ut.code = u.type_code
                         where r.document_id = :id order by ut.sort_order, u.name collate "vi-x-icu"
                        """)
                .param("id", id)
                .query((rs, n) -> new DocumentDetail.Recipient(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        List<DocumentDetail.Attachment> attachments = jdbc.sql("""
                        select id, file_name, content_type, size_bytes from directives.document_attachment
                         where document_id = :id order by id
                        """)
                .param("id", id)
                .query((rs, n) ->
                        new DocumentDetail.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        IssuerView issuer = view.outgoing() ? issuers.find(view.unitId()).orElse(null) : null;
        boolean canWrite = tree.isWithin(view.unitId(), scope.roots(WRITE));
        return new DocumentDetail(
                view,
                x.place(),
                x.body(),
                x.sender(),
                x.received(),
                x.signer(),
                x.position(),
                x.form(),
                x.signingBody(),
                recipients,
                x.others(),
                attachments,
                issuer,
                x.abbreviation(),
                x.hasTitle(),
                canWrite);
    }

    @Override
    public DocumentPage search(DocumentFilter f, AccessScope scope) {
        scope.require(READ);
        String[] paths = scope.paths(READ);
        int page = Math.max(0, f.page());
        if (paths.length == 0) {
            return new DocumentPage(List.of(), page, 0, PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" where " + DocumentAccess.VISIBLE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("roots", SqlArrays.ofLabels(paths));
        String q = Text.clean(f.q());
        if (q != null && !q.isEmpty()) {
            // A number ("108", "108/TB-LĐLĐ") matches the start of the "số ký hiệu"; words match the summary,
            // the number and the sender without diacritics.
            where.append(" and (lower(d.number_text) like :numberPrefix or lower(d.number_text) like :numberZero"
                    + " or d.search_key like :words) ");
            params.put("numberPrefix", like(q.toLowerCase(java.util.Locale.ROOT)) + "%");
            params.put("numberZero", "0" + like(q.toLowerCase(java.util.Locale.ROOT)) + "%");
            params.put("words", "%" + like(Text.searchKey(q)) + "%");
        }
        if (f.from() != null) {
            where.append(" and d.doc_date >= :from ");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and d.doc_date <= :to ");
            params.put("to", f.to());
        }
        if (OUTGOING.equals(f.direction()) || INCOMING.equals(f.direction())) {
            where.append(" and d.direction = :direction ");
            params.put("direction", f.direction());
        }
        long total = jdbc.sql("select count(*) from directives.document d " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DocumentView> rows = jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + where
                        + " order by d.doc_date desc nulls first, d.number desc nulls first, d.id desc"
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) page * PAGE_SIZE)
                .query(DocumentService::view)
                .list();
        return new DocumentPage(rows, page, total, PAGE_SIZE);
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<DocumentTypeView> types() {
        return jdbc.sql("""
                        select code, name, name_en, abbreviation, has_title from directives.document_type
                         order by sort_order
                        """)
                .query((rs, n) -> new DocumentTypeView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    @Override
    public List<UnitChoice> ownerChoices(AccessScope scope) {
        if (!scope.can(WRITE)) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.name, t.name from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code
                         where u.id = any(cast(:ids as bigint[])) order by u.path
                        """)
                .param("ids", SqlArrays.ofLongs(scope.roots(WRITE)))
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public List<UnitChoice> recipientChoices(AccessScope scope) {
        if (!scope.can(WRITE)) {
            return List.of();
        }
        LocalDate today = Dates.today(clock);
        return jdbc.sql("""
                        select u.id, u.name, t.name from organisation.org_unit u
                          join organisation.unit_type t on t.code = u.type_code
                         where u.parent_id = any(cast(:ids as bigint[]))
                           and u.valid_from <= :d and (u.valid_to is null or u.valid_to > :d)
                         order by t.sort_order, u.name collate "vi-x-icu" limit 500
                        """)
                .param("ids", SqlArrays.ofLongs(scope.roots(WRITE)))
                .param("d", today)
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public List<IssuerView> issuers(AccessScope scope) {
        String[] paths = scope.paths(WRITE);
        return paths.length == 0 ? List.of() : issuers.within(SqlArrays.ofLabels(paths));
    }

    // ---------------------------------------------------------------- writes

    @Override
    @Transactional
    public DocumentDetail create(DocumentInput raw, AccessScope scope, Actor actor) {
        // The unit is the target: outside the caller's WRITE subtrees it is "not found", like any id out of reach.
        if (raw.unitId() != null && !tree.isWithin(raw.unitId(), scope.roots(WRITE))) {
            throw new NotFoundException("unit", raw.unitId());
        }
        scope.require(WRITE);
        Clean in = validate(raw, scope, null);
        boolean outgoing = OUTGOING.equals(in.direction);
        String status = outgoing ? (in.numberText == null ? DRAFT : ISSUED) : RECEIVED;
        IssuerView issuer = outgoing ? issuers.ensure(in.unitId) : null;
        String place = in.place != null ? in.place : issuer != null ? issuer.placeName() : null;
        long id = jdbc.sql("""
                        insert into directives.document (unit_id, direction, type_code, number, number_year,
                            number_text, doc_date, place, summary, search_key, body, sender_name, received_on,
                            signer_name, signer_position, signing_form, signing_body, other_recipients, status,
                            created_by, issued_at)
                        values (:unit, :direction, :type, :number, :year, :numberText, :date, :place, :summary,
                            :key, :body, :sender, :received, :signer, :position, :form, :signingBody, :others,
                            :status, :by, case when :status = 'ISSUED' then now() end)
                        returning id
                        """)
                .param("unit", in.unitId)
                .param("direction", in.direction)
                .param("type", in.typeCode)
                .param("number", in.number)
                .param("year", in.docDate == null ? null : in.docDate.getYear())
                .param("numberText", in.numberText)
                .param("date", in.docDate)
                .param("place", place)
                .param("summary", in.summary)
                .param("key", searchKey(in.summary, in.numberText, in.sender))
                .param("body", in.body)
                .param("sender", in.sender)
                .param("received", in.received)
                .param("signer", in.signer)
                .param("position", in.position)
                .param("form", in.form)
                .param("signingBody", in.signingBody)
                .param("others", in.others)
                .param("status", status)
                .param("by", actor.name())
                .query(Long.class)
                .single();
        saveRecipients(id, in.recipients);
        if (outgoing && in.number != null && in.docDate != null && issuer != null) {
            // Back-filled outgoing document: keeps its number; the counter moves past it (never hands it out).
            numbering.passed(
                    in.unitId,
                    in.docDate.getYear(),
                    Numbering.typeKey(issuer.numbering(), in.typeCode),
                    in.number,
                    id,
                    actor.name());
        }
        String action =
                outgoing ? (ISSUED.equals(status) ? "DOCUMENT_BACKFILLED" : "DOCUMENT_DRAFTED") : "DOCUMENT_RECEIVED";
        audit.record(AuditRecord.of(actor, action, pathOf(in.unitId)).target("document", id, label(id)));
        return detail(id, scope);
    }

    @Override
    @Transactional
    public DocumentDetail update(long id, int version, DocumentInput raw, AccessScope scope, Actor actor) {
        DocumentView current = writable(id, scope);
        if (ISSUED.equals(current.status()) || CANCELLED.equals(current.status())) {
            throw new DocumentRejectedException(new FieldProblem("status", "document.status.locked"));
        }
        Clean in = validate(raw, scope, current);
        int changed = jdbc.sql("""
                        update directives.document set type_code = :type, number_text = :numberText, number = :number,
                            number_year = :year, doc_date = :date, place = coalesce(:place, place), summary = :summary,
                            search_key = :key, body = :body, sender_name = :sender, received_on = :received,
                            signer_name = :signer, signer_position = :position, signing_form = :form,
                            signing_body = :signingBody, other_recipients = :others, updated_at = now(),
                            version = version + 1
                         where id = :id and version = :version
                        """)
                .param("type", in.typeCode)
                .param("numberText", in.numberText)
                .param("number", in.number)
                .param("year", in.numberText == null || in.docDate == null ? null : in.docDate.getYear())
                .param("date", in.docDate)
                .param("place", in.place)
                .param("summary", in.summary)
                .param("key", searchKey(in.summary, in.numberText, in.sender))
                .param("body", in.body)
                .param("sender", in.sender)
                .param("received", in.received)
                .param("signer", in.signer)
                .param("position", in.position)
                .param("form", in.form)
                .param("signingBody", in.signingBody)
                .param("others", in.others)
                .param("id", id)
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new StaleDocumentException();
        }
        jdbc.sql("delete from directives.document_recipient where document_id = :id")
                .param("id", id)
                .update();
        saveRecipients(id, in.recipients);
        audit.record(AuditRecord.of(actor, "DOCUMENT_EDITED", pathOf(current.unitId()))
                .target("document", id, label(id)));
        return detail(id, scope);
    }

    @Override
    @Transactional
    public DocumentDetail issue(long id, int version, AccessScope scope, Actor actor) {
        DocumentView current = writable(id, scope);
        if (!current.outgoing() || !DRAFT.equals(current.status())) {
            throw new DocumentRejectedException(new FieldProblem("status", "document.issue.notDraft"));
        }
        if (current.version() != version) {
            throw new StaleDocumentException();
        }
        IssuerView issuer = issuers.ensure(current.unitId());
        String abbreviation = jdbc.sql("select abbreviation from directives.document_type where code = :c")
                .param("c", current.typeCode())
                .query(String.class)
                .single();
        LocalDate today = Dates.today(clock);
        // Numbers run per calendar year of the issuing date (NĐ 30/2020, Appendix I §II.3): a draft dated last year
        // but issued today is dated today.
        LocalDate date = today;
        int number = numbering.next(
                current.unitId(),
                date.getYear(),
                Numbering.typeKey(issuer.numbering(), current.typeCode()),
                id,
                actor.name());
        String numberText = Numbering.format(number, abbreviation, issuer.abbreviation(), issuer.archiveUnit());
        int changed = jdbc.sql("""
                        update directives.document set status = 'ISSUED', number = :n, number_year = :y,
                            number_text = :t, doc_date = :d, place = coalesce(place, :place), issued_at = now(),
                            search_key = :key, updated_at = now(), version = version + 1
                         where id = :id and version = :version and status = 'DRAFT'
                        """)
                .param("n", number)
                .param("y", date.getYear())
                .param("t", numberText)
                .param("d", date)
                .param("place", issuer.placeName())
                .param("key", searchKey(current.summary(), numberText, null))
                .param("id", id)
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new StaleDocumentException();
        }
        audit.record(AuditRecord.of(actor, "DOCUMENT_ISSUED", pathOf(current.unitId()))
                .target("document", id, numberText));
        return detail(id, scope);
    }

    @Override
    @Transactional
    public DocumentDetail cancel(long id, int version, AccessScope scope, Actor actor) {
        DocumentView current = writable(id, scope);
        if (CANCELLED.equals(current.status()) || DRAFT.equals(current.status())) {
            throw new DocumentRejectedException(new FieldProblem("status", "document.cancel.notIssued"));
        }
        int changed = jdbc.sql("""
                        update directives.document set status = 'CANCELLED', updated_at = now(), version = version + 1
                         where id = :id and version = :version and status in ('ISSUED', 'RECEIVED')
                        """).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw new StaleDocumentException();
        }
        if (current.outgoing()) {
            record Num(int number, int year) {}
            Num n = jdbc.sql("select number, number_year from directives.document where id = :id")
                    .param("id", id)
                    .query((rs, i) -> new Num(rs.getInt(1), rs.getInt(2)))
                    .single();
            IssuerView issuer = issuers.ensure(current.unitId());
            numbering.cancelled(
                    current.unitId(),
                    n.year(),
                    Numbering.typeKey(issuer.numbering(), current.typeCode()),
                    n.number(),
                    id,
                    actor.name());
        }
        audit.record(AuditRecord.of(actor, "DOCUMENT_CANCELLED", pathOf(current.unitId()))
                .target("document", id, label(id)));
        return detail(id, scope);
    }

    @Override
    @Transactional
    public DocumentDetail attach(long id, String fileName, byte[] content, AccessScope scope, Actor actor) {
        DocumentView current = writable(id, scope);
        String type = AttachmentGuard.check(fileName, content);
        String name = Text.clean(fileName);
        if (name == null || name.isEmpty()) {
            name = "tep-dinh-kem" + (type.equals(DocumentFile.PDF) ? ".pdf" : ".docx");
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        jdbc.sql("""
                        insert into directives.document_attachment (document_id, file_name, content_type, size_bytes,
                                                                   content, uploaded_by)
                        values (:d, :n, :t, :s, :c, :by)
                        """)
                .param("d", id)
                .param("n", name)
                .param("t", type)
                .param("s", content.length)
                .param("c", content)
                .param("by", actor.name())
                .update();
        audit.record(AuditRecord.of(actor, "DOCUMENT_ATTACHMENT_ADDED", pathOf(current.unitId()))
                .target("document", id, label(id))
                .detail(type.equals(DocumentFile.PDF) ? "PDF" : "DOCX"));
        return detail(id, scope);
    }

    @Override
    public DocumentFile attachment(long id, long attachmentId, AccessScope scope) {
        get(id, scope);
        return jdbc.sql("""
                        select file_name, content_type, content from directives.document_attachment
                         where id = :a and document_id = :d
                        """)
                .param("a", attachmentId)
                .param("d", id)
                .query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new DocumentNotFoundException(id));
    }

    @Override
    public DocumentFile pdf(long id, AccessScope scope) {
        DocumentDetail d = official(id, scope);
        return new DocumentFile(fileBase(d) + ".pdf", DocumentFile.PDF, layout.pdf(d));
    }

    @Override
    public DocumentFile docx(long id, AccessScope scope) {
        DocumentDetail d = official(id, scope);
        return new DocumentFile(fileBase(d) + ".docx", DocumentFile.DOCX, layout.docx(d));
    }

    private DocumentDetail official(long id, AccessScope scope) {
        DocumentDetail d = detail(id, scope);
        if (!d.view().outgoing()) {
            throw new DocumentRejectedException(new FieldProblem("direction", "document.output.incoming"));
        }
        if (d.issuer() == null) {
            return new DocumentDetail(
                    d.view(),
                    d.place(),
                    d.body(),
                    d.senderName(),
                    d.receivedOn(),
                    d.signerName(),
                    d.signerPosition(),
                    d.signingForm(),
                    d.signingBody(),
                    d.recipients(),
                    d.otherRecipients(),
                    d.attachments(),
                    issuers.find(d.view().unitId()).orElse(null),
                    d.typeAbbreviation(),
                    d.typeHasTitle(),
                    d.canWrite());
        }
        return d;
    }

    /** "108-TB-LDLD-2024" (ASCII, no slash), or "du-thao-<id>" for a draft. */
    static String fileBase(DocumentDetail d) {
        String n = d.view().numberText();
        if (n == null) {
            return "du-thao-" + d.id();
        }
        String ascii = Text.searchKey(n).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-");
        return ascii
                + (d.view().docDate() == null ? "" : "-" + d.view().docDate().getYear());
    }

    // ---------------------------------------------------------------- helpers

    private DocumentView writable(long id, AccessScope scope) {
        DocumentView v = get(id, scope);
        if (!tree.isWithin(v.unitId(), scope.roots(WRITE))) {
            // Readable as a recipient but not the owner's register: no write through it.
            throw new DocumentNotFoundException(id);
        }
        return v;
    }

    private String label(long id) {
        return jdbc.sql("select coalesce(number_text, 'Dự thảo #' || id) from directives.document where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private @Nullable String pathOf(long unitId) {
        return tree.paths(List.of(unitId)).get(unitId);
    }

    private static String searchKey(String summary, @Nullable String number, @Nullable String sender) {
        return Text.searchKey(summary + " " + (number == null ? "" : number) + " " + (sender == null ? "" : sender));
    }

    private void saveRecipients(long id, List<Long> units) {
        for (Long u : units) {
            jdbc.sql("insert into directives.document_recipient (document_id, unit_id) values (:d, :u)")
                    .param("d", id)
                    .param("u", u)
                    .update();
        }
    }

    /** Input after cleaning and checking. */
    private static final class Clean {
        String direction = OUTGOING;
        long unitId;
        String typeCode = "";

        @Nullable
        String numberText;

        @Nullable
        Integer number;

        @Nullable
        LocalDate docDate;

        @Nullable
        String place;

        String summary = "";
        String body = "";

        @Nullable
        String sender;

        @Nullable
        LocalDate received;

        @Nullable
        String signer;

        @Nullable
        String position;

        @Nullable
        String form;

        @Nullable
        String signingBody;

        List<Long> recipients = List.of();
        String others = "";
    }

    private Clean validate(DocumentInput raw, AccessScope scope, @Nullable DocumentView current) {
        List<FieldProblem> problems = new ArrayList<>();
        Clean c = new Clean();
        c.direction = current != null ? current.direction() : raw.direction();
        if (!OUTGOING.equals(c.direction) && !INCOMING.equals(c.direction)) {
            problems.add(new FieldProblem("direction", "document.direction.invalid"));
            throw new DocumentRejectedException(problems);
        }
        boolean outgoing = OUTGOING.equals(c.direction);
        if (current != null) {
            c.unitId = current.unitId();
        } else if (raw.unitId() == null) {
            problems.add(new FieldProblem("unitId", "document.unit.required"));
        } else if (!tree.isWithin(raw.unitId(), scope.roots(WRITE))) {
            problems.add(new FieldProblem("unitId", "document.unit.outside"));
        } else {
            c.unitId = raw.unitId();
        }
        String type = Text.clean(raw.typeCode());
        if (type == null || type.isEmpty()) {
            problems.add(new FieldProblem("typeCode", "document.type.required"));
        } else if (types().stream().noneMatch(t -> t.code().equals(type))) {
            problems.add(new FieldProblem("typeCode", "document.type.unknown", type));
        } else {
            c.typeCode = type;
        }
        String summary = Text.clean(raw.summary());
        if (summary == null || summary.isEmpty()) {
            problems.add(new FieldProblem("summary", "document.summary.required"));
        } else if (summary.length() > MAX_SUMMARY) {
            problems.add(new FieldProblem("summary", "document.summary.tooLong", MAX_SUMMARY));
        } else {
            c.summary = summary;
        }
        String body = raw.body() == null
                ? ""
                : java.text.Normalizer.normalize(raw.body(), java.text.Normalizer.Form.NFC)
                        .replace("\r\n", "\n")
                        .strip();
        if (body.length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "document.body.tooLong", MAX_BODY));
        } else {
            c.body = body;
        }
        LocalDate today = Dates.today(clock);
        c.docDate = raw.docDate();
        if (c.docDate != null && c.docDate.isAfter(today)) {
            problems.add(new FieldProblem("docDate", "document.date.future", Dates.format(today)));
        }
        c.place = Text.clean(raw.place());
        if (c.place != null && c.place.isEmpty()) {
            c.place = null;
        }
        String number = Text.clean(raw.numberText());
        if (number != null && !number.isEmpty()) {
            Matcher m = NUMBER_TEXT.matcher(number);
            if (outgoing) {
                if (current != null && DRAFT.equals(current.status())) {
                    problems.add(new FieldProblem("numberText", "document.number.draft"));
                } else if (!m.matches()) {
                    problems.add(new FieldProblem("numberText", "document.number.format", number));
                } else if (c.docDate == null) {
                    problems.add(new FieldProblem("docDate", "document.date.requiredWithNumber"));
                } else {
                    c.number = Integer.parseInt(m.group(1));
                    // Numbers below 10 take a leading zero (NĐ 30/2020/NĐ-CP, Appendix I): "5/BC-CĐ" → "05/BC-CĐ".
                    c.numberText = (c.number < 10 ? "0" + c.number : String.valueOf(c.number))
                            + number.substring(number.indexOf('/'));
                    if (c.unitId != 0 && numberTaken(c.unitId, c.docDate.getYear(), c.numberText)) {
                        problems.add(new FieldProblem("numberText", "document.number.taken", c.numberText));
                    }
                }
            } else {
                if (number.length() > 60) {
                    problems.add(new FieldProblem("numberText", "document.number.tooLong"));
                } else {
                    c.numberText = number;
                    c.number = m.matches() ? Integer.valueOf(m.group(1)) : null;
                }
            }
        } else if (!outgoing) {
            problems.add(new FieldProblem("numberText", "document.number.requiredIncoming"));
        }
        if (!outgoing) {
            c.sender = Text.clean(raw.senderName());
            if (c.sender == null || c.sender.isEmpty()) {
                problems.add(new FieldProblem("senderName", "document.sender.required"));
            }
            if (c.docDate == null) {
                problems.add(new FieldProblem("docDate", "document.date.requiredIncoming"));
            }
            c.received = raw.receivedOn() == null ? today : raw.receivedOn();
            if (c.received.isAfter(today)) {
                problems.add(new FieldProblem("receivedOn", "document.date.future", Dates.format(today)));
            }
        }
        c.signer = emptyToNull(Text.clean(raw.signerName()));
        c.position = emptyToNull(Text.clean(raw.signerPosition()));
        c.signingBody = emptyToNull(Text.clean(raw.signingBody()));
        String form = emptyToNull(Text.clean(raw.signingForm()));
        if (form != null) {
            form = form.replace(".", "").toUpperCase(java.util.Locale.ROOT);
            if (!SIGNING_FORMS.contains(form)) {
                problems.add(new FieldProblem("signingForm", "document.signingForm.invalid", form));
            } else if (c.signingBody == null) {
                problems.add(new FieldProblem("signingBody", "document.signingBody.required", form + "."));
            }
        }
        c.form = form;
        Set<Long> recipients = new LinkedHashSet<>(raw.recipientUnitIds());
        for (Long r : recipients) {
            if (r == null || tree.find(r).isEmpty()) {
                problems.add(new FieldProblem("recipientUnitIds", "document.recipient.unknown", r));
            }
        }
        c.recipients = List.copyOf(recipients);
        String others = raw.otherRecipients() == null
                ? ""
                : String.join(
                        "\n",
                        raw.otherRecipients()
                                .lines()
                                .map(Text::clean)
                                .filter(s -> s != null && !s.isEmpty())
                                .map(s -> s.replaceFirst("^[-–•]\\s*", ""))
                                .toList());
        c.others = others;
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(problems);
        }
        return c;
    }

    private boolean numberTaken(long unit, int year, String numberText) {
        return jdbc.sql("""
                        select exists (select 1 from directives.document where unit_id = :u and number_year = :y
                                          and direction = 'OUTGOING' and lower(number_text) = lower(:t))
                        """)
                .param("u", unit)
                .param("y", year)
                .param("t", numberText)
                .query(Boolean.class)
                .single();
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static DocumentView view(ResultSet rs, int n) throws SQLException {
        return new DocumentView(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("direction"),
                rs.getString("number_text"),
                rs.getString("type_code"),
                rs.getString("type_name"),
                rs.getObject("doc_date", LocalDate.class),
                rs.getString("summary"),
                rs.getString("status"),
                rs.getInt("version"));
    }

    /** Unique-index races end as a clear field problem rather than a 500. */
    static DocumentRejectedException duplicate(DuplicateKeyException e) {
        return new DocumentRejectedException(new FieldProblem("numberText", "document.number.taken", ""));
    }
}
