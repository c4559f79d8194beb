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
 * month: Lake's example pipeline ({@link OnlineRetail#pipeline}) against DuckDB's {@code COPY … PARTITION_BY},
 * interleaved in one JVM, each thread count = cores. Outcome bytes are the Parquet written.
 *
 * <p>DuckDB runs in its strongest ordinary configuration, the one comparable to Lake's typed record: the columns and
 * their types given ({@code read_csv(…, auto_detect = false, columns = {…})}, the types of {@code RetailRow}), the
 * same gzip input, the same partitioning and compression ({@code duckdb}). At 1× a second DuckDB variant,
 * {@code duckdb-sniffing}, keeps the configuration this benchmark used before (type detection on every file with a
 * {@code types} override): labelled as such, it shows what sniffing costs and is not the baseline.
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
    Comparison comparison = Comparison.of(name(), String.format(
            "Online Retail CSV x%d (%,d rows) -> Snappy Parquet by year/month", copies, expected))
        .variant("lake", (clock, dir) -> {
          PipelineResult r = OnlineRetail.pipeline(input.toUri(), Lake.at(dir.toString())).run();
          clock.stop();
          check("lake", r.rowsWritten(), expected);
          return Outcome.rows(r.rowsWritten()).withBytes(OnlineRetailInput.bytesUnder(dir));
        })
        .variant("duckdb", (clock, dir) -> {
          long rows = duckDbCopy(input, dir.resolve("out"), clock, COLUMNS_GIVEN);
          check("duckdb", rows, expected);
          return Outcome.rows(rows).withBytes(OnlineRetailInput.bytesUnder(dir));
        });
    if (copies == 1) {
      comparison.variant("duckdb-sniffing", (clock, dir) -> {
        long rows = duckDbCopy(input, dir.resolve("out"), clock, SNIFFING);
        check("duckdb-sniffing", rows, expected);
        return Outcome.rows(rows).withBytes(OnlineRetailInput.bytesUnder(dir));
      });
    }
    h.compare(comparison
        .warmups(s.warmups(1, copies == 1 ? 1 : 0))
        .runs(s.runs(copies == 1 ? 5 : 3, 1)));
  }

  /**
   * DuckDB's reader options as Lake's typed record gives them: no detection, every column named with its type
   * ({@code RetailRow}'s: int quantity, timestamp, decimal(10,3) price, bigint customer, which DuckDB parses from
   * {@code 17850.0} as Lake does).
   */
  static final String COLUMNS_GIVEN = "header = true, auto_detect = false, columns = {'InvoiceNo': 'VARCHAR', "
      + "'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP', "
      + "'UnitPrice': 'DECIMAL(10,3)', 'CustomerID': 'BIGINT', 'Country': 'VARCHAR'}";

  /** The configuration used before: DuckDB sniffs every file, with a {@code types} override. Not the baseline. */
  static final String SNIFFING = "header = true, types = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', "
      + "'CustomerID': 'DOUBLE'}";

  /** DuckDB's conversion; the clock covers the COPY only (not opening the in-memory database). */
  static long duckDbCopy(Path input, Path out, dev.lake.benchmarks.harness.Clock clock, String readOptions)
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
      clock.restart();
      long rows = DuckDb.copy(st, "COPY (SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, "
          + "Description AS description, Quantity AS quantity, InvoiceDate AS invoice_date, "
          + "CAST(UnitPrice AS DECIMAL(10,3)) AS unit_price, CAST(CustomerID AS BIGINT) AS customer_id, "
          + "Country AS country, year(InvoiceDate) AS year, month(InvoiceDate) AS month FROM read_csv('"
          + input.resolve("online_retail/by-day") + "/*.csv.gz', " + readOptions + ")) TO '" + out
          + "' (FORMAT parquet, "
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
