package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.files.CsvSource;
import dev.lake.transforms.MergingStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step written here, not Lake's, that merges its per-worker state across Spark tasks through the public SPI
 * ({@link MergingStep}): the driver merges the partials of each partition's successful attempt; the figures equal the
 * local runner's and those computed by hand from the CSV files, also when every task fails once half-way.
 */
class MergingStepOnSparkTest {
  static final String FILES = "2011-0[1-4]-*.csv.gz";

  @TempDir
  Path dir;

  /** Lines and distinct invoices of the input. */
  record Figures(long lines, long invoices) {}

  /** One worker's partial: a count (not idempotent: a partial merged twice would show) and a set. */
  static final class Seen implements Serializable {
    private static final long serialVersionUID = 1L;
    long lines;
    final HashSet<String> invoices = new HashSet<>();
  }

  /** Counts lines and distinct invoices over every task's rows. */
  static final class CountFigures implements MergingStep<RetailLine, Seen, Figures> {
    private static final long serialVersionUID = 1L;
    private transient Seen seen;

    @Override
    public String name() {
      return "figures";
    }

    @Override
    public void apply(RetailLine sale, Consumer<? super Figures> out) {
      Seen own = partial();
      own.invoices.add(sale.invoiceNo());
      own.lines++;
    }

    @Override
    public CountFigures forWorker() {
      return new CountFigures();
    }

    @Override
    public Seen partial() {
      if (seen == null) {
        seen = new Seen();
      }
      return seen;
    }

    @Override
    public Seen merge(Seen left, Seen right) {
      left.lines += right.lines;
      left.invoices.addAll(right.invoices);
      return left;
    }

    @Override
    public void results(Seen merged, Results<? super Figures> out) {
      out.emit(new Figures(merged.lines, merged.invoices.size()), "all");
    }
  }

  private static Pipeline<RetailLine> sales() {
    String glob = SharedSpark.DATA.resolve("online_retail/by-day").toString() + "/" + FILES;
    return Pipeline.from(CsvSource.of(RetailLine.class).from(glob)).named("retail-figures");
  }

  /** The same figures from the CSV files with plain Java (the invoice is the line's first field). */
  static Figures byHand() throws IOException {
    long lines = 0;
    HashSet<String> invoices = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(SharedSpark.DATA.resolve("online_retail/by-day"),
        FILES)) {
      for (Path f : files) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
            StandardCharsets.UTF_8))) {
          r.readLine();
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines++;
            invoices.add(line.substring(0, line.indexOf(',')));
          }
        }
      }
    }
    return new Figures(lines, invoices.size());
  }

  private static List<Figures> committed(Lake lake) {
    return lake.read("figures", Figures.class).readAll();
  }

  @Test
  void mergingStep_onSparkWithFiveTasks_equalsTheLocalRun_andTheFiguresByHand() throws IOException {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake spark = Lake.at(dir.resolve("spark").toString());

    PipelineResult a = sales().apply(new CountFigures()).to(local.processed("figures")).withParallelism(2).run();
    PipelineResult b = sales().apply(new CountFigures()).to(spark.processed("figures"))
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(5));

    Figures expected = byHand();
    assertThat(expected.lines()).isGreaterThan(100_000);
    assertThat(committed(spark)).containsExactly(expected);
    assertThat(committed(local)).containsExactly(expected);
    assertThat(b.splits()).isEqualTo(a.splits()).isGreaterThan(50);
    assertThat(b.steps()).isEqualTo(a.steps());
    assertThat(b.steps().get(0).batched()).isEqualTo(expected.lines());
    assertThat(b.rowsGrouped()).isEqualTo(expected.lines() - 1);
    assertThat(b.reconciles()).isTrue();
  }

  @Test
  void mergingStep_taskFailingOnce_isRetried_andOnlyTheSuccessfulAttemptsAreMerged() throws IOException {
    Lake lake = Lake.at(dir.resolve("spark").toString());

    PipelineResult result = sales().apply(new FailFirstAttempt<RetailLine>("merging-step", 20_000))
        .apply(new CountFigures()).to(lake.processed("figures"))
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(3));

    assertThat(FailFirstAttempt.failures("merging-step")).isEqualTo(3);
    assertThat(committed(lake)).containsExactly(byHand()); // a failed attempt's partial would count its lines twice
    assertThat(result.steps().get(1).batched()).isEqualTo(result.rowsRead());
    assertThat(result.reconciles()).isTrue();
  }
}
