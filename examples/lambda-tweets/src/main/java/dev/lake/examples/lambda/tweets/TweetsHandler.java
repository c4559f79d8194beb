package dev.lake.examples.lambda.tweets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
import dev.lake.lambda.ScheduledStages;
import java.time.Duration;

/**
 * The tweets use case on a schedule (an EventBridge rule, e.g. {@code rate(15 minutes)}): recent-search pages newer
 * than the committed {@code since_id} into {@code raw/twitter/tweets/}, then the new tweets appended to
 * {@code processed/tweets} (partitioned by day). Configured by the environment (see {@link TweetsSchedule}); the
 * stages run through {@link ScheduledStages} within one budget, so a stage that cannot start with a minute left
 * fails instead of being cut short, and the next invocation resumes from the committed cursor.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.tweets.TweetsHandler::handleRequest
 * Environment: LAKE_URI=s3://my-bucket/lake, TWITTER_BEARER_TOKEN=..., QUERY=#PremierLeague -is:retweet
 * }</pre>
 */
public final class TweetsHandler implements RequestHandler<ScheduledEvent, String> {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-tweets}). */
  public static final String FUNCTION_NAME = "lake-tweets";

  private final TweetsSchedule schedule;

  /** The handler Lambda instantiates: configured by the function's environment. */
  public TweetsHandler() {
    this(TweetsSchedule.fromEnv(System.getenv()));
  }

  TweetsHandler(TweetsSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return ScheduledStages.summaries(stages().handle(event, context));
  }

  /**
   * The least-privilege policy of the function's role, generated from the stages this configuration runs (see
   * {@link TweetsSchedule#requiredPermissions}) and the function's own log streams. {@code iam-policy.json} is this
   * policy for the README's placeholders; {@code IamPolicyFileTest} keeps it in step.
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    return schedule.requiredPermissions(scope).and(FunctionPermissions.logs(functionName, scope));
  }

  /** This invocation's stages (built per invocation: a stage may depend on when the invocation started). */
  private ScheduledStages stages() {
    return ScheduledStages.of(schedule.stages()).withMinimumRunTime(Duration.ofMinutes(1));
  }
}
