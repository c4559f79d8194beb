package dev.lake.benchmarks.spark;

import static org.apache.spark.sql.functions.col;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.ecommerce.OnlineRetail;
import dev.lake.examples.ecommerce.RetailRow;
import dev.lake.examples.ecommerce.Sale;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.source.files.CsvSource;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Online Retail (305 gzip CSV files, 541,909 rows) into an Apache Iceberg table partitioned by year and month, two
 * comparisons interleaved in one JVM: Lake's Iceberg sink (embedded SQLite catalog) against Spark SQL with the
 * Iceberg runtime (a Hadoop catalog on the local file system, the lightest Spark can use; the CSV read with its
 * schema given; Iceberg's default write distribution), and against Lake's own Hive-style dataset (the same pipeline,
 * the other sink). Each run writes a new table in a new directory; every run's row count is checked.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks/spark exec:exec -Dbench.args="iceberg --runs 5"
 * }</pre>
 */
final class IcebergBenchmark {
  private IcebergBenchmark() {}

  static void run(SparkSession spark, Path data, int runs, Path out) throws Exception {
    String glob = data.resolve("online_retail/by-day").toUri() + "*.csv.gz";
    new Interleaved("iceberg-lake-vs-spark", runs, out).compare(
        "lake-iceberg", () -> SparkBenchmarks.inTemp(dir -> lakeIceberg(glob, dir)),
        "spark-iceberg", () -> SparkBenchmarks.inTemp(dir -> sparkIceberg(spark, glob, dir)));
    new Interleaved("iceberg-lake-vs-hive-style", runs, out).compare(
        "lake-iceberg", () -> SparkBenchmarks.inTemp(dir -> lakeIceberg(glob, dir)),
        "lake-hive-style", () -> SparkBenchmarks.inTemp(dir -> Interleaved.Timed.of(
            () -> OnlineRetail.pipeline(data.toUri(), Lake.at(dir.toString())).run().rowsWritten())));
  }

  private static Interleaved.Timed lakeIceberg(String glob, Path dir) throws Exception {
    return Interleaved.Timed.of(() -> Pipeline.from(CsvSource.of(Sale.class).from(glob))
        .named("online-retail")
        .map("partition-by-month", RetailRow::of)
        .to(IcebergCatalog.local(dir.toString()).<RetailRow>table("retail.online_retail").partitionBy("year", "month"))
        .run().rowsWritten());
  }

  private static Interleaved.Timed sparkIceberg(SparkSession spark, String glob, Path dir) throws Exception {
    String catalog = "bench" + Math.abs(dir.getFileName().toString().hashCode());
    spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", dir.toUri().toString());
    String table = catalog + ".retail.online_retail";
    Interleaved.Timed t = Interleaved.Timed.of(() -> {
      SparkSqlJobs.onlineRetailRows(spark, glob)
          .writeTo(table).using("iceberg").tableProperty("write.parquet.compression-codec", "snappy")
          .partitionedBy(col("year"), col("month")).create();
      return 0;
    });
    long rows = spark.table(table).count();
    return new Interleaved.Timed(t.seconds(), rows);
  }
}
