package vn.congdoan.directives.internal.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.congdoan.directives.DocumentDetail;
import vn.congdoan.shared.Dates;
import vn.congdoan.shared.SerifPdf;

/**
 * Outgoing documents in the official layout of NĐ 30/2020/NĐ-CP, Appendix I (DOMAIN.md §9.1, §9.5): PDF through the
 * template {@code directives/documents/official-pdf} and openhtmltopdf with Liberation Serif embedded (Times New
 * Roman metrics, Vietnamese glyphs), and DOCX as a WordprocessingML package written here. Paper, margins and sizes
 * come from {@code directives/official-layout.properties}, not from code.
 */
@Component
class OfficialLayout {

    static final String SETTINGS = "directives/official-layout.properties";

    private final ITemplateEngine templates;
    private final Clock clock;
    private final Properties settings;

    OfficialLayout(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
        this.settings = load();
    }

    double num(String key) {
        String v = settings.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing layout setting " + key + " in " + SETTINGS);
        }
        return Double.parseDouble(v.strip());
    }

    String text(String key) {
        String v = settings.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing layout setting " + key + " in " + SETTINGS);
        }
        return v.strip();
    }

    // ---------------------------------------------------------------- PDF

    byte[] pdf(DocumentDetail d) {
        OfficialText t = OfficialText.of(d, Dates.today(clock));
        Context ctx = new Context(Locale.forLanguageTag("vi"));
        ctx.setVariable("t", t);
        ctx.setVariable("css", css());
        String html = templates.process("directives/documents/official-pdf", ctx);
        return SerifPdf.render(html, text("pdf.font-family"));
    }

    private String css() {
        String f = "'" + text("pdf.font-family") + "'";
        return """
                @page { size: %smm %smm; margin: %smm %smm %smm %smm;
                        @top-center { content: counter(page); font-family: %s; font-size: %spt; } }
                @page :first { @top-center { content: none; } }
                body { font-family: %s; font-size: %spt; color: #000; margin: 0; }
                table.header { width: 100%%; border-collapse: collapse; table-layout: fixed; }
                table.header td { vertical-align: top; text-align: center; padding: 0; }
                td.left { width: %s%%; }
                .superior { font-size: %spt; }
                .issuing { font-size: %spt; font-weight: bold; }
                .number { font-size: %spt; padding-top: 4pt; }
                .subject { font-size: %spt; padding-top: 2pt; }
                .motto { font-size: %spt; font-weight: bold; white-space: nowrap; }
                .slogan { font-size: %spt; font-weight: bold; }
                .date { font-size: %spt; font-style: italic; padding-top: 4pt; white-space: nowrap; }
                .rule { margin: 1pt auto 0 auto; border-top: 0.6pt solid #000; height: 0; }
                .rule.issuer { width: %smm; }
                .rule.slogan { width: %smm; }
                .title { text-align: center; font-weight: bold; font-size: %spt; margin-top: 18pt; }
                .summary { text-align: center; font-weight: bold; font-size: %spt; margin: 0 10mm; line-height: 1.3; }
                .rule.summary-rule { width: 30mm; margin-top: 4pt; }
                .body { margin-top: 14pt; }
                .body p { text-indent: %smm; text-align: justify; margin: 0 0 %spt 0; line-height: %s; }
                div.closing { margin-top: 10pt; page-break-inside: avoid; }
                table.closing { width: 100%%; border-collapse: collapse; }
                table.closing td { vertical-align: top; padding: 0; }
                td.recipients { width: 50%%; font-size: %spt; }
                .recipients-label { font-size: %spt; font-weight: bold; font-style: italic; }
                td.signature { text-align: center; font-weight: bold; font-size: %spt; }
                .signature-space { height: %smm; }
                .signer { font-size: %spt; font-weight: bold; }
                .draft-mark { position: absolute; top: 0; right: 0; border: 1pt solid #000; padding: 1pt 4pt;
                              font-size: 11pt; font-weight: bold; }
                """.formatted(
                        fmt("page.width-mm"),
                        fmt("page.height-mm"),
                        fmt("margin.top-mm"),
                        fmt("margin.right-mm"),
                        fmt("margin.bottom-mm"),
                        fmt("margin.left-mm"),
                        f,
                        fmt("size.page-number"),
                        f,
                        fmt("size.body"),
                        fmt("header.left-percent"),
                        fmt("size.superior"),
                        fmt("size.issuing"),
                        fmt("size.number"),
                        fmt("size.subject"),
                        fmt("size.motto"),
                        fmt("size.slogan"),
                        fmt("size.date"),
                        fmt("rule.issuer-mm"),
                        fmt("rule.slogan-mm"),
                        fmt("size.title"),
                        fmt("size.summary"),
                        fmt("body.indent-mm"),
                        fmt("body.space-after-pt"),
                        fmt("body.line-height"),
                        fmt("size.recipients"),
                        fmt("size.recipients-label"),
                        fmt("size.signature"),
                        fmt("signature.space-mm"),
                        fmt("size.signer"));
    }

    private String fmt(String key) {
        double v = num(key);
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---------------------------------------------------------------- DOCX

    byte[] docx(DocumentDetail d) {
        OfficialText t = OfficialText.of(d, Dates.today(clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", Wordml.CONTENT_TYPES);
            entry(zip, "_rels/.rels", Wordml.ROOT_RELS);
            entry(zip, "word/_rels/document.xml.rels", Wordml.DOCUMENT_RELS);
            entry(zip, "word/styles.xml", Wordml.styles(text("docx.font-family"), num("size.body")));
            entry(zip, "word/settings.xml", Wordml.SETTINGS);
            entry(zip, "word/header1.xml", Wordml.pageNumberHeader(num("size.page-number")));
            entry(zip, "docProps/core.xml", Wordml.core(t.title() == null ? t.subjectLine() : t.title()));
            entry(zip, "word/document.xml", new Wordml(this).document(t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---------------------------------------------------------------- resources

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = OfficialLayout.class.getClassLoader().getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException("layout settings missing from the classpath: " + SETTINGS);
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
