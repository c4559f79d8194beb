package dev.lake.benchmarks.spark;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.sparkify.Sparkify;
import dev.lake.spark.SparkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Lake against Spark in local mode ({@code local[N]}, N = cores), all in one JVM and one SparkSession (its ~10 s
 * start-up is not timed), interleaved after a warm-up:
 * <ul>
 *   <li>{@code csv}: Online Retail CSV (305 gzip files, 541,909 rows) to Snappy Parquet by year/month: Lake's
 *       example pipeline on its local runner vs Spark SQL (read csv with a schema, cast, write partitionBy);
 *   <li>{@code sparkify}: Sparkify JSON to the five star-schema tables: Lake's five pipelines vs Spark SQL;
 *   <li>{@code iceberg}: Online Retail into an Apache Iceberg table partitioned by year and month: Lake's Iceberg
 *       sink vs Spark SQL with the Iceberg runtime, and vs Lake's own Hive-style dataset ({@link IcebergBenchmark});
 *   <li>{@code runner}: 10 copies of Online Retail (3,050 files, 5.4 million rows): the same Lake pipeline on the
 *       Spark runner vs the local runner.
 * </ul>
 * Raw figures go to {@code target/benchmarks/<benchmark>.csv}.
 *
 * <pre>{@code
 * mvn -q install -DskipTests
 * mvn -q -pl benchmarks/spark exec:exec -Dbench.args="all --runs 5"
 * }</pre>
 */
public final class SparkBenchmarks {
  private SparkBenchmarks() {}

  public static void main(String[] argv) throws Exception {
    List<String> args = new ArrayList<>();
    Arrays.stream(argv).forEach(a -> args.addAll(Arrays.asList(a.trim().split("\\s+"))));
    String which = "all";
    int runs = 5;
    int copies = 10;
    int runnerRuns = -1;
    boolean runnerWarmUp = true;
    Path data = Path.of("data");
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "all", "csv", "sparkify", "runner", "iceberg" -> which = args.get(i);
        case "--runs" -> runs = Integer.parseInt(args.get(++i));
        case "--copies" -> copies = Integer.parseInt(args.get(++i));
        case "--runner-runs" -> runnerRuns = Integer.parseInt(args.get(++i));
        case "--runner-no-warm-up" -> runnerWarmUp = false;
        case "--data" -> data = Path.of(args.get(++i));
        case "" -> { }
        default -> throw new IllegalArgumentException("Unknown option " + args.get(i)
            + "; use [all|csv|sparkify|runner|iceberg] --runs N --copies N --runner-runs N --runner-no-warm-up --data DIR");
      }
    }
    data = data.toAbsolutePath().normalize();
    Path out = Path.of("benchmarks/spark/target/benchmarks").toAbsolutePath();
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("Spark %s local[%d], Java %s, %d cores%n", org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        cores, System.getProperty("java.version"), cores);
    SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("lake-benchmarks")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(cores))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      if (which.equals("all") || which.equals("csv")) {
        csv(spark, data, new Interleaved("csv-to-parquet", runs, out));
      }
      if (which.equals("all") || which.equals("sparkify")) {
        sparkify(spark, data, new Interleaved("sparkify-star-schema", runs, out));
      }
      if (which.equals("all") || which.equals("iceberg")) {
        IcebergBenchmark.run(spark, data, runs, out);
      }
      if (which.equals("all") || which.equals("runner")) {
        runner(spark, data, copies, new Interleaved("spark-runner-" + copies + "x-online-retail",
            runnerRuns > 0 ? runnerRuns : runs, runnerWarmUp, out));
      }
    } finally {
      spark.stop();
    }
  }

  private static void csv(SparkSession spark, Path data, Interleaved bench) throws Exception {
    String glob = data.resolve("online_retail/by-day").toString() + "/*.csv.gz";
    bench.compare("lake", () -> inTemp(dir -> Interleaved.Timed.of(
        () -> OnlineRetail.pipeline(data.toUri(), Lake.at(dir.toString())).run().rowsWritten())), "spark-sql", () -> inTemp(dir -> {
      Path target = dir.resolve("online_retail");
      Interleaved.Timed t = Interleaved.Timed.of(() -> {
        SparkSqlJobs.onlineRetail(spark, glob, target);
        return 0;
      });
      return new Interleaved.Timed(t.seconds(), SparkSqlJobs.rows(spark, target));
    }));
  }

  private static void sparkify(SparkSession spark, Path data, Interleaved bench) throws Exception {
    bench.compare("lake", () -> inTemp(dir -> Interleaved.Timed.of(() -> {
      long rows = 0;
      // Building the pipelines reads the lookups (latest plays, songs): part of the work, so timed.
      for (Pipeline<?> p : Sparkify.pipelines(data.toUri(), Lake.at(dir.toString()))) {
        rows += p.run().rowsWritten();
      }
      return rows;
    })), "spark-sql", () -> inTemp(dir -> {
      Interleaved.Timed t = Interleaved.Timed.of(() -> {
        SparkSqlJobs.sparkify(spark, data, dir);
        return 0;
      });
      return new Interleaved.Timed(t.seconds(), SparkSqlJobs.rows(spark, dir.resolve("songs"),
          dir.resolve("artists"), dir.resolve("users"), dir.resolve("time"), dir.resolve("songplays")));
    }));
  }

  private static void runner(SparkSession spark, Path data, int copies, Interleaved bench) throws Exception {
    Path input = Files.createTempDirectory("lake-bench-10x");
    try {
      Path days = input.resolve("online_retail/by-day");
      Files.createDirectories(days);
      try (Stream<Path> files = Files.list(data.resolve("online_retail/by-day"))) {
        for (Path f : files.toList()) {
          for (int c = 0; c < copies; c++) {
            Files.copy(f, days.resolve("copy" + c + "-" + f.getFileName()));
          }
        }
      }
      bench.compare("lake-on-spark", () -> inTemp(dir -> Interleaved.Timed.of(
          () -> OnlineRetail.pipeline(input.toUri(), Lake.at(dir.toString())).run(SparkRunner.of(spark))
              .rowsWritten())),
          "lake-local", () -> inTemp(dir -> Interleaved.Timed.of(
              () -> OnlineRetail.pipeline(input.toUri(), Lake.at(dir.toString())).run().rowsWritten())));
    } finally {
      delete(input);
    }
  }

  /** Runs {@code job} with a fresh temporary output directory, deleted afterwards (not timed). */
  static Interleaved.Timed inTemp(Output job) throws Exception {
    Path dir = Files.createTempDirectory("lake-bench-out");
    try {
      return job.run(dir);
    } finally {
      delete(dir);
    }
  }

  @FunctionalInterface
  interface Output {
    Interleaved.Timed run(Path dir) throws Exception;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
