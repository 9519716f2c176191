package vn.congdoan.directives.internal.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.congdoan.directives.DocumentDetail;
import vn.congdoan.directives.IssuerView;

/**
 * The words of the official layout (NĐ 30/2020/NĐ-CP, Appendix I), shared by the PDF and the DOCX so the two never
 * differ: header lines, "Số:", the date line, the type title, the signature block and "Nơi nhận".
 */
record OfficialText(
        String superiorLine,
        String issuingLine,
        String numberLine,
        @Nullable String subjectLine,
        String motto,
        String slogan,
        String dateLine,
        @Nullable String title,
        @Nullable String summary,
        List<String> bodyParagraphs,
        List<String> signatureLines,
        @Nullable String signerName,
        List<String> recipientLines,
        boolean draft) {

    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String SLOGAN = "Độc lập - Tự do - Hạnh phúc";
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** More recipient units of one kind than this are named as a group. */
    static final int GROUP_ABOVE = 8;

    static OfficialText of(DocumentDetail d, LocalDate today) {
        IssuerView issuer = d.issuer();
        String superior = issuer == null ? "" : issuer.superiorLine().toUpperCase(VI);
        String issuing = issuer == null
                ? d.view().unitName().toUpperCase(VI)
                : issuer.issuingLine().toUpperCase(VI);
        String place = d.place() != null ? d.place() : issuer != null ? issuer.placeName() : "";
        boolean draft = d.view().numberText() == null;
        String number;
        if (!draft) {
            number = "Số: " + d.view().numberText();
        } else {
            String abbr = issuer == null ? "" : issuer.abbreviation();
            number = "Số:        /" + (d.typeAbbreviation().isEmpty() ? abbr : d.typeAbbreviation() + "-" + abbr);
        }
        String dateLine = draft || d.view().docDate() == null
                ? place + ", ngày      tháng      năm " + today.getYear()
                : dateLine(place, d.view().docDate());
        String title = d.typeHasTitle() ? d.view().typeName().toUpperCase(VI) : null;
        String summary = d.typeHasTitle() ? d.view().summary() : null;
        String subject = d.typeHasTitle() ? null : "V/v " + d.view().summary();
        List<String> paragraphs =
                d.body().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> signature = new ArrayList<>();
        String position = d.signerPosition() == null ? null : d.signerPosition().toUpperCase(VI);
        if (d.signingForm() != null && d.signingBody() != null) {
            signature.add(d.signingForm() + ". " + d.signingBody().toUpperCase(VI));
        }
        if (position != null) {
            signature.add(position);
        }
        List<String> recipients = new ArrayList<>();
        // Units of one kind beyond GROUP_ABOVE are named as a group, as on paper ("- Các công đoàn cơ sở trực
        // thuộc (85 đơn vị);"); the register still holds each of them as a recipient.
        java.util.Map<String, List<String>> byType = new java.util.LinkedHashMap<>();
        d.recipients().forEach(r -> byType.computeIfAbsent(r.typeName(), k -> new ArrayList<>())
                .add(r.name()));
        byType.forEach((type, names) -> {
            if (names.size() > GROUP_ABOVE) {
                String kind = type.isEmpty() ? type : type.substring(0, 1).toLowerCase(VI) + type.substring(1);
                recipients.add("- Các " + kind + " trực thuộc (" + names.size() + " đơn vị);");
            } else {
                names.forEach(n -> recipients.add("- " + n + ";"));
            }
        });
        d.otherRecipientLines().forEach(r -> recipients.add("- " + r.replaceAll("[;.]$", "") + ";"));
        String archive = issuer == null
                        || issuer.archiveUnit() == null
                        || issuer.archiveUnit().isBlank()
                ? "- Lưu: VT."
                : "- Lưu: VT, " + issuer.archiveUnit() + ".";
        recipients.add(archive);
        return new OfficialText(
                superior,
                issuing,
                number,
                subject,
                MOTTO,
                SLOGAN,
                dateLine,
                title,
                summary,
                paragraphs,
                signature,
                d.signerName(),
                recipients,
                draft);
    }

    /**
     * "Lai Châu, ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 take a leading zero, other months do
     * not ("tháng 3") — NĐ 30/2020/NĐ-CP, Appendix I, §I.5.b.
     */
    static String dateLine(String place, LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        String d = day < 10 ? "0" + day : String.valueOf(day);
        String m = month <= 2 ? "0" + month : String.valueOf(month);
        return place + ", ngày " + d + " tháng " + m + " năm " + date.getYear();
    }
}
