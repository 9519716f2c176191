package vn.congdoan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;
import vn.congdoan.shared.Cccd;

/**
 * The member register's API in the authorization matrix, and its targets: an active member of A, one of B, one of a
 * grassroots union under P outside X, and a member of A who left. The oracle places a member in the subtree of their
 * (last) unit, walked by parent links.
 */
final class MemberMatrix {

    /** Admission takes a unit as target: out of scope is a refused field (422 naming it), not a 404. */
    static final Set<String> CREATES = Set.of("POST /api/v1/members", "POST /members");

    private static final AtomicLong SERIAL = new AtomicLong(900_000);

    private MemberMatrix() {}

    static List<Long> fixture(JdbcClient jdbc, Map<String, Long> units) {
        List<Long> ids = new ArrayList<>();
        ids.add(activeIn(jdbc, units.get("A")));
        ids.add(activeIn(jdbc, units.get("B")));
        ids.add(jdbc.sql("""
                        select m.id from membership.member m
                          join organisation.org_unit u on u.id = m.unit_id
                         where m.status = 'ACTIVE' and not u.path <@ (select path from organisation.org_unit where id = :x)
                         order by m.id limit 1
                        """).param("x", units.get("X")).query(Long.class).single());
        ids.add(jdbc.sql("""
                        insert into membership.member (full_name, search_key, sort_key, sex, birth_date, joined_on,
                               status, unit_id, last_unit_id, left_on, leave_reason)
                        values ('Lò Thị Ma Trận', 'lo thi ma tran', 'Trận Lò Thị Ma', 'F', date '1980-01-01',
                                date '2005-01-01', 'LEFT', null, :a, date '2026-01-01', 'RETIRED')
                        returning id
                        """).param("a", units.get("A")).query(Long.class).single());
        return ids;
    }

    private static long activeIn(JdbcClient jdbc, long unit) {
        return jdbc.sql("select id from membership.member where unit_id = :u and status = 'ACTIVE' order by id limit 1")
                .param("u", unit)
                .query(Long.class)
                .single();
    }

    static void add(Map<String, Spec> specs, JdbcClient jdbc) {
        specs.put("GET /api/v1/members", new Spec("member.read", Target.NONE, false, Set.of(200), c -> c.user()
                .get("/api/v1/members?q=nguyen")));
        specs.put("GET /api/v1/members/{id}", new Spec("member.read", Target.MEMBER, false, Set.of(200), c -> c.user()
                .get("/api/v1/members/" + c.target() + "?include=sensitive")));
        specs.put(
                "GET /api/v1/members/{id}/history",
                new Spec("member.read", Target.MEMBER, false, Set.of(200), c -> c.user()
                        .get("/api/v1/members/" + c.target() + "/history")));
        specs.put("POST /api/v1/members", new Spec("member.write", Target.UNIT, false, Set.of(201), c -> {
            long serial = SERIAL.incrementAndGet();
            LocalDate birth = LocalDate.of(1990, 3, 4);
            String body = """
                    {"fullName": "Vàng A Ma", "sex": "M", "birthDate": "04/03/1990", "cccd": "%s",
                     "joinedOn": "2026-01-05", "unitId": %s}
                    """.formatted(Cccd.demoNumber(birth, "M", serial), c.target());
            return c.user().json("POST", "/api/v1/members", body);
        }));
        specs.put("PUT /api/v1/members/{id}", new Spec("member.write", Target.MEMBER, false, Set.of(200, 422), c -> {
            Map<String, Object> m = jdbc.sql("""
                            select full_name, sex, to_char(birth_date, 'DD/MM/YYYY') as birth, cccd,
                                   to_char(joined_on, 'DD/MM/YYYY') as joined, version
                              from membership.member where id = :id
                            """)
                    .param("id", Long.parseLong(c.target()))
                    .query()
                    .singleRow();
            String body = """
                    {"version": %s, "member": {"fullName": "%s", "sex": "%s", "birthDate": "%s", "cccd": %s,
                     "joinedOn": "%s", "unitId": 1}}
                    """.formatted(
                            m.get("version"),
                            m.get("full_name"),
                            m.get("sex"),
                            m.get("birth"),
                            m.get("cccd") == null ? "null" : "\"" + m.get("cccd") + "\"",
                            m.get("joined"));
            return c.user().json("PUT", "/api/v1/members/" + c.target(), body);
        }));
        // In scope these are refused on their merits (same unit, unknown reason): nothing moves, the matrix stays put.
        specs.put(
                "POST /api/v1/members/{id}/transfer",
                new Spec("member.write", Target.MEMBER, false, Set.of(422), c -> c.user()
                        .json(
                                "POST",
                                "/api/v1/members/" + c.target() + "/transfer",
                                "{\"version\": 0, \"toUnitId\": " + unitOf(jdbc, c.target())
                                        + ", \"on\": \"2026-11-01\"}")));
        specs.put(
                "POST /api/v1/members/{id}/leave",
                new Spec("member.write", Target.MEMBER, false, Set.of(422), c -> c.user()
                        .json(
                                "POST",
                                "/api/v1/members/" + c.target() + "/leave",
                                "{\"version\": 0, \"reason\": \"NO_SUCH_REASON\", \"on\": \"2026-11-01\"}")));
        specs.put("GET /admin/access-log", new Spec("audit.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/admin/access-log")));
    }

    private static long unitOf(JdbcClient jdbc, String member) {
        return jdbc.sql("select last_unit_id from membership.member where id = :id")
                .param("id", Long.parseLong(member))
                .query(Long.class)
                .single();
    }
}
