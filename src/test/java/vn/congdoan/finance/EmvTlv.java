package vn.congdoan.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An EMVCo QR (merchant-presented) reader for tests, written from the specification and independent of the
 * generator: TLV objects {@code ID(2) LEN(2) VALUE}, and a table-driven CRC-16/CCITT-FALSE (poly 0x1021, init
 * 0xFFFF) over everything up to and including "6304".
 */
final class EmvTlv {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = ((c & 0x8000) != 0) ? ((c << 1) ^ 0x1021) : (c << 1);
            }
            TABLE[i] = c & 0xFFFF;
        }
    }

    private EmvTlv() {}

    /** The objects of one level, in order; fails on a truncated or malformed object. */
    static Map<String, String> parse(String data) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < data.length()) {
            assertThat(i + 4).as("header at %d of %s", i, data).isLessThanOrEqualTo(data.length());
            String id = data.substring(i, i + 2);
            assertThat(id).as("id").matches("[0-9]{2}");
            int len = Integer.parseInt(data.substring(i + 2, i + 4));
            assertThat(i + 4 + len).as("length of %s", id).isLessThanOrEqualTo(data.length());
            assertThat(out).as("duplicate id %s", id).doesNotContainKey(id);
            out.put(id, data.substring(i + 4, i + 4 + len));
            i += 4 + len;
        }
        return out;
    }

    /** The root objects, after checking that the CRC is last, 4 hex digits and right. */
    static Map<String, String> parseChecked(String payload) {
        Map<String, String> root = parse(payload);
        assertThat(root.keySet()).last().isEqualTo("63");
        String crc = root.get("63");
        assertThat(crc).matches("[0-9A-F]{4}");
        assertThat(crc).isEqualTo(crc(payload.substring(0, payload.length() - 4)));
        return root;
    }

    static String crc(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
            crc = ((crc << 8) ^ TABLE[((crc >> 8) ^ b) & 0xFF]) & 0xFFFF;
        }
        return String.format("%04X", crc);
    }

    /** The text of the QR code in a PNG (ZXing core; grey levels computed here). */
    static String decodePng(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                grey[y * w + x] = (byte) lum;
            }
        }
        LuminanceSource source = new LuminanceSource(w, h) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] r = row != null && row.length >= w ? row : new byte[w];
                System.arraycopy(grey, y * w, r, 0, w);
                return r;
            }

            @Override
            public byte[] getMatrix() {
                return grey;
            }
        };
        try {
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(source)),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (ReaderException e) {
            throw new AssertionError("no readable QR code in the PNG", e);
        }
    }
}
