package vn.congdoan.membership;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member's cards, newest first, as the member page's card panel (or the member's own card page) shows them.
 *
 * @param memberStatus the member's status; only {@code ACTIVE} members may be issued a card
 * @param canWrite whether the caller may issue, replace or revoke this member's cards
 */
public record CardPanel(
        long memberId,
        String memberCode,
        String fullName,
        String memberStatus,
        @Nullable String unitName,
        List<CardView> cards,
        boolean canWrite) {

    public CardPanel {
        cards = List.copyOf(cards);
    }

    /** The current card, if the member has one. */
    public @Nullable CardView current() {
        return cards.stream().filter(CardView::current).findFirst().orElse(null);
    }

    public boolean active() {
        return "ACTIVE".equals(memberStatus);
    }
}
