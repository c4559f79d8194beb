package dev.lake.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Contenders measured side by side: each warms up {@code warmups} times, then they run interleaved
 * (A B A B …) {@code runs} times. The first variant is Lake, the reference of every ratio.
 *
 * <pre>{@code
 * Comparison c = Comparison.of("csv-parquet", "Online Retail CSV -> Parquet")
 *     .variant("lake", lakeTrial).variant("duckdb", duckTrial)
 *     .warmups(1).runs(5);
 * harness.compare(c);
 * }</pre>
 */
public final class Comparison {
  private final String name;
  private final String description;
  private final List<Variant> variants = new ArrayList<>();
  private int warmups = 1;
  private int runs = 3;

  private Comparison(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** A comparison named {@code name} (the CSV's {@code benchmark} column). */
  public static Comparison of(String name, String description) {
    return new Comparison(name, description);
  }

  /** Adds a contender; the first one added is the reference (Lake). */
  public Comparison variant(String variantName, Trial trial) {
    variants.add(new Variant(variantName, trial));
    return this;
  }

  /** Untimed-for-the-summary runs of each variant before the measured ones (still written to the CSV as run 0). */
  public Comparison warmups(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("warmups must be >= 0 but was " + n);
    }
    this.warmups = n;
    return this;
  }

  /** Measured runs of each variant. */
  public Comparison runs(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("runs must be >= 1 but was " + n);
    }
    this.runs = n;
    return this;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<Variant> variants() {
    return List.copyOf(variants);
  }

  public int warmups() {
    return warmups;
  }

  public int runs() {
    return runs;
  }
}
