package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.exceptions.SinkException;
import dev.lake.testing.InMemorySource;
import dev.lake.io.TableSnapshot;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * Iceberg snapshots loaded into Redshift through the Data API (the local server speaking its protocol): the rows to
 * load are staged as Parquet under the staging prefix, deletes applied and in the staging table's column order,
 * copied from a manifest in the transaction that records the load, and removed afterwards. The staged files are
 * captured when COPY is submitted and read back with DuckDB.
 */
class IcebergRedshiftLoadTest {
  private static final String BUCKET = "icebergrs";
  private static final String T = "\"public\".\"lines\"";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeDataApi server;
  private static RedshiftDataClient client;

  @TempDir
  Path dir;
  IcebergCatalog catalog;
  /** The staged files of each COPY, copied when the COPY was submitted (they are gone after the load). */
  final List<List<Path>> copied = new ArrayList<>();
  final List<JsonNode> manifests = new ArrayList<>();

  /** A line after the table renamed {@code item} to {@code product} and added {@code note}. */
  record Line2(String invoice, int line, String product, int quantity, int month, String note) {}

  @BeforeAll
  static void start() throws IOException {
    server = new FakeDataApi();
    client = server.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset(0);
    server.failWhen = sql -> {
      if (sql.startsWith("COPY ")) {
        capture(sql);
      }
      return null;
    };
    MappedStore.register(BUCKET, dir.resolve("s3"));
    catalog = IcebergCatalog.local(dir.resolve("iceberg").toString());
  }

  private LoadReport load(String table) {
    return WarehouseLoad.of(IcebergTables.newest(catalog, table)).into(server.api(client)).table("public.lines")
        .iamRole("arn:aws:iam::1:role/r").staging("s3://" + BUCKET + "/stage").run("t1");
  }

  /** Upserted (equality deletes), then {@code item} renamed to {@code product} and {@code note} added. */
  private void upsertedRenamedAndWidened() {
    IcebergTables.upsert(catalog, "day1", IcebergTables.lines(0, 20, 1));
    catalog.load("shop.lines").updateSchema().renameColumn("item", "product")
        .addColumn("note", Types.StringType.get()).commit();
    List<Line2> changes = java.util.stream.IntStream.range(10, 25)
        .mapToObj(i -> new Line2("inv" + i, i % 3, "prod " + i, 7, 1 + i % 2, "n" + i)).toList();
    Pipeline.from(InMemorySource.of("day2", changes)).named("invoices").withParallelism(1)
        .to(catalog.<Line2>table("shop.lines").partitionBy("month").upsertBy("invoice", "line", "month")).run();
  }

  /** The rows the upserted table holds, computed from what was written: invoice|line|product|quantity|month|note. */
  private static List<String> expectedRows() {
    TreeSet<String> rows = new TreeSet<>();
    for (int i = 0; i < 25; i++) {
      rows.add(i < 10 ? "inv" + i + "|" + i % 3 + "|item " + i + "|1|" + (1 + i % 2) + "|null"
          : "inv" + i + "|" + i % 3 + "|prod " + i + "|7|" + (1 + i % 2) + "|n" + i);
    }
    return new ArrayList<>(rows);
  }

