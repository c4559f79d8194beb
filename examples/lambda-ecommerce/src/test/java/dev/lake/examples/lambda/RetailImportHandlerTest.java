package dev.lake.examples.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.S3Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3-event handler in process against s3proxy; the Parquet it writes read back with DuckDB. */
class RetailImportHandlerTest {
  static final Path BY_DAY = S3Stage.DATA.resolve("online_retail/by-day");
  static S3Stage s3;
  static RetailImportHandler handler;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Stage.start("shop");
    handler = new RetailImportHandler(s3.settings("s3://shop/lake", "s3://shop/data/"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void handle_createdCsvFiles_importedOnceEvenWhenTheEventIsRedelivered() throws Exception {
    String[] days = {"2010-12-01", "2010-12-02"};
    for (String day : days) {
      s3.upload(BY_DAY.resolve(day + ".csv.gz"), "lake/raw/online_retail/" + day + ".csv.gz");
    }
    S3Event created = event("lake/raw/online_retail/2010-12-01.csv.gz", "lake/raw/online_retail/2010-12-02.csv.gz");

    String first = handler.handleRequest(created, null);
    String again = handler.handleRequest(created, null);

    long lines = csvLines(days[0]) + csvLines(days[1]);
    assertThat(first).contains(String.format("%,d written", lines)).contains("0 rejected");
    assertThat(again).as("a redelivered event: both files are in the dataset's split ledger")
        .contains("0 written").contains("2 of 2 splits already committed");
    assertThat(count("lake/processed/online_retail/")).isEqualTo(lines);

    s3.upload(BY_DAY.resolve("2010-12-03.csv.gz"), "lake/raw/online_retail/2010-12-03.csv.gz");
    handler.handleRequest(event("lake/raw/online_retail/2010-12-03.csv.gz"), null);

    assertThat(count("lake/processed/online_retail/")).isEqualTo(lines + csvLines("2010-12-03"));
    assertThat(handler.handleRequest(event(), null)).isEqualTo("no created objects in the event");
    assertThat(s3.keys("lake/")).filteredOn(k -> !k.startsWith("lake/raw/"))
        .as("every object the handler wrote is one its IAM policy lets it write")
        .allMatch(k -> handler.requiredPermissions(IamPolicyFileTest.DOCUMENTED, RetailImportHandler.FUNCTION_NAME)
            .allows("s3:PutObject", "arn:aws:s3:::shop/" + k, S3Stage.putContext(k)));
  }

  @Test
  void handle_badLine_rejectedWithFileAndLineRestWritten() throws Exception {
    List<String> text = new ArrayList<>(gunzip(BY_DAY.resolve("2010-12-05.csv.gz")));
    text.set(5, text.get(5).replaceFirst(",\\d+,2010-12-05", ",many,2010-12-05")); // line 6: bad quantity
    Path bad = dir.resolve("2010-12-05.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
      out.write((String.join("\n", text) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    s3.upload(bad, "bad/raw/online_retail/2010-12-05.csv.gz");
    RetailImportHandler other = new RetailImportHandler(s3.settings("s3://shop/bad", "s3://shop/data/"));

    String summary = other.handleRequest(event("bad/raw/online_retail/2010-12-05.csv.gz"), null);

    assertThat(summary).contains("1 rejected");
    assertThat(count("bad/processed/online_retail/")).isEqualTo(text.size() - 2);
    Path rejected = s3.download("bad/rejected/online_retail/", dir.resolve("rejected"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT position, reason FROM read_json_auto('" + rejected
             + "/**/*.jsonl.gz')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("s3://shop/bad/raw/online_retail/2010-12-05.csv.gz:6");
      assertThat(rs.getString(2)).contains("quantity").contains("many");
    }
  }

  @Test
  void handle_lakeFormatIceberg_appendsToTheIcebergTable_onceEvenWhenTheEventIsRedelivered() throws Exception {
    java.util.Map<String, String> env = new java.util.HashMap<>(s3.environment("s3://shop/ice", "s3://shop/data/"));
    env.put("LAKE_FORMAT", "iceberg");
    env.put("LAKE_ICEBERG_CATALOG", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    RetailImportHandler iceberg = new RetailImportHandler(HandlerSettings.of(env));
    String[] days = {"2010-12-06", "2010-12-07"};
    for (String day : days) {
      s3.upload(BY_DAY.resolve(day + ".csv.gz"), "ice/raw/online_retail/" + day + ".csv.gz");
    }
    S3Event created = event("ice/raw/online_retail/2010-12-06.csv.gz", "ice/raw/online_retail/2010-12-07.csv.gz");

    String first = iceberg.handleRequest(created, null);
    String again = iceberg.handleRequest(created, null);

    long lines = csvLines(days[0]) + csvLines(days[1]);
    assertThat(first).contains(String.format("%,d written", lines)).contains("0 rejected")
        .contains("iceberg:retail.online_retail");
    assertThat(again).as("a redelivered event: both files are in the table's snapshots")
        .contains("0 written").contains("2 of 2 splits already committed");
    assertThat(s3.keys("ice/processed/")).isEmpty();
    var table = dev.lake.sink.iceberg.IcebergCatalog.jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"),
        "s3://shop/ice/iceberg/").load("retail.online_retail");
    assertThat(table.snapshots()).as("the redelivered event committed nothing").hasSize(1);
    assertThat(table.spec().fields()).singleElement()
        .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("month"));
    Path files = Files.createTempDirectory(dir, "ice");
    try (var tasks = table.newScan().planFiles()) {
      for (var task : tasks) {
        assertThat(task.deletes()).isEmpty(); // appended: no delete files
        String key = task.file().location().replaceFirst("^s3://shop/", "");
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path folder = s3.download(key.substring(0, key.length() - name.length()), Files.createTempDirectory(dir, "f"));
        Files.move(folder.resolve(name), files.resolve(java.util.UUID.randomUUID() + ".parquet"));
      }
    }
    // DuckDB reads the CSV files and the table's data files: the same lines and quantities
    String csv = "['" + BY_DAY.resolve(days[0] + ".csv.gz") + "', '" + BY_DAY.resolve(days[1] + ".csv.gz") + "']";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM read_parquet('" + files + "/*.parquet')), "
             + "(SELECT sum(quantity) FROM read_parquet('" + files + "/*.parquet')), "
             + "(SELECT sum(Quantity) FROM read_csv(" + csv + ", header = true, "
             + "columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', "
             + "'Quantity': 'BIGINT', 'InvoiceDate': 'VARCHAR', 'UnitPrice': 'VARCHAR', 'CustomerID': 'VARCHAR', "
             + "'Country': 'VARCHAR'}))")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(lines);
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(3)).isNotZero();
    }
    assertThat(s3.keys("ice/iceberg/")).as("every object the handler wrote is one its IAM policy lets it write")
        .isNotEmpty()
        .allMatch(k -> iceberg.requiredPermissions(IamPolicyFileTest.DOCUMENTED, RetailImportHandler.FUNCTION_NAME)
            .allows("s3:PutObject", "arn:aws:s3:::shop/" + k, S3Stage.putContext(k)));
  }

  private long count(String prefix) throws Exception {
    Path local = s3.download(prefix, Files.createTempDirectory(dir, "dl"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + local + "/**/*.parquet')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Data lines of a bundled daily file, counted without Lake. */
  private static long csvLines(String day) throws IOException {
    return gunzip(BY_DAY.resolve(day + ".csv.gz")).size() - 1;
  }

  static List<String> gunzip(Path gz) throws IOException {
    try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** An S3 notification as Lambda delivers it (bucket shop), deserialized by Lambda's own serializer. */
  static S3Event event(String... keys) {
    return eventIn("shop", keys);
  }

  /** The same for bucket {@code bucket}. */
  static S3Event eventIn(String bucket, String... keys) {
    StringBuilder records = new StringBuilder();
    for (String key : keys) {
      records.append(records.length() == 0 ? "" : ",").append("""
          {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
           "eventTime":"2026-11-26T08:00:00.000Z","eventName":"ObjectCreated:Put",
           "s3":{"s3SchemaVersion":"1.0","configurationId":"raw-online-retail",
                 "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                 "object":{"key":"%s","size":1024,"eTag":"e","sequencer":"1"}}}""".formatted(bucket, bucket, key));
    }
    String json = "{\"Records\":[" + records + "]}";
    return LambdaEventSerializers.serializerFor(S3Event.class, RetailImportHandlerTest.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
