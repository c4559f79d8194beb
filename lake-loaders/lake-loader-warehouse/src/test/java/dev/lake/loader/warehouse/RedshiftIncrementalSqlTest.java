package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.DatasetVersion;
import dev.lake.Lake;
import dev.lake.exceptions.SinkException;
import dev.lake.io.DataFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * Golden statements of recorded Redshift loads through the Data API, for the cases the JDBC warehouses run for real
 * ({@link IncrementalContract}): a first load, new commits since the last load, up to date, a compaction since the
 * last load, and a failure halfway. The whole load is one session: BEGIN, the state tables and their lock, the
 * recorded version and paths read in the same transaction, the data, the record, COMMIT.
 */
class RedshiftIncrementalSqlTest {
  static final String T = "\"public\".\"sales\"";
  static final String KEY = "WHERE \"target_table\" = '\"public\".\"sales\"' AND \"source\" = 's3://inc/lake/processed/"
      + "sales/'";
  static final List<String> PREPARE = List.of(
      "BEGIN",
      "CREATE SCHEMA IF NOT EXISTS \"public\"",
      "CREATE TABLE IF NOT EXISTS \"public\".\"lake_loads\" (\"target_table\" VARCHAR(65535) NOT NULL, \"source\" "
          + "VARCHAR(65535) NOT NULL, \"version\" BIGINT NOT NULL, \"loaded_at\" TIMESTAMP NOT NULL)",
      "CREATE TABLE IF NOT EXISTS \"public\".\"lake_loaded_files\" (\"target_table\" VARCHAR(65535) NOT NULL, "
          + "\"source\" VARCHAR(65535) NOT NULL, \"path\" VARCHAR(65535) NOT NULL, \"version\" BIGINT NOT NULL)",
      "LOCK \"public\".\"lake_loads\"",
      "SELECT \"version\" FROM \"public\".\"lake_loads\" " + KEY);
  static final String PATHS = "SELECT \"path\" FROM \"public\".\"lake_loaded_files\" " + KEY;

  private static FakeDataApi server;
  private static RedshiftDataClient client;

