package vn.congdoan.enterprises.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congdoan.enterprises.ReferenceItem;
import vn.congdoan.shared.Text;

/** The code lists (ownership types, VSIC sections, communes), read from the module's reference tables. */
@Component
class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReferenceItem> ownershipTypes() {
        return jdbc.sql("select code, name, name_en from enterprises.ownership_type order by sort_order")
                .query((rs, n) -> new ReferenceItem(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<ReferenceItem> sectors() {
        return jdbc.sql("select code, name, name_en from enterprises.sector order by code")
                .query((rs, n) -> new ReferenceItem(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<ReferenceItem> communes() {
        return jdbc.sql("select code, full_name, name from enterprises.administrative_unit order by sort_order")
                .query((rs, n) -> new ReferenceItem(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The code of an entry given by its code (any case) or by its name, diacritics and case ignored; for communes
     * also the bare name ("Tân Phong" for "Phường Tân Phong"). Spreadsheets arrive with either.
     */
    static Optional<String> resolve(@Nullable String value, List<ReferenceItem> items) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        String key = Text.searchKey(v);
        for (ReferenceItem i : items) {
            if (i.code().equalsIgnoreCase(v)) {
                return Optional.of(i.code());
            }
        }
        for (ReferenceItem i : items) {
            if (Text.searchKey(i.name()).equals(key)
                    || Text.searchKey(i.nameEn()).equals(key)) {
                return Optional.of(i.code());
            }
        }
        return Optional.empty();
    }
}
