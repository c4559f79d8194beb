package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.time.Duration;

/**
 * A Lambda handler for an EventBridge schedule that runs a {@link StageSchedule}'s stages in order within one budget
 * ({@link ScheduledStages}): a stage that cannot start with the minimum run time left (one minute unless given) fails
 * instead of being cut short, and the next invocation resumes from the committed cursors. It returns the runs'
 * summary lines. Extend it with a public no-argument constructor, the class Lambda instantiates.
 *
 * <pre>{@code
 * public final class DailyHandler extends ScheduledHandler {
 *   private static final Lake LAKE = Lake.at(System.getenv("LAKE_ROOT"));   // e.g. s3://my-bucket/lake
 *   private static final RecentSearch SEARCH = RecentSearch.query("#dataengineering -is:retweet");
 *
 *   public DailyHandler() {
 *     super(() -> List.of(
 *         budget -> LiveTweets.capture(SEARCH, LAKE).withDeadline(budget.deadline()),
 *         budget -> LiveTweets.process(LAKE, Instant.now().minus(Duration.ofMinutes(15)))));
 *   }
 * }
 * }</pre>
 */
public abstract class ScheduledHandler implements RequestHandler<ScheduledEvent, String> {
  private final StageSchedule schedule;
  private final Duration minimumRunTime;

  /** Runs {@code schedule}'s stages, each refused with less than a minute left. */
  protected ScheduledHandler(StageSchedule schedule) {
    this(schedule, Duration.ofMinutes(1));
  }

  /** Runs {@code schedule}'s stages, each refused with less than {@code minimumRunTime} left. */
  protected ScheduledHandler(StageSchedule schedule, Duration minimumRunTime) {
    ValidationException.check(schedule != null, "ScheduledHandler: give the stages to run (a StageSchedule)");
    ValidationException.check(minimumRunTime != null && !minimumRunTime.isNegative(),
        "ScheduledHandler: the minimum run time must be >= 0 but was %s", minimumRunTime);
    this.schedule = schedule;
    this.minimumRunTime = minimumRunTime;
  }

  /** Runs the stages (built for this invocation) and returns their summary lines, one per stage. */
  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return ScheduledStages.summaries(
        ScheduledStages.of(schedule.stages()).withMinimumRunTime(minimumRunTime).handle(event, context));
  }

  /**
   * The least-privilege policy of the function's role: the schedule's ({@link StageSchedule#requiredPermissions})
   * and the function's own log streams ({@link FunctionPermissions#logs}).
   */
  public IamPolicy requiredPermissions(IamScope scope, String functionName) {
    return schedule.requiredPermissions(scope).and(FunctionPermissions.logs(functionName, scope));
  }
}
