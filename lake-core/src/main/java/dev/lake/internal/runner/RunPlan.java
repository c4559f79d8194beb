package dev.lake.internal.runner;

import dev.lake.exceptions.LakeException;
import dev.lake.internal.lake.LakeDataset;
import dev.lake.internal.lake.LakePublications;
import dev.lake.internal.lake.RunResult;
import dev.lake.io.Sink;
import dev.lake.io.Source;
import dev.lake.io.WriterResult;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * One run of a pipeline, in the three steps every runner shares (the local runner's threads, Spark tasks, the
 * tail of a pipeline that merges across workers): <b>plan</b> ({@link #of}, on the driver: publish a crashed commit of the pipeline, read its
 * cursors, list the source's splits and drop those already committed), <b>task</b> ({@link #runTask}: read splits
 * through the steps into sink writers that stage their files under names unique to the attempt), and <b>commit</b>
 * ({@link #commit}, once, on the driver: the only step that makes anything visible; see {@link RunCommit}).
 * Serializable without its splits, so Spark can broadcast it.
 *
 * <pre>{@code
 * RunPlan plan = RunPlan.of(spec);   // spec: the pipeline's RunSpec, from dev.lake's RunSpecs
 * RunOutcome part = plan.runTask(0, plan.attemptId(), new ArrayDeque<>(plan.splits()));
 * RunResult result = plan.commit(part);
 * }</pre>
 */
public final class RunPlan implements Serializable {
  private static final long serialVersionUID = 3L;
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  final RunSpec pipeline;
  final String runId;
  final int round;
  final Instant startedAt;
  final HashMap<String, String> cursors;
  final long baseVersion;
  /** For splits some sinks already hold (not all): the indexes of those sinks. */
  private final HashMap<String, HashSet<Integer>> heldBy;
  final int splitsSkipped;
  final ArrayList<String> skippedBy;
  /** What the source warned about while listing its splits, for the run report. */
  final WarningCounts planWarnings;
  final Sink<GenericRecord> rejectedSink;
  final LakeDataset rejectedDataset;
  /** A stable hash of the pipeline, its sinks and the splits it reads: the same input gives the same key. */
  final String inputKey;
  private final transient List<Source<Object>> splits;
  /** Each split's place in the run's input (the source's order), for sinks that let a later row win. */
  private final HashMap<String, Integer> order = new HashMap<>();

  private RunPlan(RunSpec pipeline, String runId, int round, Instant startedAt, Planned planned) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.round = round;
    this.startedAt = startedAt;
    this.cursors = new HashMap<>(planned.cursors);
    this.baseVersion = planned.baseVersion;
    this.heldBy = planned.heldBy;
    this.splitsSkipped = planned.skipped;
    this.skippedBy = new ArrayList<>(planned.skippedBy);
    this.planWarnings = planned.warnings;
    this.rejectedSink = pipeline.rejectedSink();
    this.rejectedDataset = pipeline.rejectedDataset();
    this.splits = List.copyOf(planned.splits);
    for (Source<Object> split : this.splits) {
      order.putIfAbsent(split.id(), order.size());
    }
    this.inputKey = Planner.inputKey(pipeline, this.splits);
  }


  /** Plans a new run: see {@link Planner}. */
  public static RunPlan of(RunSpec pipeline) {
    Instant started = Instant.now();
    String runId = RUN_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    return of(pipeline, runId, started, 1);
  }

  private static RunPlan of(RunSpec pipeline, String runId, Instant startedAt, int round) {
    return new RunPlan(pipeline, runId, round, startedAt, new Planner(pipeline).plan());
  }

  /**
   * The same run planned again after its commit lost to a concurrent run that committed some of its splits: what
   * that run committed is skipped now, the rest is read again under a new attempt id.
   */
  public RunPlan nextRound() {
    return of(pipeline, runId, startedAt, round + 1);
  }

  /**
   * Runs {@code round} on a new plan of {@code pipeline}, and again on the next round's plan each time a concurrent
   * run commits some of the same splits first ({@link CommitLost}), up to {@value #ROUNDS} rounds.
   */
  public static <R> R inRounds(RunSpec pipeline, java.util.function.Function<RunPlan, R> round) {
    RunPlan plan = of(pipeline);
    while (true) {
      try {
        return round.apply(plan);
      } catch (CommitLost lost) {
        if (plan.round >= ROUNDS) {
          throw new LakeException("Run " + plan.runId + " of " + pipeline.name() + " lost " + ROUNDS + " times to "
              + "concurrent runs committing the same input (" + lost.getMessage() + "); nothing of it was "
              + "committed. Run it again when they are done.", lost);
        }
        org.slf4j.LoggerFactory.getLogger(RunPlan.class).info("{}: {}; reading again what they did not commit",
            pipeline.name(), lost.getMessage());
        plan = plan.nextRound();
      }
    }
  }

  /** Rounds a run takes before giving up to concurrent runs that keep committing the same input. */
  public static final int ROUNDS = 5;

  /** What the planner found: the state to build on, the splits to read, those skipped. */
  record Planned(long baseVersion, Map<String, String> cursors, List<Source<Object>> splits,
      HashMap<String, HashSet<Integer>> heldBy, int skipped, List<String> skippedBy, WarningCounts warnings) {}

  /** The pipeline's name. */
  public String name() {
    return pipeline.name();
  }

  /** The number of steps in the pipeline. */
  public int stepCount() {
    return pipeline.steps().size();
  }

  /** The number of sinks in the pipeline. */
  public int sinkCount() {
    return pipeline.sinks().size();
  }

  public String runId() {
    return runId;
  }

  /** Which attempt at this run this is (1, then 2… after losing to concurrent runs). */
  public int round() {
    return round;
  }

  /** The id file names carry: the run id, and the round after the first. */
  public String attemptId() {
    return round == 1 ? runId : runId + "-r" + round;
  }

  /** The splits to read, in the source's order; empty on a copy that was serialized. */
  public List<Source<Object>> splits() {
    return splits == null ? List.of() : splits;
  }

  /** The split's place in the run's input (0-based, the source's order); -1 for an id the plan does not list. */
  int order(String splitId) {
    return order.getOrDefault(splitId, -1);
  }

  /** True when sink {@code sink} already holds split {@code splitId}: its rows go to the other sinks only. */
  boolean held(int sink, String splitId) {
    HashSet<Integer> sinks = heldBy.get(splitId);
    return sinks != null && sinks.contains(sink);
  }

  /** The state the workers of one process share. */
  RunState newState(String attemptId, Progress progress) {
    return new RunState(this, attemptId, progress);
  }

  /**
   * A task: reads {@code taskSplits} in order with one worker whose writers have index {@code writerIndex} and
   * carry {@code attemptId} in their file names, finishes the steps, stages the writers' files (nothing visible) and
   * returns what it wrote. On failure everything it staged is discarded: no other attempt writes its names.
   */
  public RunOutcome runTask(int writerIndex, String attemptId, Queue<Source<Object>> taskSplits) {
    try (Progress progress = Progress.logOnly(pipeline.name() + " writer " + writerIndex, taskSplits.size())) {
      RunState run = newState(attemptId, progress);
      Worker worker = null;
      try {
        worker = new Worker(run, writerIndex);
        worker.runSplits(taskSplits);
        List<WriterResult> results = worker.stage();
        worker.close();
        return run.outcome(merges() ? List.of() : List.of(results), worker);
      } catch (IOException e) {
        close(worker);
        throw new LakeException("Run " + runId + " of " + pipeline.name() + " failed in writer " + writerIndex + ": "
            + Causes.message(e) + ". Nothing was committed.", e);
      } catch (RuntimeException e) {
        close(worker);
        throw beforeCommit(e);
      } catch (Error e) {
        close(worker);
        throw e;
      }
    }
  }

  /** The same, over a list. */
  public RunOutcome runTask(int writerIndex, String attemptId, List<Source<Object>> taskSplits) {
    return runTask(writerIndex, attemptId, new ArrayDeque<>(taskSplits));
  }

  /**
   * A failure that ends a run before its commit, marked so that its message says nothing was committed; a failure
   * that is not Lake's is wrapped (keeping it as the cause).
   */
  public static RuntimeException beforeCommit(RuntimeException e) {
    if (e instanceof LakeException lake) {
      return lake.nothingCommitted();
    }
    return new LakeException(e.toString(), e).nothingCommitted();
  }

  private static void close(Worker worker) {
    if (worker != null) {
      worker.close();
    }
  }

  /**
   * True when a step merges across workers ({@link dev.lake.transforms.Step#merging()}, e.g. an aggregate): the
   * workers hand over its partials and write nothing ({@link #finishMerge}).
   */
  public boolean merges() {
    return Worker.mergeAt(pipeline.steps()) < pipeline.steps().size();
  }

  /**
   * For a pipeline that merges across workers, once every worker has finished: merges their partials of the first
   * merging step, runs its results through the steps after it into the sinks with one more writer
   * ({@code writerIndex}, after every worker's), and returns {@code workers} with that writer's part added. Its files
   * hold rows of every split the workers read. Any other pipeline gets {@code workers} back.
   */
  public RunOutcome finishMerge(RunOutcome workers, int writerIndex) {
    if (!merges()) {
      return workers;
    }
    try (Progress progress = Progress.logOnly(pipeline.name() + " merge", 0)) {
      RunState run = newState(attemptId(), progress);
      Worker tail = null;
      try {
        tail = Worker.tail(run, writerIndex, workers.splitIds());
        tail.runMerge(workers.partials());
        List<WriterResult> results = tail.stage();
        tail.close();
        RunOutcome last = run.outcome(List.of(results), tail);
        RunOutcome done = RunOutcome.merge(List.of(workers, last), pipeline.steps().size(), pipeline.sinks().size());
        return new RunOutcome(done.sinkResults(), done.rejectedResults(), done.counters(), done.badRowCount(),
            done.badRows(), done.proposedCursors(), done.stoppedAtDeadline(), workers.splitIds(), List.of());
      } catch (IOException e) {
        close(tail);
        abort(workers);
        throw new LakeException("Run " + runId + " of " + pipeline.name() + " failed writing the merged "
            + "results: " + Causes.message(e) + ". Nothing was committed.", e);
      } catch (RuntimeException e) {
        close(tail);
        abort(workers);
        throw beforeCommit(e);
      } catch (Error e) {
        close(tail);
        abort(workers);
        throw e;
      }
    }
  }

  /** Runs this plan's tasks on threads of this JVM and commits: what the local runner does with every round. */
  public RunResult runHere() {
    return new LocalRunner(pipeline).runRound(this);
  }

  /**
   * Commits the run, once: the only step that makes anything visible.
   *
   * @throws CommitLost when a concurrent run committed some of the same splits first: nothing of this attempt
   *     was committed; plan the {@link #nextRound()} and run it
   */
  public RunResult commit(RunOutcome outcome) {
    return new RunCommit(this).commit(outcome);
  }

  /**
   * Discards every file any attempt of this run staged, for a run that will not commit and whose attempts are all
   * over (a failed Spark job: the results of its successful tasks were never collected). Best effort.
   */
  public void discardAll() {
    List<LakeDataset> sinks = new ArrayList<>();
    pipeline.datasets().stream().filter(java.util.Objects::nonNull).forEach(sinks::add);
    if (rejectedDataset != null) {
      sinks.add(rejectedDataset);
    }
    for (LakeDataset sink : sinks) {
      try {
        dev.lake.internal.lake.Leftovers.discardRun(LakePublications.manifests(sink), sink.dataset(), runId);
      } catch (IOException | RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(RunPlan.class).warn("Could not discard the staged files of run {} in {}: "
            + "{}; they stay invisible and go once the run is provably dead", runId, sink.dataset(), e.toString());
      }
    }
  }

  /** Discards what the tasks staged, for a run that will not commit (best effort). */
  public void abort(RunOutcome outcome) {
    RunCommit.abort(this, outcome);
  }
}
