package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lake.exceptions.ValidationException;
import java.time.Duration;

/**
 * The time an invocation may still spend on a run: the Lambda's remaining time
 * ({@link Context#getRemainingTimeInMillis()}) less a safety margin kept for committing and returning. Adapters hand
 * it to the code that builds the run, so a bounded source stops reading in time:
 *
 * <pre>{@code
 * LambdaBudget budget = LambdaBudget.of(context, Duration.ofSeconds(20));
 * pipeline.withDeadline(budget.deadline()).run();          // any pipeline: stops reading, then commits
 * Pipeline.from(kinesisSource.withMaxDuration(budget.remaining())).to(sink).run();   // or bound the source
 * }</pre>
 */
public final class LambdaBudget {
  private final long deadlineNanos;

  private LambdaBudget(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** The remaining time of {@code context} less {@code margin}, from now; without a context (outside Lambda), decades. */
  public static LambdaBudget of(Context context, Duration margin) {
    ValidationException.check(margin != null && !margin.isNegative(), "The margin must be >= 0 but was %s", margin);
    if (context == null) {
      return new LambdaBudget(System.nanoTime() + Long.MAX_VALUE / 4); // nanoseconds: about 73 years
    }
    return new LambdaBudget(System.nanoTime()
        + Duration.ofMillis(context.getRemainingTimeInMillis()).minus(margin).toNanos());
  }

  /** Time left before the run must have committed (zero once past). */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** The wall-clock time by which reading must stop, for {@code Pipeline.withDeadline}. */
  public java.time.Instant deadline() {
    return java.time.Instant.now().plus(remaining());
  }

  /** True once no time is left. */
  public boolean expired() {
    return System.nanoTime() >= deadlineNanos;
  }

  @Override
  public String toString() {
    return "LambdaBudget(" + remaining().toMillis() + " ms left)";
  }
}
