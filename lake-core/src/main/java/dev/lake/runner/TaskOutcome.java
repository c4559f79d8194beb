package dev.lake.runner;

import dev.lake.internal.runner.RunOutcome;
import java.io.Serializable;
import java.util.List;

/**
 * What one task attempt staged and counted ({@link RunnerPlan#runTask}): its sink writers' staged files, its rejected
 * rows, counts, bad rows, proposed cursors, the ids of the splits it read and, for a step that merges across workers,
 * its partial. Opaque to the runner, which only carries it to the driver (it is {@link Serializable}: Java
 * serialization works, as do serializers that honour it) and hands it to {@link RunnerPlan#commit} or
 * {@link RunnerPlan#abort}. Nothing of it is visible until the commit.
 *
 * <pre>{@code
 * // given: RunnerPlan plan, int partition, long taskAttemptId, List<Source<Object>> splits
 * TaskOutcome outcome = plan.runTask(partition, taskAttemptId, splits);   // on an executor
 * PipelineResult result = plan.commit(List.of(outcome));                   // on the driver
 * }</pre>
 */
public final class TaskOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int task;
  private final RunOutcome outcome;

  TaskOutcome(int task, RunOutcome outcome) {
    this.task = task;
    this.outcome = outcome;
  }

  /** The task this attempt ran (the {@code task} given to {@link RunnerPlan#runTask}). */
  public int task() {
    return task;
  }

  /** The ids of the splits the attempt read ({@link dev.lake.io.Source#id()}), in the order read. */
  public List<String> splitIds() {
    return outcome.splitIds();
  }

  /** The rows the bad-row policy counted as bad in this attempt. */
  public long badRowCount() {
    return outcome.badRowCount();
  }

  RunOutcome outcome() {
    return outcome;
  }

  @Override
  public String toString() {
    return "TaskOutcome[task " + task + ", " + outcome.splitIds().size() + " splits read]";
  }
}
