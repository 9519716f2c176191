package vn.congdoan.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.audit.AuditEntryView;
import vn.congdoan.audit.AuditFilter;
import vn.congdoan.audit.AuditRecord;
import vn.congdoan.audit.AuditTrail;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.SqlArrays;
import vn.congdoan.shared.Text;

@Service
class AuditService implements AuditTrail {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    AuditService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord r) {
        jdbc.sql("""
                        insert into audit.audit_entry
                            (actor_id, actor_name, action, scope_path, target_type, target_id, target_label, detail, ip)
                        values (:actorId, :actorName, :action, cast(:scope as ltree), :type, :id, :label, :detail, :ip)
                        """)
                .param("actorId", r.actor().userId())
                .param("actorName", truncate(r.actor().name(), 100))
                .param("action", r.action())
                .param("scope", r.scopePath())
                .param("type", r.targetType())
                .param("id", r.targetId())
                .param("label", truncate(r.targetLabel(), 300))
                .param("detail", truncate(r.detail(), 500))
                .param("ip", r.actor().ip())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntryView> search(AuditFilter f, AccessScope scope) {
        String[] paths = scope.paths(READ);
        boolean atTreeRoot = Arrays.stream(paths).anyMatch(p -> !p.contains("."));
        String actor = Text.clean(f.actor());
        return jdbc.sql("""
                        select id, occurred_at, actor_name, action, target_type, target_id, target_label, detail, ip
                          from audit.audit_entry
                         where (scope_path <@ any(cast(:roots as ltree[])) or (scope_path is null and :atRoot))
                           and (cast(:action as text) is null or action = :action)
                           and (cast(:actor as text) is null or actor_name = :actor)
                           and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
                           and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
                         order by occurred_at desc, id desc
                         limit :limit offset :offset
                        """)
                .param("roots", SqlArrays.ofLabels(paths))
                .param("atRoot", atTreeRoot)
                .param("action", blankToNull(f.action()))
                .param("actor", blankToNull(actor))
                .param("from", startOf(f.from()))
                .param("to", startOf(f.to() == null ? null : f.to().plusDays(1)))
                .param("limit", PAGE_SIZE)
                .param("offset", Math.max(0, f.page()) * PAGE_SIZE)
                .query((rs, n) -> new AuditEntryView(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_name"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("target_label"),
                        rs.getString("detail"),
                        rs.getString("ip")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit.audit_entry order by action")
                .query(String.class)
                .list();
    }

    private static java.time.@org.jspecify.annotations.Nullable OffsetDateTime startOf(
            @org.jspecify.annotations.Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @org.jspecify.annotations.Nullable String truncate(
            @org.jspecify.annotations.Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
