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
import vn.congdoan.membership.MemberPage;
import vn.congdoan.membership.MemberRow;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.Cccd;
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
