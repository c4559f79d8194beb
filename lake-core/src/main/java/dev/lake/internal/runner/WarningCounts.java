package dev.lake.internal.runner;

import dev.lake.internal.lake.RunResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warnings of one worker (or of the plan) by step and kind: a count and the first {@value #EXAMPLES} messages
 * each. Serializable, so a Spark task sends them with its counts; {@link #addAll} sums them. Also where
 * {@link dev.lake.io.Warnings#warn} finds the worker of the calling thread ({@link #on}).
 *
 * <pre>{@code
 * WarningCounts.on(worker::warn, () -> readSplits(queue));   // Warnings.warn in a step counts for this worker
 * result.warnings();                                         // [Warning[step=parse, kind=page errors, ...]]
 * }</pre>
 */
final class WarningCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WarningCounts.class);
  /** The messages kept per step and kind. */
  public static final int EXAMPLES = 100;

  private static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    final String step;
    final String kind;
    long count;
    final ArrayList<String> examples = new ArrayList<>();

    Tally(String step, String kind) {
      this.step = step;
      this.kind = kind;
    }
  }

  private final LinkedHashMap<String, Tally> tallies = new LinkedHashMap<>();

  /**
   * Counts one warning and returns how many of its step and kind this makes: the first {@value #EXAMPLES} are
   * logged, the rest only counted, so that a folder of ten thousand stray files does not flood the log.
   */
  public synchronized long add(String step, String kind, String message) {
    add(step, kind, 1, List.of(message));
    return tallies.get(step + "\u0000" + kind).count;
  }

  private synchronized void add(String step, String kind, long count, List<String> messages) {
    Tally t = tallies.computeIfAbsent(step + "\u0000" + kind, k -> new Tally(step, kind));
    t.count += count;
    for (String m : messages) {
      if (t.examples.size() < EXAMPLES) {
        t.examples.add(m);
      }
    }
  }

  /** Adds another worker's warnings to these. */
  public synchronized void addAll(WarningCounts other) {
    for (Tally t : other.snapshot()) {
      add(t.step, t.kind, t.count, t.examples);
    }
  }

  private synchronized List<Tally> snapshot() {
    return List.copyOf(tallies.values());
  }

  /** The warnings for the run report, in the order they first came. */
  public synchronized List<RunResult.Warning> reports() {
    List<RunResult.Warning> out = new ArrayList<>();
    for (Tally t : tallies.values()) {
      out.add(new RunResult.Warning(t.step, t.kind, t.count, t.examples));
    }
    return out;
  }

  /** True when no warning was counted. */
  public synchronized boolean isEmpty() {
    return tallies.isEmpty();
  }

  /** Runs {@code body} with {@code handler} receiving this thread's {@link dev.lake.io.Warnings#warn} calls. */
  static void on(BiConsumer<String, String> handler, Runnable body) {
    dev.lake.io.Warnings.handledBy(handler, body);
  }

  /** Logs the {@code nth} warning of its step and kind, once; past {@value #EXAMPLES}, they are only counted. */
  static void log(long nth, String pipeline, String step, String kind, String message) {
    if (nth < EXAMPLES) {
      LOG.warn("{}: {} ({}): {}", pipeline, step, kind, message);
    } else if (nth == EXAMPLES) {
      LOG.warn("{}: {} ({}): {} (further warnings of this kind are counted in the run report, not logged)",
          pipeline, step, kind, message);
    }
  }

  @Override
  public synchronized String toString() {
    return reports().toString();
  }
}
