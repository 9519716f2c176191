package vn.congdoan.organisation.internal.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congdoan.organisation.UnitStatistics;

/** Unit figures over the effective-dated tree (QĐ 1454/QĐ-TLĐ statistics; DOMAIN.md §8). */
@Service
@Transactional(readOnly = true)
class UnitStatisticsService implements UnitStatistics {

    private static final String UNIT_AT = """
            select p.unit_id, p.parent_id, u.code, p.name, p.path::text as path, u.type_code, t.grassroots
              from organisation.org_unit_period p
              join organisation.org_unit u on u.id = p.unit_id
              join organisation.unit_type t on t.code = u.type_code
             where p.during @> cast(:asOf as date)
            """;

    private final JdbcClient jdbc;

    UnitStatisticsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UnitFigures figures(long unitId, LocalDate from, LocalDate to) {
        Optional<UnitAt> root = unitAt(unitId, to);
        if (root.isEmpty()) {
            return new UnitFigures(0, 0, 0);
        }
        long open = jdbc.sql("""
                        select count(*) from organisation.org_unit_period p
                          join organisation.org_unit u on u.id = p.unit_id
                          join organisation.unit_type t on t.code = u.type_code and t.grassroots
                         where p.during @> cast(:asOf as date) and p.path <@ cast(:root as ltree)
                        """)
                .param("asOf", to)
                .param("root", root.get().path())
                .query(Long.class)
                .single();
        // Founded: began in the period and not the product of a merge or split (those are restructurings).
        long founded = placedCount("""
                select u.id from organisation.org_unit u
                  join organisation.unit_type t on t.code = u.type_code and t.grassroots
                 where u.valid_from between cast(:from as date) and cast(:asOf as date)
                   and not exists (select 1 from organisation.org_change_unit cu
                                     join organisation.org_change c on c.id = cu.change_id
                                    where cu.unit_id = u.id and cu.role = 'CREATED'
                                      and c.kind in ('MERGE', 'SPLIT'))
                """, from, to, root.get().path());
        // Closed: the last day of existence falls in the period (valid_to is the first day without the unit).
        long closed = placedCount("""
                select u.id from organisation.org_unit u
                  join organisation.unit_type t on t.code = u.type_code and t.grassroots
                 where u.valid_to between cast(:from as date) + 1 and cast(:asOf as date) + 1
                """, from, to, root.get().path());
        return new UnitFigures(open, founded, closed);
    }

    private long placedCount(String origins, LocalDate from, LocalDate to, String rootPath) {
        return jdbc.sql("with recursive " + UnitStatistics.placement(origins) + """
                        select count(*) from placed where path <@ cast(:root as ltree)
                        """)
                .param("from", from)
                .param("asOf", to)
                .param("root", rootPath)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<UnitAt> unitAt(long unitId, LocalDate asOf) {
        return jdbc.sql(UNIT_AT + " and p.unit_id = :id")
                .param("asOf", asOf)
                .param("id", unitId)
                .query(UnitStatisticsService::unit)
                .optional();
    }

    @Override
    public List<UnitAt> children(long unitId, LocalDate asOf) {
        return jdbc.sql(UNIT_AT + " and p.parent_id = :id order by p.name, p.unit_id")
                .param("asOf", asOf)
                .param("id", unitId)
                .query(UnitStatisticsService::unit)
                .list();
    }

    private static UnitAt unit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        return new UnitAt(
                rs.getLong("unit_id"),
                rs.wasNull() ? null : parent,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("path"),
                rs.getString("type_code"),
                rs.getBoolean("grassroots"));
    }
}
