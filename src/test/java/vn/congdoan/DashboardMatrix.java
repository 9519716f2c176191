package vn.congdoan;

import java.util.Map;
import java.util.Set;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The dashboards in the authorization matrix: targets are units ({@link Target#UNIT}); a unit in the actor's
 * {@code report.read} subtree answers 200, any other unit 404 (also for an actor without {@code report.read}). The
 * untargeted form ({@code /dashboard} without a unit: 403 without {@code report.read}) is checked in {@code
 * DashboardIT}, since the matrix has one entry per handler.
 */
final class DashboardMatrix {

    private static final String READ = "report.read";

    private DashboardMatrix() {}

    static void add(Map<String, Spec> specs) {
        specs.put("GET /dashboard", new Spec(READ, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/dashboard?unit=" + c.target() + "&date=30/06/2025")));
        specs.put("GET /dashboard.xlsx", new Spec(READ, Target.UNIT, true, Set.of(200), c -> c.user()
                .get("/dashboard.xlsx?unit=" + c.target())));
        specs.put("GET /api/v1/dashboard", new Spec(READ, Target.UNIT, false, Set.of(200), c -> c.user()
                .get("/api/v1/dashboard?unit=" + c.target())));
    }
}
