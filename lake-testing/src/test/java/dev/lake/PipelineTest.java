package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.BadRowException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineTest {
  record Sale(String invoice, int quantity, double price) {}

  record Line(String invoice, double amount) {}

  private static List<Sale> sales(int n) {
    return IntStream.range(0, n).mapToObj(i -> new Sale("INV" + i, i % 5 - 1, 1.5)).toList();
  }

  @Test
  void run_mapFilterFlatMap_countsEveryRowPerStep() {
    InMemorySink<Line> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(100)).withSplits(4))
        .named("sales-test")
        .filter("positive", s -> s.quantity() > 0)
        .flatMap("twice", s -> List.of(s, s))
        .map("to-line", s -> new Line(s.invoice(), s.quantity() * s.price()))
        .to(sink)
        .run();

    assertThat(sink.rows()).hasSize(120); // 60 positive rows, doubled
    assertThat(result.rowsIn()).isEqualTo(100);
    assertThat(result.steps()).extracting(StepReport::name)
        .containsExactly("positive", "twice", "to-line");
    assertThat(result.steps().get(0).filtered()).isEqualTo(40);
    assertThat(result.steps().get(1).out()).isEqualTo(120);
    assertThat(result.rowsWritten()).isEqualTo(120);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.splits()).isEqualTo(4);
  }

  @Test
  void run_stepThrowsUnderFailFast_failsNamingStepAndPosition() {
    Pipeline<Line> p = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .map("divide", s -> new Line(s.invoice(), 10 / s.quantity()))
        .to(InMemorySink.create());

    assertThatThrownBy(p::run)
        .isInstanceOf(BadRowException.class)
        .hasMessageContaining("divide rejected memory:sales:2")
        .hasMessageContaining("ArithmeticException: / by zero");
  }

  @Test
  void run_collectPolicy_keepsBadRowsAndWritesTheRest() {
    InMemorySink<Line> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .map("divide", s -> new Line(s.invoice(), 10 / s.quantity()))
        .to(sink)
        .onBadRows(BadRowPolicy.collect(5))
        .run();

    assertThat(sink.rows()).hasSize(8);
    assertThat(result.rowsRejected()).isEqualTo(2);
    assertThat(result.rowsIn()).isEqualTo(result.rowsWritten() + result.rowsRejected());
    assertThat(result.badRows()).extracting(BadRow::step).containsOnly("divide");
    assertThat(result.badRows()).extracting(BadRow::position)
        .containsExactlyInAnyOrder("memory:sales:2", "memory:sales:7");
    assertThat(result.badRows().get(0).value()).contains("INV");
  }

  @Test
  void run_moreBadRowsThanAllowed_failsAndCommitsNothing() {
    InMemorySink<Line> sink = InMemorySink.create();
    Pipeline<Line> p = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .map("divide", s -> new Line(s.invoice(), 10 / s.quantity()))
        .to(sink)
        .onBadRows(BadRowPolicy.collect(1));

    assertThatThrownBy(p::run).isInstanceOf(BadRowException.class).hasMessageContaining("More than 1 bad rows")
        .satisfies(e -> assertThat(((BadRowException) e).rows()).hasSize(2));
    assertThat(sink.rows()).isEmpty();
  }

  @Test
  void run_sameInputTwice_sinkKeepsOneCopy() {
    InMemorySink<Sale> sink = InMemorySink.create();
    Pipeline<Sale> p = Pipeline.from(InMemorySource.of("sales", sales(10)).withSplits(3)).to(sink);

    PipelineResult first = p.run();
    PipelineResult second = p.run();

    assertThat(first.commitKey()).isEqualTo(second.commitKey());
    assertThat(sink.rows()).hasSize(10);
  }

  @Test
  void run_sinkThrowsUncheckedBehindSteps_failsTheRunInsteadOfRejectingRows() {
    dev.lake.io.Sink<Line> broken = new dev.lake.io.Sink<>() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public dev.lake.io.SinkWriter<Line> open(dev.lake.io.WriterContext ctx) {
        return new dev.lake.io.SinkWriter<>() {
          @Override
          public void write(Line row) {
            throw new IllegalStateException("connection pool closed");
          }

          @Override
          public dev.lake.io.WriterResult commit() {
            return dev.lake.io.WriterResult.of(0, 0, List.of());
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public dev.lake.io.CommitSummary commit(List<dev.lake.io.WriterResult> results, dev.lake.io.CommitContext c) {
        return dev.lake.io.CommitSummary.builder().sink("broken").build();
      }
    };
    Pipeline<Line> p = Pipeline.from(InMemorySource.of("sales", sales(5)))
        .filter("all", s -> true)
        .map("to-line", s -> new Line(s.invoice(), s.price()))
        .to(broken)
        .onBadRows(BadRowPolicy.collect(100));

    assertThatThrownBy(p::run).isInstanceOf(dev.lake.exceptions.SinkException.class)
        .hasMessageContaining("broken failed at memory:sales:1")
        .hasMessageContaining("connection pool closed");
  }

  @Test
  void run_laterStepRejects_earlierStepsDoNotCountItAsTheirs() {
    InMemorySink<Line> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .map("to-line", s -> new Line(s.invoice(), s.quantity()))
        .map("divide", l -> new Line(l.invoice(), 10 / (int) l.amount()))
        .to(sink)
        .onBadRows(BadRowPolicy.collect(5))
        .run();

    assertThat(result.steps().get(0).rejected()).isZero();
    assertThat(result.steps().get(1).rejected()).isEqualTo(2);
    assertThat(result.rowsAdded()).isZero();
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void withDeadline_reached_stopsReadingAndCommitsWhatWasRead() {
    InMemorySink<Sale> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(5_000)).withSplits(4))
        .apply(dev.lake.transforms.Step.<Sale, Sale>of("slow", (s, out) -> {
          Thread.sleep(1);
          out.accept(s);
        }))
        .to(sink)
        .withDeadline(java.time.Instant.now().plusMillis(300))
        .run();

    assertThat(result.stoppedAtDeadline()).isTrue();
    assertThat(result.rowsWritten()).isPositive().isLessThan(5_000);
    assertThat(sink.rows()).hasSize((int) result.rowsWritten());
    assertThat(result.reconciles()).isTrue();
    assertThat(result.summary()).contains("stopped at the deadline");
  }

  @Test
  void withDeadline_notReached_readsEverything() {
    InMemorySink<Sale> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(100)))
        .to(sink)
        .withDeadline(java.time.Instant.now().plusSeconds(60))
        .run();

    assertThat(result.stoppedAtDeadline()).isFalse();
    assertThat(sink.rows()).hasSize(100);
  }

  @Test
  void run_noSink_failsBeforeAnyIo() {
    assertThatThrownBy(() -> Pipeline.from(InMemorySource.of("sales", sales(1))).run())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Pipeline 'sales' has no sink: call .to(sink) before run()");
  }

  @Test
  void named_invalidName_failsWithTheRule() {
    assertThatThrownBy(() -> Pipeline.from(InMemorySource.of("sales", sales(1))).named("a/b"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid pipeline name 'a/b'");
  }

  @Test
  void deduplicate_repeatedKeys_keepsOnePerKey() {
    InMemorySink<Sale> sink = InMemorySink.create();

    Pipeline.from(InMemorySource.of("sales", sales(50)).withSplits(5))
        .deduplicate(Sale::quantity)
        .to(sink)
        .run();

    assertThat(sink.rows()).extracting(Sale::quantity).containsExactlyInAnyOrder(-1, 0, 1, 2, 3);
  }

  @Test
  void lookupJoin_missingKey_joinsWithNull() {
    InMemorySink<String> sink = InMemorySink.create();

    Pipeline.from(InMemorySource.of("sales", sales(3)))
        .lookupJoin(java.util.Map.of("INV0", "first"), Sale::invoice, (s, tag) -> s.invoice() + ":" + tag)
        .to(sink)
        .run();

    assertThat(sink.rows()).containsExactlyInAnyOrder("INV0:first", "INV1:null", "INV2:null");
  }
}
