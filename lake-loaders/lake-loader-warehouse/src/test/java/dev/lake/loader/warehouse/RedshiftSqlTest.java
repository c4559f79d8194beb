package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of the SQL and the COPY manifests a Redshift load generates. */
class RedshiftSqlTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/it's";
  static final String T = "\"a\"\"b\".\"x'; drop table t;--\"";
  static final String FILE_COLS = "\"id\", \"name\", \"qty\", \"price\", \"day\", \"at\"";
  static final String ALL_COLS = FILE_COLS + ", \"country\"";
  static final String MANIFESTS = "s3://golden/lake/_lake/copy-manifests/processed/sales/v00000000000000000001/";

  @TempDir
  Path dir;
  Lake lake;

  @BeforeEach
  void lake() {
    MappedStore.register("golden", dir);
    lake = Lake.at("s3://golden/lake");
    Datasets.write(lake, Datasets.sales(0, 6, 0));
  }

  private static Map<String, String> country(String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("country", value);
    return m;
  }

  /** The plan of a first load of the golden dataset's only version. */
  private LoadPlan firstLoad(LoadMode mode) {
    return LoadPlan.of(mode, Snapshot.of(lake, "sales").committed(), new LoadState.Recorded(0, java.util.Set.of()),
        T);
  }

  private static final List<Map<String, String>> PARTITIONS =
      List.of(country("United Kingdom"), country("it's \\ here"), country(null));
  private static final List<String> URLS =
      List.of(MANIFESTS + "part-00000.json", MANIFESTS + "part-00001.json", MANIFESTS + "part-00002.json");

  private static String copy(int n) {
    return "COPY \"lake_files_t1\" FROM '" + URLS.get(n) + "' IAM_ROLE 'arn:aws:iam::123456789012:role/it''s' "
        + "FORMAT AS PARQUET MANIFEST";
  }

  private static String insert(String into, String country) {
    return "INSERT INTO " + into + " (" + ALL_COLS + ") SELECT " + FILE_COLS + ", CAST(" + country
        + " AS VARCHAR(65535)) FROM \"lake_files_t1\"";
  }

  @Test
  void sql_mergeIntoNewTable_createsWithOptionsCopiesEachPartitionAndDeletesThenInserts() {
    WarehouseLoad load = WarehouseLoad.of(lake, "sales").into(Dialect.REDSHIFT, DuckDbLoadTest.shared())
        .table("a\"b", "x'; drop table t;--").mode(LoadMode.MERGE).mergeKeys("id").iamRole(ROLE)
        .distKey("id").sortKeys("day", "id").encode("name", "zstd").encode("id", "AZ64");

    List<String> sql = new RedshiftLoader(load, Snapshot.of(lake, "sales"), "t1").sql(true, List.of(),
        firstLoad(LoadMode.MERGE), PARTITIONS, URLS);

    assertThat(sql).containsExactly(
        "CREATE SCHEMA IF NOT EXISTS \"a\"\"b\"",
        "CREATE TABLE " + T + " (\"id\" BIGINT ENCODE AZ64 NOT NULL, \"name\" VARCHAR(65535) ENCODE ZSTD, "
            + "\"qty\" INTEGER NOT NULL, \"price\" DECIMAL(10,3), \"day\" DATE, \"at\" TIMESTAMP, "
            + "\"country\" VARCHAR(65535)) DISTSTYLE KEY DISTKEY(\"id\") COMPOUND SORTKEY(\"day\", \"id\")",
        "CREATE TEMP TABLE \"lake_files_t1\" (\"id\" BIGINT, \"name\" VARCHAR(65535), \"qty\" INTEGER, "
            + "\"price\" DECIMAL(10,3), \"day\" DATE, \"at\" TIMESTAMP)",
        "CREATE TEMP TABLE \"lake_rows_t1\" (\"id\" BIGINT, \"name\" VARCHAR(65535), \"qty\" INTEGER, "
            + "\"price\" DECIMAL(10,3), \"day\" DATE, \"at\" TIMESTAMP, \"country\" VARCHAR(65535))",
        copy(0),
        insert("\"lake_rows_t1\"", "'United Kingdom'"),
        "DELETE FROM \"lake_files_t1\"",
        copy(1),
        insert("\"lake_rows_t1\"", "'it''s \\\\ here'"),
        "DELETE FROM \"lake_files_t1\"",
        copy(2),
        insert("\"lake_rows_t1\"", "NULL"),
        "DELETE FROM " + T + " USING \"lake_rows_t1\" WHERE " + T + ".\"id\" = \"lake_rows_t1\".\"id\"",
        "INSERT INTO " + T + " (" + ALL_COLS + ") SELECT " + ALL_COLS + " FROM \"lake_rows_t1\"",
        "DROP TABLE IF EXISTS \"lake_rows_t1\"",
        "DROP TABLE IF EXISTS \"lake_files_t1\"");
  }

  @Test
  void sql_replaceExistingTableWithNewColumn_altersDeletesAndCopiesInOneList() {
    WarehouseLoad load = WarehouseLoad.of(lake, "sales").into(Dialect.REDSHIFT, DuckDbLoadTest.shared())
        .table("public.sales").mode(LoadMode.REPLACE).iamRole(ROLE);
    ColumnDef note = new ColumnDef("note", ColumnDef.Kind.STRING, 0, 0, true, false);

    List<String> sql = new RedshiftLoader(load, Snapshot.of(lake, "sales"), "t1").sql(false, List.of(note),
        firstLoad(LoadMode.REPLACE), PARTITIONS.subList(0, 1), URLS.subList(0, 1));

    assertThat(sql).containsExactly(
        "ALTER TABLE \"public\".\"sales\" ADD COLUMN \"note\" VARCHAR(65535)",
        "CREATE TEMP TABLE \"lake_files_t1\" (\"id\" BIGINT, \"name\" VARCHAR(65535), \"qty\" INTEGER, "
            + "\"price\" DECIMAL(10,3), \"day\" DATE, \"at\" TIMESTAMP)",
        "DELETE FROM \"public\".\"sales\"",
        copy(0),
        insert("\"public\".\"sales\"", "'United Kingdom'"),
        "DROP TABLE IF EXISTS \"lake_files_t1\"");
  }

  @Test
  void statements_writeOneCopyManifestPerPartitionWithContentLengths() throws Exception {
    WarehouseLoad load = WarehouseLoad.of(lake, "sales").into(Dialect.REDSHIFT, DuckDbLoadTest.shared())
        .table("sales").iamRole(ROLE);
    Snapshot snap = Snapshot.of(lake, "sales");

    LoadPlan plan = firstLoad(LoadMode.APPEND);
    List<String> sql = new RedshiftLoader(load, snap, "t1").statements(true, List.of(), plan, null);

    assertThat(sql.stream().filter(s -> s.startsWith("COPY "))).hasSize(snap.filesByPartition().size());
    var files = snap.filesByPartition().values().iterator().next();
    String json = FakeDataApi.utf8(lake.store().readAllBytes(CopyManifests.location(snap, plan,
        "\"public\".\"sales\"", 0)));
    StringBuilder expected = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < files.size(); i++) {
      expected.append(i == 0 ? "\n  " : ",\n  ").append("{\"url\":\"s3://golden/lake/processed/sales/")
          .append(files.get(i).path()).append("\",\"mandatory\":true,\"meta\":{\"content_length\":")
          .append(files.get(i).bytes()).append("}}");
    }
    assertThat(json).isEqualTo(expected + "\n]}\n");
    assertThat(sql).anyMatch(s -> s.matches("COPY .* FROM '" + MANIFESTS + "from-v0-[0-9a-f]{8}/part-00000.json' .*"));
  }

  @Test
  void run_redshiftOnALocalLake_failsNamingTheFix() {
    Lake local = Lake.at(dir.resolve("local").toUri());
    assertThatThrownBy(() -> WarehouseLoad.of(local, "sales").into(Dialect.REDSHIFT, DuckDbLoadTest.shared())
        .table("sales").iamRole(ROLE).run())
        .isInstanceOf(ValidationException.class).hasMessageContaining("use an s3:// lake");
    assertThatThrownBy(() -> WarehouseLoad.of(lake, "sales").into(Dialect.REDSHIFT, DuckDbLoadTest.shared())
        .table("sales").run())
        .isInstanceOf(ValidationException.class).hasMessageContaining(".iamRole(");
  }

  @Test
  void externalTables_generateSchemaTableAndPartitionsWithQuotedNames() {
    ExternalTables ext = ExternalTables.of(lake, "sales").schema("spec\"trum").table("sales").glueDatabase("lake's")
        .iamRole(ROLE);

    List<String> sql = ext.statements();

    assertThat(sql.get(0)).isEqualTo("CREATE EXTERNAL SCHEMA IF NOT EXISTS \"spec\"\"trum\" FROM DATA CATALOG "
        + "DATABASE 'lake''s' IAM_ROLE 'arn:aws:iam::123456789012:role/it''s' CREATE EXTERNAL DATABASE IF NOT EXISTS");
    assertThat(sql.get(1)).isEqualTo("CREATE EXTERNAL TABLE \"spec\"\"trum\".\"sales\" (\"id\" BIGINT, "
        + "\"name\" VARCHAR(65535), \"qty\" INTEGER, \"price\" DECIMAL(10,3), \"day\" DATE, \"at\" TIMESTAMP) "
        + "PARTITIONED BY (\"country\" VARCHAR(65535)) STORED AS PARQUET LOCATION 's3://golden/lake/processed/sales/'");
    assertThat(sql.subList(2, sql.size())).containsExactlyInAnyOrder(
        "ALTER TABLE \"spec\"\"trum\".\"sales\" ADD IF NOT EXISTS PARTITION (\"country\"='United Kingdom') "
            + "LOCATION 's3://golden/lake/processed/sales/country=United Kingdom/'",
        "ALTER TABLE \"spec\"\"trum\".\"sales\" ADD IF NOT EXISTS PARTITION (\"country\"='France/Belgium') "
            + "LOCATION 's3://golden/lake/processed/sales/country=France%2FBelgium/'",
        "ALTER TABLE \"spec\"\"trum\".\"sales\" ADD IF NOT EXISTS PARTITION "
            + "(\"country\"='__HIVE_DEFAULT_PARTITION__') "
            + "LOCATION 's3://golden/lake/processed/sales/country=__HIVE_DEFAULT_PARTITION__/'");
    assertThat(ext.addedPartitions()).hasSize(3); // the only commit added every partition
  }
}
