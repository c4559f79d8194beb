package dev.lake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.source.files.CsvSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Spark 4 with the Iceberg Spark runtime, an independent reader (its own catalog client over the same SQLite
 * catalog, Hadoop's file system instead of Lake's), reads the Iceberg table Lake wrote from Online Retail: the same
 * rows and types as Lake's own dataset, partition pruning, time travel to the first snapshot; and Lake appends to a
 * table that Spark created and wrote.
 */
class IcebergReadBySparkTest {
  private static Path warehouse;
  private static IcebergCatalog catalog;
  private static PipelineResult first;
  private static PipelineResult second;

  @BeforeAll
  static void writeOnlineRetailInTwoRuns() throws Exception {
    warehouse = Files.createTempDirectory("lake-iceberg-spark");
    catalog = IcebergCatalog.local(warehouse.toString());
    // The first run reads 2010's files, the second all: it skips what the first committed (a second snapshot)
    first = pipeline("2010-*.csv.gz").run();
    second = pipeline("*.csv.gz").run();
  }

  /**
   * A new Spark session (sharing the SparkContext) whose Iceberg catalog "lake" is the same JDBC catalog as Lake's
   * (a JDBC catalog's tables are keyed by catalog name). A new session each time: Iceberg's JdbcCatalog leaves a
   * metadata query open on SQLite when it connects (see SqliteCatalogPool in lake-iceberg), so its connection keeps
   * seeing the catalog as of that moment.
   */
  private static SparkSession icebergSession() {
    SparkSession spark = SharedSpark.session().newSession();
    spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog.lake.type", "jdbc");
    spark.conf().set("spark.sql.catalog.lake.uri", "jdbc:sqlite:" + warehouse.resolve("catalog.db"));
    spark.conf().set("spark.sql.catalog.lake.warehouse", warehouse.toUri().toString());
    spark.conf().set("spark.sql.catalog.lake.jdbc.schema-version", "V1");
    spark.conf().set("spark.sql.catalog.lake.cache-enabled", "false");
    return spark;
  }

  private static Pipeline<RetailMonthRow> pipeline(String files) {
    String glob = SharedSpark.DATA.toUri() + "online_retail/by-day/" + files;
    return Pipeline.from(CsvSource.of(RetailLine.class).from(glob))
        .named("online-retail-iceberg")
        .map("partition-by-month", RetailMonthRow::of)
        .to(catalog.<RetailMonthRow>table("retail.online_retail").partitionBy("year", "month"));
  }

  @Test
  void spark_readsTheSameRowsAndTypesAsLakesOwnDataset() {
    SparkSession spark = icebergSession();
    Row totals = spark.sql("SELECT count(*), sum(quantity), sum(quantity * unit_price), "
        + "count(DISTINCT invoice_no), min(invoice_date), typeof(min(invoice_date)), typeof(min(unit_price)) "
        + "FROM lake.retail.online_retail").first();

    long rows = 0;
    long quantity = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    java.util.Set<String> invoices = new java.util.HashSet<>();
    for (GenericRecord r : SharedSpark.localOnlineRetail().read(RetailByMonth.DATASET).readAll()) {
      rows++;
      int q = (Integer) r.get("quantity");
      quantity += q;
      revenue = revenue.add(((BigDecimal) r.get("unit_price")).multiply(BigDecimal.valueOf(q)));
      invoices.add(r.get("invoice_no").toString());
    }
    assertThat(rows).isEqualTo(541_909);
    assertThat(first.rowsWritten() + second.rowsWritten()).isEqualTo(rows);
    assertThat(totals.getLong(0)).isEqualTo(rows);
    assertThat(totals.getLong(1)).isEqualTo(quantity);
    assertThat(totals.getDecimal(2)).isEqualByComparingTo(revenue);
    assertThat(totals.getLong(3)).isEqualTo(invoices.size());
    assertThat(totals.getString(5)).isEqualTo("timestamp_ntz");
    assertThat(totals.getString(6)).isEqualTo("decimal(10,3)");
  }

