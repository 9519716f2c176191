package vn.congdoan.bench.internal;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The national tree and the member world in the bench database, generated or reused, with how they were made (the
 * timed load steps, or those recorded by the run that made them) for the report.
 */
record GeneratedWorld(NationalTree tree, MemberWorld world, NationalMembersGenerator.Loaded loaded, String load) {

    static GeneratedWorld load(
            DataSource dataSource, int grassroots, long members, long seed, LocalDate today, PrintStream out)
            throws SQLException {
        long t0 = System.nanoTime();
        NationalTree tree = NationalTreeGenerator.generate(grassroots, seed, today);
        NationalTreeGenerator.Loaded treeLoaded = NationalTreeGenerator.load(dataSource, tree);
        long treeMillis = (System.nanoTime() - t0) / 1_000_000;
        out.printf(
                Locale.ROOT,
                "Tree: %,d units (%,d grassroots unions) %s in %,d ms.%n",
                tree.units().size(),
                tree.grassroots(),
                treeLoaded.reused() ? "reused" : "generated and loaded",
                treeMillis);
        MemberWorld world = MemberWorld.plan(tree, members, seed, today);
        out.printf(
                Locale.ROOT,
                "Members: %,d in %,d grassroots unions; loading…%n",
                members,
                world.units().size());
        NationalMembersGenerator.Loaded loaded = NationalMembersGenerator.load(dataSource, world, today, out);
        String load;
        if (loaded.reused()) {
            load = "the same world left by an earlier run was reused; that run made it as follows: "
                    + (loaded.earlier() == null ? "(not recorded)" : loaded.earlier());
        } else {
            load = MemberBenchReport.loadSteps(loaded, treeLoaded, treeMillis);
            NationalMembersGenerator.record(dataSource, load);
            out.printf(Locale.ROOT, "World loaded in %.1f s.%n", loaded.millis() / 1000.0);
        }
        return new GeneratedWorld(tree, world, loaded, load);
    }
}
