package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Decimal;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.files.CsvSource;
import dev.lake.transforms.Aggregator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregate on Spark: every task returns its partial totals, the driver merges those of the successful attempts
 * and writes the groups; the rows equal the local runner's and totals computed by hand from the CSV files, also when
 * every task fails once half-way and is retried.
 */
class AggregateOnSparkTest {
  static final String FILES = "2011-0[1-6]-*.csv.gz";

  @TempDir
  Path dir;

  /** One country's month of Online Retail. */
  record CountryMonth(String country, String month, long quantity, long lines,
      @Decimal(precision = 18, scale = 3) BigDecimal revenue) {}

  /** Quantity, lines and revenue of a group (mutable: add and merge return their first argument). */
  static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    long quantity;
    long lines;
    BigDecimal revenue = BigDecimal.ZERO;

    Totals add(RetailLine s) {
      quantity += s.quantity();
      lines++;
      revenue = revenue.add(s.unitPrice().multiply(BigDecimal.valueOf(s.quantity())));
      return this;
    }

    Totals merge(Totals o) {
      quantity += o.quantity;
      lines += o.lines;
      revenue = revenue.add(o.revenue);
      return this;
    }
  }

  private static Pipeline<RetailLine> sales() {
    String glob = SharedSpark.DATA.resolve("online_retail/by-day").toString() + "/" + FILES;
    return Pipeline.from(CsvSource.of(RetailLine.class).from(glob)).named("retail-by-country-month");
  }

  private static Pipeline<CountryMonth> byCountryMonth(Pipeline<RetailLine> sales, Lake lake) {
    return sales
        .aggregate("country-month", s -> List.of(s.country(), s.invoiceDate().toString().substring(0, 7)),
            Aggregator.of(Totals::new, Totals::add, Totals::merge),
            (key, t) -> new CountryMonth(key.get(0), key.get(1), t.quantity, t.lines, t.revenue.setScale(3)))
        .to(lake.processed("by_country_month"));
  }

  /** The same totals from the CSV files with plain Java (fields taken from the end of the line). */
  static Map<String, CountryMonth> byHand() throws IOException {
    Map<String, CountryMonth> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(SharedSpark.DATA.resolve("online_retail/by-day"),
        FILES)) {
      for (Path f : files) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
            StandardCharsets.UTF_8))) {
          r.readLine();
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] v = line.split(",", -1);
            int n = v.length;
            long q = Long.parseLong(v[n - 5]);
            CountryMonth one = new CountryMonth(v[n - 1], v[n - 4].substring(0, 7), q, 1,
                new BigDecimal(v[n - 3]).multiply(BigDecimal.valueOf(q)).setScale(3));
            out.merge(one.country() + "|" + one.month(), one, (a, b) -> new CountryMonth(a.country(), a.month(),
                a.quantity() + b.quantity(), a.lines() + b.lines(), a.revenue().add(b.revenue())));
          }
        }
      }
    }
    return out;
  }

  static Map<String, CountryMonth> committed(Lake lake) {
    Map<String, CountryMonth> out = new TreeMap<>();
    lake.read("by_country_month", CountryMonth.class).readAll()
        .forEach(r -> assertThat(out.put(r.country() + "|" + r.month(), r)).as("one row per group").isNull());
    return out;
  }

  @Test
  void aggregate_onSparkWithFiveTasks_commitsTheSameRowsAsLocally_equalToTotalsByHand() throws IOException {
    Lake local = Lake.at(dir.resolve("local").toString());
    Lake spark = Lake.at(dir.resolve("spark").toString());

    PipelineResult a = byCountryMonth(sales(), local).withParallelism(2).run();
    PipelineResult b = byCountryMonth(sales(), spark).run(SparkRunner.of(SharedSpark.session()).withPartitions(5));

    Map<String, CountryMonth> expected = byHand();
    assertThat(committed(spark)).isEqualTo(expected);
    assertThat(SharedSpark.rows(spark, "by_country_month")).isEqualTo(SharedSpark.rows(local, "by_country_month"));
    assertThat(b.splits()).isEqualTo(a.splits()).isGreaterThan(100);
    assertThat(b.steps()).isEqualTo(a.steps());
    assertThat(b.steps().get(0).out()).isEqualTo(expected.size());
    assertThat(b.steps().get(0).batched()).isEqualTo(b.rowsRead());
    assertThat(b.reconciles()).isTrue();
    // the aggregate's one writer is numbered after every split on both runners, in a file named after its run
    assertThat(spark.latest("by_country_month").orElseThrow().files()).extracting(f -> f.path())
        .singleElement().asString().contains(String.format("-%05d-", b.splits())).contains(b.runId());
    assertThat(local.latest("by_country_month").orElseThrow().files()).extracting(f -> f.path())
        .singleElement().asString().contains(String.format("-%05d-", a.splits())).contains(a.runId());
  }

  @Test
  void aggregate_taskFailingOnce_isRetried_andTheTotalsAreStillExact() throws IOException {
    Lake lake = Lake.at(dir.resolve("spark").toString());

    PipelineResult result = byCountryMonth(sales().apply(new FailFirstAttempt<RetailLine>("aggregate", 20_000)), lake)
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(3));

    // each partition's first attempt failed half-way, then succeeded
    assertThat(FailFirstAttempt.failures("aggregate")).isEqualTo(3);
    assertThat(committed(lake)).isEqualTo(byHand());
    assertThat(result.steps().get(1).batched()).isEqualTo(result.rowsRead());
    assertThat(result.reconciles()).isTrue();
  }
}
