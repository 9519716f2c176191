package vn.congdoan.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.WebUser;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.FieldProblem;

/**
 * {@code /api/v1/documents} as a client meets it (search by number and summary, detail with tasks, PDF/DOCX, 422
 * naming fields, 409 on a stale version, OpenAPI), and attachments checked by content rather than by name.
 */
@FullApplicationTest
class DocumentApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Documents documents;

    @Autowired
    DemoDocuments demo;

    @Autowired
    Accounts accounts;

    private WebUser login(String user) {
        return WebUser.login(port, user, FullApplicationTest.PASSWORD);
    }

    private AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    @Test
    void searchByNumberOrSummaryAndReadTheFoundingNoticeWithItsFiles() {
        WebUser xa = login("xa");
        JsonNode page = JSON.readTree(
                xa.get("/api/v1/documents?q=108/TB-L%C4%90L%C4%90").body());
        List<String> numbers = new ArrayList<>();
        page.get("rows").forEach(r -> numbers.add(r.get("numberText").asString()));
        assertThat(numbers).contains("108/TB-LĐLĐ");
        JsonNode bySummary =
                JSON.readTree(xa.get("/api/v1/documents?q=nhiem+vu+trong+tam").body());
        assertThat(bySummary.get("total").asLong()).isGreaterThanOrEqualTo(1);

        long id = demo.foundingNotice().orElseThrow();
        JsonNode doc = JSON.readTree(xa.get("/api/v1/documents/" + id).body());
        assertThat(doc.get("numberText").asString()).isEqualTo("108/TB-LĐLĐ");
        assertThat(doc.get("docDate").asString()).isEqualTo("2024-10-14");
        assertThat(doc.get("tasks").isArray()).isTrue();
        assertThat(doc.get("recipients").size()).isGreaterThan(5);

        HttpResponse<byte[]> pdf = xa.getBytes("/api/v1/documents/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> docx = xa.getBytes("/api/v1/documents/" + id + "/docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()[0]).isEqualTo((byte) 'P');

        // A grassroots officer below the commune is not a recipient: 404, not 403.
        assertThat(login("cs1").get("/api/v1/documents/" + id).statusCode()).isEqualTo(404);
        // The API is described in OpenAPI.
        assertThat(xa.get("/v3/api-docs").body())
                .contains("/api/v1/documents/{id}/pdf")
                .contains("/api/v1/documents/{id}/issue");
    }

    @Test
    void refusedFieldsAre422AndAStaleVersionIs409() {
        WebUser xa = login("xa");
        long unit = jdbc.sql("select home_unit_id from identity.app_user where username = 'xa'")
                .query(Long.class)
                .single();
        HttpResponse<String> refused = xa.json(
                "POST",
                "/api/v1/documents",
                "{\"direction\": \"INCOMING\", \"unitId\": %d, \"typeCode\": \"TB\", \"summary\": \"\"}"
                        .formatted(unit));
        assertThat(refused.statusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        JSON.readTree(refused.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("summary", "numberText", "senderName", "docDate");
        assertThat(refused.body()).contains("Trích yếu: không được để trống.");

        HttpResponse<String> created = xa.json(
                "POST",
                "/api/v1/documents",
                "{\"direction\": \"OUTGOING\", \"unitId\": %d, \"typeCode\": \"GM\", \"summary\": \"Mời họp giao ban\"}"
                        .formatted(unit));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<String> stale = xa.json("POST", "/api/v1/documents/" + id + "/issue", "{\"version\": 7}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("vừa được người khác cập nhật");
        HttpResponse<String> issued = xa.json("POST", "/api/v1/documents/" + id + "/issue", "{\"version\": 0}");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(issued.body()).get("numberText").asString()).matches("[0-9]{2,}/GM-CĐ");
    }

    @Test
    void attachmentsAreRecognisedByContentNotByName() {
        long unit = jdbc.sql("select home_unit_id from identity.app_user where username = 'xa'")
                .query(Long.class)
                .single();
        AccessScope xa = scope("xa");
        Actor actor = new Actor(null, "xa", null);
        DocumentDetail d = documents.create(
                new DocumentInput(
                        Documents.OUTGOING,
                        unit,
                        "KH",
                        null,
                        null,
                        null,
                        "Kế hoạch có tệp đính kèm",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                xa,
                actor);
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] docx = documents
                .docx(demo.foundingNotice().orElseThrow(), scope("tinh"))
                .content();
        // A PDF named .docx is stored as a PDF; a real DOCX named .pdf as a DOCX.
        DocumentDetail withPdf = documents.attach(d.id(), "ke-hoach.docx", pdf, xa, actor);
        DocumentDetail withDocx = documents.attach(d.id(), "phu-luc.pdf", docx, xa, actor);
        assertThat(withDocx.attachments())
                .extracting(DocumentDetail.Attachment::contentType)
                .containsExactly(
                        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(withPdf.attachments()).hasSize(1);
        // Text named .pdf, a ZIP that is not a Word file, and 10 MB + 1 byte are refused naming the file field.
        byte[] zip = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        for (byte[] bad : List.of("xin chào".getBytes(StandardCharsets.UTF_8), zip, big)) {
            assertThatThrownBy(() -> documents.attach(d.id(), "tai-lieu.pdf", bad, xa, actor))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::field)
                            .containsExactly("file"));
        }
        assertThat(documents
                        .attachment(d.id(), withPdf.attachments().get(0).id(), xa)
                        .content())
                .isEqualTo(pdf);
        assertThat(jdbc.sql("select count(*) from directives.document_attachment where document_id = :d")
                        .param("d", d.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
