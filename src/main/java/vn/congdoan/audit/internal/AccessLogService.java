package vn.congdoan.audit.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AccessLog;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;

@Service
class AccessLogService implements AccessLog {

    private final JdbcClient jdbc;

    AccessLogService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Access a) {
        if (a.memberIds().isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit.access_log
                            (actor_id, actor_name, ip, action, member_ids, row_count, fields, purpose, scope_path, channel)
                        values (:actorId, :actorName, :ip, :action, cast(:ids as bigint[]), :count, cast(:fields as text[]),
                                :purpose, cast(:scope as ltree), :channel)
                        """)
                .param("actorId", a.actor().userId())
                .param("actorName", a.actor().name())
                .param("ip", a.actor().ip())
                .param("action", a.action())
                .param("ids", SqlArrays.ofLongs(a.memberIds()))
                .param("count", a.memberIds().size())
                .param("fields", SqlArrays.ofLabels(a.fields().toArray(String[]::new)))
                .param(
                        "purpose",
                        a.purpose() == null
                                ? null
                                : a.purpose()
                                        .substring(0, Math.min(500, a.purpose().length())))
                .param("scope", a.scopePath())
                .param("channel", a.channel())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessEntry> search(int page, AccessScope scope) {
        String[] paths = scope.paths(AuditTrail.READ);
        boolean atTreeRoot = Arrays.stream(paths).anyMatch(p -> !p.contains("."));
        return jdbc.sql("""
                        select id, occurred_at, actor_name, action, channel, row_count,
                               member_ids[1 : 20] as ids, fields, purpose
                          from audit.access_log
                         where scope_path <@ any(cast(:roots as ltree[])) or (scope_path is null and :atRoot)
                         order by occurred_at desc, id desc limit :limit offset :offset
                        """)
                .param("roots", SqlArrays.ofLabels(paths))
                .param("atRoot", atTreeRoot)
                .param("limit", PAGE_SIZE)
                .param("offset", Math.max(0, page) * PAGE_SIZE)
                .query((rs, n) -> new AccessEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_name"),
                        rs.getString("action"),
                        rs.getString("channel"),
                        rs.getInt("row_count"),
                        longs(rs.getArray("ids")),
                        strings(rs.getArray("fields")),
                        rs.getString("purpose")))
                .list();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
