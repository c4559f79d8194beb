/**
 * The one harness every benchmark uses: {@link dev.lake.benchmarks.harness.Comparison}s of
 * {@link dev.lake.benchmarks.harness.Variant}s run interleaved by the {@link dev.lake.benchmarks.harness.Harness},
 * raw figures appended to a {@link dev.lake.benchmarks.harness.ResultsCsv}.
 *
 * <pre>{@code
 * harness.compare(Comparison.of("csv-parquet", "…").variant("lake", lake).variant("duckdb", duck).runs(5));
 * }</pre>
 */
package dev.lake.benchmarks.harness;
