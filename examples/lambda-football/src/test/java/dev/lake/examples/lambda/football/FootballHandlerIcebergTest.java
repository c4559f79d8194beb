package dev.lake.examples.lambda.football;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.Lake;
import dev.lake.sink.iceberg.IcebergCatalog;
import dev.lake.testing.LocalContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LAKE_FORMAT=iceberg}: the bundled recorded responses replayed into the Iceberg tables of the local warehouse
 * {@code <lake>/iceberg/} (its default SQLite catalog). DuckDB counts each table's rows in its data files: as many as
 * the same handler writes as Hive-style Parquet (which {@link FootballHandlerTest} checks against the responses).
 */
class FootballHandlerIcebergTest {
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("fixtures", "football.fixtures");
    TABLES.put("fixture_statistics", "football.fixture_statistics");
    TABLES.put("team_codes", "football.team_codes");
    TABLES.put("tweets", "twitter.tweets");
    TABLES.put("tweets_sentiment", "football.tweets_sentiment");
  }

  @TempDir
  Path hive;

  @TempDir
  Path iceberg;

  private static String invoke(Path lake, String format) {
    String data = FootballHandlerTest.DATA.toUri().toString();
    FootballHandler handler = new FootballHandler(FootballSchedule.fromEnv(Map.of("LAKE_URI", lake.toString(),
        "REPLAY_DATA", data, "TEAM_CODES_URI", data + "api_football/teamcodes.csv", "LAKE_FORMAT", format)));
    return handler.handleRequest(new ScheduledEvent(), LocalContext.frozen("football", Duration.ofMinutes(10)));
  }

  @Test
  void handleRequest_lakeFormatIceberg_everyTableWithTheRowsOfItsHiveStyleTwin() throws Exception {
    invoke(hive, "parquet");

    String summary = invoke(iceberg, "iceberg");

    assertThat(summary.lines()).hasSize(5).allMatch(l -> l.contains(" 0 rejected"));
    IcebergCatalog catalog = IcebergCatalog.local(iceberg.resolve("iceberg").toString());
    Lake lake = Lake.at(hive.toString());
    Map<String, Long> expected = new LinkedHashMap<>();
    Map<String, Long> actual = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      expected.put(t.getKey(), lake.latest(t.getKey()).orElseThrow().rows());
      actual.put(t.getKey(), duckDbRows(catalog.load(t.getValue())));
    }
    assertThat(expected.values()).allMatch(n -> n > 0);
    assertThat(actual).isEqualTo(expected);
    assertThat(iceberg.resolve("processed")).doesNotExist();
  }

  /** The rows DuckDB reads from the data files of the table's current snapshot (written by one run each). */
  private static long duckDbRows(Table table) throws Exception {
    List<String> files = new ArrayList<>();
    try (var tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(Path.of(java.net.URI.create(t.file().location())).toString()));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(['" + String.join("', '", files)
             + "'])")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
