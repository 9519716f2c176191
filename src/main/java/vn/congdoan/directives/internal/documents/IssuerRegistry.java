package vn.congdoan.directives.internal.documents;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.directives.IssuerView;

/**
 * Issuers of outgoing documents, one per unit (DOMAIN.md §9.1, §9.2). A unit that issues for the first time gets a
 * configuration derived from the tree (its parent's name over its own in capitals, the abbreviation of its kind,
 * the place of the nearest configured ancestor), which an officer may then change.
 */
@Component
class IssuerRegistry {

    /** The issuer part of the number by kind of unit (DOMAIN.md §9.3: TLĐ, LĐLĐ …). */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "CONFEDERATION", "TLĐ",
            "PROVINCIAL_FEDERATION", "LĐLĐ",
            "DISTRICT_FEDERATION", "LĐLĐ",
            "SECTOR_UNION", "CĐN",
            "PUBLIC_SERVANTS_UNION", "CĐVC",
            "COMMUNE_UNION", "CĐ",
            "GRASSROOTS_UNION", "CĐCS");

    private static final Locale VI = Locale.forLanguageTag("vi");

    static final String COLUMNS = """
            i.unit_id, u.name as unit_name, i.abbreviation, i.superior_line, i.issuing_line, i.place_name,
            i.numbering, i.archive_unit
            """;

    private final JdbcClient jdbc;

    IssuerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IssuerView> find(long unitId) {
        return jdbc.sql("select " + COLUMNS + """
                          from directives.issuer i join organisation.org_unit u on u.id = i.unit_id
                         where i.unit_id = :u
                        """)
                .param("u", unitId)
                .query(IssuerRegistry::map)
                .optional();
    }

    List<IssuerView> within(String roots) {
        return jdbc.sql("select " + COLUMNS + """
                          from directives.issuer i join organisation.org_unit u on u.id = i.unit_id
                         where u.path <@ any(cast(:roots as ltree[]))
                         order by u.path
                        """)
                .param("roots", roots)
                .query(IssuerRegistry::map)
                .list();
    }

    /** The unit's issuer configuration, derived and stored on first use. */
    IssuerView ensure(long unitId) {
        Optional<IssuerView> found = find(unitId);
        if (found.isPresent()) {
            return found.get();
        }
        record Unit(String name, String typeCode, @Nullable String parentName, String path) {}
        Unit unit = jdbc.sql("""
                        select u.name, u.type_code, p.name as parent_name, u.path::text as path
                          from organisation.org_unit u left join organisation.org_unit p on p.id = u.parent_id
                         where u.id = :u
                        """)
                .param("u", unitId)
                .query((rs, n) -> new Unit(
                        rs.getString("name"),
                        rs.getString("type_code"),
                        rs.getString("parent_name"),
                        rs.getString("path")))
                .single();
        String place = jdbc.sql("""
                        select i.place_name from directives.issuer i join organisation.org_unit a on a.id = i.unit_id
                         where a.path @> cast(:p as ltree) order by nlevel(a.path) desc limit 1
                        """)
                .param("p", unit.path())
                .query(String.class)
                .optional()
                .orElse(unit.name());
        configure(new IssuerView(
                unitId,
                unit.name(),
                ABBREVIATIONS.getOrDefault(unit.typeCode(), "CĐ"),
                unit.parentName() == null ? "" : unit.parentName().toUpperCase(VI),
                unit.name().toUpperCase(VI),
                place,
                "PER_ISSUER",
                null));
        return find(unitId).orElseThrow();
    }

    void configure(IssuerView v) {
        jdbc.sql("""
                        insert into directives.issuer (unit_id, abbreviation, superior_line, issuing_line, place_name,
                                                       numbering, archive_unit)
                        values (:u, :a, :s, :i, :p, :n, :o)
                        on conflict (unit_id) do update set abbreviation = excluded.abbreviation,
                            superior_line = excluded.superior_line, issuing_line = excluded.issuing_line,
                            place_name = excluded.place_name, numbering = excluded.numbering,
                            archive_unit = excluded.archive_unit, version = directives.issuer.version + 1
                        """)
                .param("u", v.unitId())
                .param("a", v.abbreviation())
                .param("s", v.superiorLine())
                .param("i", v.issuingLine())
                .param("p", v.placeName())
                .param("n", v.numbering())
                .param("o", v.archiveUnit())
                .update();
    }

    private static IssuerView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IssuerView(
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("abbreviation"),
                rs.getString("superior_line"),
                rs.getString("issuing_line"),
                rs.getString("place_name"),
                rs.getString("numbering"),
                rs.getString("archive_unit"));
    }
}
