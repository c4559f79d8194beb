package dev.lake.benchmarks.harness;

import java.nio.file.Path;

/**
 * One contender's run: does the work in {@code dir} (a fresh, empty directory deleted after the run) and reports
 * what it produced. Timed by the harness from call to return unless it uses the {@link Clock}.
 *
 * <pre>{@code
 * Trial lake = (clock, dir) -> Outcome.rows(OnlineRetail.pipeline(data, Lake.at(dir.toString())).run().rowsWritten());
 * }</pre>
 */
@FunctionalInterface
public interface Trial {
  Outcome run(Clock clock, Path dir) throws Exception;
}
