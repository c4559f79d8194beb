package dev.lake.spark;

import dev.lake.exceptions.LakeException;
import dev.lake.transforms.Step;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;

/**
 * Passes rows on; the first attempt of every Spark task fails after {@code afterRows} rows (a LakeException fails the
 * task, and Spark retries it). Failures are counted per test under a name, in a static map: tasks run in this JVM in
 * local mode, but each works on its own deserialized copy of the step.
 *
 * <pre>{@code
 * pipeline.apply(new FailFirstAttempt<RetailLine>("my-test", 20_000));   // then FailFirstAttempt.failures("my-test")
 * }</pre>
 */
final class FailFirstAttempt<T> implements Step<T, T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicInteger> FAILED = new ConcurrentHashMap<>();

  private final String counter;
  private final int afterRows;
  private transient int seen;

  FailFirstAttempt(String counter, int afterRows) {
    this.counter = counter;
    this.afterRows = afterRows;
  }

  /** How many first attempts failed under {@code counter}. */
  static int failures(String counter) {
    return FAILED.computeIfAbsent(counter, c -> new AtomicInteger()).get();
  }

  @Override
  public String name() {
    return "fail-first-attempt";
  }

  @Override
  public void apply(T row, Consumer<? super T> out) {
    TaskContext task = TaskContext.get();
    if (task != null && task.attemptNumber() == 0 && ++seen == afterRows) {
      FAILED.computeIfAbsent(counter, c -> new AtomicInteger()).incrementAndGet();
      throw new LakeException("Injected failure of task " + task.partitionId() + " attempt 0");
    }
    out.accept(row);
  }
}
