package vn.congdoan.directives.internal.documents;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers of outgoing documents (số ký hiệu), NĐ 30/2020/NĐ-CP Art. 15: one sequence per issuer and calendar year,
 * from 01 on 1 January to 31 December, numbers below 10 with a leading zero. Gapless and never reused: the counter
 * row is locked ({@code select … for update}) until the caller's transaction ends, so two officers issuing at the
 * same instant queue on it; every number taken or passed is written to {@code number_log}.
 */
@Component
class Numbering {

    private final JdbcClient jdbc;

    Numbering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence key: '' for one sequence per issuer, the type code when each type has its own. */
    static String typeKey(String numbering, String typeCode) {
        return "PER_TYPE".equals(numbering) ? typeCode : "";
    }

    /** "NN/TB-LĐLĐ"; a công văn (no type abbreviation) is "NN/LĐLĐ-VP" (DOMAIN.md §9.2). */
    static String format(int number, String typeAbbreviation, String issuerAbbreviation, @Nullable String office) {
        String n = number < 10 ? "0" + number : String.valueOf(number);
        if (typeAbbreviation.isEmpty()) {
            return n + "/" + issuerAbbreviation + (office == null || office.isBlank() ? "" : "-" + office);
        }
        return n + "/" + typeAbbreviation + "-" + issuerAbbreviation;
    }

    /** Takes the next number (locks the counter row until commit) and logs it. */
    int next(long issuer, int year, String typeKey, long documentId, String actor) {
        int last = lock(issuer, year, typeKey);
        int number = last + 1;
        jdbc.sql("""
                        update directives.number_counter set last_number = :n
                         where issuer_unit_id = :i and year = :y and type_key = :k
                        """)
                .param("n", number)
                .param("i", issuer)
                .param("y", year)
                .param("k", typeKey)
                .update();
        log(issuer, year, typeKey, number, documentId, "ASSIGNED", actor, null);
        return number;
    }

    /**
     * A document issued before the register is entered with its own number: the counter moves past it, and the
     * numbers it jumps over are logged as reserved (they stay unused, never handed out later).
     */
    void passed(long issuer, int year, String typeKey, int number, long documentId, String actor) {
        int last = lock(issuer, year, typeKey);
        if (number > last) {
            for (int skipped = last + 1; skipped < number; skipped++) {
                log(issuer, year, typeKey, skipped, null, "RESERVED", actor, "passed by back-filled " + number);
            }
            jdbc.sql("""
                            update directives.number_counter set last_number = :n
                             where issuer_unit_id = :i and year = :y and type_key = :k
                            """)
                    .param("n", number)
                    .param("i", issuer)
                    .param("y", year)
                    .param("k", typeKey)
                    .update();
        }
        log(issuer, year, typeKey, number, documentId, "BACKFILLED", actor, null);
    }

    /** Logs that an issued number was cancelled; it is never handed out again. */
    void cancelled(long issuer, int year, String typeKey, int number, long documentId, String actor) {
        log(issuer, year, typeKey, number, documentId, "CANCELLED", actor, null);
    }

    private int lock(long issuer, int year, String typeKey) {
        jdbc.sql("""
                        insert into directives.number_counter (issuer_unit_id, year, type_key) values (:i, :y, :k)
                        on conflict do nothing
                        """).param("i", issuer).param("y", year).param("k", typeKey).update();
        return jdbc.sql("""
                        select last_number from directives.number_counter
                         where issuer_unit_id = :i and year = :y and type_key = :k for update
                        """)
                .param("i", issuer)
                .param("y", year)
                .param("k", typeKey)
                .query(Integer.class)
                .single();
    }

    private void log(
            long issuer,
            int year,
            String typeKey,
            int number,
            @Nullable Long documentId,
            String event,
            String actor,
            @Nullable String note) {
        jdbc.sql("""
                        insert into directives.number_log (issuer_unit_id, year, type_key, number, document_id, event,
                                                           actor, note)
                        values (:i, :y, :k, :n, :d, :e, :a, :note)
                        """)
                .param("i", issuer)
                .param("y", year)
                .param("k", typeKey)
                .param("n", number)
                .param("d", documentId)
                .param("e", event)
                .param("a", actor)
                .param("note", note)
                .update();
    }
}
