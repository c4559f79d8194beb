package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lake.exceptions.ValidationException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time an invocation may still spend on a run: the Lambda's remaining time
 * ({@link Context#getRemainingTimeInMillis()}) less a safety margin kept for committing and returning. Adapters hand
 * it to the code that builds the run, so a bounded source stops reading in time:
 *
 * <pre>{@code
 * // given: Context context, Pipeline<Sale> pipeline, KinesisSource<Sale> kinesisSource, Sink<Sale> sink
 * LambdaBudget budget = LambdaBudget.of(context, Duration.ofSeconds(20));
 * pipeline.withDeadline(budget.deadline()).run();          // any pipeline: stops reading, then commits
 * Pipeline.from(kinesisSource.withMaxDuration(budget.remaining())).to(sink).run();   // or bound the source
 * }</pre>
 */
public final class LambdaBudget {
  /** The monotonic clock budgets run on: {@link System#nanoTime()}. */
  static final LongSupplier SYSTEM_TICKER = System::nanoTime;

  private final long deadlineNanos;
  private final LongSupplier ticker;

  private LambdaBudget(long deadlineNanos, LongSupplier ticker) {
    this.deadlineNanos = deadlineNanos;
    this.ticker = ticker;
  }

  /** The remaining time of {@code context} less {@code margin}, from now; without a context (outside Lambda), decades. */
  public static LambdaBudget of(Context context, Duration margin) {
    return of(context, margin, SYSTEM_TICKER);
  }

  /** The same, on {@code ticker} (nanoseconds, like {@link System#nanoTime()}): tests advance it by hand. */
  static LambdaBudget of(Context context, Duration margin, LongSupplier ticker) {
    ValidationException.check(margin != null && !margin.isNegative(), "The margin must be >= 0 but was %s", margin);
    if (context == null) {
      return new LambdaBudget(ticker.getAsLong() + Long.MAX_VALUE / 4, ticker); // nanoseconds: about 73 years
    }
    return new LambdaBudget(ticker.getAsLong()
        + Duration.ofMillis(context.getRemainingTimeInMillis()).minus(margin).toNanos(), ticker);
  }

  /** Time left before the run must have committed (zero once past). */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - ticker.getAsLong()));
  }

  /** The wall-clock time by which reading must stop, for {@code Pipeline.withDeadline}. */
  public java.time.Instant deadline() {
    return java.time.Instant.now().plus(remaining());
  }

  /** True once no time is left. */
  public boolean expired() {
    return ticker.getAsLong() >= deadlineNanos;
  }

  @Override
  public String toString() {
    return "LambdaBudget(" + remaining().toMillis() + " ms left)";
  }
}
