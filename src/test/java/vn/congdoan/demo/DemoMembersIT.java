package vn.congdoan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congdoan.FullApplicationTest;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Ethnicities;
import vn.congdoan.shared.PhoneNumbers;
import vn.congdoan.shared.VietnameseNames;

/**
 * The demo world's member register as an officer or an auditor would look at it: the size of Lai Châu's membership,
 * valid and unique identifiers, a believable ethnic mix with each group's naming pattern, and a history in which
 * nobody is ever in two units at once and everyone who left is closed off.
 */
@FullApplicationTest
class DemoMembersIT {

    /**
     * Members the demo loader wrote, as other tests sharing this context admit, edit and move members too: the loader
     * writes all of them in one transaction, so they share the earliest creation time.
     */
    private static final String LOADED = " m.created_at = (select min(created_at) from membership.member) ";

    /**
     * Loaded members as the loader left them: not edited, no event recorded after the load, not moved by a later
     * restructuring (other tests work at the test clock, after the demo's last day, 01/11/2026).
     */
    private static final String UNTOUCHED = LOADED + """
             and m.updated_at is null
             and not exists (select 1 from membership.member_event x
                              where x.member_id = m.id and x.recorded_at > m.created_at)
             and not exists (select 1 from membership.membership_period x
                              where x.member_id = m.id and lower(x.during) > date '2026-11-01')
            """;

    @Autowired
    JdbcClient jdbc;

    /** The SQL with {@code {loaded}} and {@code {untouched}} filled in (for the alias {@code m}). */
    private static String sql(String sql) {
        return sql.replace("{untouched}", UNTOUCHED).replace("{loaded}", LOADED);
    }

    private long count(String sql) {
        return jdbc.sql(sql(sql)).query(Long.class).single();
    }

