package vn.congdoan.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * Member cards (DOMAIN.md §3.3): issuing, replacing a lost or damaged card, revoking; the e-card as PNG and PDF; a
 * sheet of cards for printing; public verification of the e-card's QR code.
 *
 * <p>Reads need {@link Members#READ}, changes {@link Members#WRITE}, in a subtree holding the member's last unit;
 * otherwise {@link MemberNotFoundException}. The QR code encodes {@code <base>/verify/<token>}: the token names the
 * card (not the person) and is signed with the installation's key, so it cannot be forged, and it stops verifying
 * when the card ends or the member is no longer active. The base is the property {@code congdoan.public-base-url}
 * or, when it is not set, the address the request came in on ({@code requestBaseUrl}).
 */
public interface MemberCards {

    /** Audit action of a printed sheet. */
    String PRINTED = "MEMBER_CARDS_PRINTED";

    /** The most cards one sheet request may print. */
    int MAX_PRINT = 500;

    List<String> TYPES = List.of("PLASTIC", "LINKED", "E_CARD");

    List<String> REPLACE_REASONS = List.of("LOST", "REPLACED");

    Set<String> CURRENT_STATUSES = Set.of("ORDERED", "PRINTED", "ISSUED");

    /** The member's cards, newest first. */
    CardPanel panel(long memberId, AccessScope scope);

    /**
     * Issues a card: an e-card is {@code ISSUED} at once, a plastic or linked card {@code ORDERED}. Writes a
     * {@code CARD_ISSUED} event to the member's history and an audit entry.
     *
     * @throws CardRejectedException unknown type, member not active, a current card exists, a date in the future or
     *     before the member joined
     */
    CardView issue(long memberId, String type, LocalDate on, AccessScope scope, Actor actor);

    /**
     * Ends the current card as {@code LOST} or {@code REPLACED} (damaged, details changed) and issues a new one that
     * replaces it; the old card's QR code stops verifying.
     *
     * @param expectedCardId the card the caller saw as current (null: whichever is current)
     * @throws CardRejectedException no current card, or it is no longer the one the caller saw, or as for {@link
     *     #issue}
     */
    CardView replace(
            long memberId,
            @Nullable Long expectedCardId,
            String reason,
            String type,
            LocalDate on,
            AccessScope scope,
            Actor actor);

    /** Withdraws the current card (e.g. the member left); its QR code stops verifying. */
    void revoke(long memberId, @Nullable Long expectedCardId, AccessScope scope, Actor actor);

    /** Records that an ordered or printed card was handed to the member ({@code ISSUED}). */
    void delivered(long memberId, @Nullable Long expectedCardId, AccessScope scope, Actor actor);

    /** The member's current card as an image (PNG, 300 dpi); not found when the member has no current card. */
    CardFile png(long memberId, String requestBaseUrl, AccessScope scope);

    /** The member's current card as a one-page PDF of card size (85.6 × 54 mm). */
    CardFile pdf(long memberId, String requestBaseUrl, AccessScope scope);

    /**
     * One A4 PDF with the current cards of the given members, ten per page laid out for cutting; members without a
     * current card are left out. Needs {@link Members#WRITE} over every member (else {@link
     * MemberNotFoundException}); ordered cards become {@code PRINTED}. Writes an audit entry {@link #PRINTED}.
     *
     * @throws CardRejectedException none of the members has a current card, or more than {@link #MAX_PRINT}
     */
    CardFile printSheet(List<Long> memberIds, String requestBaseUrl, AccessScope scope, Actor actor);

    /** The caller's own cards ({@link Members#SELF}); empty when the account is linked to no member. */
    Optional<CardPanel> own(AccessScope scope);

    /** The caller's own current card as PNG. */
    CardFile ownPng(String requestBaseUrl, AccessScope scope);

    /** The caller's own current card as PDF. */
    CardFile ownPdf(String requestBaseUrl, AccessScope scope);

    /** Checks a scanned token; anything forged, unknown, ended or belonging to a member who left is invalid. */
    CardVerification verify(String token);
}
