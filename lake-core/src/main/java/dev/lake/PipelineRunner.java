package dev.lake;

import dev.lake.internal.runner.LocalRunner;

/**
 * Executes a {@link Pipeline} description: where the splits are read and written. {@link #local()} runs in this JVM
 * (what {@link Pipeline#run()} does); lake-spark's {@code SparkRunner} runs the same pipeline on a Spark cluster.
 * Every runner commits the same way (each sink once, then the rejected zone, then cursors, then the run report), so
 * the output of a pipeline does not depend on where it ran. A runner of your own is built on the runner SPI,
 * {@link dev.lake.runner.RunnerPlan} (plan, tasks, one commit).
 *
 * <pre>{@code
 * // given: SparkSession spark
 * PipelineResult here = pipeline.run(PipelineRunner.local());
 * PipelineResult onSpark = pipeline.run(SparkRunner.of(spark));
 * }</pre>
 */
@FunctionalInterface
public interface PipelineRunner {

  /** Runs {@code pipeline} (already validated) and commits; throws as {@link Pipeline#run()} does. */
  PipelineResult run(Pipeline<?> pipeline);

  /** The runner of {@link Pipeline#run()}: a pool of threads in this JVM. */
  static PipelineRunner local() {
    return pipeline -> RunResults.toPublic(new LocalRunner(RunSpecs.of(pipeline)).run());
  }
}
