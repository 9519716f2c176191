package vn.congdoan.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.organisation.Impact;
import vn.congdoan.organisation.RestructuringParticipant;
import vn.congdoan.organisation.UnitClosure;

/**
 * Grants on a unit that ends are put in review with the successor as a suggestion. They stop counting at once; an
 * administrator re-points or revokes them. A grant is never moved automatically: the successor's subtree may be
 * wider than the old one (issue 4: "never silently widened").
 */
@Component
@Order(20)
class GrantFollower implements RestructuringParticipant {

    private final JdbcClient jdbc;

    GrantFollower(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Impact> unitsClosed(List<UnitClosure> closures) {
        List<Impact> impacts = new ArrayList<>();
        for (UnitClosure c : closures) {
            List<String[]> flagged = jdbc.sql("""
                            update identity.role_grant g
                               set review_since = :on, review_change_id = :change, suggested_unit_id = :successor
                              from identity.app_user u, identity.role r
                             where g.org_unit_id = :unit and g.revoked_at is null and g.review_since is null
                               and u.id = g.user_id and r.code = g.role_code
                            returning u.username, r.name
                            """)
                    .param("on", c.effectiveOn())
                    .param("change", c.changeId())
                    .param("successor", c.successorId())
                    .param("unit", c.unitId())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] g : flagged) {
                impacts.add(Impact.of(
                        "identity.impact.grantReview",
                        g[0],
                        g[1],
                        c.unitName(),
                        c.successorName() == null ? "—" : c.successorName()));
            }
        }
        return impacts;
    }
}
