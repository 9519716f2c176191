package vn.congdoan.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;

/**
 * The document register on the demo world: visibility by owning unit or recipient unit, numbering per issuer and
 * year, back-filled and incoming numbers, search.
 */
@FullApplicationTest
class DocumentRegisterIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Documents documents;

    AccessScope scope(String user) {
        return accounts.scopeOf(jdbc.sql("select id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single());
    }

    long unitOf(String user) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    @Test
    void aDocumentIsVisibleFromItsOwnerAndItsRecipientsOnly() {
        long province = unitOf("tinh");
        long cs1Unit = unitOf("cs1");
        long id = jdbc.sql("""
                        insert into directives.document (unit_id, direction, type_code, summary, status, doc_date)
                        values (:u, 'OUTGOING', 'TB', 'Thông báo thử nghiệm', 'DRAFT', :d) returning id
                        """)
                .param("u", province)
                .param("d", LocalDate.of(2026, 11, 2))
                .query(Long.class)
                .single();
        assertThat(documents.get(id, scope("tinh")).summary()).isEqualTo("Thông báo thử nghiệm");
        assertThatThrownBy(() -> documents.get(id, scope("cs1"))).isInstanceOf(DocumentNotFoundException.class);
        jdbc.sql("insert into directives.document_recipient (document_id, unit_id) values (:d, :u)")
                .param("d", id)
                .param("u", cs1Unit)
                .update();
        assertThat(documents.get(id, scope("cs1")).unitId()).isEqualTo(province);
        assertThatThrownBy(() -> documents.get(id, scope("cs2"))).isInstanceOf(DocumentNotFoundException.class);
    }
}
