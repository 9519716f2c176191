package vn.congdoan.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.congdoan.demo.DemoWorld;

/**
 * Demo mode: loads the world on the first start, then prints where to open the app and how to log in. The password
 * is {@code CONGDOAN_DEMO_PASSWORD} when set, otherwise random, printed once and kept in {@code data/} (owner-only).
 */
@Component
@ConditionalOnProperty(name = "congdoan.demo", havingValue = "true")
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final DemoWorld world;
    private final Environment environment;
    private final String configuredPassword;
    private final Path dataDir;

    DemoStartup(
            DemoWorld world,
            Environment environment,
            @Value("${congdoan.demo.password:}") String configuredPassword,
            @Value("${congdoan.demo.data-dir:data}") String dataDir) {
        this.world = world;
        this.environment = environment;
        this.configuredPassword = configuredPassword;
        this.dataDir = Path.of(dataDir);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() throws IOException {
        boolean fresh = !configuredPassword.isBlank() || !Files.exists(passwordFile());
        String password = configuredPassword.isBlank() ? randomPassword() : configuredPassword;
        boolean loaded = world.load(password);
        if (loaded && configuredPassword.isBlank()) {
            Files.createDirectories(dataDir);
            Files.writeString(passwordFile(), password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(passwordFile(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the file keeps its default permissions.
            }
        }
        String port = environment.getProperty("local.server.port", "8080");
        StringBuilder out = new StringBuilder();
        out.append("\n==================================================================\n");
        out.append(" congdoan (DEMO) — http://localhost:").append(port).append("/\n");
        out.append(" Accounts / Tài khoản: ")
                .append(String.join(", ", DemoWorld.USERNAMES))
                .append('\n');
        if (loaded && configuredPassword.isBlank()) {
            out.append(" Password / Mật khẩu (printed once / chỉ in một lần): ")
                    .append(password)
                    .append('\n');
        } else if (!configuredPassword.isBlank()) {
            out.append(" Password / Mật khẩu: CONGDOAN_DEMO_PASSWORD (as set when the data was first loaded)\n");
        } else {
            out.append(" Password / Mật khẩu: see / xem ")
                    .append(passwordFile().toAbsolutePath())
                    .append('\n');
        }
        out.append("==================================================================\n");
        // Printed to the console on purpose: this is the one place a demo password may appear, never in a log file.
        System.out.println(out);
        if (!fresh) {
            log.debug("Demo data already present; nothing loaded");
        }
    }

    private Path passwordFile() {
        return dataDir.resolve("demo-password.txt");
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) {
                sb.append('-');
            } else {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
