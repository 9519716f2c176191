package vn.congdoan.membership.internal.cards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.membership.CardFile;
import vn.congdoan.membership.CardPanel;
import vn.congdoan.membership.CardRejectedException;
import vn.congdoan.membership.CardVerification;
import vn.congdoan.membership.CardView;
import vn.congdoan.membership.MemberCards;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.MemberNotFoundException;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.NotFoundException;

/**
 * Member cards. Scope: a member belongs to the subtree of their last unit ({@code last_unit_id}), checked in the same
 * SQL that reads them. Rendering happens outside transactions (it takes a few hundred milliseconds per card).
 */
@Service
class CardService implements MemberCards {

    private static final String PDF = "application/pdf";
    private static final String PNG = "image/png";

    private final JdbcClient jdbc;
    private final CardStore store;
    private final CardKeys keys;
    private final CardRenderer renderer;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate writes;
    private final String publicBaseUrl;

    CardService(
            JdbcClient jdbc,
            CardKeys keys,
            ITemplateEngine templates,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${congdoan.public-base-url:}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.store = new CardStore(jdbc);
        this.keys = keys;
        this.renderer = new CardRenderer(templates);
        this.audit = audit;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
        this.publicBaseUrl = stripSlash(publicBaseUrl.strip());
    }

    @Override
    public CardPanel panel(long memberId, AccessScope scope) {
        CardStore.Holder h =
                store.holder(memberId, scope.paths(Members.READ)).orElseThrow(MemberNotFoundException::new);
        boolean canWrite = store.holder(memberId, scope.paths(Members.WRITE)).isPresent();
        return panelOf(h, canWrite);
    }

    @Override
    @Transactional
    public CardView issue(long memberId, String type, LocalDate on, AccessScope scope, Actor actor) {
        CardStore.Holder h = writable(memberId, scope);
        checkNewCard(h, type, on);
        if (store.current(memberId, true).isPresent()) {
            throw new CardRejectedException("card.current.exists");
        }
        CardView card = insert(h, type, on, null, actor);
        audit.record(AuditRecord.of(actor, "MEMBER_CARD_ISSUED", h.path())
                .target("member", memberId, h.memberCode())
                .detail(card.cardNo() + " " + type));
        return card;
    }

    @Override
    @Transactional
    public CardView replace(
            long memberId,
            @Nullable Long expectedCardId,
            String reason,
            String type,
            LocalDate on,
            AccessScope scope,
            Actor actor) {
        CardStore.Holder h = writable(memberId, scope);
        if (!REPLACE_REASONS.contains(reason)) {
            throw new CardRejectedException("card.reason.invalid");
        }
        checkNewCard(h, type, on);
        CardView old = currentAsSeen(memberId, expectedCardId);
        if (on.isBefore(old.issuedOn())) {
            throw new CardRejectedException("card.date.beforeOldCard", Dates.format(old.issuedOn()));
        }
        store.end(old.id(), reason, on, actor.name());
        CardView card = insert(h, type, on, old.id(), actor);
        audit.record(AuditRecord.of(actor, "MEMBER_CARD_REPLACED", h.path())
                .target("member", memberId, h.memberCode())
                .detail(old.cardNo() + " " + reason + " -> " + card.cardNo() + " " + type));
        return card;
    }

    @Override
    @Transactional
    public void revoke(long memberId, @Nullable Long expectedCardId, AccessScope scope, Actor actor) {
        CardStore.Holder h = writable(memberId, scope);
        CardView old = currentAsSeen(memberId, expectedCardId);
        LocalDate today = Dates.today(clock);
        store.end(old.id(), "REVOKED", today.isBefore(old.issuedOn()) ? old.issuedOn() : today, actor.name());
        audit.record(AuditRecord.of(actor, "MEMBER_CARD_REVOKED", h.path())
                .target("member", memberId, h.memberCode())
                .detail(old.cardNo()));
    }