    private long homeUnitOf(String username) {
        return jdbc.sql("select home_unit_id from identity.app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void theRegisterHoldsAboutAsManyMembersAsLaiChauHad() {
        // 23,218 members at the end of 2024 (DOMAIN.md §2.1).
        assertThat(count("select count(*) from membership.member m where {loaded}"))
                .isBetween(22_000L, 24_500L);
        assertThat(count("select count(*) from membership.member where status = 'ACTIVE'"))
                .isGreaterThan(10_000);
    }

    @Test
    void everyMemberWhoBelongsHasAValidDemoCccdAndPhone() {
        List<Map<String, Object>> rows = jdbc.sql(sql("""
                        select cccd, birth_date, sex, phone from membership.member m
                         where status in ('ACTIVE', 'WITHOUT_UNIT') and {untouched}
                        """)).query().listOfRows();
        assertThat(rows).hasSizeGreaterThan(20_000);
        for (Map<String, Object> r : rows) {
            String cccd = (String) r.get("cccd");
            assertThat(cccd).as("CCCD").isNotNull().startsWith(Cccd.DEMO_PREFIX);
            assertThat(Cccd.check(
                            cccd,
                            ((java.sql.Date) r.get("birth_date")).toLocalDate(),
                            ((String) r.get("sex")).strip(),
                            true))
                    .as("problems of %s", cccd)
                    .isEmpty();
            assertThat(PhoneNumbers.normalize((String) r.get("phone")))
                    .as("phone")
                    .isPresent();
        }
    }

    @Test
    void memberCodesCccdsAndPhonesAreUnique() {
        assertThat(count("""
                        select count(*) from membership.member
                         where member_code <> 'DV' || substr(member_code, 3, 9)
                                              || membership.luhn_digit(substr(member_code, 3, 9))
                        """)).isZero();
        assertThat(count("select count(distinct member_code) from membership.member"))
                .isEqualTo(count("select count(*) from membership.member"));
        long untouched = count("select count(*) from membership.member m where {untouched}");
        assertThat(untouched).isGreaterThan(22_000);
        assertThat(count("select count(distinct cccd) from membership.member m where {untouched}"))
                .isEqualTo(untouched);
        assertThat(count("select count(distinct phone) from membership.member m where {untouched}"))
                .isEqualTo(untouched);
    }

    @Test
    void theEthnicMixLooksLikeLaiChauWithMoreKinh() {
        Map<String, Long> byCode = new LinkedHashMap<>();
        jdbc.sql(sql("""
                        select s.ethnicity, count(*) from membership.member_sensitive s
                          join membership.member m on m.id = s.member_id
                         where {untouched}
                         group by s.ethnicity order by count(*) desc
                        """))
                .query((rs, n) -> byCode.put(rs.getString(1), rs.getLong(2)))
                .list();
        long total = byCode.values().stream().mapToLong(Long::longValue).sum();
        assertThat(byCode.keySet())
                .allSatisfy(code -> assertThat(Ethnicities.byCode(code)).isPresent());
        assertThat(byCode.keySet().stream().limit(3)).containsExactlyInAnyOrder("03", "01", "08");
        assertThat(100.0 * byCode.get("03") / total).as("Thái %").isBetween(22.0, 34.0);
        assertThat(100.0 * byCode.get("01") / total).as("Kinh %").isBetween(18.0, 32.0);
        assertThat(100.0 * byCode.get("08") / total).as("Mông %").isBetween(12.0, 24.0);
        assertThat(100.0 * byCode.get("09") / total).as("Dao %").isBetween(6.0, 14.0);
        // The province's smaller groups are there too, each a small share.
        assertThat(byCode).containsKeys("25", "35", "41", "42", "29", "33", "37", "45", "48", "50");
        assertThat(100.0 * byCode.get("41") / total).as("La Hủ %").isLessThan(4.0);
    }

    @Test
    void namesFollowEachGroupsPattern() {
        long mongMen = count("""
                select count(*) from membership.member m join membership.member_sensitive s on s.member_id = m.id
                 where {loaded} and s.ethnicity = '08' and m.sex = 'M'
                """);
        long withA = count("""
                select count(*) from membership.member m join membership.member_sensitive s on s.member_id = m.id
                 where {loaded} and s.ethnicity = '08' and m.sex = 'M' and split_part(m.full_name, ' ', 2) = 'A'
                """);
        assertThat(withA).as("Mông men named … A …").isGreaterThan(mongMen * 7 / 10);
        // Thái men carry Văn; La Hủ names have three syllables and no Văn / Thị.
        long thaiMen = count("""
                select count(*) from membership.member m join membership.member_sensitive s on s.member_id = m.id
                 where {loaded} and s.ethnicity = '03' and m.sex = 'M'
                """);
        long thaiVan = count("""
                select count(*) from membership.member m join membership.member_sensitive s on s.member_id = m.id
                 where {loaded} and s.ethnicity = '03' and m.sex = 'M' and split_part(m.full_name, ' ', 2) = 'Văn'
                """);
        assertThat(thaiVan).isGreaterThan(thaiMen * 8 / 10);
        assertThat(count("""
                        select count(*) from membership.member m
                          join membership.member_sensitive s on s.member_id = m.id
                         where {loaded} and s.ethnicity = '41'
                           and (array_length(string_to_array(m.full_name, ' '), 1) <> 3
                                or split_part(m.full_name, ' ', 2) in ('Văn', 'Thị'))
                        """)).isZero();
        List<String> sample = jdbc.sql(
                        sql("select full_name || '|' || sort_key from membership.member m where {untouched} limit 500"))
                .query(String.class)
                .list();
        assertThat(sample).allSatisfy(s -> {
            String[] parts = s.split("\\|");
            assertThat(parts[1]).isEqualTo(VietnameseNames.sortKey(parts[0]));
        });
    }

    @Test
    void partyMembershipAndWomenAreInARealisticRange() {
        long total = count("select count(*) from membership.member m where {loaded}");
        long party = count("""
                select count(*) from membership.member_sensitive s join membership.member m on m.id = s.member_id
                 where {loaded} and s.party_member
                """);
        assertThat(100.0 * party / total).as("Party %").isBetween(7.0, 13.0);
        assertThat(count("""
                        select count(*) from membership.member_sensitive s
                          join membership.member m on m.id = s.member_id
                         where {untouched} and s.party_member
                           and (s.party_joined_on is null or s.party_joined_on > date '2026-11-01')
                        """)).isZero();
        long women = count("select count(*) from membership.member m where m.sex = 'F' and {loaded}");
        assertThat(100.0 * women / total).as("women %").isBetween(42.0, 52.0);
        long ages = count("""
                select count(*) from membership.member m where {loaded}
                   and birth_date between date '2026-11-01' - interval '61 years'
                                      and date '2026-11-01' - interval '18 years'
                """);
        assertThat(ages).isEqualTo(total);
    }

    @Test
    void everyoneWasAdmittedOnce() {
        assertThat(count("""
                        select count(*) from membership.member m where {untouched} and not exists (
                            select 1 from membership.member_event e
                             where e.member_id = m.id and e.kind = 'ADMITTED' and e.happened_on = m.joined_on)
                        """)).isZero();
        assertThat(count("select count(*) from membership.member m where m.admission_decision is null and {untouched}"))
                .isZero();
    }

    @Test
    void nobodyIsEverInTwoUnitsAtOnce() {
        assertThat(count("""
                        select count(*) from membership.membership_period a
                          join membership.membership_period b on a.member_id = b.member_id and a.id < b.id
                         where a.during && b.during
                        """)).isZero();
        // Every active member has exactly one open period, in the unit the register shows.
        assertThat(count("""
                        select count(*) from membership.member m where {loaded} and m.status = 'ACTIVE' and 1 <> (
                            select count(*) from membership.membership_period p
                             where p.member_id = m.id and upper_inf(p.during) and p.unit_id = m.unit_id)
                        """)).isZero();
        assertThat(count("""
                        select count(*) from membership.membership_period p
                          join membership.member m on m.id = p.member_id
                         where {loaded} and m.status = 'ACTIVE' and upper_inf(p.during)
                           and p.unit_id is distinct from m.unit_id
                        """)).isZero();
    }

    @Test
    void leaversAreClosedOff() {
        assertThat(count("select count(*) from membership.member m where m.status = 'LEFT' and {loaded}"))
                .isGreaterThan(100);
        assertThat(count("select count(*) from membership.member m where m.leave_reason = 'RETIRED' and {loaded}"))
                .isGreaterThan(50);
        assertThat(count("select count(*) from membership.member m where m.status = 'REMOVED' and {loaded}"))
                .isGreaterThan(0);
        assertThat(count("""
                        select count(*) from membership.member m
                         where m.status = 'REMOVED' and (m.leave_decision is null or m.leave_decision = '')
                        """)).isZero();
        assertThat(count("""
                        select count(*) from membership.member m where m.status in ('LEFT', 'REMOVED')
                           and (m.left_on is null or m.unit_id is not null
                                or exists (select 1 from membership.membership_period p
                                            where p.member_id = m.id and upper_inf(p.during)))
                        """)).isZero();
        // The demo's own leavers: on a day before today, with the period and the event of that day.
        assertThat(count("""
                        select count(*) from membership.member m
                         where {untouched} and m.status in ('LEFT', 'REMOVED')
                           and (m.left_on > date '2026-11-01'
                                or not exists (select 1 from membership.membership_period p
                                                where p.member_id = m.id and upper(p.during) = m.left_on)
                                or not exists (select 1 from membership.member_event e
                                                where e.member_id = m.id and e.kind = m.status
                                                  and e.happened_on = m.left_on))
                        """)).isZero();
    }

    @Test
    void transfersMovedMembersBetweenUnitsThatExistToday() {
        assertThat(count("""
                        select count(*) from membership.member_transfer t
                          join membership.member m on m.id = t.member_id
                         where t.released_by = 'demo' and t.status = 'PENDING' and m.status = 'ACTIVE' and m.unit_id = t.from_unit_id
                        """)).isGreaterThanOrEqualTo(3);
        long accepted = count(
                "select count(*) from membership.member_transfer where status = 'ACCEPTED' and released_by = 'demo'");
        assertThat(accepted).isGreaterThan(20);
        // The receiving unit holds an open period from the day it accepted, and the sending one's period ends then.
        assertThat(count("""
                        select count(*) from membership.member_transfer t
                         where t.status = 'ACCEPTED' and t.released_by = 'demo'
                           and exists (select 1 from membership.membership_period p
                                        where p.member_id = t.member_id and p.unit_id = t.to_unit_id
                                          and p.reason = 'TRANSFERRED' and lower(p.during) = t.decided_on)
                           and exists (select 1 from membership.membership_period p
                                        where p.member_id = t.member_id and p.unit_id = t.from_unit_id
                                          and upper(p.during) = t.decided_on)
                           and t.released_on >= date '2025-07-01' and t.decided_on <= date '2026-11-01'
                        """)).isEqualTo(accepted);
        // Both ends are grassroots unions open today.
        assertThat(count("""
                        select count(*) from membership.member_transfer t
                          join organisation.org_unit u on u.id in (t.from_unit_id, t.to_unit_id)
                         where t.released_by = 'demo' and u.valid_to <= date '2026-11-01'
                        """)).isZero();
    }

    @Test
    void theDemoMemberAccountIsLinkedToItsMemberRecord() {
        Map<String, Object> row = jdbc.sql("""
                        select m.full_name, m.unit_id, m.status, u.display_name, u.home_unit_id
                          from membership.member m join identity.app_user u on u.id = m.account_id
                         where u.username = 'doanvien'
                        """).query().singleRow();
        assertThat(row.get("full_name")).isEqualTo(row.get("display_name"));
        assertThat(row.get("unit_id")).isEqualTo(row.get("home_unit_id"));
        assertThat(row.get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void nguyenThiAnhIsAMemberOfCs1sUnit() {
        long cs1 = homeUnitOf("cs1");
        assertThat(jdbc.sql("""
                                select count(*) from membership.member
                                 where full_name = 'Nguyễn Thị Ánh' and unit_id = :unit and status = 'ACTIVE'
                                   and search_key like '%nguyen thi anh%'
                                """).param("unit", cs1).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // The unit has its chair and committee.
        assertThat(jdbc.sql("select count(*) from membership.member where unit_id = :unit and union_position = :p")
                        .param("unit", cs1)
                        .param("p", "Chủ tịch CĐCS")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void companyMembersWorkForTheirUnitsEnterprise() {
        assertThat(
                        count(
                                "select count(*) from membership.member m where m.status = 'ACTIVE' and m.enterprise_id is not null and {loaded}"))
                .isGreaterThan(3_000);
        assertThat(count("""
                        select count(*) from membership.member m
                          join enterprises.enterprise e on e.id = m.enterprise_id
                         where {untouched} and m.status = 'ACTIVE' and e.covering_unit_id is distinct from m.unit_id
                        """)).isZero();
        assertThat(count("""
                        select count(*) from membership.member_sensitive s
                          join membership.member m on m.id = s.member_id
                         where {loaded} and s.salary_basis is not null
                           and (s.salary_basis < 4000000 or s.salary_basis > 15000000)
                        """)).isZero();
    }
}
