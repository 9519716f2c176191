/**
 * Benchmarks run as a command of the application ({@code java -jar congdoan.jar bench org-tree}, {@code bench
 * members}): a generated national tree (and member world), the facades measured side by side with the hand-written
 * SQL on the same data (QUALITY.md §5), the figures written to {@code docs/BENCHMARKS.md}. Nothing here runs in a
 * normal start.
 */
@NullMarked
@ApplicationModule(
        displayName = "Benchmarks",
        allowedDependencies = {"organisation", "membership", "reporting", "shared", "platform"})
package vn.congdoan.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
