package dev.lake.benchmarks.harness;

/**
 * One entry of the suite: opens what it needs (servers, inputs), runs one or more {@link Comparison}s through the
 * {@link Harness}, and closes what it opened.
 *
 * <pre>{@code
 * Benchmark b = new Benchmark() {
 *   public String name() { return "csv-parquet"; }
 *   public void run(Harness h, Settings s) throws Exception { h.compare(comparison(s)); }
 * };
 * }</pre>
 */
public interface Benchmark {
  /** The name {@code --only} selects it by. */
  String name();

  void run(Harness harness, Settings settings) throws Exception;
}
