package dev.lake.spark;

import dev.lake.exceptions.BadRowException;
import dev.lake.io.Source;
import dev.lake.runner.RunnerPlan;
import dev.lake.runner.TaskOutcome;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One Spark task: the splits of its partition through the pipeline into writers numbered by the partition id, whose
 * file names carry the task attempt's id (so no attempt ever writes another's names); returns what they staged (a
 * serialized {@link TaskOutcome}) for the driver's commit, or the {@link BadRowException} that the
 * bad-row policy failed the run with. Plans and splits travel as Java-serialized
 * bytes, so whatever {@code spark.serializer} the cluster sets (Kryo on many EMR clusters) does not matter.
 *
 * <pre>{@code
 * rdd.mapPartitionsWithIndex(new PartitionTask(broadcastPlan), false).collect();
 * }</pre>
 */
final class PartitionTask implements Function2<Integer, Iterator<byte[]>, Iterator<byte[]>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> plan;

  PartitionTask(Broadcast<byte[]> plan) {
    this.plan = plan;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<byte[]> call(Integer partition, Iterator<byte[]> input) {
    RunnerPlan run = JavaBytes.read(plan.value(), RunnerPlan.class);
    List<Source<Object>> splits = new java.util.ArrayList<>();
    while (input.hasNext()) {
      splits.addAll(JavaBytes.read(input.next(), List.class));
    }
    try {
      // Every attempt (a retry, a speculative copy) writes names of its own: Spark's task attempt id is unique
      org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
      TaskOutcome outcome = run.runTask(partition, task == null ? 0 : task.taskAttemptId(), splits);
      return List.of(JavaBytes.of(outcome)).iterator();
    } catch (BadRowException e) {
      // The bad-row policy failed the run: a retry would read the same bad row again. Returned, not thrown, so Spark
      // does not retry the task, and the driver rethrows it as it is.
      return List.of(JavaBytes.of(e)).iterator();
    }
  }
}
