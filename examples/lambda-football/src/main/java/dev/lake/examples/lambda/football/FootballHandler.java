package dev.lake.examples.lambda.football;

import dev.lake.lambda.ScheduledHandler;
import dev.lake.lambda.ScheduledStages;

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
public final class FootballHandler extends ScheduledHandler {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-football}). */
  public static final String FUNCTION_NAME = "lake-football";

  /** The handler Lambda instantiates: configured by the function's environment. */
  public FootballHandler() {
    this(FootballSchedule.fromEnv(System.getenv()));
  }

  FootballHandler(FootballSchedule schedule) {
    super(schedule);
  }
}
