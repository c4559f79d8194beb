package dev.lake.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.testing.LocalContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LambdaBudgetTest {

  @Test
  void of_noContextOutsideLambda_isUnboundedWithoutOverflow() {
    LambdaBudget budget = LambdaBudget.of(null, Duration.ofSeconds(10));

    assertThat(budget.expired()).isFalse();
    assertThat(budget.remaining()).isGreaterThan(Duration.ofDays(365 * 50));
    assertThat(budget.deadline()).isAfter(Instant.now().plus(Duration.ofDays(365 * 50)));
  }

  @Test
  void deadline_remainingTimeLessMargin_fromNow() {
    Instant before = Instant.now();
    LambdaBudget budget = LambdaBudget.of(new LocalContext("test", Duration.ofMillis(30_000)), Duration.ofSeconds(10));

    assertThat(budget.deadline()).isBetween(before.plusSeconds(19), before.plusSeconds(21));
    assertThat(budget.expired()).isFalse();
  }

  @Test
  void of_noContext_hasNoDeadlineAndDoesNotOverflow() {
    LambdaBudget budget = LambdaBudget.of(null, Duration.ofSeconds(10));

    assertThat(budget.expired()).isFalse();
    assertThat(budget.remaining()).isGreaterThan(Duration.ofDays(365));
    assertThat(budget.deadline()).isAfter(Instant.now().plus(Duration.ofDays(365)));
  }

  @Test
  void deadline_alreadySpent_stopsThePipelineAtOnceAndCommits() {
    LambdaBudget spent = LambdaBudget.of(new LocalContext("test", Duration.ofMillis(1_000)), Duration.ofSeconds(5));
    InMemorySink<Integer> sink = InMemorySink.create();
    List<Integer> rows = IntStream.range(0, 1_000).boxed().toList();

    PipelineResult result = Pipeline.from(InMemorySource.of("rows", rows)).to(sink)
        .withDeadline(spent.deadline()).run();

    assertThat(spent.expired()).isTrue();
    assertThat(result.stoppedAtDeadline()).isTrue();
    assertThat(result.rowsWritten()).isZero();
    assertThat(result.reconciles()).isTrue();
  }
}
