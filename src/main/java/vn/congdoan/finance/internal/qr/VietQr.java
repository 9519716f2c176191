package vn.congdoan.finance.internal.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import vn.congdoan.shared.Money;

/**
 * Payment QR codes in the NAPAS VietQR format: an EMVCo merchant-presented payload (EMV QRCPS-MPM) for a transfer
 * to a bank account through NAPAS 24/7 (service QRIBFTTA, "to account"), which every Vietnamese banking app reads.
 *
 * <p>Layout, each object {@code ID (2 digits) + length (2 digits) + value}:
 *
 * <pre>
 * 00 "01"                         payload format indicator
 * 01 "12" (amount given) / "11"   point of initiation: dynamic (one payment) / static
 * 38 merchant account information
 *    00 "A000000727"              NAPAS GUID
 *    01 beneficiary organisation
 *       00 BIN (6 digits)         acquirer / bank BIN
 *       01 account number         up to 19 characters
 *    02 "QRIBFTTA"                service code: inter-bank fund transfer to an account
 * 53 "704"                        currency VND (ISO 4217)
 * 54 amount                       whole đồng, digits only (optional)
 * 58 "VN"                         country
 * 62 additional data
 *    08 purpose of transaction    the transfer content, e.g. {@code DP DV000123 07/2025}
 * 63 CRC                          CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over everything before it,
 *                                 including "6304", as 4 upper-case hex digits
 * </pre>
 *
 * The transfer content is folded to upper-case ASCII letters, digits and spaces (banks strip or mangle diacritics),
 * at most 25 characters. No personal data goes into a payload: only a member code or an enterprise's tax code.
 */
public final class VietQr {

    /** NAPAS' application identifier in field 38.00. */
    public static final String NAPAS_GUID = "A000000727";
    /** Service code "inter-bank fund transfer to account" in field 38.02. */
    public static final String SERVICE_TO_ACCOUNT = "QRIBFTTA";
    /** Longest transfer content (field 62.08) banks carry through to the statement. */
    public static final int MAX_CONTENT = 25;

    private static final Pattern BIN = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");

    private VietQr() {}

    /**
     * The payload string for a transfer of {@code amount} (null: the payer types it) to the account, with the given
     * content (folded by {@link #content}).
     *
     * @throws IllegalArgumentException when the BIN is not 6 digits, the account number is not 1–19 letters or
     *     digits, the amount is not positive, or the content is empty after folding
     */
    public static String payload(String bin, String accountNo, @Nullable Money amount, String content) {
        if (!BIN.matcher(bin).matches()) {
            throw new IllegalArgumentException("BIN must be 6 digits");
        }
        if (!ACCOUNT.matcher(accountNo).matches()) {
            throw new IllegalArgumentException("account number must be 1-19 letters or digits");
        }
        if (amount != null && !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        String text = content(content);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("transfer content is empty");
        }
        String beneficiary = tlv("00", bin) + tlv("01", accountNo);
        String merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT);
        StringBuilder out = new StringBuilder()
                .append(tlv("00", "01"))
                .append(tlv("01", amount == null ? "11" : "12"))
                .append(tlv("38", merchant))
                .append(tlv("53", "704"));
        if (amount != null) {
            out.append(tlv("54", amount.amount().toPlainString()));
        }
        out.append(tlv("58", "VN")).append(tlv("62", tlv("08", text))).append("6304");
        return out.append(crc16(out.toString())).toString();
    }

    /**
     * The transfer content as it goes into the payload: NFD-folded to ASCII ({@code đ} → {@code D}), upper case,
     * anything but letters, digits, space, {@code /}, {@code -} and {@code .} turned into a space, spaces collapsed,
     * cut to {@link #MAX_CONTENT} characters.
     */
    public static String content(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9/.\\-]+", " ")
                .trim();
        return folded.length() <= MAX_CONTENT
                ? folded
                : folded.substring(0, MAX_CONTENT).trim();
    }

    /** The QR code of a payload as a black-on-white PNG, {@code pixelsPerModule} pixels per module, quiet zone 4. */
    public static byte[] png(String payload, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 20) {
            throw new IllegalArgumentException("pixelsPerModule outside 1..20");
        }
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload cannot be encoded as a QR code", e);
        }
        int size = m.getWidth() * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, m.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** CRC-16/CCITT-FALSE of the UTF-8 bytes: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
    public static String crc16(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    private static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("field " + id + " longer than 99 characters");
        }
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }
}
