package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.SchemaException;
import dev.lake.exceptions.SinkException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** The Data API flow against a local server speaking its JSON protocol. */
class RedshiftDataApiTest {
  private static FakeDataApi server;
  private static RedshiftDataClient client;

  @TempDir
  Path dir;
  RedshiftDataApi api;

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
    server.reset(2);
    api = server.api(client);
  }

  @Test
  void execute_pollsUntilFinished() {
    String id = api.execute("ANALYZE \"public\".\"sales\"");

    assertThat(id).startsWith("stmt-");
    assertThat(server.count("DescribeStatement")).isEqualTo(3); // SUBMITTED, STARTED, FINISHED
    FakeDataApi.Call submit = server.calls.get(0);
    assertThat(submit.target()).isEqualTo("RedshiftData.ExecuteStatement");
    assertThat(submit.body().get("ClusterIdentifier").asText()).isEqualTo("c1");
    assertThat(submit.body().get("Database").asText()).isEqualTo("dev");
    assertThat(submit.body().get("DbUser").asText()).isEqualTo("loader");
  }

  @Test
  void execute_failedStatement_surfacesRedshiftsError() {
    server.failWhen = sql -> sql.contains("nope") ? "ERROR: relation \"nope\" does not exist" : null;

    assertThatThrownBy(() -> api.execute("SELECT * FROM nope"))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("FAILED")
        .hasMessageContaining("ERROR: relation \"nope\" does not exist")
        .hasMessageContaining("SELECT * FROM nope");
  }

  @Test
  void execute_failedCopy_errorHidesTheIamRole() {
    server.failWhen = sql -> "ERROR: S3ServiceException: Access Denied";

    assertThatThrownBy(() -> api.execute("COPY \"t\" FROM 's3://b/m.json' IAM_ROLE 'arn:aws:iam::1:role/it''s' "
        + "FORMAT AS PARQUET MANIFEST"))
        .hasMessageContaining("Access Denied")
        .hasMessageContaining("IAM_ROLE '***' FORMAT AS PARQUET")
        .hasMessageNotContaining("arn:aws:iam");
  }

  @Test
  void query_bindsNamedParametersAndReadsRecords() {
    server.results.put("FROM t", List.of(Arrays.asList("a", 1L, null)));

    List<List<String>> rows = api.query("SELECT x, y, z FROM t WHERE x = :x", Map.of("x", "a'; drop"));

    assertThat(rows).containsExactly(Arrays.asList("a", "1", null));
    var params = server.calls.get(0).body().get("Parameters");
    assertThat(params.get(0).get("name").asText()).isEqualTo("x");
    assertThat(params.get(0).get("value").asText()).isEqualTo("a'; drop");
    assertThat(server.count("GetStatementResult")).isEqualTo(1);
  }

  @Test
  void executeTransaction_upTo40Statements_isOneBatch() {
    api.executeTransaction(List.of("CREATE TEMP TABLE a (x int)", "DROP TABLE a"));

    assertThat(server.count("BatchExecuteStatement")).isEqualTo(1);
    assertThat(server.count("ExecuteStatement")).isZero();
  }

  @Test
  void executeTransaction_moreThan40_usesOneSessionAndRollsBackOnFailure() {
    List<String> sqls = new ArrayList<>();
    server.pendingPolls = 0; // each statement ends at its first poll: this test is about the session
    for (int i = 0; i < 45; i++) {
      sqls.add("INSERT INTO t VALUES (" + i + ")");
    }
    server.failWhen = sql -> sql.endsWith("(44)") ? "ERROR: disk full" : null;

    assertThatThrownBy(() -> api.executeTransaction(sqls)).hasMessageContaining("ERROR: disk full");

    List<String> sent = server.submitted();
    assertThat(sent.get(0)).isEqualTo("BEGIN");
    assertThat(sent.get(sent.size() - 1)).isEqualTo("ROLLBACK");
    assertThat(sent).doesNotContain("COMMIT");
    assertThat(server.calls.stream().filter(c -> c.body().has("SessionId")).count()).isEqualTo(46);
  }

  @Test
  void run_intoDataApi_loadsInOneSessionEndingInCommit() {
    MappedStore.register("dataapi", dir);
    Lake lake = Lake.at("s3://dataapi/lake");
    Datasets.write(lake, Datasets.sales(0, 9, 0));

    LoadReport r = WarehouseLoad.of(lake, "sales").into(api).table("public.sales").iamRole("arn:aws:iam::1:role/r")
        .run();

    assertThat(r.rows()).isEqualTo(9);
    assertThat(r.createdTable()).isTrue();
    assertThat(server.count("BatchExecuteStatement")).isZero();
    List<String> sql = server.submitted();
    assertThat(sql.get(0)).isEqualTo("BEGIN");
    assertThat(sql.get(sql.size() - 1)).isEqualTo("COMMIT");
    assertThat(server.calls.stream().filter(c -> c.target().endsWith(".ExecuteStatement"))
        .skip(1).allMatch(c -> c.body().has("SessionId"))).as("every statement after BEGIN in its session").isTrue();
    assertThat(sql).anyMatch(s -> s.startsWith("CREATE TABLE \"public\".\"sales\""));
    assertThat(sql.stream().filter(s -> s.startsWith("COPY "))).hasSize(3);
    assertThat(dir.resolve("lake/_lake/copy-manifests/processed/sales/v00000000000000000001")).isDirectory();
  }

  @Test
  void run_intoDataApi_incompatibleTableFailsBeforeAnyStatementRuns() {
    MappedStore.register("dataapi2", dir);
    Lake lake = Lake.at("s3://dataapi2/lake");
    Datasets.write(lake, Datasets.sales(0, 3, 0));
    server.results.put("information_schema.columns", List.of(
        Arrays.asList("id", "bigint", "NO", 64L, 0L),
        Arrays.asList("qty", "character varying", "YES", null, null)));

    assertThatThrownBy(() -> WarehouseLoad.of(lake, "sales").into(api).table("public.sales")
        .iamRole("arn:aws:iam::1:role/r").run())
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("\"qty\"").hasMessageContaining("character varying").hasMessageContaining("INTEGER");
    assertThat(server.submitted()).noneMatch(sql -> sql.startsWith("COPY ")).contains("ROLLBACK")
        .doesNotContain("COMMIT");
  }
}
