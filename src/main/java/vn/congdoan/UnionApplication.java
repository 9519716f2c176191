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
 * one-time administrator command and {@code bench …} the benchmarks without a web server; anything else is the
 * production server.
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
        if (!in.isEmpty() && in.get(0).equals("bench")) {
            return bench(in, app);
        }
        for (String a : in) {
            out.add(a.equals("--demo") ? "--congdoan.demo=true" : a);
        }
        return out.toArray(String[]::new);
    }

    /**
     * {@code bench SUITE [--name value | --name=value | --flag] …}: options become {@code congdoan.bench.*};
     * {@code --embedded} or {@code --demo} ask for a throw-away embedded database; {@code --spring.*} pass through.
     */
    private static String[] bench(List<String> in, SpringApplication app) {
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> out = new ArrayList<>();
        out.add("--congdoan.command=bench");
        int i = 1;
        if (in.size() > 1 && !in.get(1).startsWith("--")) {
            out.add("--congdoan.bench.suite=" + in.get(1));
            i = 2;
        }
        if (in.stream().anyMatch(a -> a.equals("--world") || a.startsWith("--world="))) {
            // bench --world national|province: one run over every figure, pages included, so with the web server on
            // a free port; the import's files carry demo CCCDs (prefix 099), accepted in the bench's own database.
            app.setWebApplicationType(WebApplicationType.SERVLET);
            out.add("--congdoan.bench.suite=world");
            out.add("--server.port=0");
            out.add("--congdoan.members.accept-demo-cccd=true");
        }
        for (; i < in.size(); i++) {
            String a = in.get(i);
            if (!a.startsWith("--")) {
                continue;
            }
            if (a.equals("--embedded") || a.equals("--demo")) {
                out.add("--congdoan.bench.embedded=true");
            } else if (a.startsWith("--spring.")) {
                out.add(a);
            } else if (a.contains("=")) {
                out.add("--congdoan.bench." + a.substring(2));
            } else if (i + 1 < in.size() && !in.get(i + 1).startsWith("--")) {
                out.add("--congdoan.bench." + a.substring(2) + "=" + in.get(++i));
            } else {
                out.add("--congdoan.bench." + a.substring(2) + "=true");
            }
        }
        return out.toArray(String[]::new);
    }
}
