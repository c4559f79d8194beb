package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a pipeline on a schedule (an EventBridge rule's {@link ScheduledEvent}). Build the parts once, at init (in a
 * static field); per invocation the runner asks for the pipeline bounded by the invocation's {@link LambdaBudget}
 * (usually by passing {@code budget.remaining()} to a bounded source), runs it and returns its summary line. A run
 * that cannot start with at least {@link #withMinimumRunTime} left fails instead of being cut short. For several
 * pipelines in order within one invocation (a capture, then what reads it), use {@link ScheduledStages}.
 *
 * <pre>{@code
 * import software.amazon.awssdk.services.kinesis.KinesisClient;
 *
 * public final class WeeklyEtl implements RequestHandler<ScheduledEvent, String> {
 *   private static final Lake LAKE = Lake.at(System.getenv("LAKE_ROOT"));   // e.g. s3://my-bucket/lake
 *   private static final KinesisClient KINESIS = KinesisClient.create();
 *   private static final ScheduledRunner RUNNER = ScheduledRunner.of(budget -> Pipeline
 *       .from(KinesisSource.fromStream("sales").withClient(KINESIS).as(Sale.class).withMaxDuration(budget.remaining()))
 *       .named("sales-consumer").to(LAKE.processed("sales")));
 *
 *   public String handleRequest(ScheduledEvent event, Context context) {
 *     return RUNNER.handle(event, context).summary();
 *   }
 * }
 * }</pre>
 */
public final class ScheduledRunner {
  private final Function<LambdaBudget, Pipeline<?>> pipeline;
  private final Duration margin;
  private final Duration minimum;

  private ScheduledRunner(Function<LambdaBudget, Pipeline<?>> pipeline, Duration margin, Duration minimum) {
    this.pipeline = pipeline;
    this.margin = margin;
    this.minimum = minimum;
  }

  /** A runner of the pipeline {@code pipeline} builds for a budget (default margin 10 s). */
  public static ScheduledRunner of(Function<LambdaBudget, Pipeline<?>> pipeline) {
    return new ScheduledRunner(Objects.requireNonNull(pipeline, "pipeline"), Duration.ofSeconds(10), Duration.ZERO);
  }

  /** Time kept back from the Lambda's remaining time for the commit and the response (default 10 s). */
  public ScheduledRunner withSafetyMargin(Duration safetyMargin) {
    return new ScheduledRunner(pipeline, Objects.requireNonNull(safetyMargin, "margin"), minimum);
  }

  /** Fails instead of starting a run with less than this left (default zero). */
  public ScheduledRunner withMinimumRunTime(Duration minimumRunTime) {
    return new ScheduledRunner(pipeline, margin, Objects.requireNonNull(minimumRunTime, "minimumRunTime"));
  }

  /** Runs the pipeline once for this invocation. */
  public PipelineResult handle(ScheduledEvent event, Context context) {
    LambdaBudget budget = LambdaBudget.of(context, margin);
    if (budget.remaining().compareTo(minimum) < 0 || budget.expired()) {
      throw new LakeException("Only " + budget.remaining().toMillis() + " ms left of the invocation"
          + (event == null || event.getId() == null ? "" : " for event " + event.getId()) + ": not starting a run. "
          + "Raise the function's timeout or lower withSafetyMargin / withMinimumRunTime.");
    }
    return pipeline.apply(budget).run();
  }
}
