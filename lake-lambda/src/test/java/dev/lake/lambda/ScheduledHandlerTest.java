package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Column;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.LocalContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledHandlerTest {
  record Count(@Column("n") int n) {}

  @TempDir
  Path dir;

  /** A handler as a user writes one: the stages of a schedule, nothing else. */
  static final class CountsHandler extends ScheduledHandler {
    CountsHandler(StageSchedule schedule) {
      super(schedule);
    }
  }

  private StageSchedule counts(Lake lake) {
    Function<LambdaBudget, Pipeline<?>> capture = b -> Pipeline.from(InMemorySource.of("counts",
        List.of(new Count(1), new Count(2), new Count(3)))).named("capture").to(lake.processed("counts"));
    Function<LambdaBudget, Pipeline<?>> copy = b -> Pipeline.from(lake.read("counts", Count.class)).named("copy")
        .to(lake.processed("copies"));
    return () -> List.of(capture, copy);
  }

  @Test
  void handleRequest_runsTheStagesInOrderAndReturnsOneSummaryLineEach() {
    Lake lake = Lake.at(dir.toUri());

    String answer = new CountsHandler(counts(lake))
        .handleRequest(new ScheduledEvent(), new LocalContext("counts", Duration.ofMinutes(5)));

    assertThat(answer.lines()).hasSize(2);
    assertThat(answer.lines().toList().get(0)).contains("capture");
    assertThat(answer.lines().toList().get(1)).contains("copy");
    assertThat(lake.read("copies", Count.class).readAll()).extracting(Count::n).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void handleRequest_lessThanAMinuteLeft_startsNoStage() {
    Lake lake = Lake.at(dir.toUri());

    assertThatThrownBy(() -> new CountsHandler(counts(lake))
        .handleRequest(new ScheduledEvent(), LocalContext.frozen("counts", Duration.ofSeconds(50))))
        .isInstanceOf(LakeException.class).hasMessageContaining("not starting stage 1 of 2");
    assertThat(lake.latest("counts")).isEmpty();
  }

  @Test
  void requiredPermissions_areTheStagesAndTheFunctionsLogStreams() {
    Lake lake = Lake.at("s3://my-bucket/lake");
    IamScope scope = IamScope.of("eu-west-1", "123456789012");
    StageSchedule schedule = counts(lake);

    IamPolicy policy = new CountsHandler(schedule).requiredPermissions(scope, "lake-counts");

    assertThat(policy).isEqualTo(ScheduledStages.of(schedule.stages()).requiredPermissions(scope)
        .and(FunctionPermissions.logs("lake-counts", scope)));
    assertThat(policy.toJson()).contains("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/lake-counts");
  }

  @Test
  void newHandler_noScheduleOrNegativeMinimum_failsNamingTheFix() {
    assertThatThrownBy(() -> new CountsHandler(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("give the stages to run");
    assertThatThrownBy(() -> new ScheduledHandler(() -> List.of(), Duration.ofSeconds(-1)) {})
        .isInstanceOf(ValidationException.class).hasMessageContaining("must be >= 0 but was PT-1S");
  }
}
