package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs several pipelines ("stages") in order on a schedule, within one invocation and one {@link LambdaBudget}: a
 * capture, then the pipelines that read what it captured. Each stage's pipeline is built only when the stage starts,
 * after the previous one committed (so it can read what that one wrote), and is given the budget that is left. A stage
 * that cannot start with at least {@link #withMinimumRunTime} left fails the invocation instead of being cut short;
 * the stages before it stay committed, and the next invocation starts over from their committed cursors. Each stage's
 * summary line goes to the function's log as it finishes.
 *
 * <pre>{@code
 * public final class DailyHandler implements RequestHandler<ScheduledEvent, String> {
 *   private static final Lake LAKE = Lake.at(System.getenv("LAKE_ROOT"));   // e.g. s3://my-bucket/lake
 *   private static final RecentSearch SEARCH = RecentSearch.query("#dataengineering -is:retweet");
 *   private static final ScheduledStages STAGES = ScheduledStages.of(List.of(
 *       budget -> LiveTweets.capture(SEARCH, LAKE).withDeadline(budget.deadline()),
 *       budget -> LiveTweets.process(LAKE, Instant.now().minus(Duration.ofMinutes(15)))))
 *       .withMinimumRunTime(Duration.ofMinutes(1));
 *
 *   public String handleRequest(ScheduledEvent event, Context context) {
 *     return ScheduledStages.summaries(STAGES.handle(event, context));
 *   }
 * }
 * }</pre>
 */
public final class ScheduledStages {
  private final List<Function<LambdaBudget, Pipeline<?>>> stages;
  private final Duration margin;
  private final Duration minimum;
  private final java.util.function.LongSupplier ticker;

  /** Test hook: the clock of the budget (nanoseconds), advanced by hand in tests. */
  ScheduledStages withTicker(java.util.function.LongSupplier nanos) {
    return new ScheduledStages(stages, margin, minimum, nanos);
  }

  private ScheduledStages(List<Function<LambdaBudget, Pipeline<?>>> stages, Duration margin, Duration minimum,
      java.util.function.LongSupplier ticker) {
    this.ticker = ticker;
    this.stages = stages;
    this.margin = margin;
    this.minimum = minimum;
  }

  /** The stages, run in this order (default margin 10 s, no minimum run time). */
  public static ScheduledStages of(List<Function<LambdaBudget, Pipeline<?>>> stages) {
    Objects.requireNonNull(stages, "stages");
    ValidationException.check(!stages.isEmpty(), "ScheduledStages needs at least one stage");
    stages.forEach(s -> Objects.requireNonNull(s, "stage"));
    return new ScheduledStages(List.copyOf(stages), Duration.ofSeconds(10), Duration.ZERO,
        LambdaBudget.SYSTEM_TICKER);
  }

  /** Time kept back from the Lambda's remaining time for the last commit and the response (default 10 s). */
  public ScheduledStages withSafetyMargin(Duration safetyMargin) {
    Objects.requireNonNull(safetyMargin, "safetyMargin");
    return new ScheduledStages(stages, safetyMargin, minimum, ticker);
  }

  /** Fails instead of starting a stage with less than this left of the budget (default zero). */
  public ScheduledStages withMinimumRunTime(Duration minimumRunTime) {
    Objects.requireNonNull(minimumRunTime, "minimumRunTime");
    return new ScheduledStages(stages, margin, minimumRunTime, ticker);
  }

  /**
   * Runs every stage in order within one budget (the invocation's remaining time less the margin, taken once);
   * returns their results in order.
   *
   * @throws LakeException when a stage cannot start with the minimum run time left (earlier stages stay committed)
   */
  public List<PipelineResult> handle(ScheduledEvent event, Context context) {
    LambdaBudget budget = LambdaBudget.of(context, margin, ticker);
    List<PipelineResult> results = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (budget.remaining().compareTo(minimum) < 0 || budget.expired()) {
        throw new LakeException("Only " + budget.remaining().toMillis() + " ms left of the invocation"
            + (event == null || event.getId() == null ? "" : " for event " + event.getId()) + ": not starting stage "
            + (i + 1) + " of " + stages.size() + (results.isEmpty() ? "" : " (stages 1-" + i + " committed)")
            + ". Raise the function's timeout or lower withSafetyMargin / withMinimumRunTime.");
      }
      PipelineResult result = stages.get(i).apply(budget).run();
      results.add(result);
      if (context != null && context.getLogger() != null) {
        context.getLogger().log(result.summary());
      }
    }
    return results;
  }

  /**
   * The IAM policy of every stage's pipeline, each built as {@link #handle} would build it with an unlimited budget
   * (a stage that reads the lake when it is built reads it now).
   */
  public IamPolicy requiredPermissions(IamScope scope) {
    LambdaBudget unlimited = LambdaBudget.of(null, Duration.ZERO);
    IamPolicy policy = IamPolicy.empty();
    for (Function<LambdaBudget, Pipeline<?>> stage : stages) {
      policy = policy.and(stage.apply(unlimited).requiredPermissions(scope));
    }
    return policy;
  }

  /** The results' summary lines, one per line: what a handler usually returns. */
  public static String summaries(List<PipelineResult> results) {
    return String.join("\n", results.stream().map(PipelineResult::summary).toList());
  }
}
