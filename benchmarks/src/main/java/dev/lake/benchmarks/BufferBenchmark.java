package dev.lake.benchmarks;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.benchmarks.harness.Trial;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.testing.InMemorySink;
import dev.lake.source.files.CsvSource;
import dev.lake.transforms.Buffer;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What a {@code buffer} step costs: the Online Retail CSV (541,909 rows) read and counted without a buffer, in batches
 * of 500 rows, of 500 rows or 5 MB by the default sizer (each row's JSON), and of 5 MB by a cheap sizer of one's own.
 * The reference of the ratios is the 500-row buffer; every variant must count every row.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only buffer"
 * }</pre>
 */
final class BufferBenchmark implements Benchmark {

  @Override
  public String name() {
    return "buffer";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    String days = s.data().resolve("online_retail/by-day").toAbsolutePath() + "/*.csv.gz";
    h.compare(Comparison.of(name(), "Online Retail CSV (541,909 rows) -> buffer step -> rows counted")
        .variant("rows-500", batched(days, p -> p.buffer(Buffer.ofRows(500))))
        .variant("no-buffer", (clock, dir) -> {
          LongAdder rows = new LongAdder();
          PipelineResult r = Pipeline.from(CsvSource.of(Sale.class).from(days)).named("no-buffer")
              .filter("count", sale -> {
                rows.increment();
                return false;
              })
              .to(InMemorySink.create()).run();
          return checked(r, rows.sum());
        })
        .variant("rows-500-or-5MB-json", batched(days, p -> p.buffer(Buffer.ofRows(500).orBytes(5_000_000))))
        .variant("5MB-own-sizer", batched(days, p -> p.buffer(Buffer.<Sale>ofBytes(5_000_000,
            sale -> 64 + (sale.description() == null ? 0 : sale.description().length())))))
        .warmups(s.warmups(1, 1))
        .runs(s.runs(5, 1)));
  }

  private static Trial batched(String days, Function<Pipeline<Sale>, Pipeline<List<Sale>>> buffer) {
    return (clock, dir) -> {
      LongAdder rows = new LongAdder();
      PipelineResult r = buffer.apply(Pipeline.from(CsvSource.of(Sale.class).from(days)).named("buffered"))
          .filter("count", batch -> {
            rows.add(batch.size());
            return false;
          })
          .to(InMemorySink.create()).run();
      return checked(r, rows.sum());
    };
  }

  private static Outcome checked(PipelineResult r, long counted) {
    CsvToParquetBenchmark.check("buffer", counted, r.rowsRead());
    if (r.rowsRead() + r.sourceRejected() != OnlineRetailInput.ROWS) {
      throw new IllegalStateException("read " + (r.rowsRead() + r.sourceRejected()) + " lines, expected "
          + OnlineRetailInput.ROWS);
    }
    return Outcome.rows(counted);
  }
}
