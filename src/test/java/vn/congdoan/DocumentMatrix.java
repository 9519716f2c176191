package vn.congdoan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The document register in the authorization matrix. Targets: an outgoing draft owned by each of P, X, A and B
 * (no recipients, each with one PDF attachment), and 108/TB-LĐLĐ (owned by P, addressed to P's children, X among
 * them). The oracle: a document is in reach when its owning unit, or one of its recipient units, lies in the actor's
 * subtree. Writes are sent with a stale version or a refused file, so in reach they answer 409 / 422 and change
 * nothing; creation creates a draft in the target unit (201 / 302), out of reach 404.
 */
final class DocumentMatrix {

    private static final String READ = "document.read";
    private static final String WRITE = "document.write";
    private static final byte[] PDF = "%PDF-1.4\n%matrix\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    private DocumentMatrix() {}

    static void add(
            Map<String, Spec> specs,
            JdbcClient jdbc,
            AuthorizationMatrixIT.Fixture fixture,
            Map<Target, ModuleTargets> moduleTargets) {
        List<String> ids = new ArrayList<>();
        for (String key : List.of("P", "X", "A", "B")) {
            long unit = fixture.units().get(key);
            long id = jdbc.sql("""
                            insert into directives.document (unit_id, direction, type_code, summary, search_key, status)
                            values (:u, 'OUTGOING', 'TB', 'Thông báo ma trận', 'thong bao ma tran', 'DRAFT') returning id
                            """).param("u", unit).query(Long.class).single();
            jdbc.sql("""
                            insert into directives.document_attachment (document_id, file_name, content_type,
                                                                       size_bytes, content)
                            values (:d, 'ma-tran.pdf', 'application/pdf', :s, :c)
                            """).param("d", id).param("s", PDF.length).param("c", PDF).update();
            ids.add(String.valueOf(id));
        }
        ids.add(String.valueOf(jdbc.sql("""
                        select d.id from directives.document d join organisation.org_unit u on u.id = d.unit_id
                         where u.code = 'LCU' and d.number_text = '108/TB-LĐLĐ'
                        """).query(Long.class).single()));
        moduleTargets.put(Target.DOCUMENT, new ModuleTargets() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public long unitOf(String id) {
                return owner(jdbc, id);
            }

            @Override
            public boolean inScope(String id, LongPredicate withinActorsSubtree) {
                if (withinActorsSubtree.test(owner(jdbc, id))) {
                    return true;
                }
                return jdbc
                        .sql("select unit_id from directives.document_recipient where document_id = :d")
                        .param("d", Long.parseLong(id))
                        .query(Long.class)
                        .list()
                        .stream()
                        .anyMatch(withinActorsSubtree::test);
            }
        });

