package dev.lake.examples.lambda.tweets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.lambda.LambdaBudget;
import dev.lake.lambda.ScheduledRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tweets use case on a schedule (an EventBridge rule, e.g. {@code rate(15 minutes)}): recent-search pages newer
 * than the committed {@code since_id} into {@code raw/twitter/tweets/}, then the new tweets appended to
 * {@code processed/tweets} (partitioned by day). Configured by the environment (see {@link TweetsSchedule}); each
 * stage runs through a {@link ScheduledRunner}, so a stage that cannot start with a minute left fails instead of
 * being cut short, and the next invocation resumes from the committed cursor.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.tweets.TweetsHandler::handleRequest
 * Environment: LAKE_URI=s3://my-bucket/lake, TWITTER_BEARER_TOKEN=..., QUERY=#PremierLeague -is:retweet
 * }</pre>
 */
public final class TweetsHandler implements RequestHandler<ScheduledEvent, String> {
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
    List<String> lines = new ArrayList<>();
    for (Function<LambdaBudget, Pipeline<?>> stage : schedule.stages()) {
      PipelineResult result = ScheduledRunner.of(stage).withMinimumRunTime(Duration.ofMinutes(1))
          .handle(event, context);
      lines.add(result.summary());
      if (context != null) {
        context.getLogger().log(result.summary());
      }
    }
    return String.join("\n", lines);
  }
}