    @Override
    @Transactional
    public void delivered(long memberId, @Nullable Long expectedCardId, AccessScope scope, Actor actor) {
        CardStore.Holder h = writable(memberId, scope);
        CardView card = currentAsSeen(memberId, expectedCardId);
        if ("ISSUED".equals(card.status())) {
            throw new CardRejectedException("card.delivered.already");
        }
        store.setStatus(card.id(), "ISSUED");
        audit.record(AuditRecord.of(actor, "MEMBER_CARD_DELIVERED", h.path())
                .target("member", memberId, h.memberCode())
                .detail(card.cardNo()));
    }

    @Override
    public CardFile png(long memberId, String requestBaseUrl, AccessScope scope) {
        CardStore.Holder h =
                store.holder(memberId, scope.paths(Members.READ)).orElseThrow(MemberNotFoundException::new);
        return new CardFile(fileName(h, "png"), PNG, renderer.png(face(h, requestBaseUrl)));
    }

    @Override
    public CardFile pdf(long memberId, String requestBaseUrl, AccessScope scope) {
        CardStore.Holder h =
                store.holder(memberId, scope.paths(Members.READ)).orElseThrow(MemberNotFoundException::new);
        return new CardFile(fileName(h, "pdf"), PDF, renderer.pdf(face(h, requestBaseUrl)));
    }

