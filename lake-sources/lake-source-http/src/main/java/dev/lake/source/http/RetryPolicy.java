package dev.lake.source.http;

import dev.lake.exceptions.ValidationException;
import dev.lake.io.Backoff;
import java.time.Duration;
import java.util.Random;

/**
 * How often and how long to back off on 429, 5xx, connection resets, timeouts and truncated bodies: Lake's
 * full-jitter {@link Backoff}. Waits a server asks for with {@code Retry-After} (or a rate-limit reset header) do not
 * count against {@code maxAttempts}; at most {@code maxServerWaits} of them are honoured per request.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.defaults().maxAttempts(5).baseDelay(Duration.ofMillis(200));
 * }</pre>
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final int maxServerWaits;
  private final Duration maxServerWait;
  private final long seed;
  private final Backoff backoff;

  private RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, int maxServerWaits,
      Duration maxServerWait, long seed) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.maxServerWaits = maxServerWaits;
    this.maxServerWait = maxServerWait;
    this.seed = seed;
    this.backoff = Backoff.fullJitter(baseDelay, maxDelay);
  }

  /** 4 attempts, 500 ms base, 30 s ceiling, up to 10 server-requested waits of at most 15 minutes each. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), 10, Duration.ofMinutes(15), 0);
  }

  public RetryPolicy maxAttempts(int attempts) {
    ValidationException.check(attempts >= 1, "Invalid maxAttempts: %s", attempts);
    return new RetryPolicy(attempts, baseDelay, maxDelay, maxServerWaits, maxServerWait, seed);
  }

  public RetryPolicy baseDelay(Duration d) {
    return new RetryPolicy(maxAttempts, d, maxDelay, maxServerWaits, maxServerWait, seed);
  }

  public RetryPolicy maxDelay(Duration d) {
    return new RetryPolicy(maxAttempts, baseDelay, d, maxServerWaits, maxServerWait, seed);
  }

  /** How many Retry-After / reset waits to honour per request, and the longest single wait. */
  public RetryPolicy serverWaits(int count, Duration longest) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, count, longest, seed);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public int maxServerWaits() {
    return maxServerWaits;
  }

  public Duration maxServerWait() {
    return maxServerWait;
  }

  /** The jittered wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt, Random random) {
    return Duration.ofMillis(backoff.delayMillis(attempt, random));
  }

  @Override
  public String toString() {
    return "RetryPolicy(" + maxAttempts + " attempts, " + baseDelay + ".." + maxDelay + ")";
  }
}
