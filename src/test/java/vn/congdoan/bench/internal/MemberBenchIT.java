package vn.congdoan.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.congdoan.TestDatabaseConfiguration;
import vn.congdoan.finance.FeeRules;
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRow;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.Cccd;
import vn.congdoan.shared.Money;
import vn.congdoan.shared.VietnameseNames;

/**
 * The national member generator and the members benchmark at a tiny size: a consistent register with every index
 * back, facade and bare SQL agreeing on every page, and a facade that answers differently is caught.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // A context (and so a database) of its own: OrgTreeBenchIT leaves another national tree in its database.
        properties = {"congdoan.demo=false", "congdoan.bench.test-database=members"})
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class MemberBenchIT {

    private static final String INDEXES = """
            select count(*) from pg_indexes where schemaname = 'membership'
               and tablename in ('member', 'membership_period', 'member_sensitive')""";

    private static final String CONSTRAINTS = """
            select count(*) from pg_constraint where contype in ('f', 'u', 'x')
               and conrelid in ('membership.member'::regclass, 'membership.membership_period'::regclass,
                                'membership.member_sensitive'::regclass)""";

    @Autowired
    Members members;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    FeeRules feeRules;

    @Test
    void generatesTheRegisterAndTheFacadeAgreesWithTheBareSql(@TempDir Path dir) throws Exception {
        long indexes = count(INDEXES);
        long constraints = count(CONSTRAINTS);
        Path report = dir.resolve("BENCHMARKS.md");
        MemberBenchSuite.Options options = new MemberBenchSuite.Options(
                3000, 0, 3, 1, OrgTreeBenchSuite.DEFAULT_SEED, report.toString(), false, "", 0, false, "");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MemberBenchSuite.Outcome outcome = new MemberBenchSuite(members, null, dataSource, clock, quiet).run(options);

        // Everything went in, and every index and constraint dropped for the load is back.
        assertThat(count("select count(*) from membership.member")).isEqualTo(3000);
        assertThat(count("select count(*) from membership.membership_period where upper_inf(during)"))
                .isEqualTo(3000);
        assertThat(count("select count(*) from membership.member_sensitive")).isBetween(400L, 1200L);
        assertThat(count(INDEXES)).isEqualTo(indexes);
        assertThat(count(CONSTRAINTS)).isEqualTo(constraints);
        // Codes as the database makes them, the sequence past them; CCCDs valid demo numbers, all different.
        assertThat(count("""
                        select count(*) from membership.member
                         where member_code <> 'DV' || substr(member_code, 3, 9)
                                              || membership.luhn_digit(substr(member_code, 3, 9))""")).isZero();
        String next = jdbc.sql("select membership.next_member_code()")
                .query(String.class)
                .single();
        assertThat(next).isEqualTo(NationalMembersGenerator.memberCode(3001));
        assertThat(count("select count(distinct cccd) from membership.member")).isEqualTo(3000);
        List<Object[]> sample = jdbc.sql(
                        "select full_name, sort_key, search_key, cccd, birth_date, sex from membership.member where"
                                + " id % 97 = 0")
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, java.time.LocalDate.class),
                    rs.getString(6)
                })
                .list();
        assertThat(sample).hasSizeGreaterThan(20);
        for (Object[] m : sample) {
            assertThat(m[1]).isEqualTo(VietnameseNames.sortKey((String) m[0]));
            assertThat(m[2]).isEqualTo(vn.congdoan.shared.Text.searchKey((String) m[0]));
            assertThat(Cccd.check((String) m[3], (java.time.LocalDate) m[4], (String) m[5], true))
                    .isEmpty();
            assertThat(((String) m[3])).startsWith(Cccd.DEMO_PREFIX);
        }
        // Every grassroots union covers one workplace, its members work there; more enterprises have no union.
        int unions = outcome.world().units().size();
        assertThat(count("select count(*) from enterprises.enterprise where covering_unit_id is not null"))
                .isEqualTo(unions);
        assertThat(count("select count(*) from enterprises.enterprise"))
                .isEqualTo(Math.max(unions, Math.round(3000 * BenchWorkplaces.ENTERPRISES_PER_MEMBER)));
        assertThat(count("""
                        select count(*) from membership.member m
                          left join enterprises.enterprise e on e.id = m.enterprise_id
                         where e.covering_unit_id is distinct from m.unit_id""")).isZero();
        assertThat(count("select count(distinct ownership_code) from enterprises.enterprise"))
                .isGreaterThan(3);
        // Twelve months of dues: a charge for every month a member belonged to the union, priced as FeeRules quotes
        // it under the rule of that month (QĐ 61/QĐ-TLĐ from 07/2025), with that rule's id stored.
        assertThat(count("""
                        select count(*) from finance.dues_charge c join membership.member m on m.id = c.member_id
                         where c.org_unit_id <> m.unit_id or c.period < date_trunc('month', m.joined_on)""")).isZero();
        long expected = jdbc.sql("""
                        select count(*) from membership.member m
                          cross join generate_series(date_trunc('month', cast(:today as date)) - interval '12 months',
                                                     date_trunc('month', cast(:today as date)) - interval '1 month',
                                                     interval '1 month') g(month)
                         where m.joined_on < g.month + interval '1 month'""")
                .param("today", vn.congdoan.shared.Dates.today(clock))
                .query(Long.class)
                .single();
        assertThat(count("select count(*) from finance.dues_charge"))
                .isEqualTo(expected)
                .isPositive();
        List<Object[]> charges = jdbc.sql("""
                        select member_group, base, period, standard_amount, capped, dues_rule_id
                          from finance.dues_charge where id % 53 = 0""")
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getObject(3, java.time.LocalDate.class),
                    rs.getLong(4),
                    rs.getBoolean(5),
                    rs.getLong(6)
                })
                .list();
        assertThat(charges).hasSizeGreaterThan(50);
        assertThat(charges).extracting(c -> c[0]).contains("FLAT", "NON_STATE");
        for (Object[] c : charges) {
            FeeRules.DuesQuote quote = feeRules.quoteDues(
                    (String) c[0], Money.of((Long) c[1]), java.time.YearMonth.from((java.time.LocalDate) c[2]));
            assertThat(quote.amount().toLong())
                    .as("dues of %s", java.util.Arrays.toString(c))
                    .isEqualTo(c[3]);
            assertThat(quote.capped()).isEqualTo(c[4]);
            assertThat(quote.rule().id()).isEqualTo(c[5]);
        }

        // The two import targets are empty.
        assertThat(count("select count(*) from membership.member where last_unit_id in ("
                        + outcome.world().csvTarget().id() + ", "
                        + outcome.world().xlsxTarget().id() + ")"))
                .isZero();

        // Facade and SQL agreed on every question, and found something.
        assertThat(outcome.mismatches()).isZero();
        assertThat(outcome.search().rows()).hasSize(12).allSatisfy(r -> {
            assertThat(r.mismatches()).isZero();
            assertThat(r.failures()).isZero();
        });
        assertThat(outcome.search().rows())
                .filteredOn(
                        r -> r.query().startsWith("search CCCD") || r.query().startsWith("search member code"))
                .allSatisfy(r -> assertThat(r.avgTotal()).isEqualTo(1.0));
        assertThat(outcome.search().rows())
                .filteredOn(r -> r.query().startsWith("list"))
                .allSatisfy(r -> assertThat(r.avgTotal()).isPositive());
        String md = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(md)
                .contains("<!-- bench:members:start -->", "<!-- bench:members:end -->")
                .contains("| search name fragment | province |", "| search CCCD | grassroots |")
                .contains("| list deep page | commune |", "| list first page | grassroots |")
                .contains("nproc", "PostgreSQL", "CREATE INDEX member_search_trgm");

        // A second run reuses the world and replaces the section.
        MemberBenchSuite.Outcome again = new MemberBenchSuite(members, null, dataSource, clock, quiet).run(options);
        assertThat(again.loaded().reused()).isTrue();
        assertThat(again.mismatches()).isZero();
        String twice = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(twice.split("<!-- bench:members:start -->", -1)).hasSize(2);
        assertThat(twice).contains("reused", "CREATE INDEX member_search_trgm");

        // A facade that loses a row of every page is caught, and the command then exits 1.
        Members lying = (Members) Proxy.newProxyInstance(
                Members.class.getClassLoader(), new Class<?>[] {Members.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(members, args);
                        if (result instanceof MemberPage page && !page.rows().isEmpty()) {
                            List<MemberRow> rows = new ArrayList<>(page.rows());
                            rows.remove(rows.size() - 1);
                            return new MemberPage(rows, page.total(), page.page(), page.pageSize());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MemberBenchSuite.Outcome caught = new MemberBenchSuite(lying, null, dataSource, clock, quiet)
                .run(new MemberBenchSuite.Options(
                        3000, 0, 3, 1, OrgTreeBenchSuite.DEFAULT_SEED, "none", false, "", 0, false, ""));
        assertThat(caught.mismatches()).isPositive();
        // Every page that had a row lost it (the province officer's fixed name fragments may find nobody here).
        assertThat(caught.search().rows())
                .filteredOn(r ->
                        !(r.query().equals("search name fragment") && r.scope().equals("province")))
                .allSatisfy(r -> assertThat(r.mismatches()).isEqualTo(3));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
