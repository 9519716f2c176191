package vn.congdoan.membership.internal.cards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.membership.CardView;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.SqlArrays;

/** The SQL of member cards. Every read of a member carries the caller's subtree filter in the same statement. */
final class CardStore {

    private static final String HOLDER = """
            select m.id, m.member_code, m.full_name, m.status, m.joined_on, m.unit_id,
                   coalesce(u.name, lu.name) as unit_name, lu.path::text as path
              from membership.member m
              join organisation.org_unit lu on lu.id = m.last_unit_id
              left join organisation.org_unit u on u.id = m.unit_id
            """;
    private static final String CARD = """
            select c.id, c.card_no, c.card_type, c.issued_on, c.status, c.ended_on, r.card_no as replaces_no, c.issued_by
              from membership.member_card c
              left join membership.member_card r on r.id = c.replaces_id
            """;
    private static final String CURRENT = " c.status in ('ORDERED', 'PRINTED', 'ISSUED') ";

    private final JdbcClient jdbc;

    CardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member and where they belong, for card purposes. */
    record Holder(
            long memberId,
            String memberCode,
            String fullName,
            String status,
            LocalDate joinedOn,
            @Nullable Long unitId,
            @Nullable String unitName,
            String path) {}

    /** What verification needs about a card. */
    record Verification(
            String cardStatus,
            String memberStatus,
            String memberCode,
            String fullName,
            @Nullable String unitName) {}

    Optional<Holder> holder(long memberId, String[] paths) {
        return jdbc.sql(HOLDER + " where m.id = :id and lu.path <@ any(cast(:roots as ltree[]))")
                .param("id", memberId)
                .param("roots", SqlArrays.ofLabels(paths))
                .query(CardStore::holder)
                .optional();
    }

    List<Holder> holders(List<Long> memberIds, String[] paths) {
        return jdbc.sql(HOLDER + """
                         where m.id = any(cast(:ids as bigint[])) and lu.path <@ any(cast(:roots as ltree[]))
                         order by coalesce(u.name, lu.name), m.sort_key nulls last, m.full_name, m.id""")
                .param("ids", SqlArrays.ofLongs(memberIds))
                .param("roots", SqlArrays.ofLabels(paths))
                .query(CardStore::holder)
                .list();
    }

    /** The member linked to the account (self-service), whatever the unit. */
    Optional<Holder> ownHolder(long userId) {
        return jdbc.sql(HOLDER + " where m.account_id = :uid")
                .param("uid", userId)
                .query(CardStore::holder)
                .optional();
    }

    List<CardView> cards(long memberId) {
        return jdbc.sql(CARD + " where c.member_id = :m order by c.id desc")
                .param("m", memberId)
                .query(CardStore::card)
                .list();
    }

    /** The current card; {@code lock} holds it until the transaction ends (two officers acting at once). */
    Optional<CardView> current(long memberId, boolean lock) {
        return jdbc.sql(CARD + " where c.member_id = :m and" + CURRENT + (lock ? " for update of c" : ""))
                .param("m", memberId)
                .query(CardStore::card)
                .optional();
    }

    CardView insert(long memberId, String type, LocalDate on, String status, @Nullable Long replaces, Actor actor) {
        long id = jdbc.sql("""
                        insert into membership.member_card (member_id, card_type, issued_on, status, replaces_id, issued_by)
                        values (:m, :t, :d, :s, :r, :a) returning id""")
                .param("m", memberId)
                .param("t", type)
                .param("d", on)
                .param("s", status)
                .param("r", replaces)
                .param("a", actor.name())
                .query(Long.class)
                .single();
        return jdbc.sql(CARD + " where c.id = :id")
                .param("id", id)
                .query(CardStore::card)
                .single();
    }

    void end(long cardId, String status, LocalDate on, String by) {
        jdbc.sql("""
                        update membership.member_card set status = :s, ended_on = :d, ended_by = :b, updated_at = now()
                         where id = :id""")
                .param("s", status)
                .param("d", on)
                .param("b", by)
                .param("id", cardId)
                .update();
    }

    void setStatus(long cardId, String status) {
        jdbc.sql("update membership.member_card set status = :s, updated_at = now() where id = :id")
                .param("s", status)
                .param("id", cardId)
                .update();
    }

    /** Ordered cards that were just printed become PRINTED (issued ones stay issued: a reprint). */
    void markPrinted(List<Long> cardIds) {
        jdbc.sql("""
                        update membership.member_card set status = 'PRINTED', updated_at = now()
                         where id = any(cast(:ids as bigint[])) and status = 'ORDERED'""").param("ids", SqlArrays.ofLongs(cardIds)).update();
    }

    Optional<Verification> verification(long cardId) {
        return jdbc.sql("""
                        select c.status, m.status, m.member_code, m.full_name, u.name
                          from membership.member_card c
                          join membership.member m on m.id = c.member_id
                          left join organisation.org_unit u on u.id = m.unit_id
                         where c.id = :id""")
                .param("id", cardId)
                .query((rs, n) -> new Verification(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    private static Holder holder(ResultSet rs, int n) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new Holder(
                rs.getLong("id"),
                rs.getString("member_code"),
                rs.getString("full_name"),
                rs.getString("status"),
                rs.getObject("joined_on", LocalDate.class),
                unitId,
                rs.getString("unit_name"),
                rs.getString("path"));
    }

    private static CardView card(ResultSet rs, int n) throws SQLException {
        return new CardView(
                rs.getLong("id"),
                rs.getString("card_no"),
                rs.getString("card_type"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("status"),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("replaces_no"),
                rs.getString("issued_by"));
    }
}
