package dev.lake.lambda;

import dev.lake.Pipeline;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.util.List;
import java.util.function.Function;

/**
 * What a scheduled function runs: its stages, in order, each building its pipeline for the invocation's
 * {@link LambdaBudget}, and the IAM policy they need. A {@link ScheduledHandler} runs them; a configuration read from
 * the function's environment (a record) usually implements it.
 *
 * <pre>{@code
 * // given: Lake lake, RecentSearch search
 * StageSchedule tweets = () -> List.of(
 *     budget -> LiveTweets.capture(search, lake).withDeadline(budget.deadline()),
 *     budget -> LiveTweets.process(lake, Instant.now().minus(Duration.ofMinutes(15))));
 * IamPolicy policy = tweets.requiredPermissions(IamScope.of("eu-west-1", "123456789012"));
 * }</pre>
 */
@FunctionalInterface
public interface StageSchedule {

  /** The stages, built per invocation (a stage may depend on when the invocation started). */
  List<Function<LambdaBudget, Pipeline<?>>> stages();

  /**
   * The policy of every stage's pipeline ({@link ScheduledStages#requiredPermissions}); override to add what the
   * stages read while they are built, outside their pipelines.
   */
  default IamPolicy requiredPermissions(IamScope scope) {
    return ScheduledStages.of(stages()).requiredPermissions(scope);
  }
}
