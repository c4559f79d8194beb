package dev.lake.examples.lambda.football;

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
 * The football use case on a schedule (an EventBridge rule, e.g. {@code cron(0 6 * * ? *)}): new fixtures and
 * statistics from API-Football into {@code raw/api-football/}, then {@code processed/fixtures},
 * {@code fixture_statistics}, {@code team_codes} and {@code tweets_sentiment}. Configured by the environment (see
 * {@link FootballSchedule}); each stage runs through a {@link ScheduledRunner}, so a stage that cannot start with a
 * minute left fails instead of being cut short, and the next invocation resumes from the committed cursors.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.football.FootballHandler::handleRequest
 * Environment: LAKE_URI=s3://my-bucket/lake, API_FOOTBALL_KEY=...
 * }</pre>
 */
public final class FootballHandler implements RequestHandler<ScheduledEvent, String> {
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