  @Test
  void icebergPlanning_prunesToOneMonthsFiles_andSparkCountsTheSameRows() throws Exception {
    Table table = catalog.load("retail.online_retail");
    List<String> december = new java.util.ArrayList<>();
    try (var tasks = table.newScan().filter(Expressions.and(Expressions.equal("year", 2011),
        Expressions.equal("month", 12))).planFiles()) {
      tasks.forEach(t -> december.add(t.file().location()));
    }
    List<String> all = new java.util.ArrayList<>();
    try (var tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> all.add(t.file().location()));
    }
    assertThat(december).isNotEmpty().allMatch(f -> f.contains("/year=2011/month=12/"));
    assertThat(december.size()).isLessThan(all.size());
    // Spark's view of the table's files agrees with what Lake committed for that month
    long sparkFiles = icebergSession().sql("SELECT count(*) FROM lake.retail.online_retail.files "
        + "WHERE partition.year = 2011 AND partition.month = 12").first().getLong(0);
    assertThat(sparkFiles).isEqualTo(december.size());

    long expected = 0;
    for (GenericRecord r : SharedSpark.localOnlineRetail().read(RetailByMonth.DATASET).readAll()) {
      if ((Integer) r.get("year") == 2011 && (Integer) r.get("month") == 12) {
        expected++;
      }
    }
    assertThat(icebergSession().sql("SELECT count(*) FROM lake.retail.online_retail "
        + "WHERE year = 2011 AND month = 12").first().getLong(0)).isEqualTo(expected);
  }

  @Test
  void spark_timeTravelsToTheFirstSnapshot_andTheSecondRunSkippedWhatTheFirstCommitted() {
    Table table = catalog.load("retail.online_retail");
    List<Snapshot> snapshots = new java.util.ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    assertThat(snapshots).hasSize(2);
    assertThat(second.splitsSkipped()).isEqualTo(first.splits());
    long firstId = snapshots.get(0).snapshotId();
    long then = icebergSession().sql("SELECT count(*) FROM lake.retail.online_retail VERSION AS OF " + firstId)
        .first().getLong(0);
    assertThat(then).isEqualTo(first.rowsWritten());
    Map<String, Long> years = new TreeMap<>();
    icebergSession().sql("SELECT year, count(*) FROM lake.retail.online_retail VERSION AS OF " + firstId
        + " GROUP BY year").collectAsList().forEach(r -> years.put(String.valueOf(r.getInt(0)), r.getLong(1)));
    assertThat(years).containsOnlyKeys("2010");
  }

  record Line(String split, int n) {}

  @Test
  void lake_appendsToATableSparkCreatedAndWrote() {
    SparkSession spark = icebergSession();
    spark.sql("CREATE TABLE lake.spark.lines (split STRING, n INT) USING iceberg PARTITIONED BY (split)");
    spark.sql("INSERT INTO lake.spark.lines VALUES ('spark', 1), ('spark', 2)");
    Pipeline.from(dev.lake.testing.InMemorySource.of("lines", List.of(new Line("lake", 1), new Line("lake", 2),
            new Line("lake", 3))))
        .named("lines-into-spark-table")
        .to(catalog.<Line>table("spark.lines"))
        .run();
    Map<String, Long> bySplit = new TreeMap<>();
    icebergSession().sql("SELECT split, count(*) FROM lake.spark.lines GROUP BY split").collectAsList()
        .forEach(r -> bySplit.put(r.getString(0), r.getLong(1)));
    assertThat(bySplit).isEqualTo(Map.of("spark", 2L, "lake", 3L));
  }

  record InvoiceLine(String invoice, int line, int quantity, int month) {}

  @Test
  void spark_readsAnUpsert_oneRowPerKeyWithTheNewestValues() {
    dev.lake.sink.iceberg.IcebergSink<InvoiceLine> sink = catalog.<InvoiceLine>table("shop.invoice_lines")
        .partitionBy("month").upsertBy("invoice", "line", "month");
    Pipeline.from(dev.lake.testing.InMemorySource.of("day1", List.of(new InvoiceLine("536365", 1, 6, 12),
        new InvoiceLine("536365", 2, 8, 12), new InvoiceLine("536366", 1, 6, 12)))).named("invoices").to(sink).run();
    Pipeline.from(dev.lake.testing.InMemorySource.of("corrections", List.of(new InvoiceLine("536365", 2, 3, 12),
        new InvoiceLine("536367", 1, 1, 12)))).named("invoices").to(sink).run();

    Map<String, Integer> quantities = new TreeMap<>();
    icebergSession().sql("SELECT invoice, line, quantity FROM lake.shop.invoice_lines").collectAsList()
        .forEach(r -> assertThat(quantities.put(r.getString(0) + "/" + r.getInt(1), r.getInt(2))).isNull());
    assertThat(quantities).isEqualTo(Map.of("536365/1", 6, "536365/2", 3, "536366/1", 6, "536367/1", 1));
  }
}
