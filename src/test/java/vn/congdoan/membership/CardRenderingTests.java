package vn.congdoan.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.congdoan.membership.internal.cards.CardFace;
import vn.congdoan.membership.internal.cards.CardRenderer;

/**
 * The e-card as PDF and PNG, without Spring: the Vietnamese text survives (DejaVu embedded), the QR code in the PNG
 * reads back as the verification address, and a sheet holds ten cards per A4 page. Samples are written to {@code
 * target/card-samples/} for a human to look at.
 */
class CardRenderingTests {

    static final Path SAMPLES = Path.of("target", "card-samples");
    static final String URL = "https://congdoan.example.vn/verify/AQAAAAAAAAAq.abcdefghijklmnopqrstuv";

    private final CardRenderer renderer = new CardRenderer(templates());

    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/cards");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static CardFace face(String name) {
        return new CardFace(
                name,
                "DV0000012344",
                "Công đoàn cơ sở Trường Phổ thông Dân tộc Bán trú Tiểu học Nậm Xe",
                "TDV0000000018",
                "24/11/2026",
                "E_CARD",
                URL);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
        }
    }

    @Test
    void thePdfCardKeepsEveryVietnameseLetter() throws Exception {
        byte[] pdf = renderer.pdf(face("Đặng Thị Ngọc Ánh"));
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("card.pdf"), pdf);
        String text = text(pdf);
        assertThat(text)
                .contains("CÔNG ĐOÀN VIỆT NAM", "THẺ ĐOÀN VIÊN", "Đặng Thị Ngọc Ánh", "DV0000012344")
                .contains("TDV0000000018", "24/11/2026", "Nậm Xe");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            // 85.6 × 54 mm in points (1 mm = 72 / 25.4 pt).
            assertThat(page.getMediaBox().getWidth()).isCloseTo(242.6f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(153.1f, org.assertj.core.data.Offset.offset(1f));
            List<String> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                fonts.add(f.getName() + (f.isEmbedded() ? " embedded" : ""));
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVu") && f.endsWith("embedded"));
        }
    }

    @Test
    void thePngCardCarriesAQrCodeThatReadsAsTheVerificationAddress() throws Exception {
        byte[] png = renderer.png(face("Lò Văn Đức"));
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("card.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(1005, 1015);
        assertThat(image.getHeight()).isBetween(632, 642);
        assertThat(CardQr.decode(png)).isEqualTo(URL);
    }

    @Test
    void aSheetHoldsTenCardsPerA4PageAndEveryName() throws Exception {
        List<CardFace> faces = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            faces.add(face("Hoàng Thị Mỹ Duyên " + i));
        }
        byte[] pdf = renderer.sheet(faces);
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("sheet.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight())
                    .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
            assertThat(first.split("THẺ ĐOÀN VIÊN", -1)).hasSize(11);
        }
        String all = text(pdf);
        for (int i = 1; i <= 12; i++) {
            assertThat(all).contains("Hoàng Thị Mỹ Duyên " + i + "\n");
        }
    }
}
