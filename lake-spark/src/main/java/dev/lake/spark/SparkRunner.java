package dev.lake.spark;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.PipelineRunner;
import dev.lake.exceptions.BadRowException;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.Source;
import dev.lake.runner.RunnerPlan;
import dev.lake.runner.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Lake {@link Pipeline} on Apache Spark, unchanged. The driver lists the source's splits (one per file, or
 * per byte range of a large uncompressed file) and deals them, in order, into Spark partitions; each task reads its
 * splits through the pipeline's steps into its own sink writers, whose writer index is the partition's id, so a
 * retried or speculative attempt writes file names of its own (its task attempt id); the driver collects what every
 * task staged and commits
 * once, exactly as {@link Pipeline#run()} does (each sink, then the rejected zone, then cursors, then the run
 * report). Only files named in the collected results are published; an attempt's leftovers are deleted by the commit.
 * Built on Lake's public runner SPI ({@link dev.lake.runner.RunnerPlan}: plan, task, commit), as any runner can be.
 *
 * <ul>
 *   <li>A source that does not split (a REST API, one gzip file) runs the whole pipeline on the driver, as
 *       {@code pipeline.run()} would: there is nothing to spread.
 *   <li>A pipeline with a stateful step ({@code deduplicate}) runs in one Spark task, so that one set of keys sees
 *       every row.
 *   <li>Lookup tables ({@code lookupJoin}) travel inside the pipeline, which is broadcast once per executor.
 *   <li>An {@code aggregate}, or any step that merges across workers ({@code MergingStep}): each task returns its
 *       partial; the driver merges those of the successful attempts (one per partition: a retried or speculative
 *       attempt never counts twice), runs the steps after it and the sinks itself, with one more writer, and commits
 *       once.
 *   <li>Bad rows follow the pipeline's policy: {@code failFast} fails the job at the first bad row; with a limit,
 *       every task counts its own and the driver checks the total before committing; the rejected zone commits once.
 * </ul>
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("online-retail").getOrCreate();
 * PipelineResult result = pipeline.run(SparkRunner.of(spark));   // the same files and report as pipeline.run()
 * System.out.println(result.summary());
 * }</pre>
 */
public final class SparkRunner implements PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SparkRunner.class);

  private final SparkSession spark;
  private final int partitions;

  private SparkRunner(SparkSession spark, int partitions) {
    this.spark = spark;
    this.partitions = partitions;
  }

  /** A runner on {@code spark}'s cluster; the session stays the caller's (never stopped here). */
  public static SparkRunner of(SparkSession spark) {
    Objects.requireNonNull(spark, "spark");
    return new SparkRunner(spark, 0);
  }

  /**
   * How many Spark tasks read the splits (each writes its own files). By default the pipeline's
   * {@code withParallelism}, else Spark's default parallelism; never more than there are splits.
   */
  public SparkRunner withPartitions(int tasks) {
    ValidationException.check(tasks >= 1, "withPartitions(%s): give at least 1 task", tasks);
    return new SparkRunner(spark, tasks);
  }

  @Override
  public PipelineResult run(Pipeline<?> pipeline) {
    return RunnerPlan.inRounds(pipeline, plan -> runRound(pipeline, plan));
  }

  private PipelineResult runRound(Pipeline<?> pipeline, RunnerPlan plan) {
    List<Source<Object>> splits = plan.splits();
    if (splits.size() <= 1) {
      LOG.info("{}: {} split to read; running on the driver", pipeline.name(), splits.size());
      return plan.runLocally();
    }
    boolean stateful = pipeline.steps().stream().anyMatch(s -> s.stateful());
    int tasks = stateful ? 1 : Math.min(splits.size(), tasks(pipeline));
    LOG.info("{}: {} splits in {} Spark tasks{}, run {}", pipeline.name(), splits.size(), tasks,
        stateful ? " (a stateful step sees every row in one task)" : "", plan.attemptId());

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> shared = jsc.broadcast(JavaBytes.of(plan));
    List<byte[]> parts = new ArrayList<>();
    for (List<Source<Object>> group : SplitGroups.contiguous(splits, tasks)) {
      parts.add(JavaBytes.of(new ArrayList<>(group)));
    }
    List<byte[]> outcomes;
    try {
      jsc.setJobDescription("lake " + pipeline.name() + " run " + plan.runId());
      outcomes = jsc.parallelize(parts, parts.size()).mapPartitionsWithIndex(new PartitionTask(shared), false)
          .collect();
    } catch (Exception e) { // SparkException is a checked exception that Scala throws undeclared
      plan.discardAll(); // the job is over: what its successful tasks staged will never be collected
      throw failure(pipeline, plan, e);
    } finally {
      jsc.setJobDescription(null);
      shared.destroy();
    }
    List<TaskOutcome> collected = new ArrayList<>();
    BadRowException badRows = null;
    for (byte[] bytes : outcomes) {
      Object outcome = JavaBytes.read(bytes, Object.class);
      if (outcome instanceof BadRowException e) {
        badRows = badRows == null ? e : badRows;
      } else {
        collected.add((TaskOutcome) outcome);
      }
    }
    if (badRows != null) {
      plan.abort(collected);
      throw badRows;
    }
    // A step that merges across workers (an aggregate): every task returned its partial; the commit merges them here,
    // on the driver, and writes the results with one more writer numbered after every task's (as the local runner
    // numbers it). Failed and speculative attempts' staged files are discarded once the commit is published.
    return plan.commit(collected);
  }

  private int tasks(Pipeline<?> pipeline) {
    if (partitions > 0) {
      return partitions;
    }
    return pipeline.parallelism() > 0 ? pipeline.parallelism() : spark.sparkContext().defaultParallelism();
  }

  /** The Lake exception a task failed with (bad row, source, sink), else the Spark failure wrapped. */
  private static RuntimeException failure(Pipeline<?> pipeline, RunnerPlan plan, Exception e) {
    LOG.warn("Run {} of {} failed on Spark; nothing was committed", plan.runId(), pipeline.name());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LakeException lake) {
        return lake.nothingCommitted();
      }
    }
    return new LakeException("Run " + plan.runId() + " of " + pipeline.name() + " failed on Spark; nothing was "
        + "committed: " + e.getMessage(), e);
  }
}
