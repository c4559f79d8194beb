package dev.lake.benchmarks.harness;

/**
 * The stopwatch of one run. The harness starts it just before the trial and stops it when the trial returns; a
 * trial that has untimed set-up calls {@link #restart()} after it, and one with untimed checks calls {@link #stop()}
 * before them.
 *
 * <pre>{@code
 * Trial t = (clock, dir) -> {
 *   createTable();          // untimed
 *   clock.restart();
 *   load();                 // timed
 *   clock.stop();
 *   return Outcome.rows(count());  // untimed check
 * };
 * }</pre>
 */
public final class Clock {
  private long start = System.nanoTime();
  private long end = -1;

  /** Starts timing now, forgetting what came before. */
  public void restart() {
    start = System.nanoTime();
    end = -1;
  }

  /** Stops timing now; later calls keep the first stop. */
  public void stop() {
    if (end < 0) {
      end = System.nanoTime();
    }
  }

  /** Sets the time to {@code seconds} measured elsewhere (e.g. by a child process), instead of this clock's. */
  public void set(double seconds) {
    start = 0;
    end = Math.round(seconds * 1e9);
  }

  /** Seconds between the (re)start and the stop. */
  public double seconds() {
    return ((end < 0 ? System.nanoTime() : end) - start) / 1e9;
  }
}
