package dev.lake;

import dev.lake.internal.lake.LakeRoot;
import dev.lake.internal.lake.ManifestStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.RetailLines.Line;
import dev.lake.exceptions.BadRowException;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.BadRow;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.transforms.Aggregator;
import dev.lake.transforms.Step;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregates in whole runs on a local lake with several workers, checked against totals computed by hand from the
 * Online Retail lines: partial totals merged once, bad rows, empty input, steps after the aggregate, the deadline.
 */
class AggregatePipelineTest {
  @TempDir
  Path dir;

  /** A row of the aggregate's output: one country's month. */
  record CountryMonth(String country, String month, long quantity, long lines,
      @Decimal(precision = 18, scale = 3) BigDecimal revenue) {}

  /** Several totals in one accumulator (mutable: add and merge return their first argument). */
  static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    long quantity;
    long lines;
    BigDecimal revenue = BigDecimal.ZERO;

    Totals add(Line l) {
      if (l.quantity() <= -10_000) { // before anything changes: the row is rejected, not half counted
        throw new IllegalArgumentException("implausible quantity " + l.quantity() + " on invoice " + l.invoice());
      }
      quantity += l.quantity();
      lines++;
      revenue = revenue.add(l.amount());
      return this;
    }

    Totals merge(Totals o) {
      quantity += o.quantity;
      lines += o.lines;
      revenue = revenue.add(o.revenue);
      return this;
    }
  }

  static final Aggregator<Line, Totals, Totals> TOTALS = Aggregator.of(Totals::new, Totals::add, Totals::merge);

  private static CountryMonth row(List<String> key, Totals t) {
    return new CountryMonth(key.get(0), key.get(1), t.quantity, t.lines, t.revenue.setScale(3));
  }

  private static Pipeline<CountryMonth> byCountryMonth(List<Line> lines, int splits) {
    return Pipeline.from(InMemorySource.of("retail", lines).withSplits(splits))
        .named("retail-by-country-month")
        .aggregate("country-month", l -> List.of(l.country(), l.month()), TOTALS, AggregatePipelineTest::row);
  }

  /** Countries the key function of the bad-row test has no region for (they do occur in the quarter). */
  static final List<String> NO_REGION = List.of("Bahrain", "Saudi Arabia");

  /** Lines the bad-row test's key function or {@code Totals.add} refuse. */
  static boolean refused(Line l) {
    return l.quantity() <= -10_000 || NO_REGION.contains(l.country());
  }

  /** The same totals by hand: "country|month" -> row, skipping the lines {@code Totals.add} refuses. */
  private static Map<String, CountryMonth> byHand(List<Line> lines) {
    Map<String, CountryMonth> out = new TreeMap<>();
    for (Line l : lines) {
      if (refused(l)) {
        continue;
      }
      out.merge(l.country() + "|" + l.month(), new CountryMonth(l.country(), l.month(), l.quantity(), 1,
          l.amount().setScale(3)), (a, b) -> new CountryMonth(a.country(), a.month(), a.quantity() + b.quantity(),
          a.lines() + b.lines(), a.revenue().add(b.revenue())));
    }
    return out;
  }

  private static Map<String, CountryMonth> byKey(List<CountryMonth> rows) {
    Map<String, CountryMonth> out = new TreeMap<>();
    rows.forEach(r -> assertThat(out.put(r.country() + "|" + r.month(), r)).as("one row per group").isNull());
    return out;
  }

  @Test
  void aggregate_threeWorkers_totalsEqualTheLinesTotalledByHand_andTheReportReconciles() {
    List<Line> lines = RetailLines.firstQuarter2011().stream().filter(l -> !refused(l)).toList();
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = byCountryMonth(lines, 12).withParallelism(3).to(lake.processed("by_country_month"))
        .run();

    Map<String, CountryMonth> expected = byHand(lines);
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(byKey(lake.read("by_country_month", CountryMonth.class).readAll())).isEqualTo(expected);
    StepReport step = result.steps().get(0);
    assertThat(step.in()).isEqualTo(lines.size());
    assertThat(step.out()).isEqualTo(expected.size());
    assertThat(step.batched()).isEqualTo(lines.size());
    assertThat(step.grouped()).isEqualTo(lines.size() - expected.size());
    assertThat(result.rowsWritten()).isEqualTo(expected.size());
    assertThat(result.rowsFiltered()).isZero();
    assertThat(result.rowsIn()).isEqualTo(result.rowsWritten() + result.rowsGrouped());
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void aggregate_otherParallelism_writesTheSameTotalsInOneFileAfterTheWorkers() throws Exception {
    List<Line> lines = RetailLines.firstQuarter2011().subList(0, 20_000).stream()
        .filter(l -> !refused(l)).toList();
    Lake two = Lake.at(dir.resolve("two").toString());
    Lake four = Lake.at(dir.resolve("four").toString());

    byCountryMonth(lines, 8).withParallelism(2).to(two.processed("totals")).run();
    byCountryMonth(lines, 8).withParallelism(4).to(four.processed("totals")).run();

    List<String> a = two.latest("totals").orElseThrow().files().stream().map(f -> f.path()).toList();
    List<String> b = four.latest("totals").orElseThrow().files().stream().map(f -> f.path()).toList();
    assertThat(a).hasSize(1);
    assertThat(b).hasSize(1);
    assertThat(a.get(0)).contains("-00008-"); // the aggregate's writer comes after the 8 splits' writers
    assertThat(a.get(0)).isNotEqualTo(b.get(0)); // names are unique to each run, never reused
    assertThat(two.read("totals").readAll().stream().map(Object::toString)).hasSameSizeAs(byHand(lines).keySet())
        .containsExactlyInAnyOrderElementsOf(four.read("totals").readAll().stream().map(Object::toString).toList());
    assertThat(ManifestStore.of(new LakeRoot(two.root())).latest("processed/totals").orElseThrow().ledger()).hasSize(8)
        .isEqualTo(ManifestStore.of(new LakeRoot(four.root())).latest("processed/totals").orElseThrow().ledger());
  }

  @Test
  void aggregate_keyOrAddThrows_badRowsOfTheStep_totalsWithoutThem() {
    List<Line> lines = RetailLines.firstQuarter2011();
    Lake lake = Lake.at(dir.toString());
    long noRegion = lines.stream().filter(l -> NO_REGION.contains(l.country())).count();
    long implausible = lines.stream().filter(l -> l.quantity() <= -10_000).count();
    assertThat(noRegion).isPositive();
    assertThat(implausible).isPositive();

    PipelineResult result = Pipeline.from(InMemorySource.of("retail", lines).withSplits(6))
        .named("retail-by-country-month")
        .withParallelism(3)
        .aggregate("country-month", l -> {
          if (NO_REGION.contains(l.country())) {
            throw new IllegalArgumentException("no region for " + l.country() + " on invoice " + l.invoice());
          }
          return List.of(l.country(), l.month());
        }, TOTALS, AggregatePipelineTest::row)
        .to(lake.processed("by_country_month"))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run();

    assertThat(byKey(lake.read("by_country_month", CountryMonth.class).readAll())).isEqualTo(byHand(lines));
    StepReport step = result.steps().get(0);
    assertThat(step.rejected()).isEqualTo(noRegion + implausible);
    assertThat(step.batched()).isEqualTo(lines.size() - noRegion - implausible);
    assertThat(result.reconciles()).isTrue();
    assertThat(result.rowsFiltered()).isZero();
    BadRow addFailed = result.badRows().stream().filter(b -> b.reason().contains("implausible")).findFirst()
        .orElseThrow();
    assertThat(addFailed.step()).isEqualTo("country-month");
    assertThat(addFailed.reason()).startsWith("IllegalArgumentException: implausible quantity -");
    assertThat(addFailed.position()).startsWith("memory:retail:");
    assertThat(result.badRows())
        .anySatisfy(b -> assertThat(b.reason()).contains("no region for Saudi Arabia on invoice"));
    assertThat(lake.read(result.rejectedDataset()).readAll()).hasSize((int) (noRegion + implausible));
  }

  @Test
  void aggregate_failFastKeyThrows_failsTheRun_andCommitsNothing() {
    Lake lake = Lake.at(dir.toString());

    assertThatThrownBy(() -> byCountryMonth(RetailLines.firstQuarter2011(), 4).withParallelism(2)
        .to(lake.processed("by_country_month")).run())
        .isInstanceOf(BadRowException.class).hasMessageContaining("country-month")
        .hasMessageContaining("implausible quantity");
    assertThat(lake.latest("by_country_month")).isEmpty();
  }

  @Test
  void aggregate_emptyInput_commitsNothing_andReconciles() {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = byCountryMonth(List.of(), 1).to(lake.processed("by_country_month")).run();

    assertThat(result.rowsWritten()).isZero();
    assertThat(result.steps().get(0)).isEqualTo(StepReport.builder().name("country-month").build());
    assertThat(result.reconciles()).isTrue();
    assertThat(lake.latest("by_country_month")).isEmpty(); // an append of no rows commits no version
  }

  @Test
  void aggregate_stepsAfterIt_runOnTheMergedGroups_aSecondAggregateIncluded() {
    List<Line> lines = RetailLines.firstQuarter2011().stream()
        .filter(l -> !refused(l)).toList();
    InMemorySink<String> sink = InMemorySink.create();

    PipelineResult result = byCountryMonth(lines, 9).withParallelism(3)
        .filter("over-1000", r -> r.quantity() > 1_000)
        .map("check", r -> {
          if (r.country().equals("France")) {
            throw new IllegalStateException("no shipping to " + r.country());
          }
          return r;
        })
        .aggregate("best-month", CountryMonth::country, Aggregator.max(CountryMonth::quantity),
            (country, max) -> country + "=" + max)
        .to(sink)
        .onBadRows(BadRowPolicy.collect(10))
        .run();

    Map<String, Long> best = new TreeMap<>();
    byHand(lines).values().stream().filter(r -> r.quantity() > 1_000 && !r.country().equals("France"))
        .forEach(r -> best.merge(r.country(), r.quantity(), Math::max));
    List<String> expected = new ArrayList<>();
    best.forEach((c, q) -> expected.add(c + "=" + q));
    assertThat(sink.rows()).containsExactlyElementsOf(expected); // one writer, groups in key order
    assertThat(result.steps().get(1).in()).isEqualTo(byHand(lines).size());
    assertThat(result.steps().get(3).out()).isEqualTo(expected.size());
    assertThat(result.reconciles()).isTrue();
    long franceMonths = byHand(lines).values().stream()
        .filter(r -> r.country().equals("France") && r.quantity() > 1_000).count();
    assertThat(result.steps().get(2).rejected()).isEqualTo(franceMonths).isPositive();
    assertThat(result.badRows().get(0).position()).startsWith("group [France, 2011-").endsWith(" of country-month");
  }

  @Test
  void validate_aggregateWithDeadline_isRefusedInEitherOrder() {
    Lake lake = Lake.at(dir.toString());
    Pipeline<CountryMonth> p = byCountryMonth(List.of(), 1).to(lake.processed("x"));

    assertThatThrownBy(() -> p.withDeadline(Instant.now().plusSeconds(60)).run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("aggregates (step 'country-month') and has a deadline")
        .hasMessageContaining("Remove withDeadline");
    assertThatThrownBy(() -> Pipeline.from(InMemorySource.of("retail", List.<Line>of()))
        .withDeadline(Instant.now().plusSeconds(60))
        .aggregate(Line::country, Aggregator.count(), (c, n) -> c + n).to(InMemorySink.create()).validate())
        .isInstanceOf(ValidationException.class).hasMessageContaining("step 'aggregate-1'");
    assertThat(lake.latest("x")).isEmpty();
  }

  /** An accumulator that forgot to implement Serializable. */
  static final class Tally {
    long n;

    Tally add() {
      n++;
      return this;
    }
  }

  @Test
  void validate_accumulatorNotSerializable_isRefused() {
    Aggregator<Line, Tally, Long> text = Aggregator.of(Tally::new, (t, l) -> t.add(), (a, b) -> a, t -> t.n);
    Pipeline<Long> p = Pipeline.from(InMemorySource.of("retail", List.<Line>of()))
        .aggregate("invoices", Line::country, text, (c, s) -> s).to(InMemorySink.create());

    assertThatThrownBy(p::validate).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Aggregate step 'invoices'").hasMessageContaining(Tally.class.getName())
        .hasMessageContaining("not Serializable");
  }

  /** Holds each worker at its first row until both have one: each reads one split, so two partials are merged. */
  static final class BothWorkers implements Step<Line, Line> {
    static final CyclicBarrier BARRIER = new CyclicBarrier(2);
    private transient boolean waited;

    @Override
    public String name() {
      return "both-workers";
    }

    @Override
    public void apply(Line row, java.util.function.Consumer<? super Line> out) throws Exception {
      if (!waited) {
        waited = true;
        BARRIER.await(30, TimeUnit.SECONDS);
      }
      out.accept(row);
    }

    @Override
    public Step<Line, Line> forWorker() {
      return new BothWorkers();
    }
  }

  @Test
  void aggregate_mergeThrows_failsTheRun_andCommitsNothing() {
    InMemorySink<String> sink = InMemorySink.create();
    List<Line> lines = RetailLines.firstQuarter2011().subList(0, 2_000);
    Aggregator<Line, Long, Long> noMerge = Aggregator.of(() -> 0L, (n, l) -> n + 1, (a, b) -> {
      throw new UnsupportedOperationException("no merge");
    });

    assertThatThrownBy(() -> Pipeline.from(InMemorySource.of("retail", lines).withSplits(2))
        .withParallelism(2)
        .apply(new BothWorkers())
        .aggregate("count", Line::country, noMerge, (c, n) -> c + "=" + n)
        .to(sink)
        .run())
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Aggregate step 'count' failed to merge the partial totals of key United Kingdom")
        .hasMessageContaining("UnsupportedOperationException: no merge").hasMessageContaining("Nothing is committed");
    assertThat(sink.rows()).isEmpty();
  }

  @Test
  void aggregate_resultThrows_failsTheRunNamingTheKey_andCommitsNothing() {
    Lake lake = Lake.at(dir.toString());
    InMemorySink<String> sink = InMemorySink.create();

    assertThatThrownBy(() -> Pipeline.from(InMemorySource.of("retail", RetailLines.firstQuarter2011()).withSplits(3))
        .withParallelism(3)
        .aggregate("count", Line::country, Aggregator.count(), (country, n) -> {
          if (country.equals("Japan")) {
            throw new IllegalStateException("no result for " + country);
          }
          return country + "=" + n;
        })
        .to(sink)
        .withLake(lake)
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run())
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Aggregate step 'count' failed to produce the result of key Japan")
        .hasMessageContaining("no result for Japan");
    assertThat(sink.rows()).isEmpty();
  }
}
