package dev.lake.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.examples.Destination;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.sparkify.Sparkify;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.FunctionPermissions;
import dev.lake.lambda.ScheduledRunner;
import java.net.URI;
import java.time.Duration;

/**
 * The Sparkify star schema as a scheduled Lambda (an EventBridge rule, e.g. daily): the song files and event logs
 * under {@code <LAKE_DATA>/sparkify/} into {@code songs}, {@code artists}, {@code users}, {@code time} and
 * {@code songplays} (each replaced by the run). A table is not started with less than a minute left, so a run
 * that would be cut short fails instead and the next one starts over. Environment: {@code LAKE_ROOT},
 * {@code LAKE_DATA} (and {@code LAKE_S3_ENDPOINT} off AWS); {@code LAKE_FORMAT=iceberg} writes Iceberg tables
 * {@code sparkify.*} instead (catalog from {@code LAKE_ICEBERG_CATALOG}), see {@link HandlerSettings}.
 *
 * <pre>{@code
 * Handler: dev.lake.examples.lambda.SparkifyHandler::handleRequest   (jar: target/lake-sparkify-handler.jar)
 * Schedule: cron(0 3 * * ? *)
 * }</pre>
 */
public final class SparkifyHandler implements RequestHandler<ScheduledEvent, String> {
  /** The function name the README deploys it as (its log group is {@code /aws/lambda/lake-sparkify}). */
  public static final String FUNCTION_NAME = "lake-sparkify";

  private final Destination to;
  private final URI data;

  /** Configured from the environment, once per Lambda container. */
  public SparkifyHandler() {
    this(HandlerSettings.fromEnvironment());
  }

  SparkifyHandler(HandlerSettings settings) {
    to = settings.destination();
    data = settings.data();
  }

  /**
   * Runs the handler once outside Lambda, as the schedule would:
   * {@code LAKE_ROOT=… LAKE_DATA=… java -cp lake-sparkify-handler.jar dev.lake.examples.lambda.SparkifyHandler}.
   */
  public static void main(String[] args) {
    System.out.println(new SparkifyHandler().handleRequest(new ScheduledEvent(), null));
  }

  /**
   * The least-privilege policy of the function's role, generated: the five pipelines' policies (reading
   * {@code <LAKE_DATA>/sparkify/}, writing the five tables) and the function's own log streams.
   * {@code iam-policy.json} is this policy for the README's placeholders; {@code IamPolicyFileTest} keeps it in step.
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    IamPolicy policy = FunctionPermissions.logs(functionName, scope);
    for (Pipeline<?> pipeline : Sparkify.pipelines(data, to)) {
      policy = policy.and(pipeline.requiredPermissions(scope));
    }
    return policy;
  }

  /** Runs the five pipelines, dimensions first; returns their summary lines. */
  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    StringBuilder out = new StringBuilder();
    for (Pipeline<?> pipeline : Sparkify.pipelines(data, to)) {
      PipelineResult r = ScheduledRunner.of(budget -> pipeline).withMinimumRunTime(Duration.ofMinutes(1))
          .handle(event, context);
      if (!r.reconciles()) {
        throw new IllegalStateException("Sparkify does not reconcile: " + r.summary());
      }
      out.append(r.summary()).append('\n');
    }
    return out.toString();
  }
}
