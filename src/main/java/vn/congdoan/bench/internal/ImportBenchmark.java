package vn.congdoan.bench.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.congdoan.bench.internal.NationalTree.Unit;
import vn.congdoan.shared.AccessScope;
import vn.congdoan.shared.Actor;

/**
 * The app's member import against {@code psql \copy} of the same rows from CSV (QUALITY.md §5): a generated
 * {@code rows}-row CSV into one empty grassroots union through the import (parse, validate, write, all or nothing),
 * the same file a second time (must add nothing), and the same kind of file as XLSX into another empty grassroots
 * union. The anchor is psql's {@code \copy … (format csv, header)} of the same CSV into a scratch table with one text
 * column per CSV column ({@code bench_scratch.import_copy}, a logged table, emptied before each copy): the cost of
 * getting the bytes into PostgreSQL, with no validation and no index. The JVM's heap is sampled during each import.
 */
final class ImportBenchmark {

    /** What the benchmark needs from the member import. */
    interface Importer {

        /**
         * Validates and commits a file in this thread (the import takes the file over); returns how it ended, for the
         * report.
         */
        String runNow(Path file, String fileName, long unitId, AccessScope scope, Actor actor) throws Exception;

        /** Permissions an officer of the unit holds to import (granted at the unit in the benchmark's scope). */
        Set<String> permissions();

        /** Whether the import reads XLSX too. */
        boolean xlsx();
    }

    /** One measured import. */
    record Row(
            String what,
            String format,
            int rows,
            long fileBytes,
            double appSeconds,
            long added,
            double copySeconds,
            long copied,
            long peakHeapBytes,
            long maxHeapBytes,
            String outcome) {

        double appRowsPerSecond() {
            return appSeconds <= 0 ? Double.NaN : rows / appSeconds;
        }

        double copyRowsPerSecond() {
            return copySeconds <= 0 ? Double.NaN : copied / copySeconds;
        }

        /** How many times longer the import took than COPY of the same rows. */
        double ratio() {
            return copySeconds <= 0 ? Double.NaN : appSeconds / copySeconds;
        }
    }

    /** All imports measured; {@code problems} counts imports that did not add what they should have. */
    record Result(List<Row> rows, int problems, String psqlVersion, String target, String cleanup) {}

    private static final Pattern TIME = Pattern.compile("Time: ([0-9.]+) ms");

    private final Importer importer;
    private final DataSource dataSource;
    private final PrintStream log;

    ImportBenchmark(Importer importer, DataSource dataSource, PrintStream log) {
        this.importer = importer;
        this.dataSource = dataSource;
        this.log = log;
    }

    Result run(MemberWorld world, int rows, long seed, LocalDate today)
            throws SQLException, IOException, InterruptedException {
        return run(world, rows, seed, today, true);
    }

