package vn.congdoan.shared;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF with Liberation Serif embedded in its four faces — Times-compatible metrics with every Vietnamese
 * glyph, the typeface NĐ 30/2020/NĐ-CP asks of official documents. Used by the official documents of {@code
 * directives} and the budget and disclosure papers of {@code finance}; each keeps its own layout and CSS.
 */
public final class SerifPdf {

    private static final String FONT_DIR = "liberation/";
    private static final byte[] REGULAR = resource("LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = resource("LiberationSerif-Bold.ttf");
    private static final byte[] ITALIC = resource("LiberationSerif-Italic.ttf");
    private static final byte[] BOLD_ITALIC = resource("LiberationSerif-BoldItalic.ttf");

    private SerifPdf() {}

    /** Renders the XHTML; its CSS names the fonts by {@code family}. */
    public static byte[] render(String html, String family) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(() -> new ByteArrayInputStream(REGULAR), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> new ByteArrayInputStream(BOLD), family, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> new ByteArrayInputStream(ITALIC), family, 400, BaseRendererBuilder.FontStyle.ITALIC, true);
            b.useFont(
                    () -> new ByteArrayInputStream(BOLD_ITALIC),
                    family,
                    700,
                    BaseRendererBuilder.FontStyle.ITALIC,
                    true);
            b.withHtmlContent(html, null);
            b.withProducer("congdoan");
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = SerifPdf.class.getClassLoader().getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + FONT_DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
