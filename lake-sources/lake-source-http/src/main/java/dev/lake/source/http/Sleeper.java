package dev.lake.source.http;

import java.time.Duration;

/**
 * Waits between attempts. The default sleeps the thread; tests inject one that advances a fake clock, so backoff and
 * rate-limit waits cost no wall time.
 *
 * <pre>{@code
 * // given: URI uri, Clock clock
 * List<Duration> waits = new ArrayList<>();   // a test: record the waits instead of sleeping
 * RestClient client = RestClient.builder().baseUri(uri).sleeper(waits::add).clock(clock).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The thread-sleeping default. */
  static Sleeper system() {
    return d -> Thread.sleep(Math.max(0, d.toMillis()));
  }
}
