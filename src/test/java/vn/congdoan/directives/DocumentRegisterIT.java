package vn.congdoan.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.identity.Accounts;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.FieldProblem;

/**
 * The document register on the demo world: the founding notice 108/TB-LĐLĐ, visibility by owning unit or recipient
 * unit, numbering per issuer and year under concurrency, back-filled and incoming numbers, search, refusals.
 */
@FullApplicationTest
class DocumentRegisterIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Documents documents;

    @Autowired
    DemoDocuments demo;

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

    static Actor actor(String user) {
        return new Actor(null, user, "127.0.0.1");
    }

    static DocumentInput notice(long unit, String summary) {
        return new DocumentInput(
                Documents.OUTGOING,
                unit,
                "TB",
                null,
                null,
                null,
                summary,
                "Nội dung thông báo.",
                null,
                null,
                "Lò Văn Khoa",
                "Chủ tịch",
                "TM",
                "Ban Thường vụ",
                List.of(),
                "Như trên");
    }

    int counter(long unit, int year) {
        return jdbc.sql("""
                        select coalesce(max(last_number), 0) from directives.number_counter
                         where issuer_unit_id = :u and year = :y and type_key = ''
                        """)
                .param("u", unit)
                .param("y", year)
                .query(Integer.class)
                .single();
    }

    @Test
    void theFoundingNoticeIsIssuedByTheProvinceAndReachesItsChildUnits() {
        long id = demo.foundingNotice().orElseThrow();
        DocumentDetail d = documents.detail(id, scope("tinh"));
        assertThat(d.view().numberText()).isEqualTo("108/TB-LĐLĐ");
        assertThat(d.view().docDate()).isEqualTo(LocalDate.of(2024, 10, 14));
        assertThat(d.view().status()).isEqualTo(Documents.ISSUED);
        assertThat(d.signingForm()).isEqualTo("TM");
        assertThat(d.body()).contains("Chín nhiệm vụ trọng tâm").contains("9. Tăng cường thu, chi");
        assertThat(d.recipients()).extracting(DocumentDetail.Recipient::name).contains("Công đoàn phường Tân Phong");
        // The commune union officer reads it as a recipient; a grassroots officer below does not.
        assertThat(documents.get(id, scope("xa")).numberText()).isEqualTo("108/TB-LĐLĐ");
        assertThatThrownBy(() -> documents.get(id, scope("cs1"))).isInstanceOf(DocumentNotFoundException.class);
        // The federation's 2024 counter moved past 108; the numbers it jumped over are logged as reserved.
        assertThat(counter(unitOf("tinh"), 2024)).isGreaterThanOrEqualTo(108);
        assertThat(jdbc.sql("""
                        select count(*) from directives.number_log
                         where issuer_unit_id = :u and year = 2024 and event = 'RESERVED' and number < 108
                        """).param("u", unitOf("tinh")).query(Long.class).single())
                .isEqualTo(107);
    }

    @Test
    void aDocumentIsVisibleFromItsOwnerAndItsRecipientsOnly() {
        long province = unitOf("tinh");
        DocumentDetail d = documents.create(
                notice(province, "Thông báo chỉ gửi một công đoàn cơ sở"), scope("tinh"), actor("tinh"));
        long id = d.id();
        assertThat(documents.get(id, scope("tinh")).status()).isEqualTo(Documents.DRAFT);
        assertThatThrownBy(() -> documents.get(id, scope("cs1"))).isInstanceOf(DocumentNotFoundException.class);
        documents.update(
                id,
                d.view().version(),
                new DocumentInput(
                        Documents.OUTGOING,
                        province,
                        "TB",
                        null,
                        null,
                        null,
                        "Thông báo chỉ gửi một công đoàn cơ sở",
                        "Nội dung.",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(unitOf("cs1")),
                        null),
                scope("tinh"),
                actor("tinh"));
        assertThat(documents.get(id, scope("cs1")).unitId()).isEqualTo(province);
        assertThatThrownBy(() -> documents.get(id, scope("cs2"))).isInstanceOf(DocumentNotFoundException.class);
        // A recipient reads but cannot write through it.
        assertThatThrownBy(() -> documents.issue(id, 1, scope("cs1"), actor("cs1")))
                .isInstanceOf(DocumentNotFoundException.class);
        // A stale version is refused.
        assertThatThrownBy(() -> documents.issue(id, 0, scope("tinh"), actor("tinh")))
                .isInstanceOf(StaleDocumentException.class);
    }

    @Test
    void twoOfficersIssuingAtTheSameInstantNeverGetTheSameNumber() throws Exception {
        long province = unitOf("tinh");
        AccessScope tinh = scope("tinh");
        List<DocumentDetail> drafts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drafts.add(documents.create(notice(province, "Thông báo đồng thời số " + i), tinh, actor("tinh")));
        }
        int before = counter(province, 2026);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<DocumentDetail>> issued = new ArrayList<>();
        for (DocumentDetail draft : drafts) {
            issued.add(pool.submit(() -> {
                start.await();
                return documents.issue(draft.id(), draft.view().version(), tinh, actor("tinh"));
            }));
        }
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<DocumentDetail> f : issued) {
            numbers.add(f.get(60, TimeUnit.SECONDS).view().numberText());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        for (int n = before + 1; n <= before + 4; n++) {
            expected.add((n < 10 ? "0" + n : String.valueOf(n)) + "/TB-LĐLĐ");
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        // The next notice gets the next number, dated today (test clock: 24/11/2026).
        DocumentDetail next = documents.create(notice(province, "Thông báo tiếp theo"), tinh, actor("tinh"));
        DocumentDetail nextIssued = documents.issue(next.id(), next.view().version(), tinh, actor("tinh"));
        assertThat(nextIssued.view().numberText()).isEqualTo((before + 5 < 10 ? "0" : "") + (before + 5) + "/TB-LĐLĐ");
        assertThat(nextIssued.view().docDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        // Cancelling keeps the number taken (logged): the following notice does not get it back.
        documents.cancel(next.id(), nextIssued.view().version(), tinh, actor("tinh"));
        assertThat(jdbc.sql("select count(*) from directives.number_log where document_id = :d and event = 'CANCELLED'")
                        .param("d", next.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        DocumentDetail after = documents.create(notice(province, "Thông báo sau bản hủy"), tinh, actor("tinh"));
        assertThat(documents
                        .issue(after.id(), after.view().version(), tinh, actor("tinh"))
                        .view()
                        .numberText())
                .isEqualTo((before + 6 < 10 ? "0" : "") + (before + 6) + "/TB-LĐLĐ");
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_entry where action = 'DOCUMENT_ISSUED' and target_id = :i")
                        .param("i", String.valueOf(next.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aBackFilledNumberMovesTheCounterAndCannotBeTakenTwice() {
        long commune = unitOf("xa");
        AccessScope xa = scope("xa");
        int before = counter(commune, 2026);
        int taken = before + 5;
        String number = taken + "/BC-CĐ";
        String padded = (taken < 10 ? "0" + taken : String.valueOf(taken)) + "/BC-CĐ";
        DocumentDetail old = documents.create(
                new DocumentInput(
                        Documents.OUTGOING,
                        commune,
                        "BC",
                        number,
                        LocalDate.of(2026, 3, 2),
                        null,
                        "Báo cáo quý I đã ban hành bằng giấy",
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
                actor("xa"));
        assertThat(old.view().status()).isEqualTo(Documents.ISSUED);
        assertThat(old.view().numberText()).isEqualTo(padded);
        assertThat(counter(commune, 2026)).isEqualTo(taken);
        DocumentDetail draft = documents.create(notice(commune, "Thông báo sau bản nhập lại"), xa, actor("xa"));
        assertThat(documents
                        .issue(draft.id(), draft.view().version(), xa, actor("xa"))
                        .view()
                        .numberText())
                .isEqualTo((taken + 1 < 10 ? "0" : "") + (taken + 1) + "/TB-CĐ");
        assertThatThrownBy(() -> documents.create(
                        new DocumentInput(
                                Documents.OUTGOING,
                                commune,
                                "BC",
                                number,
                                LocalDate.of(2026, 4, 1),
                                null,
                                "Trùng số",
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
                        actor("xa")))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("numberText"));
    }

    @Test
    void anIncomingDocumentKeepsTheSendersNumberAndIsFoundWithoutDiacritics() {
        long commune = unitOf("xa");
        DocumentDetail in = documents.create(
                new DocumentInput(
                        Documents.INCOMING,
                        commune,
                        "CV",
                        "4133/TLĐ-ToC",
                        LocalDate.of(2026, 10, 30),
                        "Hà Nội",
                        "Hướng dẫn thống kê đoàn viên khu vực ngoài nhà nước",
                        "",
                        "Tổng Liên đoàn Lao động Việt Nam",
                        LocalDate.of(2026, 11, 3),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                scope("xa"),
                actor("xa"));
        assertThat(in.view().numberText()).isEqualTo("4133/TLĐ-ToC");
        assertThat(in.view().status()).isEqualTo(Documents.RECEIVED);
        assertThat(documents
                        .search(new DocumentFilter("ngoai nha nuoc", null, null, null, 0), scope("xa"))
                        .rows())
                .extracting(DocumentView::id)
                .contains(in.id());
        assertThat(documents
                        .search(new DocumentFilter("4133/TLĐ", null, null, null, 0), scope("xa"))
                        .rows())
                .extracting(DocumentView::id)
                .containsExactly(in.id());
        // The province above sees it (subtree); a sibling commune's officer would not; a date range excludes it.
        assertThat(documents
                        .search(new DocumentFilter("4133", null, null, null, 0), scope("tinh"))
                        .rows())
                .extracting(DocumentView::id)
                .contains(in.id());
        assertThat(documents
                        .search(new DocumentFilter("4133", null, LocalDate.of(2026, 10, 1), null, 0), scope("xa"))
                        .rows())
                .isEmpty();
        assertThat(documents
                        .search(new DocumentFilter("108/TB", null, null, null, 0), scope("xa"))
                        .rows())
                .extracting(DocumentView::numberText)
                // The notice by its number, and the commune's plan that names it in its summary.
                .containsExactlyInAnyOrder("108/TB-LĐLĐ", "03/KH-CĐ");
    }

    @Test
    void badInputNamesTheFieldsAndWritesNothing() {
        long before = jdbc.sql("select count(*) from directives.document")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> documents.create(
                        new DocumentInput(
                                Documents.INCOMING,
                                unitOf("xa"),
                                "XX",
                                null,
                                null,
                                null,
                                " ",
                                "",
                                null,
                                null,
                                null,
                                null,
                                "ZZ",
                                null,
                                List.of(),
                                null),
                        scope("xa"),
                        actor("xa")))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .contains("typeCode", "summary", "numberText", "senderName", "docDate", "signingForm"));
        // A unit outside the caller's scope is out of reach (404), like any id.
        assertThatThrownBy(() -> documents.create(notice(unitOf("tinh"), "Ngoài phạm vi"), scope("xa"), actor("xa")))
                .isInstanceOf(vn.congdoan.shared.NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from directives.document")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
