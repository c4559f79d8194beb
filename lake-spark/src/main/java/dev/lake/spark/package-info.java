/**
 * Runs Lake pipelines on Apache Spark (EMR, Glue): {@link dev.lake.spark.SparkRunner}.
 *
 * <pre>{@code
 * PipelineResult result = pipeline.run(SparkRunner.of(spark));
 * }</pre>
 */
package dev.lake.spark;
