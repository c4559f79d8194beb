package dev.lake.examples.lambda.football;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
import dev.lake.lambda.ScheduledStages;
import java.time.Duration;

/**
 * The football use case on a schedule (an EventBridge rule, e.g. {@code cron(0 6 * * ? *)}): new fixtures and
 * statistics from API-Football into {@code raw/api-football/}, then {@code processed/fixtures},
 * {@code fixture_statistics}, {@code team_codes} and {@code tweets_sentiment}. Configured by the environment (see
 * {@link FootballSchedule}); the stages run through {@link ScheduledStages} within one budget, so a stage that cannot
 * start with a minute left fails instead of being cut short, and the next invocation resumes from the committed
 * cursors.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.football.FootballHandler::handleRequest
 * Environment: LAKE_URI=s3://my-bucket/lake, API_FOOTBALL_KEY=...
 * }</pre>
 */
public final class FootballHandler implements RequestHandler<ScheduledEvent, String> {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-football}). */
  public static final String FUNCTION_NAME = "lake-football";

  private final FootballSchedule schedule;

  /** The handler Lambda instantiates: configured by the function's environment. */
  public FootballHandler() {
    this(FootballSchedule.fromEnv(System.getenv()));
  }

  FootballHandler(FootballSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return ScheduledStages.summaries(stages().handle(event, context));
  }

  /**
   * The least-privilege policy of the function's role, generated from the stages this configuration runs (see
   * {@link FootballSchedule#requiredPermissions}) and the function's own log streams. {@code iam-policy.json} is this
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
