package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Online Retail CSV (gzip, 305 files, 541,909 rows; or N copies of it) to Snappy Parquet partitioned by year and
 * month: Lake's example pipeline ({@link OnlineRetail#pipeline}) against DuckDB's {@code COPY … PARTITION_BY} with
 * the same column types, interleaved in one JVM, each thread count = cores. Outcome bytes are the Parquet written.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only csv-parquet,csv-parquet-10x"
 * }</pre>
 */
final class CsvToParquetBenchmark implements Benchmark {
  private final int copies;

  CsvToParquetBenchmark(int copies) {
    this.copies = copies;
  }

  @Override
  public String name() {
    return copies == 1 ? "csv-parquet" : "csv-parquet-" + copies + "x";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    Path input = OnlineRetailInput.copies(s.data(), s.target(), copies);
    long expected = OnlineRetailInput.ROWS * copies;
    h.compare(Comparison.of(name(), String.format("Online Retail CSV x%d (%,d rows) -> Snappy Parquet by year/month",
            copies, expected))
        .variant("lake", (clock, dir) -> {
          PipelineResult r = OnlineRetail.pipeline(input.toUri(), Lake.at(dir.toString())).run();
          clock.stop();
          check("lake", r.rowsWritten(), expected);
          return Outcome.rows(r.rowsWritten()).withBytes(OnlineRetailInput.bytesUnder(dir));
        })
        .variant("duckdb", (clock, dir) -> {
          long rows = duckDbCopy(input, dir.resolve("out"), clock);
          check("duckdb", rows, expected);
          return Outcome.rows(rows).withBytes(OnlineRetailInput.bytesUnder(dir));
        })
        .warmups(s.warmups(1, copies == 1 ? 1 : 0))
        .runs(s.runs(copies == 1 ? 5 : 3, 1)));
  }

  /** DuckDB's conversion; the clock covers the COPY only (not opening the in-memory database). */
  static long duckDbCopy(Path input, Path out, dev.lake.benchmarks.harness.Clock clock) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
      clock.restart();
      long rows = DuckDb.copy(st, "COPY (SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, "
          + "Description AS description, Quantity AS quantity, InvoiceDate AS invoice_date, "
          + "CAST(UnitPrice AS DECIMAL(10,3)) AS unit_price, CAST(CustomerID AS BIGINT) AS customer_id, "
          + "Country AS country, year(InvoiceDate) AS year, month(InvoiceDate) AS month FROM read_csv('"
          + input.resolve("online_retail/by-day") + "/*.csv.gz', header = true, types = {'InvoiceNo': 'VARCHAR', "
          + "'StockCode': 'VARCHAR', 'CustomerID': 'DOUBLE'})) TO '" + out + "' (FORMAT parquet, "
          + "COMPRESSION snappy, PARTITION_BY (year, month))");
      clock.stop();
      return rows;
    }
  }

  static void check(String who, long rows, long expected) {
    if (rows != expected) {
      throw new IllegalStateException(who + " wrote " + rows + " rows, expected " + expected);
    }
  }
}
