package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.RetailLines.Line;
import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.transforms.Buffer;
import dev.lake.transforms.MergingStep;
import dev.lake.transforms.Step;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps written here, not Lake's, that merge their per-worker state across workers through the public SPI
 * ({@link MergingStep}): a distinct count and a top N over the Online Retail lines, on 1, 2 and 4 workers, checked
 * against the same figures computed by hand; the report reconciles; a wrapped step ({@code needing}) keeps what it
 * declares; validation and failures of merge and results; a step of {@link Step.Output#GROUPS} without a merge.
 */
class MergingStepPipelineTest {
  @TempDir
  Path dir;

  /** One sale: the rows the Javadoc examples of {@link MergingStep} take. */
  record Sale(String invoice, String country, @Decimal(precision = 18, scale = 3) BigDecimal amount) {
    static Sale of(Line l) {
      return new Sale(l.invoice(), l.country(), l.amount().setScale(3));
    }
  }

  /** Merge calls of the test's steps, to show that every worker's partial was merged. */
  static final AtomicInteger MERGES = new AtomicInteger();

  /** The number of distinct invoices over every worker's rows: {@link MergingStep}'s Javadoc example, verbatim. */
  static final class DistinctInvoices implements MergingStep<Sale, HashSet<String>, Long> {
    private final HashSet<String> seen = new HashSet<>();          // this worker's state
    public String name() { return "distinct-invoices"; }
    public void apply(Sale s, Consumer<? super Long> out) { seen.add(s.invoice()); }
    public DistinctInvoices forWorker() { return new DistinctInvoices(); }
    public HashSet<String> partial() { return seen; }
    public HashSet<String> merge(HashSet<String> a, HashSet<String> b) { a.addAll(b); return a; }
    public void results(HashSet<String> all, Results<? super Long> out) { out.emit((long) all.size(), "all"); }
  }

  /** The same, counting its merges. */
  static final class CountedDistinctInvoices implements MergingStep<Sale, HashSet<String>, Long> {
    private final DistinctInvoices own = new DistinctInvoices();
    public String name() { return own.name(); }
    public void apply(Sale s, Consumer<? super Long> out) { own.apply(s, out); }
    public CountedDistinctInvoices forWorker() { return new CountedDistinctInvoices(); }
    public HashSet<String> partial() { return own.partial(); }

    public HashSet<String> merge(HashSet<String> a, HashSet<String> b) {
      MERGES.incrementAndGet();
      return own.merge(a, b);
    }

    public void results(HashSet<String> all, Results<? super Long> out) { own.results(all, out); }
  }

  /** The largest sale: {@link dev.lake.transforms.Merging}'s Javadoc example, verbatim. */
  static final class Largest implements MergingStep<Sale, BigDecimal, BigDecimal> {
    private BigDecimal largest = BigDecimal.ZERO;
    public String name() { return "largest"; }
    public void apply(Sale s, Consumer<? super BigDecimal> out) { largest = largest.max(s.amount()); }
    public Largest forWorker() { return new Largest(); }
    public BigDecimal partial() { return largest; }
    public BigDecimal merge(BigDecimal a, BigDecimal b) { return a.max(b); }
    public void results(BigDecimal merged, Results<? super BigDecimal> out) { out.emit(merged, "largest"); }
  }

  /** Largest amount first; ties by invoice, then country (equal sales are the same row). */
  static final Comparator<Sale> BY_AMOUNT = Comparator.comparing(Sale::amount).reversed()
      .thenComparing(Sale::invoice).thenComparing(Sale::country);

  /** The n largest sales, largest first, each emitted as "rank i". */
  static final class TopSales implements MergingStep<Sale, ArrayList<Sale>, Sale> {
    private static final long serialVersionUID = 1L;
    private final int n;
    private final ArrayList<Sale> top = new ArrayList<>();

    TopSales(int n) {
      this.n = n;
    }

    @Override
    public String name() {
      return "top-" + n;
    }

    @Override
    public void apply(Sale s, Consumer<? super Sale> out) {
      top.add(s);
      keepTop(top);
    }

    @Override
    public TopSales forWorker() {
      return new TopSales(n);
    }

    @Override
    public ArrayList<Sale> partial() {
      return top;
    }

    @Override
    public ArrayList<Sale> merge(ArrayList<Sale> a, ArrayList<Sale> b) {
      MERGES.incrementAndGet();
      a.addAll(b);
      keepTop(a);
      return a;
    }

    private void keepTop(ArrayList<Sale> sales) {
      sales.sort(BY_AMOUNT);
      while (sales.size() > n) {
        sales.remove(sales.size() - 1);
      }
    }

    @Override
    public void results(ArrayList<Sale> merged, Results<? super Sale> out) {
      for (int i = 0; i < merged.size(); i++) {
        out.emit(merged.get(i), "rank " + (i + 1));
      }
    }
  }

  /** A top sale as written to the lake. */
  record TopSale(String invoice, String country, @Decimal(precision = 18, scale = 3) BigDecimal amount) {}

  private static List<Line> lines() {
    return RetailLines.firstQuarter2011();
  }

  private static Pipeline<Sale> sales(int splits, int workers) {
    return Pipeline.from(InMemorySource.of("retail", lines()).withSplits(splits))
        .named("retail-figures")
        .withParallelism(workers)
        .map("sale", Sale::of);
  }

  @Test
  void distinctCount_oneTwoFourWorkers_oneRowEqualToTheCountByHand_andTheReportReconciles() {
    long byHand = lines().stream().map(Line::invoice).distinct().count();
    assertThat(byHand).isGreaterThan(1_000);

    for (int workers : new int[] {1, 2, 4}) {
      InMemorySink<Long> sink = InMemorySink.create();
      MERGES.set(0);

      PipelineResult result = sales(8, workers).apply(new CountedDistinctInvoices()).to(sink).run();

      assertThat(sink.rows()).as("%s workers", workers).containsExactly(byHand);
      assertThat(MERGES.get()).as("each worker's partial merged, %s workers", workers).isEqualTo(workers - 1);
      StepReport step = result.steps().get(1);
      assertThat(step.in()).isEqualTo(lines().size());
      assertThat(step.out()).isEqualTo(1);
      assertThat(step.batched()).isEqualTo(lines().size());
      assertThat(result.rowsGrouped()).isEqualTo(lines().size() - 1);
      assertThat(result.rowsFiltered()).isZero();
      assertThat(result.rowsWritten()).isEqualTo(1);
      assertThat(result.reconciles()).isTrue();
      assertThat(result.rowsIn()).isEqualTo(result.rowsWritten() + result.rowsGrouped());
    }
  }

  @Test
  void topN_oneTwoFourWorkers_writeTheSameRanksToTheLake_equalToTheSalesSortedByHand() {
    List<Sale> byHand = lines().stream().map(Sale::of).sorted(BY_AMOUNT).limit(25).toList();
    List<List<TopSale>> written = new ArrayList<>();

    for (int workers : new int[] {1, 2, 4}) {
      Lake lake = Lake.at(dir.resolve("w" + workers).toString());
      MERGES.set(0);

      PipelineResult result = sales(12, workers).apply(new TopSales(25))
          .map("to-row", s -> new TopSale(s.invoice(), s.country(), s.amount()))
          .to(lake.processed("top_sales")).run();

      assertThat(MERGES.get()).isEqualTo(workers - 1);
      assertThat(result.steps().get(1).out()).isEqualTo(25);
      assertThat(result.rowsWritten()).isEqualTo(25);
      assertThat(result.reconciles()).isTrue();
      assertThat(result.rowsFiltered()).isZero();
      // written by one writer after the splits': read back in file order, the ranks' order
      assertThat(lake.latest("top_sales").orElseThrow().files()).hasSize(1);
      written.add(lake.read("top_sales", TopSale.class).readAll());
    }

    List<TopSale> expected = byHand.stream().map(s -> new TopSale(s.invoice(), s.country(), s.amount())).toList();
    assertThat(written).containsOnly(expected);
  }

  @Test
  void largest_threeWorkers_isTheLargestAmountByHand() {
    InMemorySink<BigDecimal> sink = InMemorySink.create();

    sales(6, 3).apply(new Largest()).to(sink).run();

    assertThat(sink.rows()).containsExactly(lines().stream().map(l -> l.amount().setScale(3))
        .max(Comparator.naturalOrder()).orElseThrow());
  }

  @Test
  void rowsRejectedAfterTheMerge_nameTheirRank() {
    List<Sale> top = lines().stream().map(Sale::of).sorted(BY_AMOUNT).limit(10).toList();
    String refused = top.get(1).invoice(); // the second largest sale's invoice, which has more lines in the top 10
    List<String> ranks = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      if (top.get(i).invoice().equals(refused)) {
        ranks.add("rank " + (i + 1) + " of top-10");
      }
    }
    assertThat(ranks).hasSizeGreaterThan(1).hasSizeLessThan(10);
    InMemorySink<Sale> sink = InMemorySink.create();

    PipelineResult result = sales(4, 2).apply(new TopSales(10))
        .map("not-" + refused, s -> {
          if (s.invoice().equals(refused)) {
            throw new IllegalArgumentException("invoice " + refused + " is under review");
          }
          return s;
        })
        .to(sink).onBadRows(BadRowPolicy.collect(10)).run();

    assertThat(sink.rows()).containsExactlyElementsOf(top.stream().filter(s -> !s.invoice().equals(refused))
        .toList());
    assertThat(result.badRows()).extracting(b -> b.position()).containsExactlyElementsOf(ranks);
    assertThat(result.badRows()).extracting(b -> b.step()).containsOnly("not-" + refused);
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void wrappedByNeeding_mergingStepStillMerges_andABufferStillCountsItsBatches() {
    InMemorySink<Long> counts = InMemorySink.create();
    InMemorySink<List<Sale>> batches = InMemorySink.create();

    sales(6, 3).apply(new DistinctInvoices().needing(scope -> IamPolicy.empty())).to(counts).run();
    PipelineResult buffered = sales(6, 3)
        .apply(Buffer.<Sale>ofRows(1_000).toStep("batches").needing(scope -> IamPolicy.empty()))
        .to(batches).run();

    assertThat(counts.rows()).containsExactly(lines().stream().map(Line::invoice).distinct().count());
    StepReport step = buffered.steps().get(1);
    assertThat(step.batched()).isEqualTo(lines().size());
    assertThat(step.out()).isEqualTo(batches.rows().size());
    assertThat(buffered.rowsFiltered()).isZero();
    assertThat(buffered.reconciles()).isTrue();
  }

  /** A partial that cannot travel to a Spark driver. */
  static final class Tally {
    long n;
  }

  /** Counts rows in a partial that forgot to implement Serializable. */
  static final class CountInTally implements MergingStep<Sale, Tally, Long> {
    private final Tally tally = new Tally();
    public String name() { return "count"; }
    public void apply(Sale s, Consumer<? super Long> out) { tally.n++; }
    public CountInTally forWorker() { return new CountInTally(); }
    public Tally partial() { return tally; }
    public Tally merge(Tally a, Tally b) { a.n += b.n; return a; }
    public void results(Tally t, Results<? super Long> out) { out.emit(t.n, "all"); }
  }

  @Test
  void validate_partialNotSerializable_orADeadline_isRefusedBeforeAnyRow() {
    Pipeline<Long> notSerializable = sales(2, 2).apply(new CountInTally()).to(InMemorySink.create());
    Pipeline<Long> deadline = sales(2, 2).apply(new DistinctInvoices()).to(InMemorySink.create())
        .withDeadline(Instant.now().plusSeconds(60));

    assertThatThrownBy(notSerializable::validate).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Step 'count' of pipeline 'retail-figures' merges across workers")
        .hasMessageContaining(Tally.class.getName()).hasMessageContaining("not Serializable");
    assertThatThrownBy(deadline::run).isInstanceOf(ValidationException.class)
        .hasMessageContaining("step 'distinct-invoices'").hasMessageContaining("Remove withDeadline");
  }

  /** A distinct count whose merge or results fail, as a bug would. */
  static final class Broken implements MergingStep<Sale, HashSet<String>, Long> {
    private final boolean inMerge;
    private final HashSet<String> seen = new HashSet<>();

    Broken(boolean inMerge) {
      this.inMerge = inMerge;
    }

    public String name() { return inMerge ? "bad-merge" : "bad-results"; }
    public void apply(Sale s, Consumer<? super Long> out) { seen.add(s.invoice()); }
    public Broken forWorker() { return new Broken(inMerge); }
    public HashSet<String> partial() { return seen; }

    public HashSet<String> merge(HashSet<String> a, HashSet<String> b) {
      if (inMerge) {
        throw new UnsupportedOperationException("no merge");
      }
      a.addAll(b);
      return a;
    }

    public void results(HashSet<String> all, Results<? super Long> out) {
      throw new IllegalStateException("no results");
    }
  }

  @Test
  void mergeOrResultsThrow_failTheRun_andCommitNothing() {
    InMemorySink<Long> sink = InMemorySink.create();

    assertThatThrownBy(() -> sales(2, 2).apply(new Broken(true)).to(sink).run())
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Step 'bad-merge' failed to merge the partials of its workers")
        .hasMessageContaining("UnsupportedOperationException: no merge").hasMessageContaining("Nothing is committed");
    assertThatThrownBy(() -> sales(2, 2).apply(new Broken(false)).to(sink).run())
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Step 'bad-results' failed to produce its results")
        .hasMessageContaining("IllegalStateException: no results").hasMessageContaining("Nothing is committed");
    assertThat(sink.rows()).isEmpty();
  }

  /** Rows counted per worker, folded into one count each: {@link Step}'s Javadoc example, verbatim. */
  static final class CountRows implements Step<Sale, Long> {
    private long count;
    public String name() { return "count"; }
    public void apply(Sale row, Consumer<? super Long> out) { count++; }
    public void finish(Consumer<? super Long> out) { out.accept(count); }   // one count per worker
    public Step<Sale, Long> forWorker() { return new CountRows(); }
    public Output output() { return Output.GROUPS; }   // rows folded into a count, not filtered
  }

  @Test
  void groupsWithoutMerge_oneCountPerWorker_addUpToTheLines_andTheReportReconciles() {
    InMemorySink<Long> sink = InMemorySink.create();

    PipelineResult result = sales(6, 3).apply(new CountRows()).to(sink).run();

    assertThat(sink.rows()).hasSize(3);
    assertThat(sink.rows().stream().mapToLong(Long::longValue).sum()).isEqualTo(lines().size());
    assertThat(result.rowsGrouped()).isEqualTo(lines().size() - 3);
    assertThat(result.rowsFiltered()).isZero();
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void stepWithoutDeclarations_countsAsRows() {
    Step<String, String> plain = Step.of("plain", (row, out) -> out.accept(row));

    assertThat(plain.output()).isEqualTo(Step.Output.ROWS);
    assertThat(plain.merging()).isEmpty();
    assertThat(new DistinctInvoices().output()).isEqualTo(Step.Output.GROUPS);
    assertThat(new DistinctInvoices().needing(s -> IamPolicy.empty()).merging()).isPresent();
  }
}
