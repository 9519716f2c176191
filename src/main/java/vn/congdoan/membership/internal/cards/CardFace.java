package vn.congdoan.membership.internal.cards;

/**
 * What is printed on one card. Dates are already written {@code dd/MM/yyyy}.
 *
 * @param type {@code PLASTIC}, {@code LINKED} or {@code E_CARD}
 * @param verifyUrl what the QR code encodes
 */
public record CardFace(
        String fullName,
        String memberCode,
        String unitName,
        String cardNo,
        String issuedOn,
        String type,
        String verifyUrl) {}
