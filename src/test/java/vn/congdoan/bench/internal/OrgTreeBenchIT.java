package vn.congdoan.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.congdoan.TestDatabaseConfiguration;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.UnitTypeCount;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Dates;

/** The national tree generator at a small size: a consistent tree through time, and a complete report. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"congdoan.demo=false"})
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class OrgTreeBenchIT {

    @Autowired
    OrgTree tree;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void generatesAConsistentTreeWithTheReformInItsHistoryAndReportsIt(@TempDir Path dir) throws Exception {
        LocalDate today = Dates.today(clock);
        Path report = dir.resolve("BENCHMARKS.md");
        OrgTreeBenchSuite.Options options = new OrgTreeBenchSuite.Options(
                "org-tree", 2000, 3, 1, OrgTreeBenchSuite.DEFAULT_SEED, report.toString(), false, "", "");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        OrgTreeBenchSuite.Outcome outcome = new OrgTreeBenchSuite(tree, dataSource, clock, quiet).run(options);
        NationalTree generated = outcome.tree();

        // Everything went in.
        assertThat(count("select count(*) from organisation.org_unit"))
                .isEqualTo(generated.units().size())
                .isGreaterThan(2000);
        assertThat(count("select count(*) from organisation.org_unit_period")).isEqualTo(generated.periodCount());

        // Every period's path is its parent's path on those dates plus its own label; the root's is its label.
        assertThat(count("""
                        select count(*) from organisation.org_unit_period p
                         where not case when p.parent_id is null then p.path = text2ltree('u' || p.unit_id)
                                   else exists (select 1 from organisation.org_unit_period q
                                                 where q.unit_id = p.parent_id and q.during @> p.during
                                                   and p.path = q.path || text2ltree('u' || p.unit_id)) end
                        """)).isZero();
        // Today's row (or the state at closing) is the unit's last period.
        assertThat(count("""
                        select count(*) from organisation.org_unit u
                          join lateral (select p.path, p.parent_id from organisation.org_unit_period p
                                         where p.unit_id = u.id order by lower(p.during) desc limit 1) l on true
                         where u.path <> l.path or u.parent_id is distinct from l.parent_id
                            or datemultirange(daterange(u.valid_from, u.valid_to))
                               <> (select range_agg(p.during) from organisation.org_unit_period p
                                    where p.unit_id = u.id)
                        """)).isZero();
        // A moved grassroots union has two periods, under a district federation and then under a commune union.
        long moved = generated.moved().get(0);
        List<String> parents =
                jdbc.sql("""
                        select t.type_code from organisation.org_unit_period p
                          join organisation.org_unit t on t.id = p.parent_id
                         where p.unit_id = :id order by lower(p.during)
                        """).param("id", moved).query(String.class).list();
        assertThat(parents).containsExactly("DISTRICT_FEDERATION", "COMMUNE_UNION");

        // As of 31/12/2024 and as of today the facade sees two different trees.
        long root = generated.rootId();
        AccessScope scope = new AccessScope(
                0L, "bench", "bench", root, Map.of(OrgTree.READ, Set.of(root)), Map.of(root, "u" + root));
        Map<String, Long> before = byType(tree.subtreeCounts(root, NationalTreeGenerator.BEFORE_REFORM, scope));
        Map<String, Long> now = byType(tree.subtreeCounts(root, today, scope));
        assertThat(before)
                .containsEntry(
                        "DISTRICT_FEDERATION", (long) generated.districts().size())
                .doesNotContainKey("COMMUNE_UNION");
        assertThat(now)
                .containsEntry("COMMUNE_UNION", (long) generated.communes().size())
                .doesNotContainKey("DISTRICT_FEDERATION");
        assertThat(before.get("GRASSROOTS_UNION"))
                .isEqualTo(generated.countOn("GRASSROOTS_UNION", NationalTreeGenerator.BEFORE_REFORM))
                .isNotEqualTo(now.get("GRASSROOTS_UNION"));
        assertThat(now.get("GRASSROOTS_UNION")).isEqualTo(generated.countOn("GRASSROOTS_UNION", today));

        // The report has every row, the facade and the SQL always agreed, and a second run replaces the section.
        String md = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(md)
                .contains("| subtree counts | root (TLĐ) | 2024-12-31 |")
                .contains("| subtree counts | district federation | 2024-12-31 |")
                .contains("| subtree counts | commune/ward union | " + today + " |")
                .contains("| subtree counts | grassroots union | " + today + " |")
                .contains("| children | provincial federation | " + today + " |")
                .contains("| search (20 hits) | whole tree | " + today + " |")
                .contains("EXPLAIN (ANALYZE, BUFFERS)", "nproc", "PostgreSQL");
        assertThat(outcome.mismatches()).isZero();
        new OrgTreeBenchSuite(tree, dataSource, clock, quiet).run(options);
        String again = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(again.split("<!-- bench:org-tree:start -->", -1)).hasSize(2);
        assertThat(again).contains("reused");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Map<String, Long> byType(List<UnitTypeCount> counts) {
        return counts.stream().collect(Collectors.toMap(UnitTypeCount::typeCode, UnitTypeCount::count));
    }
}
