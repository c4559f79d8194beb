package dev.lake.benchmarks;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Online Retail CSV (gzip, 305 files, 541,909 rows) to Snappy Parquet partitioned by year and month: Lake's example
 * pipeline against DuckDB's {@code COPY ... PARTITION_BY}, interleaved (Lake, DuckDB, Lake, DuckDB, ...) after a
 * warm-up of each, in one JVM. Prints each run, the medians, rows per second and the ratio.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am package -DskipTests
 * mvn -q -pl benchmarks exec:java -Dexec.args="--runs 5 --data data"
 * }</pre>
 */
public final class CsvToParquetBenchmark {
  private CsvToParquetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    Path data = Path.of("data");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --runs N --data DIR");
      }
    }
    if (!Files.isDirectory(data.resolve("online_retail"))) {
      data = Path.of("..").resolve(data); // when started from the module directory
    }
    data = data.toAbsolutePath().normalize();
    System.out.printf("Online Retail CSV -> Parquet (Snappy, year/month), %d cores, Java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    List<Double> lake = new ArrayList<>();
    List<Double> duck = new ArrayList<>();
    long rows = runLake(data)[0]; // warm-up
    runDuckDb(data);
    for (int i = 0; i < runs; i++) {
      long[] r = runLake(data);
      lake.add(r[1] / 1e9);
      double d = runDuckDb(data);
      duck.add(d);
      System.out.printf("run %d: lake %.2f s, duckdb %.2f s%n", i + 1, r[1] / 1e9, d);
    }
    double lm = median(lake);
    double dm = median(duck);
    System.out.printf("%-8s median %6.2f s  %,10.0f rows/s%n", "lake", lm, rows / lm);
    System.out.printf("%-8s median %6.2f s  %,10.0f rows/s%n", "duckdb", dm, rows / dm);
    System.out.printf("ratio lake/duckdb: %.2f%n", lm / dm);
  }

  /** Returns {rows, nanos}. */
  private static long[] runLake(Path data) throws IOException {
    Path dir = Files.createTempDirectory("lake-bench");
    try {
      long start = System.nanoTime();
      PipelineResult r = OnlineRetail.pipeline(data.toUri(), Lake.at(dir.toString())).run();
      return new long[] {r.rowsWritten(), System.nanoTime() - start};
    } finally {
      delete(dir);
    }
  }

  private static double runDuckDb(Path data) throws Exception {
    Path dir = Files.createTempDirectory("duck-bench");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
      long start = System.nanoTime();
      s.execute("COPY (SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, Description AS description, "
          + "Quantity AS quantity, InvoiceDate AS invoice_date, CAST(UnitPrice AS DECIMAL(10,3)) AS unit_price, "
          + "CAST(CustomerID AS BIGINT) AS customer_id, Country AS country, year(InvoiceDate) AS year, "
          + "month(InvoiceDate) AS month FROM read_csv('" + data.resolve("online_retail/by-day") + "/*.csv.gz', "
          + "header = true, types = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'CustomerID': 'DOUBLE'})) "
          + "TO '" + dir.resolve("out") + "' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (year, month))");
      return (System.nanoTime() - start) / 1e9;
    } finally {
      delete(dir);
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
