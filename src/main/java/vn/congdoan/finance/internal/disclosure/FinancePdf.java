package vn.congdoan.finance.internal.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.congdoan.shared.SerifPdf;

/**
 * Finance documents as PDF in the official layout of NĐ 30/2020/NĐ-CP, Appendix I (DOMAIN.md §9.1, §9.5), the look of
 * the directives module's outgoing documents: A4, Liberation Serif embedded (Times New Roman metrics, Vietnamese
 * glyphs), national motto top right, issuer top left, italic place and date, bold type name, signature block and
 * "Nơi nhận". Paper, margins and sizes come from {@code finance/official-layout.properties}, not from code.
 */
@Component
public class FinancePdf {

    static final String SETTINGS = "finance/official-layout.properties";

    private final ITemplateEngine templates;
    private final Properties settings;

    FinancePdf(ITemplateEngine templates) {
        this.templates = templates;
        this.settings = load();
    }

    /** The place written before the date ("Lai Châu, ngày …"). */
    public String place() {
        return text("place");
    }

    /** Renders a template of {@code templates/finance/} with the variables, plus {@code css}. */
    public byte[] render(String template, Map<String, Object> variables) {
        Context ctx = new Context(Locale.forLanguageTag("vi"));
        ctx.setVariables(variables);
        ctx.setVariable("css", css());
        String html = templates.process(template, ctx);
        return SerifPdf.render(html, text("pdf.font-family"));
    }

    /**
     * "Lai Châu, ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 take a leading zero, other months do
     * not — NĐ 30/2020/NĐ-CP, Appendix I, §I.5.b.
     */
    public static String dateLine(String place, LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        String d = day < 10 ? "0" + day : String.valueOf(day);
        String m = month <= 2 ? "0" + month : String.valueOf(month);
        return place + ", ngày " + d + " tháng " + m + " năm " + date.getYear();
    }

    private String text(String key) {
        String v = settings.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing layout setting " + key + " in " + SETTINGS);
        }
        return v.strip();
    }

    /** A layout number as CSS wants it ("20", "1.15"); BigDecimal, so no floating point lives in finance. */
    private String fmt(String key) {
        return new java.math.BigDecimal(text(key)).stripTrailingZeros().toPlainString();
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
                .motto { font-size: %spt; font-weight: bold; white-space: nowrap; }
                .slogan { font-size: %spt; font-weight: bold; }
                .date { font-size: %spt; font-style: italic; padding-top: 4pt; white-space: nowrap; }
                .rule { margin: 1pt auto 0 auto; border-top: 0.6pt solid #000; height: 0; }
                .rule.issuer { width: %smm; }
                .rule.slogan { width: %smm; }
                .title { text-align: center; font-weight: bold; font-size: %spt; margin-top: 18pt; }
                .summary { text-align: center; font-weight: bold; font-size: %spt; margin: 0 10mm; line-height: 1.3; }
                .form-code { text-align: right; font-size: %spt; font-style: italic; }
                .rule.summary-rule { width: 30mm; margin-top: 4pt; }
                .body { margin-top: 14pt; }
                .body p { text-indent: %smm; text-align: justify; margin: 0 0 %spt 0; line-height: %s; }
                table.figures { width: 100%%; border-collapse: collapse; margin: 6pt 0 10pt 0; font-size: %spt; }
                table.figures th, table.figures td { border: 0.6pt solid #000; padding: 1pt 4pt; vertical-align: top; }
                table.figures th { text-align: center; font-weight: bold; }
                table.figures td.num { text-align: right; white-space: nowrap; }
                table.figures td.stt { text-align: center; width: 9mm; }
                table.figures tr.section td { font-weight: bold; }
                table.figures tr.total td { font-weight: bold; }
                table.figures tr.memo td { font-style: italic; }
                .warning { font-style: italic; margin: 0 0 4pt 0; }
                div.closing { margin-top: 10pt; page-break-inside: avoid; }
                table.closing { width: 100%%; border-collapse: collapse; }
                table.closing td { vertical-align: top; padding: 0; }
                td.recipients { width: 50%%; font-size: %spt; }
                .recipients-label { font-size: %spt; font-weight: bold; font-style: italic; }
                td.signature { text-align: center; font-weight: bold; font-size: %spt; }
                .signature-space { height: %smm; }
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
                        fmt("size.motto"),
                        fmt("size.slogan"),
                        fmt("size.date"),
                        fmt("rule.issuer-mm"),
                        fmt("rule.slogan-mm"),
                        fmt("size.title"),
                        fmt("size.summary"),
                        fmt("size.form-code"),
                        fmt("body.indent-mm"),
                        fmt("body.space-after-pt"),
                        fmt("body.line-height"),
                        fmt("size.table"),
                        fmt("size.recipients"),
                        fmt("size.recipients-label"),
                        fmt("size.signature"),
                        fmt("signature.space-mm"));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = FinancePdf.class.getClassLoader().getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException("layout settings missing from the classpath: " + SETTINGS);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
