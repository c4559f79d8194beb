package dev.lake.runner;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.internal.runner.PipelineFront;
import dev.lake.internal.runner.RunOutcome;
import dev.lake.internal.runner.RunPlan;
import dev.lake.io.Source;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One planned run of a pipeline, for a runner that runs its tasks elsewhere (see the
 * {@linkplain dev.lake.runner package} for how a runner works): the splits to read, a task
 * ({@link #runTask}, on any machine), and the one commit ({@link #commit}, on the driver) or its abort. Serializable
 * without its splits, so a runner ships it to its executors once (a Spark broadcast) and each task's splits apart.
 *
 * <pre>{@code
 * PipelineResult result = RunnerPlan.inRounds(pipeline, plan -> {
 *   List<TaskOutcome> outcomes = new ArrayList<>();
 *   for (int task = 0; task < plan.splits().size(); task++) {
 *     outcomes.add(plan.runTask(task, 0, List.of(plan.splits().get(task))));
 *   }
 *   return plan.commit(outcomes);
 * });
 * }</pre>
 */
public final class RunnerPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Pipeline<?> pipeline;
  private final RunPlan plan;
  private final int splitCount;

  private RunnerPlan(Pipeline<?> pipeline, RunPlan plan) {
    this.pipeline = pipeline;
    this.plan = plan;
    this.splitCount = plan.splits().size();
  }

  /**
   * Plans a run of {@code pipeline} and runs {@code round} on the plan; plans again (skipping what the other run
   * committed, under a new attempt id) and runs {@code round} again each time the commit lost to a concurrent run of
   * the pipeline that committed some of the same splits first, up to five rounds. {@code round} must let the
   * exceptions of {@link #commit} propagate.
   *
   * @return what {@code round} returned: the result of {@link #commit} or {@link #runLocally}
   */
  public static PipelineResult inRounds(Pipeline<?> pipeline, Function<RunnerPlan, PipelineResult> round) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(round, "round");
    return RunPlan.inRounds(front().spec(pipeline), plan -> round.apply(new RunnerPlan(pipeline, plan)));
  }

  /** The pipeline this plan runs. */
  public Pipeline<?> pipeline() {
    return pipeline;
  }

  /** The run's id (its time and a random part), as the run report and the logs name it. */
  public String runId() {
    return plan.runId();
  }

  /** The id this round's file names carry: the run id, and the round after the first. */
  public String attemptId() {
    return plan.attemptId();
  }

  /**
   * The splits to read, in the source's order, those already committed left out; empty on a copy that was
   * serialized (splits travel to their task apart). A runner may group them into fewer tasks, keeping their order
   * within a task.
   */
  public List<Source<Object>> splits() {
    return plan.splits();
  }

  /** True when a step merges across workers (an aggregate): its tasks hand over partials that {@link #commit} merges. */
  public boolean merges() {
    return plan.merges();
  }

  /**
   * One task attempt, on any machine, on this plan or a deserialized copy: reads {@code splits} in order through the
   * pipeline's steps into sink writers numbered {@code task}, whose file names carry this round's attempt id and
   * {@code attempt}, finishes the steps and stages the files (nothing visible). On failure it throws, having discarded
   * what it staged; a {@link dev.lake.exceptions.BadRowException} means the bad-row policy failed the run: do not
   * retry it.
   *
   * @param task the task's number, from 0; at most one outcome per task is committed
   * @param attempt a number unique to this attempt among the attempts of the run's tasks (Spark's task attempt id):
   *     a retried or speculative attempt must never write another attempt's file names
   * @param splits the task's splits, taken from {@link #splits()} (each split in one task only)
   */
  public TaskOutcome runTask(int task, long attempt, List<? extends Source<Object>> splits) {
    ValidationException.check(task >= 0, "runTask(%s, ...): task numbers start at 0", task);
    ValidationException.check(attempt >= 0, "runTask(%s, %s, ...): attempt numbers start at 0", task, attempt);
    Objects.requireNonNull(splits, "splits");
    return new TaskOutcome(task, plan.runTask(task, plan.attemptId() + "-t" + attempt, List.copyOf(splits)));
  }

  /**
   * Publishes the run, once, on the driver, from one outcome per task (the successful attempts'): merges the partials
   * of a merging step and writes its results with one more writer (numbered after every task's), then commits each
   * sink, the rejected zone, the cursors and the run report. The only step that makes anything visible; files other
   * attempts of the run staged are deleted. On failure nothing is committed and what the outcomes staged is discarded.
   *
   * @throws LakeException when two outcomes are of the same task or read the same split (a runner's bug: it would
   *     commit rows twice), or the commit failed; nothing was committed. A commit that lost to a concurrent run
   *     throws an exception that {@link #inRounds} catches to plan the next round: let it propagate.
   */
  public PipelineResult commit(List<TaskOutcome> outcomes) {
    List<TaskOutcome> tasks = byTask(outcomes);
    RunOutcome done = plan.finishMerge(merged(tasks), mergeWriter(tasks));
    return front().result(plan.commit(done));
  }

  /**
   * Discards what {@code outcomes} staged, for a run that will not commit (a task failed for good, the bad-row
   * policy failed the run) and holds the outcomes of every attempt that succeeded. Best effort.
   */
  public void abort(List<TaskOutcome> outcomes) {
    plan.abort(merged(outcomes));
  }

  /**
   * Discards every file any attempt of this run staged, for a run that will not commit and whose attempts are all
   * over but whose outcomes the runner does not hold (a failed Spark job never returns its successful tasks'
   * results). Best effort: what it cannot delete stays invisible and goes once the run is provably dead.
   */
  public void discardAll() {
    plan.discardAll();
  }

  /** Runs this round's tasks on threads of this JVM and commits, as {@link dev.lake.PipelineRunner#local()} does. */
  public PipelineResult runLocally() {
    return front().result(plan.runHere());
  }

  /** What dev.lake makes of a pipeline for the engine and of the engine's result (installed by {@link Pipeline}). */
  private static PipelineFront<Pipeline<?>, PipelineResult> front() {
    return PipelineFront.installed();
  }

  /** The outcomes in task order, after checking that no task and no split is committed twice. */
  private List<TaskOutcome> byTask(List<TaskOutcome> outcomes) {
    List<TaskOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingInt(TaskOutcome::task));
    Map<String, Integer> reads = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      TaskOutcome outcome = sorted.get(i);
      if (i > 0 && sorted.get(i - 1).task() == outcome.task()) {
        throw twice("two outcomes of task " + outcome.task(), outcomes);
      }
      outcome.splitIds().forEach(id -> reads.merge(id, 1, Integer::sum));
    }
    Map<String, Integer> planned = new HashMap<>();
    splits().forEach(s -> planned.merge(s.id(), 1, Integer::sum));
    for (Map.Entry<String, Integer> read : reads.entrySet()) {
      if (read.getValue() > planned.getOrDefault(read.getKey(), 1)) {
        throw twice("split " + read.getKey() + " read by " + read.getValue() + " tasks", outcomes);
      }
    }
    return sorted;
  }

  private LakeException twice(String what, List<TaskOutcome> outcomes) {
    abort(outcomes);
    return new LakeException("Run " + runId() + " of " + plan.name() + " was handed " + what + " to commit: "
        + "it would commit their rows twice. A runner commits one outcome per task, the successful attempt's, and "
        + "deals each split to one task").nothingCommitted();
  }

  private RunOutcome merged(List<TaskOutcome> outcomes) {
    List<RunOutcome> parts = outcomes.stream().map(TaskOutcome::outcome).toList();
    return RunOutcome.merge(parts, plan.stepCount(), plan.sinkCount());
  }

  /** The merging step's writer: numbered after every task's, whatever the runner's task count. */
  private int mergeWriter(List<TaskOutcome> tasks) {
    int last = tasks.isEmpty() ? -1 : tasks.get(tasks.size() - 1).task();
    return Math.max(splitCount, last + 1);
  }
}
