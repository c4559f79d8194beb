package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * An upsert run on Spark whose key versions fall into different Spark tasks (splits are dealt to tasks in contiguous
 * runs of the source's order, so split 0 and split 5 are never in the same task of three): the tasks' keys travel
 * to the driver in their results, the commit keeps the row of the latest split, and Spark with the Iceberg runtime,
 * reading the table through its own catalog client, sees every key once with that row.
 */
class IcebergUpsertOnSparkTest {
  static final int SPLITS = 6;

  /** One row of an invoice line, with the split it came from. */
  public record Line(String invoice, int line, int month, int quantity, String split) implements Serializable {}

  /** Six splits of invoice lines from a seed: every split repeats keys of the others, so tasks overlap. */
  static final class Invoices implements Source<Line> {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int split;

    Invoices(long seed, int split) {
      this.seed = seed;
      this.split = split;
    }

    static List<Line> rows(long seed, int split) {
      Random random = new Random(seed * 31 + split);
      List<Line> rows = new ArrayList<>();
      rows.add(new Line("shared", 1, 12, random.nextInt(1000), "split" + split));
      for (int n = 0; n < 20; n++) {
        int k = random.nextInt(15);
        rows.add(new Line("inv-" + k, 1, 1 + k % 2, random.nextInt(1000), "split" + split));
      }
      return rows;
    }

    @Override
    public String name() {
      return "invoices";
    }

    @Override
    public String id() {
      return split < 0 ? "invoices:" + seed : "invoices:" + seed + ":" + split;
    }

    @Override
    public List<Invoices> split(SourceContext ctx) {
      List<Invoices> out = new ArrayList<>();
      for (int s = 0; s < SPLITS; s++) {
        out.add(new Invoices(seed, s));
      }
      return out;
    }

    @Override
    public SourceReader<Line> open(SourceContext ctx) {
      return SourceReader.of(rows(seed, split).iterator(), id());
    }

    @Override
    public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
      return dev.lake.iam.IamPolicy.empty();
    }
  }

  @Test
  void upsertAcrossSparkTasks_sparkReadsOneRowPerKey_fromTheLatestSplit() throws Exception {
    Path warehouse = Files.createTempDirectory("lake-iceberg-spark-upsert");
    IcebergCatalog catalog = IcebergCatalog.local(warehouse.toString());
    long seed = Long.getLong("lake.upsert.seed", System.nanoTime());
    Map<String, String> expected = new TreeMap<>();
    for (int s = 0; s < SPLITS; s++) {
      for (Line l : Invoices.rows(seed, s)) {
        expected.put(l.invoice() + "/" + l.line() + "/" + l.month(), l.quantity() + "@" + l.split());
      }
    }

    PipelineResult result = Pipeline.from(new Invoices(seed, -1)).named("invoices")
        .to(catalog.<Line>table("shop.invoice_lines").partitionBy("month").upsertBy("invoice", "line", "month"))
        .run(SparkRunner.of(SharedSpark.session()).withPartitions(3));
    assertThat(result.rowsWritten()).isEqualTo(SPLITS * 21L);

    SparkSession spark = SharedSpark.session().newSession();
    spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog.lake.type", "jdbc");
    spark.conf().set("spark.sql.catalog.lake.uri", "jdbc:sqlite:" + warehouse.resolve("catalog.db"));
    spark.conf().set("spark.sql.catalog.lake.warehouse", warehouse.toUri().toString());
    spark.conf().set("spark.sql.catalog.lake.jdbc.schema-version", "V1");
    spark.conf().set("spark.sql.catalog.lake.cache-enabled", "false");
    Map<String, String> read = new TreeMap<>();
    spark.sql("SELECT invoice, line, month, quantity, split FROM lake.shop.invoice_lines").collectAsList()
        .forEach(r -> {
          String key = r.getString(0) + "/" + r.getInt(1) + "/" + r.getInt(2);
          assertThat(read.put(key, r.getInt(3) + "@" + r.getString(4))).as("key %s once (seed %s)", key, seed)
              .isNull();
        });
    assertThat(read).as("seed %s", seed).isEqualTo(expected);
  }
}
