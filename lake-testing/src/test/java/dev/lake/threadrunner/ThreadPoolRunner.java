package dev.lake.threadrunner;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.PipelineRunner;
import dev.lake.exceptions.BadRowException;
import dev.lake.exceptions.LakeException;
import dev.lake.io.Source;
import dev.lake.runner.RunnerPlan;
import dev.lake.runner.TaskOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runner written on the public runner SPI only ({@code dev.lake.runner}), as a cluster runner is: the plan and each
 * task's splits travel as Java-serialized bytes to a pool of threads standing for executors; each attempt works on its
 * own deserialized copy of the plan and returns its outcome serialized; a failed attempt is tried again with a new
 * attempt number (a bad row is not retried); the driver commits the successful attempts' outcomes once, or aborts.
 *
 * <pre>{@code
 * PipelineResult result = pipeline.run(new ThreadPoolRunner(3, 2));
 * }</pre>
 */
final class ThreadPoolRunner implements PipelineRunner {
  private final int tasks;
  private final int attempts;
  private final AtomicInteger failedAttempts = new AtomicInteger();

  /** {@code tasks} tasks on as many threads, each tried up to {@code attempts} times. */
  ThreadPoolRunner(int tasks, int attempts) {
    this.tasks = tasks;
    this.attempts = attempts;
  }

  /** How many task attempts failed (and were retried, or failed the run). */
  int failedAttempts() {
    return failedAttempts.get();
  }

  @Override
  public PipelineResult run(Pipeline<?> pipeline) {
    return RunnerPlan.inRounds(pipeline, this::runRound);
  }

  private PipelineResult runRound(RunnerPlan plan) {
    List<Source<Object>> splits = plan.splits();
    int count = Math.max(1, Math.min(tasks, splits.size()));
    byte[] shipped = bytes(plan);
    AtomicLong attemptNumbers = new AtomicLong();
    ExecutorService executors = Executors.newFixedThreadPool(count);
    List<TaskOutcome> outcomes = new ArrayList<>();
    RuntimeException failed = null;
    try {
      List<Future<byte[]>> running = new ArrayList<>();
      for (int task = 0; task < count; task++) {
        int id = task;
        byte[] own = bytes(new ArrayList<>(splits.subList(task * splits.size() / count,
            (task + 1) * splits.size() / count)));
        running.add(executors.submit(() -> runTask(shipped, id, own, attemptNumbers)));
      }
      for (Future<byte[]> task : running) {
        try {
          outcomes.add(read(task.get(), TaskOutcome.class));
        } catch (ExecutionException e) {
          failed = failed != null ? failed : (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failed = new LakeException("interrupted", e);
        }
      }
    } finally {
      executors.shutdownNow();
    }
    if (failed != null) {
      plan.abort(outcomes); // the tasks that succeeded staged files: nothing of them is ever committed
      throw failed;
    }
    return plan.commit(outcomes);
  }

  /** On an "executor": the task's attempts, each on a fresh copy of the plan; the last one's outcome, serialized. */
  @SuppressWarnings("unchecked")
  private byte[] runTask(byte[] shipped, int task, byte[] splits, AtomicLong attemptNumbers) {
    for (int attempt = 1; ; attempt++) {
      RunnerPlan plan = read(shipped, RunnerPlan.class);
      try {
        return bytes(plan.runTask(task, attemptNumbers.getAndIncrement(), read(splits, List.class)));
      } catch (BadRowException e) {
        throw e; // the bad-row policy failed the run: another attempt would read the same row
      } catch (RuntimeException e) {
        failedAttempts.incrementAndGet();
        if (attempt >= attempts) {
          throw e;
        }
      }
    }
  }

  private static byte[] bytes(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
