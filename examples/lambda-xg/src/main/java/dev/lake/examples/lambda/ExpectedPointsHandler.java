package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.PipelineResult;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.xg.ExpectedPoints;
import dev.lake.examples.xg.TeamSeason;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
import dev.lake.lambda.ScheduledRunner;
import java.time.Duration;
import java.util.List;

/**
 * The expected-goals use case as a scheduled Lambda (an EventBridge rule, e.g. every Monday in the season): the
 * Understat files under {@code <LAKE_DATA>/epl_2020_21_xg/understat/} into {@code team_matches}, then the season
 * table {@code team_season} (both replaced by the run). Environment: {@code LAKE_ROOT}, {@code LAKE_DATA} (and
 * {@code LAKE_S3_ENDPOINT} off AWS); {@code LAKE_FORMAT=iceberg} writes the Iceberg tables {@code xg.team_matches}
 * and {@code xg.team_season} instead (catalog from {@code LAKE_ICEBERG_CATALOG}), see {@link HandlerSettings}.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.ExpectedPointsHandler::handleRequest   (jar: target/lake-xg-handler.jar)
 * Schedule: cron(0 6 ? * MON *)
 * }</pre>
 */
public final class ExpectedPointsHandler implements RequestHandler<ScheduledEvent, String> {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-xg}). */
  public static final String FUNCTION_NAME = "lake-xg";

  private final ExpectedPoints xg;
  private final boolean inLake;

  /** Configured from the environment, once per Lambda container. */
  public ExpectedPointsHandler() {
    this(HandlerSettings.fromEnvironment());
  }

  ExpectedPointsHandler(HandlerSettings settings) {
    var to = settings.destination();
    xg = new ExpectedPoints(settings.data(), to);
    inLake = to.inLake();
  }

  /**
   * Runs the handler once outside Lambda, as the schedule would:
   * {@code LAKE_ROOT=… LAKE_DATA=… java -cp lake-xg-handler.jar dev.lake.examples.lambda.ExpectedPointsHandler}.
   */
  public static void main(String[] args) {
    System.out.println(new ExpectedPointsHandler().handleRequest(new ScheduledEvent(), null));
  }

  /**
   * The least-privilege policy of the function's role, generated: reading the Understat files, writing
   * {@code team_matches}, reading it back and writing {@code team_season}, and the function's own log streams.
   * {@code iam-policy.json} is this policy for the README's placeholders; {@code IamPolicyFileTest} keeps it in step.
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    return xg.requiredPermissions(scope).and(FunctionPermissions.logs(functionName, scope));
  }

  /** Writes team_matches, then team_season; returns the summary and the leader. */
  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    PipelineResult matches = ScheduledRunner.of(budget -> xg.teamMatches()).withMinimumRunTime(Duration.ofSeconds(30))
        .handle(event, context);
    if (!matches.reconciles()) {
      throw new IllegalStateException("team_matches does not reconcile: " + matches.summary());
    }
    if (!inLake) { // Iceberg tables: the season table is written, not read back here
      PipelineResult season = xg.teamSeason().run();
      return matches.summary() + "\n" + season.summary();
    }
    List<TeamSeason> table = xg.season();
    return matches.summary() + "\n" + ExpectedPoints.SEASON + ": " + table.size() + " teams, leader "
        + (table.isEmpty() ? "none" : table.get(0).team() + " with " + table.get(0).points() + " points");
  }
}
