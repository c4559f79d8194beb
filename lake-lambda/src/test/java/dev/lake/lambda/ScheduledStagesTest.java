package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Column;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.exceptions.LakeException;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.LocalContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledStagesTest {
  record Count(@Column("n") int n) {}

  @TempDir
  Path dir;

  @Test
  void handle_threeStages_runInOrderEachBuiltAfterThePreviousCommittedWithOneBudget() {
    Lake lake = Lake.at(dir.toUri());
    List<String> built = new ArrayList<>();
    List<LambdaBudget> budgets = new ArrayList<>();
    Function<LambdaBudget, Pipeline<?>> first = b -> {
      built.add("first");
      budgets.add(b);
      return Pipeline.from(InMemorySource.of("one", List.of(new Count(1), new Count(2)))).named("first")
          .to(lake.processed("counts"));
    };
    Function<LambdaBudget, Pipeline<?>> second = b -> {
      // built only now: sees what the first stage committed
      built.add("second saw " + lake.read("counts", Count.class).readAll().size());
      budgets.add(b);
      return Pipeline.from(lake.read("counts", Count.class)).named("second").to(lake.processed("copies"));
    };
    Function<LambdaBudget, Pipeline<?>> third = b -> {
      built.add("third saw " + lake.read("copies", Count.class).readAll().size());
      budgets.add(b);
      return Pipeline.from(InMemorySource.of("none", List.<Count>of())).named("third").to(lake.processed("empty"));
    };

    List<PipelineResult> results = ScheduledStages.of(List.of(first, second, third))
        .handle(new ScheduledEvent(), new LocalContext("test", Duration.ofMillis(60_000)));

    assertThat(built).containsExactly("first", "second saw 2", "third saw 2");
    assertThat(results).extracting(PipelineResult::rowsWritten).containsExactly(2L, 2L, 0L);
    assertThat(budgets).hasSize(3).allSatisfy(b -> assertThat(b).isSameAs(budgets.get(0)));
    assertThat(ScheduledStages.summaries(results).lines()).hasSize(3);
  }

  @Test
  void handle_notEnoughLeftForTheSecondStage_failsNamingItAndKeepsTheFirstCommitted() {
    Lake lake = Lake.at(dir.toUri());
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    Function<LambdaBudget, Pipeline<?>> slow = b -> {
      nanos.addAndGet(Duration.ofMillis(1_500).toNanos()); // uses up the budget above the minimum, on the test's clock
      return Pipeline.from(InMemorySource.of("one", List.of(new Count(1)))).named("slow").to(lake.processed("a"));
    };
    List<String> second = new ArrayList<>();
    ScheduledStages stages = ScheduledStages.of(List.of(slow, b -> {
      second.add("built");
      return Pipeline.from(InMemorySource.of("two", List.of(new Count(2)))).named("late").to(lake.processed("b"));
    })).withSafetyMargin(Duration.ZERO).withMinimumRunTime(Duration.ofSeconds(2)).withTicker(nanos::get);

    assertThatThrownBy(() -> stages.handle(new ScheduledEvent(), LocalContext.frozen("test", Duration.ofMillis(3_000))))
        .isInstanceOf(LakeException.class)
        .hasMessageMatching("Only 1500 ms left of the invocation: not starting stage 2 of 2 \\(stages 1-1 committed\\)"
            + "\\. .*");
    assertThat(second).isEmpty();
    assertThat(lake.latest("a")).isPresent();
    assertThat(lake.latest("b")).isEmpty();
  }

  @Test
  void of_noStages_failsClearly() {
    assertThatThrownBy(() -> ScheduledStages.of(List.of())).hasMessageContaining("at least one stage");
  }
}