  @TempDir
  Path dir;
  Lake lake;

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
    MappedStore.register("inc", dir);
    lake = Lake.at("s3://inc/lake");
  }

  private LoadReport run() {
    WarehouseLoad load = WarehouseLoad.of(lake, "sales").into(server.api(client)).table("public.sales")
        .iamRole("arn:aws:iam::1:role/r");
    return load.run("t1");
  }

  /** The warehouse answers that it holds {@code version} and these files, in a table of the dataset's columns. */
  private void recorded(long version, List<DataFile> files) {
    server.results.put("information_schema.columns", List.of(
        java.util.Arrays.asList("id", "bigint", "NO", 64L, 0L),
        java.util.Arrays.asList("name", "character varying", "YES", null, null),
        java.util.Arrays.asList("qty", "integer", "NO", 32L, 0L),
        java.util.Arrays.asList("price", "numeric", "YES", 10L, 3L),
        java.util.Arrays.asList("day", "date", "YES", null, null),
        java.util.Arrays.asList("at", "timestamp without time zone", "YES", null, null),
        java.util.Arrays.asList("country", "character varying", "YES", null, null)));
    server.results.put("SELECT \"version\" FROM", List.of(List.of(version)));
    server.results.put("SELECT \"path\" FROM", files.stream().map(f -> List.<Object>of(f.path())).toList());
  }

  private DatasetVersion newest() throws IOException {
    return lake.latest("sales").orElseThrow();
  }

  static List<String> kinds(List<String> sql) {
    return sql.stream().map(s -> s.replaceAll("'[^']*'", "'…'").replaceAll(" \\(.*", " (…")).toList();
  }

  @Test
  void run_firstLoad_createsTheTableCopiesEveryPartitionAndRecordsEveryFile() throws IOException {
    Datasets.write(lake, Datasets.sales(0, 9, 0));
    List<DataFile> files = newest().files();

    LoadReport r = run();

    List<String> sql = server.submitted();
    assertThat(sql.subList(0, 6)).isEqualTo(PREPARE);
    assertThat(sql.get(6)).contains("information_schema.columns");
    assertThat(sql).filteredOn(s -> s.startsWith("COPY ")).hasSize(3);
    assertThat(sql).filteredOn(s -> s.startsWith("DELETE FROM " + T)).isEmpty();
    assertThat(sql.get(sql.size() - 3)).startsWith("INSERT INTO \"public\".\"lake_loads\" (\"target_table\", "
        + "\"source\", \"version\", \"loaded_at\") VALUES ('\"public\".\"sales\"', 's3://inc/lake/processed/sales/', "
        + r.version() + ", CAST('");
    assertThat(sql.get(sql.size() - 2)).startsWith("INSERT INTO \"public\".\"lake_loaded_files\"")
        .contains(files.stream().map(f -> "'" + f.path() + "', " + r.version() + ")").toList());
    assertThat(sql.get(sql.size() - 1)).isEqualTo("COMMIT");
    assertThat(r.rows()).isEqualTo(9);
  }

  @Test
  void run_newCommitsSinceTheRecordedVersion_copiesOnlyTheirFilesAndUpdatesTheRecord() throws IOException {
    Datasets.write(lake, Datasets.sales(0, 9, 0));
    DatasetVersion loaded = newest();
    Datasets.append(lake, List.of(Datasets.sale(9, 9))); // one row: country "United Kingdom"
    recorded(loaded.version(), loaded.files());
    DataFile added = newest().files().stream().filter(f -> !loaded.files().contains(f)).findFirst().orElseThrow();

    LoadReport r = run();

    List<String> sql = server.submitted();
    assertThat(sql.subList(0, 6)).isEqualTo(PREPARE);
    assertThat(sql.get(6)).isEqualTo(PATHS);
    assertThat(kinds(sql.subList(8, sql.size()))).containsExactly(
        "CREATE TEMP TABLE \"lake_files_t1\" (…",
        "COPY \"lake_files_t1\" FROM '…' IAM_ROLE '…' FORMAT AS PARQUET MANIFEST",
        "INSERT INTO \"public\".\"sales\" (…",
        "DROP TABLE IF EXISTS \"lake_files_t1\"",
        "UPDATE \"public\".\"lake_loads\" SET \"version\" = " + r.version() + ", \"loaded_at\" = CAST('…' AS "
            + "TIMESTAMP) WHERE \"target_table\" = '…' AND \"source\" = '…'",
        "INSERT INTO \"public\".\"lake_loaded_files\" (…",
        "COMMIT");
    assertThat(sql.get(sql.size() - 2)).endsWith("'" + added.path() + "', " + r.version() + ")");
    assertThat(r.previousVersion()).isEqualTo(loaded.version());
    assertThat(r.rows()).isEqualTo(1);
  }

  @Test
  void run_upToDate_readsTheRecordAndCommitsWithoutCopying() throws IOException {
    Datasets.write(lake, Datasets.sales(0, 9, 0));
    recorded(newest().version(), newest().files());

    LoadReport r = run();

    List<String> sql = server.submitted();
    assertThat(sql.subList(0, 6)).isEqualTo(PREPARE);
    assertThat(sql.get(6)).isEqualTo(PATHS);
    assertThat(sql.get(7)).contains("information_schema.columns");
    assertThat(sql.subList(8, sql.size())).containsExactly("COMMIT");
    assertThat(r.upToDate()).isTrue();
  }

  @Test
  void run_compactionSinceTheRecordedVersion_deletesAndReloadsItsPartitionsAndRewritesTheirPaths()
      throws IOException {
    Datasets.write(lake, Datasets.sales(0, 9, 0));
    Datasets.append(lake, Datasets.sales(9, 18, 0));
    DatasetVersion loaded = newest();
    recorded(loaded.version(), loaded.files());
    lake.compaction("sales").run();

    LoadReport r = run();

    List<String> sql = server.submitted();
    assertThat(sql).contains(
        "DELETE FROM " + T + " WHERE \"country\" = CAST('United Kingdom' AS VARCHAR(65535))",
        "DELETE FROM " + T + " WHERE \"country\" = CAST('France/Belgium' AS VARCHAR(65535))",
        "DELETE FROM " + T + " WHERE (\"country\" IS NULL OR \"country\" = '')");
    List<String> gone = new ArrayList<>(loaded.files().stream().map(f -> "'" + f.path() + "'").sorted().toList());
    assertThat(sql).anyMatch(s -> s.startsWith("DELETE FROM \"public\".\"lake_loaded_files\" " + KEY
        + " AND \"path\" IN (" + String.join(", ", gone) + ")"));
    assertThat(sql.indexOf(sql.stream().filter(s -> s.startsWith("DELETE FROM " + T)).findFirst().orElseThrow()))
        .isLessThan(sql.indexOf(sql.stream().filter(s -> s.startsWith("COPY ")).findFirst().orElseThrow()));
    assertThat(r.reloadedPartitions()).isEqualTo(3);
    assertThat(r.rows()).isEqualTo(18);
  }

  @Test
  void run_failingStatement_rollsTheSessionBackWithoutCommitOrRecord() {
    Datasets.write(lake, Datasets.sales(0, 9, 0));
    server.failWhen = sql -> sql.startsWith("COPY ") ? "ERROR: S3ServiceException: Access Denied" : null;

    assertThatThrownBy(this::run).isInstanceOf(SinkException.class).hasMessageContaining("Access Denied");

    List<String> sql = server.submitted();
    assertThat(sql.get(sql.size() - 1)).isEqualTo("ROLLBACK");
    assertThat(sql).doesNotContain("COMMIT").noneMatch(s -> s.contains("INTO \"public\".\"lake_loads\""));
  }
}
