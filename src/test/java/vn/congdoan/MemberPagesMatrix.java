package vn.congdoan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;
import vn.congdoan.shared.Cccd;

/**
 * The member register's pages in the authorization matrix. Writes on a member target are sent with values refused on
 * their merits (no receiving unit, no reason, a stale version), so that in scope they answer "refused" and change
 * nothing, and out of scope the member is "not found". Transfers, referrals and corrections have no target kind of
 * their own yet: they are called with an id that does not exist (404 for whoever may act at all, 403 otherwise).
 */
final class MemberPagesMatrix {

    private static final String READ = "member.read";
    private static final String WRITE = "member.write";
    private static final String SENSITIVE = "member.read-sensitive";
    private static final String SELF = "self.read";
    private static final AtomicLong SERIAL = new AtomicLong(950_000);

    private MemberPagesMatrix() {}

    static void add(Map<String, Spec> specs) {
        specs.put("GET /members", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members?q=ma+tran&sort=code")));
        specs.put("GET /members/export", new Spec(READ, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/export?format=csv&q=ma+tran")));
        specs.put("POST /members/export", new Spec(SENSITIVE, Target.NONE, true, Set.of(200), c -> c.user()
                .post("/members/export", Map.of("format", "csv", "q", "ma tran", "purpose", "Kiểm tra ma trận"))));
        specs.put("GET /members/new", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/new")));
        // Admission into the target unit: in scope it is admitted (302); out of scope the unit is refused by name.
        specs.put("POST /members", new Spec(WRITE, Target.UNIT, true, Set.of(302), c -> {
            LocalDate birth = LocalDate.of(1991, 5, 6);
            Map<String, String> f = new LinkedHashMap<>();
            f.put("fullName", "Vàng Thị Ma Trận");
            f.put("sex", "F");
            f.put("birthDate", "06/05/1991");
            f.put("cccd", Cccd.demoNumber(birth, "F", SERIAL.incrementAndGet()));
            f.put("joinedOn", "01/11/2026");
            f.put("unitId", c.target());
            return c.user().post("/members", f);
        }));
        specs.put("GET /members/batch", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/batch")));
        specs.put("POST /members/batch", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .post("/members/batch", Map.of("decision", "", "joinedOn", ""))));
        specs.put("GET /members/{id}", new Spec(READ, Target.MEMBER, true, Set.of(200), c -> c.user()
                .get("/members/" + c.target())));
        specs.put("POST /members/{id}/cccd", new Spec(READ, Target.MEMBER, true, Set.of(200), c -> c.user()
                .post("/members/" + c.target() + "/cccd", Map.of())));
        specs.put("GET /members/{id}/sensitive", new Spec(SENSITIVE, Target.MEMBER, true, Set.of(200), c -> c.user()
                .get("/members/" + c.target() + "/sensitive")));
        specs.put("GET /members/{id}/edit", new Spec(WRITE, Target.MEMBER, true, Set.of(200), c -> c.user()
                .get("/members/" + c.target() + "/edit")));
        specs.put("POST /members/{id}", new Spec(WRITE, Target.MEMBER, true, Set.of(200, 409), c -> c.user()
                .post("/members/" + c.target(), Map.of("version", "-1", "fullName", ""))));
        specs.put("POST /members/{id}/transfer", new Spec(WRITE, Target.MEMBER, true, Set.of(422), c -> c.user()
                .post("/members/" + c.target() + "/transfer", Map.of("toUnitCode", "", "on", "24/11/2026"))));
        specs.put("POST /members/{id}/leave", new Spec(WRITE, Target.MEMBER, true, Set.of(422), c -> c.user()
                .post("/members/" + c.target() + "/leave", Map.of("reason", "NO_SUCH_REASON", "on", "24/11/2026"))));
        specs.put("POST /members/{id}/restore", new Spec(WRITE, Target.MEMBER, true, Set.of(422), c -> c.user()
                .post("/members/" + c.target() + "/restore", Map.of("unitId", "", "on", "24/11/2026"))));
        // No date: nothing is recorded; in scope the page comes back with the reason.
        specs.put("POST /members/{id}/referrals", new Spec(SENSITIVE, Target.MEMBER, true, Set.of(302), c -> c.user()
                .post("/members/" + c.target() + "/referrals", Map.of("introducedOn", ""))));
        specs.put(
                "POST /members/referrals/{id}/outcome",
                new Spec(SENSITIVE, Target.NONE, true, Set.of(404), c -> c.user()
                        .post("/members/referrals/0/outcome", Map.of("outcome", "ADMITTED", "on", "24/11/2026"))));
        specs.put("GET /members/transfers", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/transfers")));
        specs.put("POST /members/transfers/{id}/accept", new Spec(WRITE, Target.NONE, true, Set.of(404), c -> c.user()
                .post("/members/transfers/0/accept", Map.of("on", "24/11/2026"))));
        specs.put("POST /members/transfers/{id}/cancel", new Spec(WRITE, Target.NONE, true, Set.of(404), c -> c.user()
                .post("/members/transfers/0/cancel", Map.of())));
        specs.put("GET /members/corrections", new Spec(WRITE, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/corrections")));
        specs.put("POST /members/corrections/{id}", new Spec(WRITE, Target.NONE, true, Set.of(404), c -> c.user()
                .post("/members/corrections/0", Map.of("decision", "reject"))));
        specs.put("GET /me", new Spec(SELF, Target.NONE, true, Set.of(200), c -> c.user()
                .get("/me")));
        // 404 while the account is not linked to a member; 302 once it is (a pending request, nothing changed).
        specs.put("POST /me/corrections", new Spec(SELF, Target.NONE, true, Set.of(302, 404), c -> c.user()
                .post("/me/corrections", Map.of("field", "phone", "value", "0912345678"))));
    }
}
