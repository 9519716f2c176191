package vn.congdoan.directives.internal.documents;

import org.jspecify.annotations.Nullable;

/**
 * A DOCX (WordprocessingML, ECMA-376) written by hand: the same words as the PDF ({@link OfficialText}) in the
 * same layout — a borderless two-column header table, the title block, the body, and a closing table with "Nơi nhận"
 * on the left and the signature block on the right; A4, margins and sizes from the layout settings; page numbers
 * centred at the top from page 2 ({@code titlePg} with no first-page header).
 */
final class Wordml {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
              <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
              <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
              <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
              <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            </Types>
            """;

    static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
              <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
            </Relationships>
            """;

    static final String DOCUMENT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
              <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
              <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
            </Relationships>
            """;

    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:settings xmlns:w="%s"><w:defaultTabStop w:val="720"/><w:compat/></w:settings>
            """.formatted(W);

    static String styles(String font, double bodyPt) {
        String f = esc(font);
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:styles xmlns:w="%s">
                  <w:docDefaults>
                    <w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/>
                      <w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>
                    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
                  </w:docDefaults>
                  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
                  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
                    <w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>
                  </w:style>
                </w:styles>
                """.formatted(W, f, f, f, f, half(bodyPt), half(bodyPt));
    }

    static String pageNumberHeader(double pt) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:hdr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
                  <w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
                  <w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:t>2</w:t></w:r>
                  <w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>
                </w:p></w:hdr>
                """.formatted(W, half(pt), half(pt), half(pt), half(pt), half(pt));
    }

