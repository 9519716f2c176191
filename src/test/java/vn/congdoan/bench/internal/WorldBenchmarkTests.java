package vn.congdoan.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smoke bench's gate: a ratio past its stated threshold fails the run, one within it does not. */
class WorldBenchmarkTests {

    @Test
    void aRatioPastItsThresholdIsAReportedRegression(@TempDir Path dir) throws Exception {
        Path limits = dir.resolve("limits.properties");
        Files.writeString(limits, "stats-province = 3.0\nsearch-cccd-grassroots = 2\n");
        List<WorldBenchmark.Row> rows = List.of(
                row("stats-province", 2.9),
                row("search-cccd-grassroots", 2.5),
                row("http-members-province", 99)); // not listed: measured, not checked

        List<String> past = WorldBenchmark.check(options(limits.toString()), rows);

        assertThat(past).containsExactly("search-cccd-grassroots: ratio 2.50 > 2.00");
    }

    @Test
    void aPageThatNeverAnsweredIsPastAnyThreshold(@TempDir Path dir) throws Exception {
        Path limits = dir.resolve("limits.properties");
        Files.writeString(limits, "http-members-province = 50\n");

        assertThat(WorldBenchmark.check(options(limits.toString()), List.of(row("http-members-province", Double.NaN))))
                .hasSize(1);
        assertThat(WorldBenchmark.check(
                        options(limits.toString()), List.of(row("http-members-province", Double.POSITIVE_INFINITY))))
                .hasSize(1);
    }

    @Test
    void theProvinceWorldHasStatedThresholdsForEveryFigureOfTheTable() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("bench/thresholds-province.properties")) {
            assertThat(in).as("bench/thresholds-province.properties").isNotNull();
            p.load(in);
        }
        assertThat(p.stringPropertyNames())
                .contains(
                        "import-csv",
                        "stats-root",
                        "stats-province",
                        "stats-commune",
                        "stats-grassroots",
                        "search-cccd-province",
                        "http-members-grassroots",
                        "http-dashboard-province");
        List<String> none = WorldBenchmark.check(options("true"), List.of(row("stats-province", 1.0)));
        assertThat(none).isEmpty();
    }

    @Test
    void sizesAreReadTheWayTheIssueWritesThem() {
        assertThat(BenchCommand.size("11m")).isEqualTo(11_000_000);
        assertThat(BenchCommand.size("1m")).isEqualTo(1_000_000);
        assertThat(BenchCommand.size("200k")).isEqualTo(200_000);
        assertThat(BenchCommand.size("2500000")).isEqualTo(2_500_000);
        assertThat(BenchCommand.size("eleven")).isEqualTo(-1);
    }

    private static WorldBenchmark.Options options(String check) {
        return new WorldBenchmark.Options("province", 0, 0, 1, 0, 1, "none", true, 0, 1, 1, check, "");
    }

    private static WorldBenchmark.Row row(String id, double ratio) {
        return new WorldBenchmark.Row(id, id, "anchor", 1, 1, 1, 1, 1, ratio, "", "", true);
    }
}
