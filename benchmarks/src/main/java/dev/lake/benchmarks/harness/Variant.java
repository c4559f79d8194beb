package dev.lake.benchmarks.harness;

import java.util.Objects;

/**
 * A named contender in a {@link Comparison}.
 *
 * <pre>{@code
 * new Variant("duckdb", (clock, dir) -> Outcome.rows(duck.copy(dir)));
 * }</pre>
 */
public record Variant(String name, Trial trial) {
  public Variant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trial, "trial");
  }
}
