package dev.lake.io;

import dev.lake.exceptions.ValidationException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The one backoff every Lake connector waits by between attempts of a failed call: exponential with "full jitter"
 * (a uniformly random wait between 0 and {@code min(cap, base * 2^(failures - 1))}), as the AWS Architecture Blog's
 * "Exponential Backoff and Jitter" recommends for many clients competing for one throttled service. Which failures
 * are worth another attempt, and how many attempts, stays with the connector: only it knows its service's errors.
 *
 * <pre>{@code
 * // given: Supplier<String> fetch
 * Backoff backoff = Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(5));
 * String page = null;
 * for (int attempt = 1; page == null; attempt++) {
 *   try {
 *     page = fetch.get();
 *   } catch (RuntimeException e) {   // only what is worth another attempt: throttling, a reset connection
 *     if (attempt == 5) throw e;
 *     backoff.sleep(attempt); // up to 100 ms after the first failure, 200 ms after the second, ... at most 5 s
 *   }
 * }
 * }</pre>
 */
public final class Backoff implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long baseMillis;
  private final long capMillis;

  private Backoff(long baseMillis, long capMillis) {
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
  }

  /** Waits of up to {@code base} after the first failure, doubling per failure, never more than {@code cap}. */
  public static Backoff fullJitter(Duration base, Duration cap) {
    ValidationException.check(base != null && !base.isNegative(), "Backoff base must be a duration >= 0, got %s",
        base);
    ValidationException.check(cap != null && !cap.isNegative(), "Backoff cap must be a duration >= 0, got %s", cap);
    return new Backoff(base.toMillis(), cap.toMillis());
  }

  /** The longest wait after the {@code failures}-th failure in a row (counting from 1): min(cap, base * 2^(n-1)). */
  public long ceilingMillis(int failures) {
    ValidationException.check(failures >= 1, "failures counts from 1, got %s", failures);
    int doublings = Math.min(failures - 1, 30);
    long ceiling = baseMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : baseMillis << doublings;
    return Math.min(capMillis, ceiling);
  }

  /** A wait after the {@code failures}-th failure in a row, uniform in {@code [0, ceilingMillis(failures)]}. */
  public long delayMillis(int failures, RandomGenerator random) {
    long ceiling = ceilingMillis(failures);
    return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
  }

  /** Sleeps {@link #delayMillis} (with a thread-local random) after the {@code failures}-th failure in a row. */
  public void sleep(int failures) throws InterruptedException {
    long delay = delayMillis(failures, ThreadLocalRandom.current());
    if (delay > 0) {
      Thread.sleep(delay);
    }
  }

  public Duration base() {
    return Duration.ofMillis(baseMillis);
  }

  public Duration cap() {
    return Duration.ofMillis(capMillis);
  }

  @Override
  public String toString() {
    return "Backoff(full jitter, " + base() + " doubling to " + cap() + ")";
  }
}
