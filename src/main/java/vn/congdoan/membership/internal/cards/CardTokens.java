package vn.congdoan.membership.internal.cards;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The e-card's QR token: {@code base64url(payload) "." base64url(mac)}, no padding, 35 characters. The payload is 9
 * bytes — a format version (1) and the card's id (8 bytes, big-endian) — so nothing about the person is in it, and
 * ending the card invalidates it. The mac is HMAC-SHA256 over a fixed context string and the payload, with the
 * installation's key, truncated to 16 bytes (128 bits): without the key nobody can make a token for another card.
 * Plain unit (no Spring), so it can be tested alone.
 */
public final class CardTokens {

    static final int MIN_KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 9;
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_LENGTH = 35;
    private static final byte[] CONTEXT = "congdoan/member-card/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public CardTokens(byte[] secret) {
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("card key too short");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The token of a card. */
    public String sign(long cardId) {
        if (cardId <= 0) {
            throw new IllegalArgumentException("card id");
        }
        byte[] payload =
                ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION).putLong(cardId).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The card id a genuine token names; empty for anything malformed, of another version or not signed by us. */
    public OptionalLong verify(@Nullable String token) {
        if (token == null || token.length() != TOKEN_LENGTH || token.charAt(12) != '.') {
            return OptionalLong.empty();
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, 12));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (payload.length != PAYLOAD_BYTES || payload[0] != VERSION) {
            return OptionalLong.empty();
        }
        long cardId = ByteBuffer.wrap(payload, 1, 8).getLong();
        if (cardId <= 0) {
            return OptionalLong.empty();
        }
        // Recompute the whole canonical token and compare in constant time: also refuses non-canonical base64.
        byte[] expected = sign(cardId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                ? OptionalLong.of(cardId)
                : OptionalLong.empty();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(CONTEXT);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
