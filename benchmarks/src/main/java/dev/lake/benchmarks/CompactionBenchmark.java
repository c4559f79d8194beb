package dev.lake.benchmarks;

import dev.lake.CompactionResult;
import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.benchmarks.harness.Benchmark;
import dev.lake.benchmarks.harness.Comparison;
import dev.lake.benchmarks.harness.Harness;
import dev.lake.benchmarks.harness.Outcome;
import dev.lake.benchmarks.harness.Settings;
import dev.lake.examples.ecommerce.OnlineRetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Compaction of the Online Retail dataset as the local runner writes it (one file per worker and month: 26 files for
 * 13 months on 2 cores). Two comparisons: the time to compact it ({@code lake.compact}, one file per month, committed)
 * against DuckDB rewriting the same files with {@code COPY … PARTITION_BY (year, month)}; and the time of a BI query
 * in DuckDB over the manifest's files before and after compaction. Writing the dataset is not timed.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am verify -DskipTests -Pbench -Dbench.args="--only compaction,compaction-query"
 * }</pre>
 */
final class CompactionBenchmark implements Benchmark {
  private static final String QUERY = "SELECT year, month, count(*) AS lines, sum(quantity * unit_price) AS revenue, "
      + "count(DISTINCT customer_id) AS customers FROM read_parquet([%s], hive_partitioning = true) GROUP BY ALL";

  private final boolean query;

  CompactionBenchmark(boolean query) {
    this.query = query;
  }

  @Override
  public String name() {
    return query ? "compaction-query" : "compaction";
  }

  @Override
  public void run(Harness h, Settings s) throws Exception {
    if (query) {
      Path small = written(s, false);
      Path compacted = written(s, true);
      h.compare(Comparison.of(name(), "a BI query in DuckDB over Online Retail: 13 compacted files vs the "
              + files(small) + " files the 2 writers wrote")
          .variant("compacted", (clock, dir) -> query(compacted, clock))
          .variant("small-files", (clock, dir) -> query(small, clock))
          .warmups(s.warmups(2, 1))
          .runs(s.runs(15, 3)));
      return;
    }
    h.compare(Comparison.of(name(), "Online Retail as written by 2 workers -> one Parquet file per month")
        .variant("lake", (clock, dir) -> {
          Lake lake = write(s, dir);
          int before = lake.latest(OnlineRetail.DATASET).orElseThrow().files().size();
          clock.restart();
          CompactionResult r = lake.compact(OnlineRetail.DATASET);
          clock.stop();
          return Outcome.rows(r.rows()).withBytes(OnlineRetailInput.bytesUnder(dir.resolve("processed")))
              .withExtra("files " + before + "->" + lake.latest(OnlineRetail.DATASET).orElseThrow().files().size());
        })
        .variant("duckdb", (clock, dir) -> {
          Lake lake = write(s, dir);
          DatasetVersion m = lake.latest(OnlineRetail.DATASET).orElseThrow();
          try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET autoinstall_known_extensions=false");
            clock.restart();
            long rows = DuckDb.copy(st, "COPY (SELECT * FROM read_parquet([" + fileList(dir, m) + "], "
                + "hive_partitioning = true)) TO '" + dir.resolve("rewritten") + "' (FORMAT parquet, "
                + "COMPRESSION snappy, PARTITION_BY (year, month))");
            clock.stop();
            return Outcome.rows(rows).withBytes(OnlineRetailInput.bytesUnder(dir.resolve("rewritten")))
                .withExtra("files " + m.files().size() + "->" + Files.walk(dir.resolve("rewritten"))
                    .filter(Files::isRegularFile).count());
          }
        })
        .warmups(s.warmups(1, 0))
        .runs(s.runs(5, 1)));
  }

  private static Lake write(Settings s, Path dir) {
    Lake lake = Lake.at(dir.toString());
    OnlineRetail.pipeline(s.data().toUri(), lake).run();
    return lake;
  }

  /** A lake with the dataset, built once per JVM run of the benchmark under the work directory. */
  private static Path written(Settings s, boolean compact) throws Exception {
    Path dir = s.work().resolve(compact ? "compaction-compacted" : "compaction-small");
    Lake lake = write(s, dir);
    if (compact) {
      lake.compact(OnlineRetail.DATASET);
    }
    return dir;
  }

  private static int files(Path root) {
    return Lake.at(root.toString()).latest(OnlineRetail.DATASET).orElseThrow().files().size();
  }

  private static String fileList(Path root, DatasetVersion m) {
    Path data = root.resolve("processed/" + OnlineRetail.DATASET);
    return m.files().stream().map(f -> "'" + data.resolve(f.path()) + "'").collect(Collectors.joining(", "));
  }

  private static Outcome query(Path root, dev.lake.benchmarks.harness.Clock clock) throws Exception {
    DatasetVersion m = Lake.at(root.toString()).latest(OnlineRetail.DATASET).orElseThrow();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      clock.restart();
      long groups = 0;
      try (ResultSet rs = st.executeQuery(String.format(QUERY, fileList(root, m)))) {
        while (rs.next()) {
          groups++;
        }
      }
      clock.stop();
      return Outcome.rows(groups).withExtra("files " + m.files().size());
    }
  }
}
