package vn.congdoan.membership.internal.cards;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Draws member cards: HTML from the template {@code membership/card-pdf} (texts from the message bundles, always in
 * Vietnamese — the card is a Vietnamese document), laid out to PDF by openhtmltopdf with DejaVu Sans embedded (the
 * PDF base fonts have no Vietnamese glyphs), and the PNG rasterised from that same PDF by PDFBox, so the two can
 * never differ. The QR code is drawn by ZXing with error correction M and a 4-module quiet zone.
 */
public final class CardRenderer {

    /** Cards per A4 sheet: 2 columns × 5 rows of 85.6 × 54 mm (ISO/IEC 7810 ID-1). */
    public static final int PER_SHEET = 10;

    static final int PER_ROW = 2;
    private static final float PNG_DPI = 300;
    private static final String FONT = "DejaVu Sans";
    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;

    public CardRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** One card on a card-sized page. */
    public byte[] pdf(CardFace face) {
        return render(List.of(face), false);
    }

    /** The card as a 300 dpi PNG (1011 × 638 pixels). */
    public byte[] png(CardFace face) {
        try (PDDocument doc = Loader.loadPDF(pdf(face))) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, PNG_DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cards on A4 pages, {@link #PER_SHEET} per page, with dashed cutting lines. */
    public byte[] sheet(List<CardFace> faces) {
        return render(faces, true);
    }

    private byte[] render(List<CardFace> faces, boolean sheet) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (CardFace f : faces) {
            items.add(Map.of("face", f, "qr", qrDataUri(f.verifyUrl())));
        }
        Context ctx = new Context(Locale.forLanguageTag("vi"));
        ctx.setVariable("sheet", sheet);
        ctx.setVariable("pages", pages(items));
        String html = templates.process("membership/card-pdf", ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Items grouped into pages of rows (a single card: one page, one row, one item). */
    static <T> List<List<List<T>>> pages(List<T> items) {
        List<List<List<T>>> pages = new ArrayList<>();
        for (int p = 0; p < items.size(); p += PER_SHEET) {
            List<T> page = items.subList(p, Math.min(items.size(), p + PER_SHEET));
            List<List<T>> rows = new ArrayList<>();
            for (int r = 0; r < page.size(); r += PER_ROW) {
                rows.add(page.subList(r, Math.min(page.size(), r + PER_ROW)));
            }
            pages.add(rows);
        }
        return pages;
    }

    /** The QR code as a PNG data URI (8 pixels per module). */
    static String qrDataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(text, 8));
    }

    static byte[] qrPng(String text, int pixelsPerModule) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
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
            int size = m.getWidth() * pixelsPerModule;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean dark = m.get(x / pixelsPerModule, y / pixelsPerModule);
                    image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = CardRenderer.class.getClassLoader().getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
