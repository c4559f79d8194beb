package dev.lake.benchmarks;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.testing.InMemorySink;
import dev.lake.source.files.CsvSource;
import dev.lake.transforms.Aggregator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an {@code aggregate} step costs: the Online Retail CSV (541,909 rows) read and totalled (quantity per country
 * and month, 300-odd groups) by {@code Pipeline.aggregate} (per-worker accumulators merged at the end), by hand in a
 * shared concurrent map from a step (what the xg example did before), and only read and counted (the reference).
 * Every variant must see every row; the two totalling variants must agree.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only aggregate"
 * }</pre>
 */
final class AggregateBenchmark implements Benchmark {

  @Override
  public String name() {
    return "aggregate";
  }

  record CountryMonth(String country, String month, long quantity) {}

  @Override
  public void run(Harness h, Settings s) throws Exception {
    String days = s.data().resolve("online_retail/by-day").toAbsolutePath() + "/*.csv.gz";
    long[] total = new long[2]; // quantity by the aggregate, by hand
    h.compare(Comparison.of(name(), "Online Retail CSV (541,909 rows) -> quantity per country and month")
        .variant("read-only", (clock, dir) -> {
          LongAdder rows = new LongAdder();
          PipelineResult r = sales(days).filter("count", sale -> {
            rows.increment();
            return false;
          }).to(InMemorySink.create()).run();
          return checked(r, rows.sum());
        })
        .variant("aggregate", (clock, dir) -> {
          InMemorySink<CountryMonth> sink = InMemorySink.create();
          PipelineResult r = sales(days)
              .aggregate("country-month", sale -> List.of(sale.country(), sale.invoiceDate().toString()
                  .substring(0, 7)), Aggregator.sumLong(Sale::quantity), (k, q) -> new CountryMonth(k.get(0),
                  k.get(1), q))
              .to(sink).run();
          total[0] = sink.rows().stream().mapToLong(CountryMonth::quantity).sum();
          agree(total);
          return checked(r, r.steps().get(0).batched());
        })
        .variant("by-hand-shared-map", (clock, dir) -> {
          ConcurrentHashMap<List<String>, LongAdder> totals = new ConcurrentHashMap<>();
          LongAdder rows = new LongAdder();
          PipelineResult r = sales(days).filter("total", sale -> {
            rows.increment();
            totals.computeIfAbsent(List.of(sale.country(), sale.invoiceDate().toString().substring(0, 7)),
                k -> new LongAdder()).add(sale.quantity());
            return false;
          }).to(InMemorySink.create()).run();
          total[1] = totals.values().stream().mapToLong(LongAdder::sum).sum();
          agree(total);
          return checked(r, rows.sum());
        })
        .warmups(s.warmups(1, 1))
        .runs(s.runs(5, 1)));
  }

  private static Pipeline<Sale> sales(String days) {
    return Pipeline.from(CsvSource.of(Sale.class).from(days)).named("retail-aggregate");
  }

  private static void agree(long[] total) {
    if (total[0] != 0 && total[1] != 0 && total[0] != total[1]) {
      throw new IllegalStateException("aggregate total " + total[0] + " but by hand " + total[1]);
    }
  }

  private static Outcome checked(PipelineResult r, long counted) {
    CsvToParquetBenchmark.check("aggregate", counted, r.rowsRead());
    if (r.rowsRead() + r.sourceRejected() != OnlineRetailInput.ROWS) {
      throw new IllegalStateException("read " + (r.rowsRead() + r.sourceRejected()) + " lines, expected "
          + OnlineRetailInput.ROWS);
    }
    return Outcome.rows(counted);
  }
}
