package dev.lake.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.lake.examples.LakeExamples;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's check, end to end through the examples program: {@code lake-examples ecommerce --format iceberg}, then
 * Apache Spark 4 with the Iceberg runtime (its own JDBC catalog client, Hadoop's file system: an independent reader)
 * reads the tables back. Online Retail arrives in two deliveries (December 2010's files, then the rest) and the
 * program runs once after each and once more with nothing new: 541,909 rows and revenue 9,747,747.934 (the sum of
 * quantity × unit price, as the known-answer tests compute it), two snapshots, time travel to the first. A run
 * killed with SIGKILL while writing and run again leaves every row once; a file correcting an invoice leaves one
 * row per invoice line in {@code retail.invoices}, with the corrected values.
 */
class EcommerceIcebergBySparkTest {
  /** The known answer. */
  private static final long ROWS = 541_909;
  private static final BigDecimal REVENUE = new BigDecimal("9747747.934");

  private static Path work;
  private static Path lake;
  private static Path byDay;
  private static List<Path> december2010;
  private static int[] statuses;
  private static int snapshotsAfterSecondRun;
  private static int snapshotsAfterThirdRun;

  @BeforeAll
  static void runTheExampleThreeTimes() throws Exception {
    work = Files.createTempDirectory("lake-ecommerce-iceberg");
    lake = work.resolve("lake");
    byDay = Files.createDirectories(work.resolve("data/online_retail/by-day"));
    List<Path> all;
    try (Stream<Path> files = Files.list(SharedSpark.DATA.resolve("online_retail/by-day"))) {
      all = files.filter(f -> f.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
    }
    december2010 = all.stream().filter(f -> f.getFileName().toString().startsWith("2010-")).toList();
    assertThat(december2010).isNotEmpty().hasSizeLessThan(all.size());
    // Each delivery copies files in (size and modification time kept): a run skips the files committed before
    deliver(december2010);
    int first = ecommerce(lake, work.resolve("data"));
    deliver(all);
    int second = ecommerce(lake, work.resolve("data"));
    snapshotsAfterSecondRun = snapshots(table("retail.online_retail")).size();
    int third = ecommerce(lake, work.resolve("data"));
    snapshotsAfterThirdRun = snapshots(table("retail.online_retail")).size();
    statuses = new int[] {first, second, third};
  }

  private static void deliver(List<Path> files) throws Exception {
    for (Path f : files) {
      if (!Files.exists(byDay.resolve(f.getFileName()))) {
        Files.copy(f, byDay.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static int ecommerce(Path lakeDir, Path data) {
    return LakeExamples.run("ecommerce", "--format", "iceberg", "--lake", lakeDir.toString(), "--data",
        data.toString());
  }

  @Test
  void spark_readsEveryRowOnce_withTheKnownRevenue() {
    assertThat(statuses).containsOnly(0);
    Row totals = spark(lake).sql("SELECT count(*), sum(quantity * unit_price) FROM lake.retail.online_retail")
        .first();
    assertThat(totals.getLong(0)).isEqualTo(ROWS);
    assertThat(totals.getDecimal(1)).isEqualByComparingTo(REVENUE);
    Row invoices = spark(lake).sql("SELECT count(*), count(DISTINCT invoice_no, line), sum(quantity * unit_price) "
        + "FROM lake.retail.invoices").first();
    assertThat(invoices.getLong(0)).isEqualTo(ROWS);
    assertThat(invoices.getLong(1)).isEqualTo(ROWS);
    assertThat(invoices.getDecimal(2)).isEqualByComparingTo(REVENUE);
  }

  @Test
  void aSecondRunWithNothingNew_addsNoSnapshot() {
    assertThat(snapshotsAfterSecondRun).isEqualTo(2); // one per delivery
    assertThat(snapshotsAfterThirdRun).isEqualTo(snapshotsAfterSecondRun);
  }

  @Test
  void spark_timeTravelsToTheFirstSnapshot_theFirstDeliveryAlone() {
    long firstId = snapshots(table("retail.online_retail")).get(0).snapshotId();
    SparkSession spark = spark(lake);
    // what the first delivery holds, counted by Spark's own CSV reader
    long delivered = spark.read().option("header", "true").csv(december2010.stream().map(Path::toString)
        .toArray(String[]::new)).count();
    Row then = spark.sql("SELECT count(*), min(invoice_date), max(invoice_date) FROM lake.retail.online_retail "
        + "VERSION AS OF " + firstId).first();
    assertThat(then.getLong(0)).isEqualTo(delivered);
    assertThat(then.get(2).toString()).startsWith("2010-12-");
  }

  @Test
  void killedWhileWriting_thenRunAgain_everyRowOnce_andACorrectedInvoiceOneRowPerLine(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("lake.kill.seed", System.nanoTime());
    int filesBeforeKill = 1 + new Random(seed).nextInt(12);
    Path killedLake;
    int attempt = 0;
    while (true) {
      killedLake = dir.resolve("lake-" + attempt);
      Path dataFiles = killedLake.resolve("iceberg/retail/online_retail/data");
      Path log = dir.resolve("child-" + attempt + ".log");
      Process child = child(killedLake, log);
      try {
        while (child.isAlive() && count(dataFiles) < filesBeforeKill) {
          child.waitFor(10, TimeUnit.MILLISECONDS);
        }
        child.destroyForcibly().waitFor(2, TimeUnit.MINUTES);
      } finally {
        child.destroyForcibly();
      }
      if (child.exitValue() == 137) {
        break; // killed while it ran
      }
      // it finished before the kill (exit 0: no kill test) or failed on its own (a broken test)
      assertThat(child.exitValue()).as("seed %s, child log: %s", seed, Files.readString(log)).isZero();
      assertThat(filesBeforeKill).as("the child finished before its first data file was seen; seed %s", seed)
          .isGreaterThan(1);
      filesBeforeKill = Math.max(1, filesBeforeKill / 2); // kill earlier, in a fresh lake
      attempt++;
    }

    assertThat(ecommerce(killedLake, SharedSpark.DATA)).isZero();

    String context = "seed " + seed + ", child killed after " + filesBeforeKill + " data files (attempt " + attempt
        + ")";
    Row totals = spark(killedLake).sql("SELECT count(*), sum(quantity * unit_price) FROM lake.retail.online_retail")
        .first();
    assertThat(totals.getLong(0)).as(context).isEqualTo(ROWS);
    assertThat(totals.getDecimal(1)).as(context).isEqualByComparingTo(REVENUE);
    Row lines = spark(killedLake).sql("SELECT count(*), count(DISTINCT invoice_no, line) FROM lake.retail.invoices")
        .first();
    assertThat(lines.getLong(0)).as(context).isEqualTo(ROWS);
    assertThat(lines.getLong(1)).as(context).isEqualTo(ROWS);

    // A later file corrects the first invoice of 9 December 2011: every line's quantity one more
    Map<Integer, Integer> corrected = correct("581475", dir.resolve("corrections"));
    assertThat(ecommerce(killedLake, dir.resolve("corrections"))).isZero();

    Map<Integer, Integer> stored = new TreeMap<>();
    spark(killedLake).sql("SELECT line, quantity FROM lake.retail.invoices WHERE invoice_no = '581475'")
        .collectAsList().forEach(r -> assertThat(stored.put(r.getInt(0), r.getInt(1))).as("line %s twice",
            r.getInt(0)).isNull());
    assertThat(stored).isEqualTo(corrected);
    Row keys = spark(killedLake).sql("SELECT count(*), count(DISTINCT invoice_no, line) FROM lake.retail.invoices")
        .first();
    assertThat(keys.getLong(0)).isEqualTo(ROWS);
    assertThat(keys.getLong(1)).isEqualTo(ROWS);
  }

  /**
   * Writes {@code corrections/online_retail/by-day/2011-12-09-corrections.csv.gz}: the invoice's lines from the
   * bundled file, in order, each with its quantity plus one; returns line number → corrected quantity.
   */
  private static Map<Integer, Integer> correct(String invoice, Path corrections) throws Exception {
    Path out = Files.createDirectories(corrections.resolve("online_retail/by-day"))
        .resolve("2011-12-09-corrections.csv.gz");
    Map<Integer, Integer> quantities = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(new InputStreamReader(new GZIPInputStream(
            Files.newInputStream(SharedSpark.DATA.resolve("online_retail/by-day/2011-12-09.csv.gz"))),
            StandardCharsets.UTF_8));
         Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8);
         CsvWriter csv = CsvWriter.builder().build(w)) {
      for (CsvRecord r : in) {
        List<String> fields = new ArrayList<>(r.getFields());
        if (r.getStartingLineNumber() == 1) {
          csv.writeRecord(fields);
        } else if (fields.get(0).equals(invoice)) {
          int quantity = Integer.parseInt(fields.get(3)) + 1;
          fields.set(3, String.valueOf(quantity));
          quantities.put(quantities.size() + 1, quantity);
          csv.writeRecord(fields);
        }
      }
    }
    assertThat(quantities).hasSizeGreaterThan(1);
    return quantities;
  }

  private static Process child(Path lakeDir, Path log) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-XX:+UseSerialGC", "-cp", classPath, LakeExamples.class.getName(), "ecommerce", "--format", "iceberg",
        "--lake", lakeDir.toString(), "--data", SharedSpark.DATA.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static long count(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static Table table(String name) {
    return IcebergCatalog.local(lake.resolve("iceberg").toString()).load(name);
  }

  private static List<Snapshot> snapshots(Table table) {
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    return snapshots;
  }

  /**
   * A new Spark session whose Iceberg catalog "lake" is the example's JDBC catalog (a JDBC catalog's tables are keyed
   * by catalog name); a new session each time, as lake-spark's {@code IcebergReadBySparkTest} explains.
   */
  private static SparkSession spark(Path lakeDir) {
    Path warehouse = lakeDir.resolve("iceberg");
    SparkSession spark = SharedSpark.session().newSession();
    spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog.lake.type", "jdbc");
    spark.conf().set("spark.sql.catalog.lake.uri", "jdbc:sqlite:" + warehouse.resolve("catalog.db"));
    spark.conf().set("spark.sql.catalog.lake.warehouse", warehouse.toUri().toString());
    spark.conf().set("spark.sql.catalog.lake.jdbc.schema-version", "V1");
    spark.conf().set("spark.sql.catalog.lake.cache-enabled", "false");
    return spark;
  }
}
