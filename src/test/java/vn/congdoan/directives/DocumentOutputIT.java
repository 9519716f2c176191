package vn.congdoan.directives;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;

/**
 * 108/TB-LĐLĐ in the official layout (NĐ 30/2020/NĐ-CP, Appendix I): the PDF is rasterised to PNG
 * ({@code target/documents/108-TB-LDLD.png}, to look at) and its text read back with positions; the DOCX is opened
 * back, and converted by LibreOffice when it is installed.
 */
@FullApplicationTest
class DocumentOutputIT {

    static final Path OUT = Path.of("target", "documents");

    @Autowired
    Documents documents;

    @Autowired
    DemoDocuments demo;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    AccessScope tinh() {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = 'tinh'")
                .query(Long.class)
                .single());
    }

    /** Each line of the first page with the x of its first glyph and the y of its baseline (points, top-down). */
    record Line(String text, float x, float y, float size, String font) {}

    static List<Line> lines(PDDocument doc, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                TextPosition first = positions.get(0);
                PDFont font = first.getFont();
                lines.add(new Line(
                        Normalizer.normalize(text, Normalizer.Form.NFC),
                        first.getXDirAdj(),
                        first.getYDirAdj(),
                        first.getFontSizeInPt(),
                        font.getName()));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return lines;
    }

    static Line find(List<Line> lines, String start) {
        return lines.stream()
                .filter(l -> l.text().strip().startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in " + lines));
    }

    @Test
    void theFoundingNoticeRendersInTheOfficialLayoutWithVietnameseGlyphs() throws IOException {
        long id = demo.foundingNotice().orElseThrow();
        DocumentFile pdf = documents.pdf(id, tinh());
        assertThat(pdf.fileName()).isEqualTo("108-TB-LDLD-2024.pdf");
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("108-TB-LDLD.pdf"), pdf.content());
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage png = new PDFRenderer(doc).renderImageWithDPI(i, 110, ImageType.RGB);
                ImageIO.write(
                        png,
                        "png",
                        OUT.resolve("108-TB-LDLD-" + (i + 1) + ".png").toFile());
            }

            List<Line> lines = lines(doc, 1);
            float mm = 72f / 25.4f;
            Line superior = find(lines, "TỔNG LĐLĐ VIỆT NAM");
            // The issuing body is longer than its column and wraps onto a second line, as on paper.
            Line issuing = find(lines, "LIÊN ĐOÀN LAO ĐỘNG TỈNH");
            Line issuing2 = find(lines, "LAI CHÂU");
            assertThat(issuing2.y()).isGreaterThan(issuing.y());
            assertThat(issuing2.font()).contains("Bold");
            Line motto = find(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            Line slogan = find(lines, "Độc lập - Tự do - Hạnh phúc");
            Line number = find(lines, "Số: 108/TB-LĐLĐ");
            Line date = find(lines, "Lai Châu, ngày 14 tháng 10 năm 2024");
            Line title = find(lines, "THÔNG BÁO");
            Line summary = find(lines, "Định hướng nhiệm vụ trọng tâm công tác công đoàn năm 2025");
            // The closing block (never split) ends the document: on the last page.
            List<Line> last = lines(doc, doc.getNumberOfPages());
            Line sign1 = find(last, "TM. BAN THƯỜNG VỤ");
            Line sign2 = find(last, "CHỦ TỊCH");
            Line recipients = find(last, "Nơi nhận:");
            Line signer = find(last, "Lò Văn Khoa");
            assertThat(signer.y() - sign2.y()).isGreaterThan(20 * mm);
            assertThat(Math.abs(recipients.y() - sign1.y())).isLessThan(5);
            // Left column: superior body over the issuing body (bold), number below; right column: motto.
            assertThat(superior.y()).isLessThan(issuing.y());
            assertThat(issuing.font()).contains("Bold");
            assertThat(superior.font()).doesNotContain("Bold");
            assertThat(issuing.y()).isLessThan(number.y());
            assertThat(motto.x()).isGreaterThan(issuing.x() + issuing.text().length());
            assertThat(motto.font()).contains("Bold");
            assertThat(slogan.y()).isGreaterThan(motto.y());
            assertThat(date.font()).contains("Italic");
            assertThat(date.x()).isGreaterThan(number.x() + 100);
            // Left margin 30 mm: nothing starts left of it.
            float left = lines.stream().map(Line::x).min(Float::compare).orElseThrow();
            assertThat(left).isGreaterThanOrEqualTo(30 * mm - 1);
            // Centred bold title and summary below the header; the font is Liberation Serif, embedded.
            assertThat(title.y()).isGreaterThan(date.y());
            assertThat(title.font()).contains("LiberationSerif-Bold");
            float textCentre = (30 * mm + (595.3f - 15 * mm)) / 2;
            float titleWidth = title.text().strip().length() * title.size() * 0.6f;
            assertThat(Math.abs(title.x() + titleWidth / 2 - textCentre)).isLessThan(25);
            assertThat(summary.y()).isGreaterThan(title.y());
            // Signature block on the right, "Nơi nhận" on the left at the same height.
            assertThat(sign1.x()).isGreaterThan(300);
            assertThat(sign2.y()).isGreaterThan(sign1.y());
            assertThat(recipients.x()).isLessThan(30 * mm + 5);
            doc.getPages().forEach(p -> p.getResources().getFontNames().forEach(n -> {
                try {
                    assertThat(p.getResources().getFont(n).isEmbedded()).isTrue();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
            String all = new PDFTextStripper().getText(doc);
            String nfc = Normalizer.normalize(all, Normalizer.Form.NFC);
            assertThat(nfc)
                    .contains("Chín nhiệm vụ trọng tâm")
                    .contains("- Công đoàn phường Tân Phong;")
                    .containsPattern("- Các công đoàn cơ sở trực thuộc \\([0-9]+ đơn vị\\);")
                    .contains("- Lưu: VT, VP.")
                    .contains("Lò Văn Khoa")
                    .doesNotContain("#");
            // Page numbers: none on page 1, "2" centred at the top of page 2 when there is one.
            if (doc.getNumberOfPages() > 1) {
                List<Line> second = lines(doc, 2);
                assertThat(second.get(0).text().strip()).isEqualTo("2");
            }
        }
    }

    @Test
    void theDocxOpensBackAndConvertsInLibreOffice() throws Exception {
        long id = demo.foundingNotice().orElseThrow();
        DocumentFile docx = documents.docx(id, tinh());
        assertThat(docx.fileName()).isEqualTo("108-TB-LDLD-2024.docx");
        Files.createDirectories(OUT);
        Path file = OUT.resolve("108-TB-LDLD.docx");
        Files.write(file, docx.content());
        String xml = null;
        List<String> parts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.content()))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                parts.add(e.getName());
                if (e.getName().equals("word/document.xml")) {
                    xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(parts).contains("[Content_Types].xml", "_rels/.rels", "word/styles.xml", "word/header1.xml");
        assertThat(xml)
                .isNotNull()
                .contains("Số: 108/TB-LĐLĐ")
                .contains("Lai Châu, ngày 14 tháng 10 năm 2024")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("TM. BAN THƯỜNG VỤ")
                .contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
                // Left margin 30 mm = 1701 twips, right 15 mm = 850 twips.
                .contains("w:left=\"1701\"")
                .contains("w:right=\"850\"");
        if (!soffice()) {
            System.err.println("NOTICE: LibreOffice (soffice) is not installed; the DOCX → PDF conversion check was"
                    + " skipped.");
            return;
        }
        Path outDir = Files.createTempDirectory("docx-lo");
        Path profile = Files.createTempDirectory("lo-profile");
        Process p = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        outDir.toString(),
                        file.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Path converted = outDir.resolve("108-TB-LDLD.pdf");
        assertThat(converted).exists();
        Files.copy(
                converted, OUT.resolve("108-TB-LDLD-from-docx.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument doc = Loader.loadPDF(converted.toFile())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertThat(text)
                    .contains("LIÊN ĐOÀN LAO ĐỘNG TỈNH")
                    .contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("Lai Châu, ngày 14 tháng 10 năm 2024")
                    .contains("THÔNG BÁO")
                    .contains("Nơi nhận:");
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage png = new PDFRenderer(doc).renderImageWithDPI(i, 110, ImageType.RGB);
                ImageIO.write(
                        png,
                        "png",
                        OUT.resolve("108-TB-LDLD-from-docx-" + (i + 1) + ".png").toFile());
            }
        }
    }

    static boolean soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) {
                return true;
            }
        }
        return false;
    }
}
