package vn.congdoan.directives.internal.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.directives.DocumentNotFoundException;
import vn.congdoan.directives.DocumentView;
import vn.congdoan.directives.Documents;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;

/** The register of official documents (DOMAIN.md §9; NĐ 30/2020/NĐ-CP, QĐ 933/QĐ-TLĐ). */
@Service
@Transactional(readOnly = true)
class DocumentService implements Documents {

    static final String VIEW_COLUMNS = """
            d.id, d.unit_id, u.name as unit_name, d.direction, d.number_text, d.type_code, t.name as type_name,
            d.doc_date, d.summary, d.status, d.version
            """;
    static final String VIEW_FROM = """
              from directives.document d
              join organisation.org_unit u on u.id = d.unit_id
              join directives.document_type t on t.code = d.type_code
            """;

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final AuditTrail audit;

    DocumentService(JdbcClient jdbc, OrgTree tree, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.audit = audit;
    }

    @Override
    public DocumentView get(long id, AccessScope scope) {
        String[] paths = scope.paths(READ);
        if (paths.length == 0) {
            throw new DocumentNotFoundException(id);
        }
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + " where d.id = :id and " + DocumentAccess.VISIBLE)
                .param("id", id)
                .param("roots", SqlArrays.ofLabels(paths))
                .query((rs, n) -> new DocumentView(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getString("unit_name"),
                        rs.getString("direction"),
                        rs.getString("number_text"),
                        rs.getString("type_code"),
                        rs.getString("type_name"),
                        rs.getObject("doc_date", java.time.LocalDate.class),
                        rs.getString("summary"),
                        rs.getString("status"),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new DocumentNotFoundException(id));
    }
}
