package dev.lake.examples.lambda.tweets;

import dev.lake.lambda.ScheduledHandler;
import dev.lake.lambda.ScheduledStages;

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
public final class TweetsHandler extends ScheduledHandler {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-tweets}). */
  public static final String FUNCTION_NAME = "lake-tweets";

  /** The handler Lambda instantiates: configured by the function's environment. */
  public TweetsHandler() {
    this(TweetsSchedule.fromEnv(System.getenv()));
  }

  TweetsHandler(TweetsSchedule schedule) {
    super(schedule);
  }
}