    /** {@code all} false: the first CSV import only (no second run of the same file, no XLSX). */
    Result run(MemberWorld world, int rows, long seed, LocalDate today, boolean all)
            throws SQLException, IOException, InterruptedException {
        Unit unit = world.csvTarget();
        String cleanup = clear(List.of(unit.id(), world.xlsxTarget().id()));
        Path dir = Files.createTempDirectory("bench-import");
        List<Row> out = new ArrayList<>();
        int problems = 0;
        try {
            Path csv = dir.resolve("members-" + rows + ".csv");
            BenchImportFile.writeCsv(csv, rows, seed, unit.code());
            Psql psql = new Psql(dataSource);
            psql.prepare(csv);
            double copy = psql.copy(csv, rows);
            long clashes;
            try (Connection c = dataSource.getConnection()) {
                // CCCDs of the file (its 4th column) that generated members hold: none, by construction.
                clashes = NationalTreeGenerator.single(
                        c,
                        "select count(*) from bench_scratch.import_copy i"
                                + " join membership.member m on m.cccd = i.c4");
            }
            if (clashes > 0) {
                throw new IllegalStateException(clashes + " CCCDs of the import file belong to generated members");
            }

            Row first = importOnce("first import", "CSV", csv, dir, rows, unit, copy, rows);
            out.add(first);
            if (first.added() != rows) {
                problems++;
            }
            if (all) {
                Row again = importOnce("same file again", "CSV", csv, dir, rows, unit, copy, rows);
                out.add(again);
                if (again.added() != 0) {
                    problems++;
                }
            }
            if (all && importer.xlsx()) {
                // The same rows as XLSX, into the same union emptied again: a first import as well.
                clear(List.of(unit.id()));
                Path xlsx = dir.resolve("members-" + rows + ".xlsx");
                toXlsx(csv, xlsx);
                Row x = importOnce("first import", "XLSX", xlsx, dir, rows, unit, copy, rows);
                out.add(x);
                if (x.added() != rows) {
                    problems++;
                }
            }
            psql.dropScratch();
            return new Result(
                    out,
                    problems,
                    psql.version(),
                    "grassroots union " + unit.code() + " (id " + unit.id() + ")",
                    cleanup);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private Row importOnce(
            String what, String format, Path file, Path dir, int rows, Unit unit, double copySeconds, long copied)
            throws SQLException, IOException {
        AccessScope scope = officer(unit);
        long before = members(unit.id());
        // The import takes the file over (moves or deletes it): give it a copy.
        Path upload = Files.copy(file, dir.resolve("upload-" + System.nanoTime()));
        HeapWatch heap = new HeapWatch();
        long t0 = System.nanoTime();
        String outcome;
        try {
            outcome = importer.runNow(
                    upload, file.getFileName().toString(), unit.id(), scope, new Actor(null, "bench", null));
        } catch (Exception e) {
            outcome = "failed: " + e;
            e.printStackTrace(log);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stop();
        long added = members(unit.id()) - before;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        Row row = new Row(
                what,
                format,
                rows,
                size,
                seconds,
                added,
                copySeconds,
                copied,
                peak,
                Runtime.getRuntime().maxMemory(),
                outcome.length() > 300 ? outcome.substring(0, 300) + "…" : outcome);
        log.printf(
                "import %-16s %-4s %,d rows: %.2f s (%,.0f rows/s), added %,d; COPY %.2f s (%,.0f rows/s); ratio %.1f;"
                        + " peak heap %,d MiB of %,d MiB%n",
                what,
                format,
                rows,
                seconds,
                row.appRowsPerSecond(),
                added,
                copySeconds,
                row.copyRowsPerSecond(),
                row.ratio(),
                peak / 1024 / 1024,
                row.maxHeapBytes() / 1024 / 1024);
        return row;
    }

    private AccessScope officer(Unit unit) {
        Map<String, Set<Long>> roots = new java.util.HashMap<>();
        for (String p : importer.permissions()) {
            roots.put(p, Set.of(unit.id()));
        }
        return new AccessScope(
                0L,
                "bench",
                "bench",
                unit.id(),
                roots,
                Map.of(unit.id(), unit.last().path()));
    }

    private long members(long unitId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return NationalTreeGenerator.single(
                    c, "select count(*) from membership.member where last_unit_id = " + unitId);
        }
    }

    /**
     * Removes what earlier runs imported into the targets: their members and every row that refers to them, and the
     * import jobs of the two units (so that the same file is new again). Foreign keys are followed through the
     * catalog; triggers (the append-only event log) are bypassed for this transaction only.
     */
    private String clear(List<Long> units) throws SQLException {
        String ids = units.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        try (Connection c = dataSource.getConnection()) {
            long before = NationalTreeGenerator.single(
                    c, "select count(*) from membership.member where last_unit_id in (" + ids + ")");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
                s.execute("create temporary table bench_gone on commit drop as select id from membership.member"
                        + " where last_unit_id in (" + ids + ") or unit_id in (" + ids + ")");
                // Rows referring to those members (events, periods, transfers, import rows…), then the members.
                for (String[] fk : foreignKeys(c, "membership.member")) {
                    s.execute("delete from " + fk[0] + " where " + fk[1] + " in (select id from bench_gone)");
                }
                s.execute("delete from membership.member where id in (select id from bench_gone)");
                // Import jobs of the two units (tables of the membership schema that refer to a unit and are not the
                // member's own), and the rows that refer to those jobs.
                for (String[] fk : foreignKeys(c, "organisation.org_unit")) {
                    if (!fk[0].startsWith("membership.") || !fk[0].contains("import")) {
                        continue;
                    }
                    for (String[] child : foreignKeys(c, fk[0])) {
                        s.execute("delete from " + child[0] + " where " + child[1] + " in (select id from " + fk[0]
                                + " where " + fk[1] + " in (" + ids + "))");
                    }
                    s.execute("delete from " + fk[0] + " where " + fk[1] + " in (" + ids + ")");
                }
            }
            c.commit();
            return before == 0
                    ? "the targets were empty"
                    : String.format("%,d members left in the targets by an earlier run were removed first", before);
        }
    }

    /** Tables and single columns with a foreign key to the table. */
    private static List<String[]> foreignKeys(Connection c, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("select k.conrelid::regclass::text, a.attname from pg_constraint k"
                        + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]"
                        + " where k.contype = 'f' and k.confrelid = '" + table + "'::regclass"
                        + " and array_length(k.conkey, 1) = 1 and k.conrelid <> '" + table + "'::regclass")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), quote(rs.getString(2))});
            }
        }
        return out;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The CSV's rows as an XLSX sheet of text cells (the header row first), streamed. */
    static void toXlsx(Path csv, Path xlsx) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "congdoan-bench", "1.0");
            Worksheet ws = wb.newWorksheet("Đoàn viên");
            String line;
            int r = 0;
            while ((line = in.readLine()) != null) {
                if (r == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> cells = Csv.parse(line);
                for (int k = 0; k < cells.size(); k++) {
                    if (!cells.get(k).isEmpty()) {
                        ws.value(r, k, cells.get(k));
                    }
                }
                if (r % 10_000 == 0) {
                    ws.flush();
                }
                r++;
            }
            wb.finish();
        }
    }

    /** One line of RFC 4180 CSV (no quoted line breaks: the generator writes none). */
    static final class Csv {

        private Csv() {}

        static List<String> parse(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            out.add(cell.toString());
            return out;
        }
    }

    /** The largest heap in use while it runs: sampled every 10 ms, and the pools' own peaks. */
    private static final class HeapWatch {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong max = new AtomicLong();
        private final Thread thread;
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();

        HeapWatch() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            var memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "bench-heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /** The sampled peak of the heap in use (the pools' summed peaks are an upper bound of it). */
        long stop() {
            running.set(false);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return max.get();
        }
    }

    /** {@code psql} as a subprocess on the same database as the application. */
    static final class Psql {

        private final String host;
        private final String port;
        private final String database;
        private final String user;
        private int columns;

        Psql(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                String url = c.getMetaData().getURL();
                Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)")
                        .matcher(url);
                if (!m.lookingAt()) {
                    throw new IllegalStateException("not a PostgreSQL URL: " + url);
                }
                host = m.group(1);
                port = m.group(2) == null ? "5432" : m.group(2);
                database = m.group(3);
                user = c.getMetaData().getUserName();
            }
        }

        String version() throws IOException, InterruptedException {
            return run(List.of("psql", "--version")).strip();
        }

        /** The scratch table: one text column per column of the CSV's header. */
        void prepare(Path csv) throws IOException, InterruptedException {
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                columns = header == null ? 0 : Csv.parse(header).size();
            }
            StringBuilder cols = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                cols.append(i == 1 ? "" : ", ").append("c").append(i).append(" text");
            }
            sql("create schema if not exists bench_scratch; drop table if exists bench_scratch.import_copy;"
                    + " create table bench_scratch.import_copy (" + cols + ")");
        }

        /** {@code \copy} of the CSV into the emptied scratch table, three times; the median time in seconds. */
        double copy(Path csv, int rows) throws IOException, InterruptedException {
            double[] times = new double[3];
            for (int i = 0; i < times.length; i++) {
                sql("truncate bench_scratch.import_copy; checkpoint");
                String output = run(command(
                        "\\timing on",
                        "\\copy bench_scratch.import_copy from '"
                                + csv.toAbsolutePath().toString().replace("'", "''")
                                + "' with (format csv, header true, encoding 'UTF8')"));
                Matcher m = TIME.matcher(output);
                if (!m.find() || !output.contains("COPY " + rows)) {
                    throw new IllegalStateException("psql \\copy did not copy " + rows + " rows: " + output);
                }
                times[i] = Double.parseDouble(m.group(1)) / 1000.0;
            }
            Arrays.sort(times);
            return times[1];
        }

        void dropScratch() throws IOException, InterruptedException {
            sql("drop table if exists bench_scratch.import_copy; drop schema if exists bench_scratch");
        }

        private void sql(String sql) throws IOException, InterruptedException {
            run(command(sql));
        }

        private List<String> command(String... commands) {
            List<String> cmd = new ArrayList<>(
                    List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user, "-d", database));
            for (String c : commands) {
                cmd.add("-c");
                cmd.add(c);
            }
            return cmd;
        }

        private static String run(List<String> command) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGCONNECT_TIMEOUT", "10");
            Process p = pb.start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + output);
            }
            return output;
        }
    }
}
