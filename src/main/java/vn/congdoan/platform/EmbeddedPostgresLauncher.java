package vn.congdoan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the real PostgreSQL binaries shipped in the jar, with the Vietnamese ICU collation as the default, and
 * recovers from what a killed JVM leaves behind.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final String MARKER = ".congdoan-initialised";

    private EmbeddedPostgresLauncher() {}

    /** A throw-away cluster in a fresh temporary directory (tests). */
    public static EmbeddedPostgres startTemporary(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path data = Files.createTempDirectory(workDir, "pg-");
            return builder(workDir.resolve("pg-bin"), data)
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * A persistent cluster under {@code baseDir/pg}: created on first start, reused afterwards. A postmaster left
     * running by a killed JVM is stopped first; a first start that never finished is moved aside.
     */
    public static EmbeddedPostgres startPersistent(Path baseDir) {
        Path data = baseDir.resolve("pg");
        try {
            Files.createDirectories(baseDir);
            if (Files.isDirectory(data) && !Files.exists(data.resolve(MARKER))) {
                moveAside(data);
            }
            stopOrphanedPostmaster(data);
            EmbeddedPostgres pg = builder(baseDir.resolve("pg-bin"), data)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            baseDir.resolve("postgresql.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            baseDir.resolve("postgresql.log").toFile()))
                    .start();
            Files.writeString(data.resolve(MARKER), "ok\n", StandardCharsets.UTF_8);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start embedded PostgreSQL in " + data.toAbsolutePath()
                            + " (is another congdoan instance running on it?)",
                    e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path binaries, Path data) throws IOException {
        Files.createDirectories(binaries);
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The user's LANG may not exist on the machine: pin a locale that always does, and sort Vietnamese.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("locale-provider", "icu")
                .setLocaleConfig("icu-locale", "vi")
                // zonky turns durability off for speed; demo data must survive a crash.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC");
    }

    private static void moveAside(Path data) throws IOException {
        Path aside = data.resolveSibling("pg-incomplete-" + System.currentTimeMillis());
        log.warn("Embedded PostgreSQL data directory {} was never fully initialised; moving it to {}", data, aside);
        Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
    }

    /** After {@code kill -9} of the JVM, pg_ctl's daemonised postmaster keeps running and holds the data dir. */
    static void stopOrphanedPostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .map(String::strip)
                .filter(s -> s.matches("\\d+"))
                .map(Long::valueOf);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // Dead postmaster: PostgreSQL removes the stale file itself and recovers from its WAL.
            return;
        }
        if (!isPostgresOn(process.get(), data)) {
            log.warn("postmaster.pid names process {} which is not our PostgreSQL; removing the stale file", pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running by a previous start", pid.get());
        new ProcessBuilder("kill", "-INT", String.valueOf(pid.get()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (Files.exists(pidFile)) {
            process.get().destroyForcibly();
        }
    }

    private static boolean isPostgresOn(ProcessHandle process, Path data) {
        File cmdline = new File("/proc/" + process.pid() + "/cmdline");
        try {
            String cmd =
                    Files.readString(cmdline.toPath(), StandardCharsets.UTF_8).replace('\0', ' ');
            return cmd.contains("postgres")
                    && cmd.contains(data.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
        }
    }
}
