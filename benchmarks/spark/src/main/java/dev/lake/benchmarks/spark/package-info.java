/**
 * Lake against Spark in local mode: {@link dev.lake.benchmarks.spark.SparkBenchmarks}.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks/spark exec:exec -Dbench.args="all --runs 5"
 * }</pre>
 */
package dev.lake.benchmarks.spark;
