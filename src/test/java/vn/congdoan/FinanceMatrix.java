package vn.congdoan;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.Call;
import vn.congdoan.AuthorizationMatrixIT.ModuleTargets;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The finance core's part of the authorization matrix (issue 7): the hub, rules, calculator, ledger pages and API.
 * Targets are four postings (other income, kept whole) in the books of P, X, A and B; the oracle: a posting is in an
 * actor's scope when its unit lies in the actor's subtree. Reversing needs {@code finance.post} (only the accountant
 * of A); every refused reversal must leave the ledger as it was, checked around each call.
 */
final class FinanceMatrix {

    private FinanceMatrix() {}

    static void add(
            Map<String, Spec> specs,
            JdbcClient jdbc,
            AuthorizationMatrixIT.Fixture fixture,
            Map<Target, ModuleTargets> moduleTargets) {
        Map<String, Long> units = fixture.units();
        Map<Long, Long> unitOfPosting = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String key : List.of("P", "X", "A", "B")) {
            long unit = units.get(key);
            long posting = posting(jdbc, unit, key);
            unitOfPosting.put(posting, unit);
            ids.add(String.valueOf(posting));
        }
        moduleTargets.put(Target.POSTING, new ModuleTargets() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public long unitOf(String id) {
                return unitOfPosting.get(Long.parseLong(id));
            }

            @Override
            public boolean inScope(String id, LongPredicate withinActorsSubtree) {
                return withinActorsSubtree.test(unitOf(id));
            }
        });

        specs.put("GET /finance", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance")));
        specs.put("GET /finance/rules", new Spec(null, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/rules")));
        specs.put("GET /finance/rules/new", new Spec("finance.rules", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/rules/new?table=base_salary")));
        // A version with no document number: the form answers with the reason, nothing is written.
        specs.put(
                "POST /finance/rules",
                new Spec("finance.rules", Target.NONE, true, Set.of(200), unchanged(jdbc, c -> c.user()
                        .post(
                                "/finance/rules",
                                Map.of("table", "base_salary", "amount", "2.600.000", "validFrom", "01/01/2099")))));
        specs.put("GET /finance/calculator", new Spec("finance.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/finance/calculator?memberGroup=NON_STATE&salary=10.000.000&month=07%2F2025")));
        specs.put(
                "GET /finance/units/{unitId}/ledger",
                new Spec("finance.read", Target.UNIT, true, Set.of(200), c -> c.user()
                        .get("/finance/units/" + c.target() + "/ledger")));
        specs.put(
                "GET /finance/postings/{id}", new Spec("finance.read", Target.POSTING, true, Set.of(200), c -> c.user()
                        .get("/finance/postings/" + c.target())));
        // The accountant of A reverses A's posting (302); any later attempt is refused with the reason (200).
        specs.put(
                "POST /finance/postings/{id}/reverse",
                new Spec("finance.post", Target.POSTING, true, Set.of(302, 200), unchanged(jdbc, c -> c.user()
                        .post(
                                "/finance/postings/" + c.target() + "/reverse",
                                Map.of(
                                        "reason",
                                        "Ma trận phân quyền",
                                        "token",
                                        "reverse-form:" + UUID.randomUUID())))));
        specs.put(
                "GET /api/v1/finance/member-groups",
                new Spec("finance.read", Target.NONE, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/member-groups")));
        specs.put(
                "GET /api/v1/finance/dues/quote",
                new Spec("finance.read", Target.NONE, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/dues/quote?memberGroup=NON_STATE&salary=10000000&month=2025-07")));
        specs.put("GET /api/v1/finance/rules", new Spec("finance.read", Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/finance/rules")));
        specs.put(
                "POST /api/v1/finance/rules",
                new Spec("finance.rules", Target.NONE, false, Set.of(422), unchanged(jdbc, c -> c.user()
                        .json("POST", "/api/v1/finance/rules", "{\"table\":\"fund_rule\",\"rate\":0.02}"))));
        specs.put(
                "GET /api/v1/finance/units/{unitId}/ledger",
                new Spec("finance.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/units/" + c.target() + "/ledger")));
        specs.put(
                "GET /api/v1/finance/units/{unitId}/totals",
                new Spec("finance.read", Target.UNIT, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/units/" + c.target() + "/totals?from=2025-01-01&to=2025-12-31")));
        specs.put(
                "GET /api/v1/finance/postings/{id}",
                new Spec("finance.read", Target.POSTING, false, Set.of(200), c -> c.user()
                        .get("/api/v1/finance/postings/" + c.target())));
    }

    /** Fails the matrix when a refused call (4xx other than a re-rendered form) changed the rules or the ledger. */
    private static Function<Call, HttpResponse<String>> unchanged(
            JdbcClient jdbc, Function<Call, HttpResponse<String>> call) {
        return c -> {
            String before = checksum(jdbc);
            HttpResponse<String> r = call.apply(c);
            if (r.statusCode() >= 400 && !before.equals(checksum(jdbc))) {
                throw new AssertionError("a refused finance write changed data: " + r.statusCode() + " " + c);
            }
            return r;
        };
    }

    /** A fingerprint of what refused finance writes could touch. */
    static String checksum(JdbcClient jdbc) {
        return jdbc.sql("""
                        select (select count(*) from finance.posting)::text || ':'
                               || (select count(*) from finance.ledger_entry)::text || ':'
                               || (select count(*) from finance.base_salary)::text || ':'
                               || (select count(*) from finance.dues_rule)::text || ':'
                               || (select count(*) from finance.fund_rule)::text || ':'
                               || (select count(*) from finance.split_rule)::text""").query(String.class).single();
    }

    private static long posting(JdbcClient jdbc, long unit, String key) {
        long id = jdbc.sql("""
                        insert into finance.posting (idempotency_key, org_unit_id, kind, revenue_kind, amount, entry_date,
                               description, posted_by_name)
                        values (:key, :unit, 'RECEIPT', 'OTHER', 1000000, date '2025-10-01', :d, 'matrix') returning id""")
                .param("key", "matrix-" + key + "-" + UUID.randomUUID())
                .param("unit", unit)
                .param("d", "Thu khác của ma trận " + key)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into finance.ledger_entry (posting_id, org_unit_id, account, revenue_kind, amount, entry_date)
                        values (:p, :unit, 'SHARE_KEPT', 'OTHER', 1000000, date '2025-10-01')""").param("p", id).param("unit", unit).update();
        return id;
    }
}
