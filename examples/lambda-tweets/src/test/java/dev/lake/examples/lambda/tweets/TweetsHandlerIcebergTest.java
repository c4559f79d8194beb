package dev.lake.examples.lambda.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lake.testing.LocalContext;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LAKE_FORMAT=iceberg}: the replayed pages upserted into the Iceberg table {@code twitter.tweets} of the local
 * warehouse {@code <lake>/iceberg/} (its default SQLite catalog), one invocation per new file; DuckDB reads the
 * table's data files back.
 */
class TweetsHandlerIcebergTest {
  @TempDir
  Path lake;

  @TempDir
  Path data;

  private String invoke() {
    TweetsHandler handler = new TweetsHandler(TweetsSchedule.fromEnv(Map.of("LAKE_URI", lake.toString(),
        "REPLAY_DATA", data.toUri().toString(), "LAKE_FORMAT", "iceberg")));
    return handler.handleRequest(new ScheduledEvent(), new LocalContext("tweets", Duration.ofMinutes(5)));
  }

  @Test
  void handleRequest_lakeFormatIceberg_upsertsEachNewFilesTweetsOnce() throws Exception {
    Path folder = Files.createDirectories(data.resolve("twitter_v2/tweets"));
    Files.copy(TweetsHandlerTest.PAGES.resolve("test_client_search_recent_tweets_0.json"),
        folder.resolve("test_client_search_recent_tweets_0.json"));
    Set<String> firstFile = TweetsHandlerTest.ids(folder);

    String first = invoke();
    Table table = IcebergCatalog.local(lake.resolve("iceberg").toString()).load("twitter.tweets");
    long firstSnapshot = table.currentSnapshot().snapshotId();
    String second = invoke();
    table.refresh();
    long afterSecond = table.currentSnapshot().snapshotId();
    Files.copy(TweetsHandlerTest.PAGES.resolve("brexit_page0.json.gz"), folder.resolve("brexit_page0.json.gz"));
    Set<String> bothFiles = TweetsHandlerTest.ids(folder);
    String third = invoke();
    table.refresh();

    assertThat(first).startsWith("tweets-table: 1 in, " + firstFile.size() + " written")
        .contains("iceberg:twitter.tweets");
    assertThat(second).startsWith("tweets-table: 0 in, 0 written");
    assertThat(afterSecond).as("nothing new: no snapshot").isEqualTo(firstSnapshot);
    assertThat(third).startsWith("tweets-table: 1 in, " + (bothFiles.size() - firstFile.size()) + " written");
    assertThat(table.spec().fields()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("date"));
    List<String> files = new ArrayList<>();
    try (var tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(Path.of(java.net.URI.create(t.file().location())).toString()));
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT tweet_id FROM read_parquet(['" + String.join("', '", files) + "'])")) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      assertThat(new HashSet<>(ids)).isEqualTo(bothFiles);
      assertThat(ids).as("each tweet stored once").hasSize(bothFiles.size());
    }
    assertThat(lake.resolve("processed")).doesNotExist();
  }
}
