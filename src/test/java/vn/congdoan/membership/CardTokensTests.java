package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import vn.congdoan.membership.internal.cards.CardTokens;

/** The e-card's QR token: round trip, no personal data, and nothing forged or altered verifies. */
class CardTokensTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes();

    private final CardTokens tokens = new CardTokens(KEY);

    @Test
    void aSignedTokenNamesItsCard() {
        for (long id : new long[] {1, 42, 1_000_000_007L, Long.MAX_VALUE}) {
            String token = tokens.sign(id);
            assertThat(token).hasSize(35).matches("[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{22}");
            assertThat(tokens.verify(token)).hasValue(id);
        }
    }

    @Test
    void theTokenCarriesOnlyAVersionAndTheCardId() {
        byte[] payload = Base64.getUrlDecoder().decode(tokens.sign(4242).substring(0, 12));
        assertThat(payload).hasSize(9);
        assertThat(payload[0]).isEqualTo((byte) 1);
        assertThat(ByteBuffer.wrap(payload, 1, 8).getLong()).isEqualTo(4242);
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String token = tokens.sign(77);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < token.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String altered = token.substring(0, i) + c + token.substring(i + 1);
                assertThat(tokens.verify(altered)).as(altered).isEmpty();
            }
        }
    }

    @Test
    void anotherCardsIdWithTheOldMacIsRefused() {
        String token = tokens.sign(5);
        byte[] payload = ByteBuffer.allocate(9).put((byte) 1).putLong(6).array();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + token.substring(12);
        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify(tokens.sign(6))).hasValue(6);
    }

    @Test
    void aTokenFromAnotherInstallationIsRefused() {
        assertThat(new CardTokens(OTHER_KEY).verify(tokens.sign(9))).isEmpty();
        assertThat(new CardTokens(KEY).verify(tokens.sign(9))).hasValue(9);
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String g : new String[] {
            "",
            ".",
            "abc",
            "x".repeat(35),
            "AQAAAAAAAAAJ.",
            "AQAAAAAAAAAJ" + "." + "=".repeat(22),
            "AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA",
            "%00%00",
            "AQAAAAAAAAAJ.AAAAAAAAAAAAAAAAAAAAAA/",
            "é".repeat(35)
        }) {
            assertThat(tokens.verify(g)).as(g).isEqualTo(OptionalLong.empty());
        }
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new CardTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
