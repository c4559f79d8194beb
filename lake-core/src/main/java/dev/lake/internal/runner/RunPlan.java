package dev.lake.internal.runner;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.SourceException;
import dev.lake.internal.lake.Json;
import dev.lake.io.BadRow;
import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline, planned on the driver: its id, its splits, its commit key (hence its file names), its cursors
 * and its rejected zone. Every runner uses it the same way: workers read splits ({@link #runPartition} on a Spark
 * executor, or the local runner's threads), then {@link #commit} runs once with what they all wrote: each sink, then
 * the rejected zone, then the cursors, then the run report. Serializable without its splits, so it can be broadcast.
 *
 * <pre>{@code
 * RunPlan plan = RunPlan.of(pipeline);
 * RunOutcome part = plan.runPartition(0, plan.splits());
 * PipelineResult result = plan.commit(part);
 * }</pre>
 */
public final class RunPlan implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RunPlan.class);
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Pipeline<?> pipeline;
  private final String runId;
  private final Instant startedAt;
  private final HashMap<String, String> cursors;
  private final String commitKey;
  private final LakeSink<GenericRecord> rejectedSink;
  private final transient List<Source<Object>> splits;

  private RunPlan(Pipeline<?> pipeline, String runId, Instant startedAt, Map<String, String> cursors,
      List<Source<Object>> splits) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.startedAt = startedAt;
    this.cursors = new HashMap<>(cursors);
    this.splits = List.copyOf(splits);
    this.commitKey = commitKey(pipeline, splits);
    this.rejectedSink = rejectedSink(pipeline);
  }

  /** Plans a run: reads the committed cursors and lists the source's splits (the only I/O). */
  @SuppressWarnings("unchecked")
  public static RunPlan of(Pipeline<?> pipeline) {
    Instant started = Instant.now();
    String runId = RUN_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Lake lake = pipeline.lake();
    Map<String, String> cursors = lake == null ? Map.of() : lake.cursors(pipeline.name());
    Source<Object> source = (Source<Object>) pipeline.source();
    try {
      List<Source<Object>> splits = (List<Source<Object>>) source.split(new PlanningContext(cursors));
      return new RunPlan(pipeline, runId, started, cursors, splits);
    } catch (IOException e) {
      throw new SourceException(source.name(), "Cannot list the input of " + source.id() + ": " + e.getMessage(), e);
    }
  }

  public Pipeline<?> pipeline() {
    return pipeline;
  }

  public String runId() {
    return runId;
  }

  public String commitKey() {
    return commitKey;
  }

  /** The splits, in the source's order; empty on a copy that was serialized. */
  public List<Source<Object>> splits() {
    return splits == null ? List.of() : splits;
  }

  /** The state the workers of one process share; {@code progress} shows how far they are. */
  RunState newState(Progress progress) {
    return new RunState(pipeline, runId, commitKey, startedAt, rejectedSink, cursors, progress);
  }

  /**
   * Reads {@code partSplits} in order with one worker whose writers have index {@code writerIndex}, finishes its
   * writers (nothing visible yet) and returns what it wrote. The same index and splits give the same file names, so a
   * retried or speculative Spark task rewrites the files of its earlier attempt. On failure the writers are abandoned,
   * not cleaned: another attempt may be writing the same names (the commit removes what it does not publish).
   */
  public RunOutcome runPartition(int writerIndex, List<Source<Object>> partSplits) {
    try (Progress progress = Progress.logOnly(pipeline.name() + " writer " + writerIndex, partSplits.size())) {
      RunState run = newState(progress);
      Worker worker = null;
      try {
        worker = new Worker(run, writerIndex);
        worker.runSplits(new ArrayDeque<>(partSplits));
        List<WriterResult> results = worker.commit();
        worker.close();
        return new RunOutcome(aggregates() ? List.of() : List.of(results),
            run.rejectedResults(), worker.counters(), run.badRows.count(), run.badRows.kept(),
            new TreeMap<>(run.proposedCursors), run.stoppedAtDeadline(), partSplits.size(), worker.partials());
      } catch (IOException e) {
        abandon(worker);
        throw new LakeException("Run " + runId + " of " + pipeline.name() + " failed in writer " + writerIndex + ": "
            + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        abandon(worker);
        throw e;
      }
    }
  }

  /** True when the pipeline has an aggregate step: its workers hand over accumulators ({@link #finishAggregate}). */
  public boolean aggregates() {
    return Worker.aggregateAt(pipeline.steps()) < pipeline.steps().size();
  }

  /**
   * For a pipeline that aggregates, once every worker has finished: merges their partial accumulators, runs the
   * results through the steps after the aggregate into the sinks with one more writer ({@code writerIndex}, after
   * every worker's), and returns {@code workers} with that writer's part added, ready for {@link #commit}. A pipeline
   * that does not aggregate gets {@code workers} back. On failure the tail's writers are closed unpublished and the
   * workers' output aborted; nothing is committed.
   */
  public RunOutcome finishAggregate(RunOutcome workers, int writerIndex) {
    if (!aggregates()) {
      return workers;
    }
    try (Progress progress = Progress.logOnly(pipeline.name() + " aggregate", 0)) {
      RunState run = newState(progress);
      Worker tail = null;
      try {
        tail = Worker.tail(run, writerIndex);
        tail.runAggregate(workers.partials());
        List<WriterResult> results = tail.commit();
        tail.close();
        RunOutcome last = new RunOutcome(List.of(results), run.rejectedResults(), tail.counters(),
            run.badRows.count(), run.badRows.kept(), Map.of(), false, 0);
        RunOutcome done = RunOutcome.merge(List.of(workers, last), pipeline.steps().size(), pipeline.sinks().size());
        return new RunOutcome(done.sinkResults(), done.rejectedResults(), done.counters(), done.badRowCount(),
            done.badRows(), done.proposedCursors(), done.stoppedAtDeadline(), done.splits());
      } catch (IOException e) {
        closeAndAbort(tail, workers);
        throw new LakeException("Run " + runId + " of " + pipeline.name() + " failed writing the aggregate's "
            + "results: " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        closeAndAbort(tail, workers);
        throw e;
      }
    }
  }

  private void closeAndAbort(Worker tail, RunOutcome workers) {
    if (tail != null) {
      tail.close();
    }
    abort(workers);
  }

  private static void abandon(Worker worker) {
    if (worker != null) {
      worker.abandon();
    }
  }

  /**
   * Makes the run visible, once: each sink commits with every writer's results, then the rejected zone, then the
   * cursors are saved, then the run report is written. Applies the bad-row policy to the whole run's count first.
   */
  public PipelineResult commit(RunOutcome outcome) {
    try {
      BadRows.checkTotal(pipeline.badRowPolicy(), outcome.badRowCount(), outcome.badRows());
    } catch (RuntimeException e) {
      abort(outcome);
      throw e;
    }
    Lake lake = pipeline.lake();
    CommitContext ctx = new CommitContext(pipeline.name(), commitKey, runId, startedAt);
    List<CommitSummary> commits = new ArrayList<>();
    try {
      for (int s = 0; s < pipeline.sinks().size(); s++) {
        commits.add(pipeline.sinks().get(s).commit(forSink(outcome, s), ctx));
      }
      if (rejectedSink != null && outcome.rejectedResults().stream().anyMatch(r -> r.rows() > 0)) {
        rejectedSink.commit(outcome.rejectedResults(), ctx);
      }
      Map<String, String> after = new TreeMap<>(cursors);
      after.putAll(outcome.proposedCursors());
      if (lake != null && !outcome.proposedCursors().isEmpty()) {
        lake.state().save(pipeline.name(), after);
      }
      PipelineResult result = report(outcome, commits, after);
      if (lake != null) {
        writeReport(lake, result);
      }
      LOG.info(result.summary());
      return result;
    } catch (IOException e) {
      throw new LakeException("Commit of run " + runId + " of " + pipeline.name() + " failed: " + e.getMessage()
          + ". Run again: commits are idempotent.", e);
    }
  }

  /** Removes what the writers produced when the run will not commit (best effort). */
  public void abort(RunOutcome outcome) {
    for (int s = 0; s < pipeline.sinks().size(); s++) {
      try {
        pipeline.sinks().get(s).abort(forSink(outcome, s));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not clean up after failed run {}: {}", runId, e.toString());
      }
    }
  }

  private static List<WriterResult> forSink(RunOutcome outcome, int sink) {
    List<WriterResult> forSink = new ArrayList<>();
    for (List<WriterResult> perWriter : outcome.sinkResults()) {
      forSink.add(perWriter.get(sink));
    }
    return forSink;
  }

  private PipelineResult report(RunOutcome outcome, List<CommitSummary> commits, Map<String, String> after) {
    Counters total = outcome.counters();
    List<PipelineResult.StepReport> steps = new ArrayList<>();
    for (int i = 0; i < pipeline.steps().size(); i++) {
      steps.add(new PipelineResult.StepReport(pipeline.steps().get(i).name(), total.stepIn[i], total.stepOut[i],
          total.stepRejected[i], total.stepBatched[i]));
    }
    List<PipelineResult.SinkReport> sinks = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      CommitSummary c = commits.get(i);
      sinks.add(new PipelineResult.SinkReport(c.sink(), total.sinkIn[i], c.rows(), total.sinkRejected[i],
          c.files().size(), c.bytes(), c.version(), c.unchanged()));
    }
    return new PipelineResult(pipeline.name(), runId, commitKey, startedAt, Duration.between(startedAt, Instant.now()),
        outcome.splits(), total.rowsRead, total.sourceRejected, steps, sinks, outcome.badRows(),
        rejectedSink == null ? null : rejectedSink.dataset(), Map.copyOf(cursors), after,
        outcome.stoppedAtDeadline());
  }

  private void writeReport(Lake lake, PipelineResult result) {
    try {
      lake.store().write(lake.uri("_lake/runs/" + pipeline.name() + "/" + result.runId() + ".json"),
          Json.write(result));
    } catch (IOException e) {
      LOG.warn("Run {} committed but its report could not be written: {}", result.runId(), e.toString());
    }
  }

  private static LakeSink<GenericRecord> rejectedSink(Pipeline<?> pipeline) {
    Lake lake = pipeline.lake();
    if (lake == null || pipeline.badRowPolicy().mode() != BadRowPolicy.Mode.REJECTED_ZONE) {
      return null;
    }
    String name = pipeline.name();
    for (Sink<Object> s : pipeline.sinks()) {
      if (s instanceof LakeSink<?> ls) {
        String d = ls.dataset();
        name = d.substring(d.lastIndexOf('/') + 1);
        break;
      }
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    LakeSink<GenericRecord> sink = (LakeSink) lake.rejected(name).withSchema(RunState.REJECTED_SCHEMA);
    return sink;
  }

  /** A stable hash of the pipeline's name, its sinks and its input splits: same input, same file names. */
  static String commitKey(Pipeline<?> pipeline, List<Source<Object>> splits) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pipeline.name().getBytes(StandardCharsets.UTF_8));
      pipeline.sinks().forEach(s -> sha.update(("\n>" + s.name()).getBytes(StandardCharsets.UTF_8)));
      splits.stream().map(Source::id).sorted()
          .forEach(id -> sha.update(("\n<" + id).getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The context sources see while splitting: cursors readable, nothing to reject yet. */
  private record PlanningContext(Map<String, String> cursors) implements SourceContext {
    @Override
    public void reject(BadRow row) {
      throw new LakeException("A source rejected a row while listing its input: " + row);
    }

    @Override
    public Optional<String> cursor(String key) {
      return Optional.ofNullable(cursors.get(key));
    }

    @Override
    public void proposeCursor(String key, String value) {
      throw new LakeException("Sources propose cursors while reading, not while listing: " + key);
    }
  }
}