  @Test
  void upsertedRenamedTable_copiesStagedRowsInOneTransactionWithItsRecord() throws Exception {
    upsertedRenamedAndWidened();

    LoadReport r = load("shop.lines");

    List<String> sql = server.submitted();
    String copy = sql.stream().filter(s -> s.startsWith("COPY ")).findFirst().orElseThrow();
    String prefix = CopyStaging.prefix(Lake.at("s3://" + BUCKET + "/stage"),
        IcebergTables.newest(catalog, "shop.lines").location(), T).toString();
    assertThat(prefix).startsWith("s3://" + BUCKET + "/stage/_lake/copy-staging/");
    assertThat(copy).isEqualTo("COPY \"lake_files_t1\" FROM '" + prefix + "t1/manifest.json' IAM_ROLE "
        + "'arn:aws:iam::1:role/r' FORMAT AS PARQUET MANIFEST");
    assertThat(sql.get(0)).isEqualTo("BEGIN");
    assertThat(RedshiftIncrementalSqlTest.kinds(sql.subList(sql.indexOf(copy) - 3, sql.size()))).containsExactly(
        "CREATE TABLE " + T + " (…",
        "CREATE TEMP TABLE \"lake_files_t1\" (…",
        "DELETE FROM " + T,
        "COPY \"lake_files_t1\" FROM '…' IAM_ROLE '…' FORMAT AS PARQUET MANIFEST",
        "INSERT INTO " + T + " (…",
        "DROP TABLE IF EXISTS \"lake_files_t1\"",
        "INSERT INTO \"public\".\"lake_loads\" (…",
        "INSERT INTO \"public\".\"lake_loaded_files\" (…",
        "COMMIT");
    assertThat(server.calls.stream().filter(c -> c.target().endsWith(".ExecuteStatement")).skip(1)
        .allMatch(c -> c.body().has("SessionId"))).as("every statement after BEGIN in the session").isTrue();
    assertThat(r.rows()).isEqualTo(25);

    // the staged files: the snapshot's rows, deletes applied, in the staging table's column order
    List<String> stageColumns = columnsOf(sql.stream().filter(s -> s.startsWith("CREATE TEMP TABLE"))
        .findFirst().orElseThrow());
    assertThat(stageColumns).containsExactly("invoice", "line", "product", "quantity", "month", "note");
    assertThat(copied).hasSize(1);
    assertThat(duckDbColumns(copied.get(0))).isEqualTo(stageColumns);
    assertThat(duckDbRows(copied.get(0))).isEqualTo(expectedRows());
    JsonNode entries = manifests.get(0).get("entries");
    assertThat(entries).hasSize(copied.get(0).size());
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).get("url").asText()).startsWith(prefix + "t1/part-");
      assertThat(entries.get(i).get("mandatory").asBoolean()).isTrue();
      assertThat(entries.get(i).get("meta").get("content_length").asLong()).isEqualTo(Files.size(copied.get(0)
          .get(i)));
    }
    assertThat(stagedFiles()).as("staged files removed after the commit").isEmpty();
  }

  @Test
  void failedCopy_rollsBack_andRemovesTheStagedFiles() throws Exception {
    upsertedRenamedAndWidened();
    server.failWhen = sql -> {
      if (sql.startsWith("COPY ")) {
        capture(sql);
        return "ERROR: S3ServiceException: Access Denied";
      }
      return null;
    };

    assertThatThrownBy(() -> load("shop.lines")).isInstanceOf(SinkException.class)
        .hasMessageContaining("Access Denied");

    List<String> sql = server.submitted();
    assertThat(sql.get(sql.size() - 1)).isEqualTo("ROLLBACK");
    assertThat(sql).doesNotContain("COMMIT").noneMatch(s -> s.contains("INTO \"public\".\"lake_loads\""));
    assertThat(copied).hasSize(1).allSatisfy(files -> assertThat(files).isNotEmpty()); // they were there at COPY
    assertThat(stagedFiles()).as("staged files removed after the rollback").isEmpty();
  }

  @Test
  void filesAKilledLoadLeft_areRemovedByTheNextLoad() throws Exception {
    upsertedRenamedAndWidened();
    URI prefix = CopyStaging.prefix(Lake.at("s3://" + BUCKET + "/stage"),
        IcebergTables.newest(catalog, "shop.lines").location(), T);
    Path left = dir.resolve("s3").resolve(prefix.getPath().substring(1)).resolve("dead0001/part-00000.parquet");
    Files.createDirectories(left.getParent());
    Files.writeString(left, "a killed load's staged rows");

    load("shop.lines");

    assertThat(left).doesNotExist();
    assertThat(stagedFiles()).isEmpty();

    // a load with nothing to move removes them too: the warehouse now answers that it holds the snapshot
    TableSnapshot now = IcebergTables.newest(catalog, "shop.lines");
    server.results.put("SELECT \"version\" FROM", List.of(List.of(now.version())));
    server.results.put("SELECT \"path\" FROM", now.files().stream().map(f -> List.<Object>of(f.path())).toList());
    Files.createDirectories(left.getParent());
    Files.writeString(left, "another killed load's staged rows");
    assertThat(load("shop.lines").upToDate()).isTrue();
    assertThat(left).doesNotExist();
  }

  @Test
  void secondLoad_stagesOnlyTheNewFilesRows() throws Exception {
    IcebergTables.append(catalog, "day1", IcebergTables.lines(0, 20, 1));
    TableSnapshot first = IcebergTables.newest(catalog, "shop.sales");
    long firstVersion = first.version();
    List<String> firstFiles = first.files().stream().map(TableSnapshot.File::path).toList();
    IcebergTables.append(catalog, "day2", IcebergTables.lines(20, 30, 2));
    List<String> secondFiles = IcebergTables.newest(catalog, "shop.sales").files().stream()
        .map(TableSnapshot.File::path).toList();
    // the warehouse recorded the first snapshot and holds a table of its columns
    server.results.put("information_schema.columns", List.of(
        Arrays.asList("invoice", "character varying", "YES", null, null),
        Arrays.asList("line", "integer", "YES", 32L, 0L),
        Arrays.asList("item", "character varying", "YES", null, null),
        Arrays.asList("quantity", "integer", "YES", 32L, 0L),
        Arrays.asList("month", "integer", "YES", 32L, 0L)));
    server.results.put("SELECT \"version\" FROM", List.of(List.of(firstVersion)));
    server.results.put("SELECT \"path\" FROM", firstFiles.stream().map(p -> List.<Object>of(p)).toList());

    LoadReport r = load("shop.sales");

    assertThat(r.rows()).isEqualTo(10);
    assertThat(r.previousVersion()).isEqualTo(firstVersion);
    List<String> sql = server.submitted();
    assertThat(sql).filteredOn(s -> s.startsWith("COPY ")).hasSize(1);
    assertThat(sql).noneMatch(s -> s.startsWith("DELETE FROM " + T)).noneMatch(s -> s.startsWith("CREATE TABLE " + T));
    List<String> added = secondFiles.stream().filter(p -> !firstFiles.contains(p)).toList();
    assertThat(added).hasSize(2);
    String recorded = sql.get(sql.size() - 2);
    assertThat(recorded).startsWith("INSERT INTO \"public\".\"lake_loaded_files\"");
    added.forEach(p -> assertThat(recorded).contains("'" + p + "'"));
    firstFiles.forEach(p -> assertThat(recorded).doesNotContain(p));
    assertThat(copied).hasSize(1);
    assertThat(copied.get(0)).hasSize(2);
    TreeSet<String> day2 = new TreeSet<>();
    for (int i = 20; i < 30; i++) {
      day2.add("inv" + i + "|" + i % 3 + "|item " + i + "|2|" + (1 + i % 2));
    }
    assertThat(duckDbRows(copied.get(0))).isEqualTo(new ArrayList<>(day2));
    assertThat(stagedFiles()).isEmpty();
  }

  /** Copies the staged files a COPY's manifest lists, as they are when COPY is submitted. */
  private void capture(String copySql) {
    Matcher m = Pattern.compile("FROM '(s3://[^']+)'").matcher(copySql);
    assertThat(m.find()).isTrue();
    try {
      JsonNode manifest = JSON.readTree(local(m.group(1)).toFile());
      manifests.add(manifest);
      Path to = Files.createDirectories(dir.resolve("copied").resolve(Integer.toString(copied.size())));
      List<Path> files = new ArrayList<>();
      for (JsonNode e : manifest.get("entries")) {
        Path f = to.resolve(files.size() + ".parquet");
        Files.copy(local(e.get("url").asText()), f);
        files.add(f);
      }
      copied.add(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path local(String s3Url) {
    assertThat(s3Url).startsWith("s3://" + BUCKET + "/");
    return dir.resolve("s3").resolve(s3Url.substring(("s3://" + BUCKET + "/").length()));
  }

  private List<Path> stagedFiles() throws IOException {
    Path staging = dir.resolve("s3/stage/_lake/copy-staging");
    if (!Files.exists(staging)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(staging)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static List<String> columnsOf(String createStage) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[(,] ?\"([^\"]+)\" ").matcher(createStage);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String files(List<Path> files) {
    return "read_parquet([" + String.join(", ", files.stream().map(p -> "'" + p + "'").toList()) + "])";
  }

  private static List<String> duckDbColumns(List<Path> files) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + files(files))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Every row of the files, columns joined by '|' in file order, sorted. */
  private static List<String> duckDbRows(List<Path> files) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + files(files))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    out.sort(null);
    return out;
  }
}
