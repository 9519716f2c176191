package vn.congdoan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside Maven (a browser, PostgreSQL client tools) skip with a visible notice where it is
 * missing — unless their environment variable says {@code required} (as {@code .ci/run} does), where they fail.
 */
final class Prerequisite {

    private Prerequisite() {}

    /** Aborts the calling test with {@code notice}, or fails it when {@code variable} is {@code required}. */
    static void missing(String variable, String notice) {
        assertThat("required".equals(System.getenv(variable)))
                .as(notice + " — but " + variable + "=required")
                .isFalse();
        System.err.println("NOTICE: " + notice);
        Assumptions.abort(notice);
    }
}
