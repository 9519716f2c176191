package vn.congdoan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congdoan.AuthorizationMatrixIT.Call;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The member import's part of the authorization matrix. Every job endpoint takes a unit as target: the actor uploads a
 * small file into it first; when that is allowed (member.write over the unit) the endpoint is called on the actor's
 * own job and must answer as specified; when it is not, the endpoint is called on a job of another actor, which must
 * answer 404 exactly like a unit out of scope — jobs are private to their creator. The file has an error on purpose
 * (no CCCD), so no commit in the matrix writes members.
 */
final class ImportMatrix {

    private static final byte[] FILE = ("Họ và tên;Giới tính;Ngày sinh;Số CCCD;Ngày vào công đoàn\r\n"
                    + "Người Ma Trận;Nam;01/01/1990;;01/01/2015\r\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    /** Jobs created during the run, by the session that created them. */
    private static final Map<Long, WebUser> OWNERS = new ConcurrentHashMap<>();

    private ImportMatrix() {}

    /** The actor's own job in the target unit, or (when the actor may not import there) someone else's job. */
    private static long jobFor(Call c) {
        HttpResponse<String> r = upload(c);
        if (r.statusCode() == 202) {
            Matcher m = ID.matcher(r.body());
            if (m.find()) {
                long id = Long.parseLong(m.group(1));
                OWNERS.put(id, c.user());
                return id;
            }
        }
        return OWNERS.entrySet().stream()
                .filter(e -> e.getValue() != c.user())
                .mapToLong(Map.Entry::getKey)
                .findFirst()
                .orElse(999_999_999L);
    }

    private static HttpResponse<String> upload(Call c) {
        return c.user().postFile("/api/v1/members/import?unitId=" + c.target(), "file", "ma-tran.csv", FILE);
    }

    private static Spec unit(boolean page, Set<Integer> allowed, Function<Call, HttpResponse<String>> call) {
        return new Spec("member.write", Target.UNIT, page, allowed, call);
    }

    static void add(Map<String, Spec> specs) {
        specs.put("GET /members/import", new Spec("member.write", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/import")));
        specs.put("GET /members/import/template", new Spec("member.write", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/members/import/template")));
        specs.put("POST /members/import", unit(true, Set.of(302), c -> c.user()
                .postFile("/members/import?unitId=" + c.target(), "file", "ma-tran.csv", FILE)));
        specs.put("GET /members/import/{id}", unit(true, Set.of(200), c -> c.user()
                .get("/members/import/" + jobFor(c))));
        specs.put("GET /members/import/{id}/progress", unit(true, Set.of(200), c -> c.user()
                .get("/members/import/" + jobFor(c) + "/progress")));
        specs.put("GET /members/import/{id}/problems.csv", unit(true, Set.of(200), c -> c.user()
                .get("/members/import/" + jobFor(c) + "/problems.csv")));
        specs.put("POST /members/import/{id}/commit", unit(true, Set.of(302), c -> c.user()
                .post("/members/import/" + jobFor(c) + "/commit", Map.of())));
        specs.put("POST /members/import/{id}/cancel", unit(true, Set.of(302), c -> c.user()
                .post("/members/import/" + jobFor(c) + "/cancel", Map.of())));
        specs.put("POST /api/v1/members/import", unit(false, Set.of(202), ImportMatrix::upload));
        specs.put("GET /api/v1/members/import/{id}", unit(false, Set.of(200), c -> c.user()
                .get("/api/v1/members/import/" + jobFor(c))));
        // Straight after the upload the job may still be validating (409) or ready with its error (422).
        specs.put("POST /api/v1/members/import/{id}/commit", unit(false, Set.of(202, 409, 422), c -> c.user()
                .postFile("/api/v1/members/import/" + jobFor(c) + "/commit", "none", "none", new byte[0])));
        specs.put("POST /api/v1/members/import/{id}/cancel", unit(false, Set.of(200), c -> c.user()
                .postFile("/api/v1/members/import/" + jobFor(c) + "/cancel", "none", "none", new byte[0])));
    }
}
