package vn.congdoan.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Pages under concurrent load, measured by {@code wrk} (the system's, on the PATH) with a logged-in session against
 * the running server, next to a static file of the same server (QUALITY.md §5). The officer is a bench account made in
 * the bench database (a federation officer of the national root, a fresh random password), logged in through the
 * real form; every request of a run rotates over a list of paths (different units), so the database is not answering
 * the same question from its cache each time.
 */
final class HttpLoad {

    /** One wrk run: requests per second and latency percentiles in ms; {@code errors} counts non-2xx and socket errors. */
    record Run(
            String name,
            List<String> paths,
            int connections,
            int seconds,
            long requests,
            double perSecond,
            double p50,
            double p95,
            double p99,
            double max,
            long errors) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static final String SCRIPT = """
            local paths = {}
            for line in io.lines(os.getenv("CONGDOAN_WRK_PATHS")) do paths[#paths + 1] = line end
            local i = 0
            local bad = 0
            wrk.headers["Cookie"] = os.getenv("CONGDOAN_WRK_COOKIE")
            request = function()
                i = i % #paths + 1
                return wrk.format("GET", paths[i])
            end
            done = function(summary, latency, requests)
                local e = summary.errors
                io.write(string.format("CONGDOAN-WRK %d %d %.1f %.1f %.1f %.1f %d\\n", summary.requests,
                    summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
                    latency.max, e.status + e.connect + e.read + e.write + e.timeout))
            end
            """;

    private final DataSource dataSource;
    private final int port;
    private final PrintStream out;
    private String cookie = "";

    HttpLoad(DataSource dataSource, int port, PrintStream out) {
        this.dataSource = dataSource;
        this.port = port;
        this.out = out;
    }

    /** Whether {@code wrk} can be run here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Creates (or resets) the bench officer on the unit and logs in through the form; afterwards every run carries the
     * session cookie.
     */
    void login(long unitId) throws SQLException, IOException, InterruptedException {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String hash = new BCryptPasswordEncoder(4).encode(password);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long userId;
            try (PreparedStatement ps = c.prepareStatement("insert into identity.app_user (username, display_name,"
                    + " password_hash, home_unit_id) values ('bench-officer', 'Cán bộ đo hiệu năng', ?, ?)"
                    + " on conflict (username) do update set password_hash = excluded.password_hash,"
                    + " enabled = true returning id")) {
                ps.setString(1, hash);
                ps.setLong(2, unitId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    userId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into identity.role_grant (user_id, role_code,"
                    + " org_unit_id) select ?, 'FEDERATION_OFFICER', ? where not exists (select 1 from"
                    + " identity.role_grant where user_id = ? and role_code = 'FEDERATION_OFFICER' and org_unit_id = ?"
                    + " and revoked_at is null)")) {
                ps.setLong(1, userId);
                ps.setLong(2, unitId);
                ps.setLong(3, userId);
                ps.setLong(4, unitId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from identity.login_throttle")) {
                ps.executeUpdate();
            }
        }
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=bench-officer&password=" + password + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("the bench officer could not log in: " + r.statusCode() + " " + location);
        }
        StringBuilder c = new StringBuilder();
        for (HttpCookie k : cookies.getCookieStore().getCookies()) {
            if (!c.isEmpty()) {
                c.append("; ");
            }
            c.append(k.getName()).append('=').append(k.getValue());
        }
        cookie = c.toString();
    }

    /** The first path answered 200 with the session and is not the login page: the run measures the page itself. */
    void check(String path, String expected) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains(expected)) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + r.statusCode() + " without \"" + expected + "\"");
        }
    }

    /** Runs wrk for the seconds over the paths with the connections (two threads) and reads its summary. */
    Run run(String name, List<String> paths, int connections, int seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-wrk");
        try {
            Path script = dir.resolve("rotate.lua");
            Files.writeString(script, SCRIPT);
            Path list = dir.resolve("paths.txt");
            Files.write(list, paths);
            ProcessBuilder pb = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c" + connections,
                            "-d" + seconds + "s",
                            "--timeout",
                            "30s",
                            "-s",
                            script.toString(),
                            "http://127.0.0.1:" + port)
                    .redirectErrorStream(true);
            pb.environment().put("CONGDOAN_WRK_PATHS", list.toString());
            pb.environment().put("CONGDOAN_WRK_COOKIE", cookie);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            for (String line : output.split("\n")) {
                if (line.startsWith("CONGDOAN-WRK ")) {
                    String[] f = line.trim().split(" ");
                    long requests = Long.parseLong(f[1]);
                    double micros = Double.parseDouble(f[2]);
                    Run run = new Run(
                            name,
                            paths,
                            connections,
                            seconds,
                            requests,
                            requests / (micros / 1e6),
                            Double.parseDouble(f[3]) / 1000,
                            Double.parseDouble(f[4]) / 1000,
                            Double.parseDouble(f[5]) / 1000,
                            Double.parseDouble(f[6]) / 1000,
                            Long.parseLong(f[7]));
                    settle();
                    out.printf(
                            Locale.ROOT,
                            "%-40s %,9.1f req/s  p50 %8.1f  p95 %8.1f  p99 %8.1f ms  errors %d%n",
                            name,
                            run.perSecond(),
                            run.p50(),
                            run.p95(),
                            run.p99(),
                            run.errors());
                    return run;
                }
            }
            throw new IllegalStateException("no summary in wrk's output: " + output);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Waits until the server has worked off what the run left queued (wrk stops sending, the server goes on answering
     * the requests it accepted): the health check, which takes a database connection from the same pool, answers
     * within a second again — at most two minutes per run. Otherwise the next run would measure this one's backlog.
     */
    private void settle() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health"))
                                .timeout(java.time.Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                // Answered quickly, whatever it says (the bench's own context may report a component down).
                if (r.statusCode() > 0 && System.nanoTime() - t0 < 1_000_000_000L) {
                    return;
                }
            } catch (java.net.http.HttpTimeoutException e) {
                // Still busy: ask again.
            }
            Thread.sleep(1000);
        }
    }

    /** The wrk version line, for the report. */
    static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return v.lines()
                    .findFirst()
                    .orElse("wrk")
                    .replaceAll("Copyright.*", "")
                    .trim();
        } catch (IOException e) {
            return "wrk (version unknown)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrk (version unknown)";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static List<String> paths(String prefix, List<String> values) {
        List<String> p = new ArrayList<>();
        for (String v : values) {
            p.add(prefix + URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return p;
    }
}
