package vn.congdoan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The union system. {@code --demo} starts embedded PostgreSQL with demo data; {@code admin create …} runs the
 * one-time administrator command without a web server; anything else is the production server.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(systemName = "congdoan", sharedModules = "shared")
public class UnionApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(UnionApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.main.banner-mode", "off"));
        app.run(translate(args, app));
    }

    /** Turns the short command words into properties, so configuration classes can key on them. */
    static String[] translate(String[] args, SpringApplication app) {
        List<String> out = new ArrayList<>();
        List<String> in = Arrays.asList(args);
        if (in.size() >= 2 && in.get(0).equals("admin") && in.get(1).equals("create")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            out.add("--congdoan.command=admin-create");
            List<String> rest = in.subList(2, in.size());
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                if (!a.startsWith("--")) {
                    continue;
                }
                if (a.contains("=")) {
                    out.add("--congdoan.admin." + a.substring(2));
                } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                    out.add("--congdoan.admin." + a.substring(2) + "=" + rest.get(++i));
                }
            }
            return out.toArray(String[]::new);
        }
        for (String a : in) {
            out.add(a.equals("--demo") ? "--congdoan.demo=true" : a);
        }
        return out.toArray(String[]::new);
    }
}