        // API
        specs.put("GET /api/v1/documents", new Spec(READ, Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/documents?q=108")));
        specs.put("GET /api/v1/documents/{id}", new Spec(READ, Target.DOCUMENT, false, Set.of(200), c -> c.user()
                .get("/api/v1/documents/" + c.target())));
        specs.put("GET /api/v1/documents/{id}/pdf", new Spec(READ, Target.DOCUMENT, false, Set.of(200), c -> c.user()
                .get("/api/v1/documents/" + c.target() + "/pdf")));
        specs.put("GET /api/v1/documents/{id}/docx", new Spec(READ, Target.DOCUMENT, false, Set.of(200), c -> c.user()
                .get("/api/v1/documents/" + c.target() + "/docx")));
        specs.put("POST /api/v1/documents", new Spec(WRITE, Target.UNIT, false, Set.of(201), c -> c.user()
                .json("POST", "/api/v1/documents", """
                        {"direction": "OUTGOING", "unitId": %s, "typeCode": "TB", "summary": "Dự thảo ma trận"}
                        """.formatted(c.target()))));
        // A recipient who may write in its own subtree reads 108 but may not change the issuer's register: 404.
        specs.put(
                "PUT /api/v1/documents/{id}",
                new Spec(WRITE, Target.DOCUMENT, false, Set.of(409, 422, 404), c -> c.user()
                        .json("PUT", "/api/v1/documents/" + c.target(), """
                                {"version": -1, "document": {"direction": "OUTGOING", "typeCode": "TB",
                                 "summary": "Sửa ma trận"}}
                                """)));
        specs.put(
                "POST /api/v1/documents/{id}/issue",
                new Spec(WRITE, Target.DOCUMENT, false, Set.of(409, 422, 404), c -> c.user()
                        .json("POST", "/api/v1/documents/" + c.target() + "/issue", "{\"version\": -1}")));

        // Pages
        specs.put("GET /documents", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/documents?q=ma+tran")));
        specs.put("GET /documents/new", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/documents/new")));
        specs.put("POST /documents", new Spec(WRITE, Target.UNIT, true, Set.of(302), c -> c.user()
                .post(
                        "/documents",
                        Map.of(
                                "direction", "OUTGOING",
                                "unitId", c.target(),
                                "typeCode", "TB",
                                "summary", "Dự thảo ma trận (trang)"))));
        specs.put("GET /documents/{id}", new Spec(READ, Target.DOCUMENT, true, Set.of(200), c -> c.user()
                .get("/documents/" + c.target())));
        specs.put("GET /documents/{id}/edit", new Spec(WRITE, Target.DOCUMENT, true, Set.of(200, 404), c -> c.user()
                .get("/documents/" + c.target() + "/edit")));
        specs.put("POST /documents/{id}", new Spec(WRITE, Target.DOCUMENT, true, Set.of(409, 422, 404), c -> c.user()
                .post(
                        "/documents/" + c.target(),
                        Map.of("direction", "OUTGOING", "typeCode", "TB", "summary", "Sửa ma trận", "version", "-1"))));
        specs.put(
                "POST /documents/{id}/issue",
                new Spec(WRITE, Target.DOCUMENT, true, Set.of(409, 422, 404), c -> c.user()
                        .post("/documents/" + c.target() + "/issue", Map.of("version", "-1"))));
        specs.put(
                "POST /documents/{id}/cancel",
                new Spec(WRITE, Target.DOCUMENT, true, Set.of(409, 422, 404), c -> c.user()
                        .post("/documents/" + c.target() + "/cancel", Map.of("version", "-1"))));
        specs.put(
                "POST /documents/{id}/attachments",
                new Spec(WRITE, Target.DOCUMENT, true, Set.of(422, 404), c -> c.user()
                        .postFile(
                                "/documents/" + c.target() + "/attachments",
                                "file",
                                "gia-mao.pdf",
                                "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        specs.put(
                "GET /documents/{id}/attachment", new Spec(READ, Target.DOCUMENT, true, Set.of(200, 404), c -> c.user()
                        .get("/documents/" + c.target() + "/attachment?file=" + firstAttachment(jdbc, c.target()))));
        specs.put("GET /documents/{id}/pdf", new Spec(READ, Target.DOCUMENT, true, Set.of(200), c -> c.user()
                .get("/documents/" + c.target() + "/pdf")));
        specs.put("GET /documents/{id}/docx", new Spec(READ, Target.DOCUMENT, true, Set.of(200), c -> c.user()
                .get("/documents/" + c.target() + "/docx")));
    }

    /** The documents' rows, for refused writes: nothing may change. */
    static String checksum(JdbcClient jdbc) {
        return jdbc.sql("""
                        select md5(coalesce((select string_agg(id || ':' || version || ':' || status, ',' order by id)
                                               from directives.document), '')
                            || coalesce((select count(*)::text from directives.document_attachment), ''))
                        """).query(String.class).single();
    }

    private static long owner(JdbcClient jdbc, String id) {
        return jdbc.sql("select unit_id from directives.document where id = :d")
                .param("d", Long.parseLong(id))
                .query(Long.class)
                .single();
    }

    private static long firstAttachment(JdbcClient jdbc, String id) {
        return jdbc.sql("select coalesce(min(id), 0) from directives.document_attachment where document_id = :d")
                .param("d", Long.parseLong(id))
                .query(Long.class)
                .single();
    }
}
