package dev.lake.internal.runner;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a run is: a progress bar over splits on an interactive terminal when the application has
 * {@code me.tongfei:progressbar} on its classpath (an optional dependency of lake-core: a Lambda or Spark job does not
 * carry a terminal library), otherwise a log line at most every ten seconds (Lambda and CI logs stay readable).
 */
final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.lake.progress");
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
  private static final String BAR_CLASS = "me.tongfei.progressbar.ProgressBar";

  private final String pipeline;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastLog = new AtomicLong(System.nanoTime());
  private final Bar bar;

  Progress(String pipeline, int total) {
    this(pipeline, total, true);
  }

  /** Progress over {@code total} splits that only ever logs (a Spark task: no terminal of its own). */
  static Progress logOnly(String pipeline, int total) {
    return new Progress(pipeline, total, false);
  }

  private Progress(String pipeline, int total, boolean barAllowed) {
    this.pipeline = pipeline;
    this.total = total;
    boolean terminal = barAllowed && System.console() != null && System.getenv("CI") == null
        && !Boolean.getBoolean("lake.progress.off") && total > 1;
    this.bar = terminal && barLibraryPresent(Progress.class.getClassLoader()) ? new Bar(pipeline, total) : null;
  }

  /** Whether the optional progress bar library can be loaded by {@code loader}. */
  static boolean barLibraryPresent(ClassLoader loader) {
    try {
      Class.forName(BAR_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /** A split finished; {@code workerRows} is the finishing worker's running row count (for the log line). */
  void splitDone(long workerRows) {
    int n = done.incrementAndGet();
    if (bar != null) {
      bar.stepTo(n);
      return;
    }
    long now = System.nanoTime();
    long last = lastLog.get();
    if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
      LOG.info("{}: {}/{} splits read", pipeline, n, total);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** The terminal bar; the only class that names the library's types, loaded only when the library is there. */
  private static final class Bar {
    private final ProgressBar bar;

    Bar(String pipeline, int total) {
      this.bar = new ProgressBarBuilder().setTaskName(pipeline).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    void stepTo(int n) {
      bar.stepTo(n);
    }

    void close() {
      bar.close();
    }
  }
}
