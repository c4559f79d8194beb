package dev.lake.source.http;

import java.time.Duration;

/**
 * Waits between attempts. The default sleeps the thread; tests inject one that advances a fake clock, so backoff and
 * rate-limit waits cost no wall time.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder().baseUri(uri).sleeper(d -> clock.advance(d)).clock(clock).build();
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