    static String core(@Nullable String title) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:title>%s</dc:title><dc:creator>congdoan</dc:creator>
                </cp:coreProperties>
                """.formatted(esc(title == null ? "" : title));
    }

    private final OfficialLayout layout;

    Wordml(OfficialLayout layout) {
        this.layout = layout;
    }

    String document(OfficialText t) {
        int pageW = twips(layout.num("page.width-mm"));
        int pageH = twips(layout.num("page.height-mm"));
        int top = twips(layout.num("margin.top-mm"));
        int bottom = twips(layout.num("margin.bottom-mm"));
        int left = twips(layout.num("margin.left-mm"));
        int right = twips(layout.num("margin.right-mm"));
        int textW = pageW - left - right;
        int leftW = (int) Math.round(textW * layout.num("header.left-percent") / 100);
        int rightW = textW - leftW;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        b.append("<w:document xmlns:w=\"")
                .append(W)
                .append("\" xmlns:r=\"")
                .append(R)
                .append("\"><w:body>");
        // Header: issuer | national motto; number | place and date.
        StringBuilder l = new StringBuilder();
        if (!t.superiorLine().isEmpty()) {
            l.append(p(t.superiorLine(), layout.num("size.superior"), false, false, "center", 0, 0, 0));
        }
        l.append(p(t.issuingLine(), layout.num("size.issuing"), true, false, "center", 0, 0, 0));
        l.append(rule(leftW, layout.num("rule.issuer-mm")));
        l.append(p(t.numberLine(), layout.num("size.number"), false, false, "center", 80, 0, 0));
        if (t.subjectLine() != null) {
            l.append(p(t.subjectLine(), layout.num("size.subject"), false, false, "center", 40, 0, 0));
        }
        StringBuilder r = new StringBuilder();
        r.append(p(t.motto(), layout.num("size.motto"), true, false, "center", 0, 0, 0));
        r.append(p(t.slogan(), layout.num("size.slogan"), true, false, "center", 0, 0, 0));
        r.append(rule(rightW, layout.num("rule.slogan-mm")));
        r.append(p(t.dateLine(), layout.num("size.date"), false, true, "center", 80, 0, 0));
        b.append(table(textW, leftW, rightW, l.toString(), r.toString()));
        if (t.draft()) {
            b.append(p("DỰ THẢO", 11, true, false, "right", 60, 0, 0));
        }
        if (t.title() != null) {
            b.append(p(t.title(), layout.num("size.title"), true, false, "center", 360, 0, 0));
        }
        if (t.summary() != null) {
            b.append(p(t.summary(), layout.num("size.summary"), true, false, "center", 0, 0, 0));
            b.append(rule(textW, 30));
        }
        int indent = twips(layout.num("body.indent-mm"));
        int after = (int) Math.round(layout.num("body.space-after-pt") * 20);
        int line = (int) Math.round(layout.num("body.line-height") * 240);
        boolean first = true;
        for (String para : t.bodyParagraphs()) {
            b.append("<w:p><w:pPr><w:spacing w:before=\"")
                    .append(first ? 280 : 0)
                    .append("\" w:after=\"")
                    .append(after)
                    .append("\" w:line=\"")
                    .append(line)
                    .append("\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"")
                    .append(indent)
                    .append("\"/><w:jc w:val=\"both\"/></w:pPr>")
                    .append(run(para, layout.num("size.body"), false, false))
                    .append("</w:p>");
            first = false;
        }
        // Closing: "Nơi nhận" | signature block.
        StringBuilder rec = new StringBuilder();
        rec.append(p("Nơi nhận:", layout.num("size.recipients-label"), true, true, "left", 0, 0, 0));
        for (String line2 : t.recipientLines()) {
            rec.append(p(line2, layout.num("size.recipients"), false, false, "left", 0, 0, 0));
        }
        StringBuilder sig = new StringBuilder();
        for (String s : t.signatureLines()) {
            sig.append(p(s, layout.num("size.signature"), true, false, "center", 0, 0, 0));
        }
        int space = twips(layout.num("signature.space-mm"));
        sig.append("<w:p><w:pPr><w:spacing w:before=\"").append(space).append("\"/></w:pPr></w:p>");
        if (t.signerName() != null) {
            sig.append(p(t.signerName(), layout.num("size.signer"), true, false, "center", 0, 0, 0));
        }
        b.append(p("", 6, false, false, "left", 120, 0, 0));
        b.append(table(textW, textW / 2, textW - textW / 2, rec.toString(), sig.toString()));
        b.append("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>")
                .append("<w:pgSz w:w=\"")
                .append(pageW)
                .append("\" w:h=\"")
                .append(pageH)
                .append("\"/>")
                .append("<w:pgMar w:top=\"")
                .append(top)
                .append("\" w:right=\"")
                .append(right)
                .append("\" w:bottom=\"")
                .append(bottom)
                .append("\" w:left=\"")
                .append(left)
                .append("\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>")
                .append("<w:titlePg/></w:sectPr>");
        b.append("</w:body></w:document>");
        return b.toString();
    }

    private static String table(int width, int leftW, int rightW, String leftCell, String rightCell) {
        String none = "<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
                + "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>";
        return "<w:tbl><w:tblPr><w:tblW w:w=\"" + width + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                + "<w:tblBorders>" + none + "</w:tblBorders></w:tblPr>"
                + "<w:tblGrid><w:gridCol w:w=\"" + leftW + "\"/><w:gridCol w:w=\"" + rightW + "\"/></w:tblGrid>"
                + "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + "<w:tc><w:tcPr><w:tcW w:w=\"" + leftW + "\" w:type=\"dxa\"/></w:tcPr>" + leftCell + "</w:tc>"
                + "<w:tc><w:tcPr><w:tcW w:w=\"" + rightW + "\" w:type=\"dxa\"/></w:tcPr>" + rightCell + "</w:tc>"
                + "</w:tr></w:tbl>";
    }

    /** A short horizontal rule: an empty paragraph with a bottom border, indented to the rule's width. */
    private static String rule(int cellWidth, double ruleMm) {
        int side = Math.max(0, (cellWidth - twips(ruleMm)) / 2);
        return "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
                + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>"
                + "<w:ind w:left=\"" + side + "\" w:right=\"" + side + "\"/></w:pPr></w:p>";
    }

    private static String p(
            String text, double pt, boolean bold, boolean italic, String align, int before, int after, int firstLine) {
        return "<w:p><w:pPr><w:spacing w:before=\"" + before + "\" w:after=\"" + after + "\"/>"
                + (firstLine > 0 ? "<w:ind w:firstLine=\"" + firstLine + "\"/>" : "")
                + "<w:jc w:val=\"" + align + "\"/></w:pPr>"
                + (text.isEmpty() ? "" : run(text, pt, bold, italic))
                + "</w:p>";
    }

    private static String run(String text, double pt, boolean bold, boolean italic) {
        return "<w:r><w:rPr>" + (bold ? "<w:b/><w:bCs/>" : "") + (italic ? "<w:i/><w:iCs/>" : "")
                + "<w:sz w:val=\"" + half(pt) + "\"/><w:szCs w:val=\"" + half(pt) + "\"/></w:rPr>"
                + "<w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    static int twips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    private static int half(double pt) {
        return (int) Math.round(pt * 2);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
