/**
 * Side-by-side benchmarks run by {@link dev.lake.benchmarks.BenchmarkSuite} through one harness
 * ({@link dev.lake.benchmarks.harness.Harness}): interleaved runs after a warm-up, medians and ratios printed, raw
 * figures in {@code target/results/*.csv}.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--quick"
 * }</pre>
 */
package dev.lake.benchmarks;