    @Override
    public CardFile printSheet(List<Long> memberIds, String requestBaseUrl, AccessScope scope, Actor actor) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        if (ids.isEmpty()) {
            throw new CardRejectedException("card.print.nothingSelected");
        }
        if (ids.size() > MAX_PRINT) {
            throw new CardRejectedException("card.print.tooMany", MAX_PRINT);
        }
        List<CardStore.Holder> holders = store.holders(ids, scope.paths(Members.WRITE));
        if (holders.size() != ids.size()) {
            throw new MemberNotFoundException();
        }
        List<CardFace> faces = new ArrayList<>();
        List<Long> cardIds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (CardStore.Holder h : holders) {
            Optional<CardView> c = store.current(h.memberId(), false);
            if (c.isPresent()) {
                faces.add(face(h, c.get(), requestBaseUrl));
                cardIds.add(c.get().id());
                paths.add(h.path());
            }
        }
        if (faces.isEmpty()) {
            throw new CardRejectedException("card.print.none");
        }
        byte[] pdf = renderer.sheet(faces);
        writes.executeWithoutResult(status -> {
            store.markPrinted(cardIds);
            audit.record(AuditRecord.of(actor, PRINTED, commonPath(paths))
                    .detail(faces.size() + " cards, " + (ids.size() - faces.size()) + " members without a card; "
                            + abbreviated(cardIds)));
        });
        String name = "the-doan-vien-" + Dates.today(clock) + ".pdf";
        return new CardFile(name, PDF, pdf);
    }

    @Override
    public Optional<CardPanel> own(AccessScope scope) {
        scope.require(Members.SELF);
        return store.ownHolder(scope.userId()).map(h -> panelOf(h, false));
    }

    @Override
    public CardFile ownPng(String requestBaseUrl, AccessScope scope) {
        scope.require(Members.SELF);
        CardStore.Holder h = store.ownHolder(scope.userId()).orElseThrow(MemberNotFoundException::new);
        return new CardFile(fileName(h, "png"), PNG, renderer.png(face(h, requestBaseUrl)));
    }

    @Override
    public CardFile ownPdf(String requestBaseUrl, AccessScope scope) {
        scope.require(Members.SELF);
        CardStore.Holder h = store.ownHolder(scope.userId()).orElseThrow(MemberNotFoundException::new);
        return new CardFile(fileName(h, "pdf"), PDF, renderer.pdf(face(h, requestBaseUrl)));
    }

    @Override
    public CardVerification verify(String token) {
        OptionalLong cardId = keys.tokens().verify(token);
        if (cardId.isEmpty()) {
            return CardVerification.invalid();
        }
        return store.verification(cardId.getAsLong())
                .filter(v -> CURRENT_STATUSES.contains(v.cardStatus()) && "ACTIVE".equals(v.memberStatus()))
                .filter(v -> v.unitName() != null)
                .map(v -> new CardVerification(
                        true, MemberDetail.initials(v.fullName()), mask(v.memberCode()), v.unitName()))
                .orElseGet(CardVerification::invalid);
    }

    // --- helpers

    private CardPanel panelOf(CardStore.Holder h, boolean canWrite) {
        return new CardPanel(
                h.memberId(),
                h.memberCode(),
                h.fullName(),
                h.status(),
                h.unitName(),
                store.cards(h.memberId()),
                canWrite);
    }

    private CardStore.Holder writable(long memberId, AccessScope scope) {
        return store.holder(memberId, scope.paths(Members.WRITE)).orElseThrow(MemberNotFoundException::new);
    }

    private void checkNewCard(CardStore.Holder h, String type, LocalDate on) {
        if (!TYPES.contains(type)) {
            throw new CardRejectedException("card.type.invalid");
        }
        if (!"ACTIVE".equals(h.status())) {
            throw new CardRejectedException("card.member.notActive");
        }
        if (on.isAfter(Dates.today(clock))) {
            throw new CardRejectedException("card.date.future");
        }
        if (on.isBefore(h.joinedOn())) {
            throw new CardRejectedException("card.date.beforeJoin", Dates.format(h.joinedOn()));
        }
    }

    private CardView currentAsSeen(long memberId, @Nullable Long expectedCardId) {
        CardView card = store.current(memberId, true).orElseThrow(() -> new CardRejectedException("card.current.none"));
        if (expectedCardId != null && expectedCardId != card.id()) {
            throw new CardRejectedException("card.current.changed");
        }
        return card;
    }

    private CardView insert(CardStore.Holder h, String type, LocalDate on, @Nullable Long replaces, Actor actor) {
        CardView card;
        try {
            card = store.insert(h.memberId(), type, on, "E_CARD".equals(type) ? "ISSUED" : "ORDERED", replaces, actor);
        } catch (DuplicateKeyException e) {
            // Someone issued a card for the same member at the same moment (one current card per member).
            throw new CardRejectedException("card.current.exists");
        }
        jdbc.sql("""
                        insert into membership.member_event (member_id, kind, happened_on, unit_id, note, actor_name)
                        values (:m, 'CARD_ISSUED', :d, :u, :note, :a)""")
                .param("m", h.memberId())
                .param("d", on)
                .param("u", h.unitId())
                .param("note", card.cardNo() + " " + type)
                .param("a", actor.name())
                .update();
        return card;
    }

    private CardFace face(CardStore.Holder h, String requestBaseUrl) {
        CardView card = store.current(h.memberId(), false).orElseThrow(() -> new NotFoundException("card", "?"));
        return face(h, card, requestBaseUrl);
    }

    private CardFace face(CardStore.Holder h, CardView card, String requestBaseUrl) {
        String base = publicBaseUrl.isEmpty() ? stripSlash(requestBaseUrl) : publicBaseUrl;
        return new CardFace(
                h.fullName(),
                h.memberCode(),
                h.unitName() == null ? "" : h.unitName(),
                card.cardNo(),
                Dates.format(card.issuedOn()),
                card.type(),
                base + "/verify/" + keys.tokens().sign(card.id()));
    }

    private static String fileName(CardStore.Holder h, String extension) {
        return "the-doan-vien-" + h.memberCode() + "." + extension;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** "DV0000012344" → "DV******2344": enough to compare with the card in hand, not to look the member up. */
    static String mask(String memberCode) {
        if (memberCode.length() <= 6) {
            return "*".repeat(memberCode.length());
        }
        return memberCode.substring(0, 2)
                + "*".repeat(memberCode.length() - 6)
                + memberCode.substring(memberCode.length() - 4);
    }

    /** The deepest tree path shared by all the units (who may read the audit entry). */
    static @Nullable String commonPath(List<String> paths) {
        if (paths.isEmpty()) {
            return null;
        }
        String[] common = paths.get(0).split("\\.");
        int n = common.length;
        for (String p : paths) {
            String[] labels = p.split("\\.");
            int i = 0;
            while (i < Math.min(n, labels.length) && labels[i].equals(common[i])) {
                i++;
            }
            n = i;
        }
        return n == 0 ? null : String.join(".", java.util.Arrays.copyOf(common, n));
    }

    private static String abbreviated(List<Long> cardIds) {
        String list = cardIds.stream().limit(50).map(String::valueOf).collect(Collectors.joining(","));
        return "card ids " + list + (cardIds.size() > 50 ? ",..." : "");
    }
}
