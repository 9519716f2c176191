package vn.congdoan.reporting.internal.statistics;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.congdoan.reporting.StatisticsReports.ReportLine;
import vn.congdoan.reporting.StatisticsReports.ReportView;
import vn.congdoan.shared.Dates;

/**
 * A report as XLSX (fastexcel; text a spreadsheet could read as a formula gets a leading apostrophe) and as PDF
 * (openhtmltopdf from the template {@code reporting/reports/report-pdf}, DejaVu Sans embedded for the Vietnamese
 * glyphs, as the member cards do).
 */
@Component
class ReportFiles {

    private static final String FONT = "DejaVu Sans";
    private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;

    ReportFiles(ITemplateEngine templates) {
        this.templates = templates;
    }

    void xlsx(ReportView r, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "congdoan", "1.0");
            Worksheet ws = wb.newWorksheet("Báo cáo");
            ws.value(0, 0, escape(r.period().templateName()));
            ws.style(0, 0).bold().set();
            ws.value(1, 0, "Đơn vị");
            ws.value(1, 1, escape(r.unitName()));
            ws.value(2, 0, "Kỳ báo cáo");
            ws.value(
                    2,
                    1,
                    Dates.format(r.period().from()) + " – "
                            + Dates.format(r.period().to()));
            ws.value(3, 0, "Trạng thái");
            ws.value(3, 1, status(r.status()));
            int row = 5;
            String[] head = {"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Nguồn", "Giá trị"};
            for (int c = 0; c < head.length; c++) {
                ws.value(row, c, head[c]);
                ws.style(row, c).bold().set();
            }
            for (ReportLine l : r.lines()) {
                row++;
                ws.value(row, 0, l.indicatorCode());
                ws.value(row, 1, escape(l.name()));
                ws.value(row, 2, escape(l.unitOfMeasure()));
                ws.value(row, 3, l.computed() ? "Tính từ sổ" : "Nhập tay");
                if (l.value() != null) {
                    ws.value(row, 4, l.value());
                }
            }
            ws.width(1, 60);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void pdf(ReportView r, OutputStream out) {
        Context ctx = new Context(Locale.forLanguageTag("vi"));
        ctx.setVariable("r", r);
        ctx.setVariable("from", Dates.format(r.period().from()));
        ctx.setVariable("to", Dates.format(r.period().to()));
        ctx.setVariable("status", status(r.status()));
        String html = templates.process("reporting/reports/report-pdf", ctx);
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
    }

    static String status(String status) {
        switch (status) {
            case "DRAFT":
                return "Đang soạn";
            case "SUBMITTED":
                return "Đã gửi";
            case "RETURNED":
                return "Bị trả lại";
            case "ACCEPTED":
                return "Đã duyệt";
            default:
                return status;
        }
    }

    /** Text that Excel or LibreOffice would read as a formula gets a leading apostrophe. */
    static @Nullable String escape(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static byte[] font(String name) {
        try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
