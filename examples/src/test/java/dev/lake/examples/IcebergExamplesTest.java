package dev.lake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.sink.iceberg.IcebergCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format iceberg}: every example writes its datasets as Iceberg tables (read back here through Iceberg's
 * own metadata), with as many rows as the same example writes as Hive-style Parquet (which the examples' other
 * tests check against facts computed from the input); a second run leaves each table with the same rows, and the
 * appended tables without a new snapshot. Spark reads Online Retail back in lake-spark's
 * {@code EcommerceIcebergBySparkTest}.
 */
class IcebergExamplesTest {
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("online_retail", "retail.online_retail");
    TABLES.put("songs", "sparkify.songs");
    TABLES.put("artists", "sparkify.artists");
    TABLES.put("users", "sparkify.users");
    TABLES.put("time", "sparkify.time");
    TABLES.put("songplays", "sparkify.songplays");
    TABLES.put("team_matches", "xg.team_matches");
    TABLES.put("team_season", "xg.team_season");
    TABLES.put("tweets", "twitter.tweets");
    TABLES.put("fixtures", "football.fixtures");
    TABLES.put("fixture_statistics", "football.fixture_statistics");
    TABLES.put("team_codes", "football.team_codes");
    TABLES.put("tweets_sentiment", "football.tweets_sentiment");
  }

  @TempDir
  Path dir;

  @Test
  void all_formatIceberg_everyDatasetAsATableWithTheRowsOfItsHiveStyleTwin_andARerunAddsNoRow() {
    Path hive = dir.resolve("hive");
    Path iceberg = dir.resolve("iceberg");
    assertThat(LakeExamples.run("all", "--lake", hive.toString())).isZero();
    assertThat(LakeExamples.run("all", "--lake", iceberg.toString(), "--format", "iceberg")).isZero();

    Lake lake = Lake.at(hive.toString());
    IcebergCatalog catalog = IcebergCatalog.local(iceberg.resolve("iceberg").toString());
    Map<String, Long> expected = new LinkedHashMap<>();
    Map<String, Long> actual = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      expected.put(t.getKey(), lake.latest(t.getKey()).orElseThrow().rows());
      actual.put(t.getKey(), rows(catalog.load(t.getValue())));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(lake.latest("invoices")).isEmpty(); // Iceberg only: the invoice lines, upserted by invoice and line
    assertThat(rows(catalog.load("retail.invoices"))).isEqualTo(expected.get("online_retail"));
    long retailSnapshot = catalog.load("retail.online_retail").currentSnapshot().snapshotId();
    long tweetsSnapshot = catalog.load("twitter.tweets").currentSnapshot().snapshotId();

    assertThat(LakeExamples.run("all", "--lake", iceberg.toString(), "--format", "iceberg")).isZero();

    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      assertThat(rows(catalog.load(t.getValue()))).as(t.getValue()).isEqualTo(expected.get(t.getKey()));
    }
    assertThat(catalog.load("retail.online_retail").currentSnapshot().snapshotId()).isEqualTo(retailSnapshot);
    assertThat(catalog.load("twitter.tweets").currentSnapshot().snapshotId()).isEqualTo(tweetsSnapshot);
    assertThat(catalog.load("retail.online_retail").spec().fields()).singleElement()
        .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("month"));
  }

  /** The rows of the table's current snapshot: its data files' rows, less those a later upsert replaced. */
  private static long rows(Table table) {
    Snapshot s = table.currentSnapshot();
    assertThat(s).as(table.name()).isNotNull();
    long rows = 0;
    try (var tasks = table.newScan().planFiles()) {
      for (var task : tasks) {
        // a table upserted by one run only: its equality deletes apply to earlier snapshots' rows, of which none
        assertThat(task.deletes()).as(table.name()).allMatch(d -> d.dataSequenceNumber() >= task.file()
            .dataSequenceNumber());
        rows += task.file().recordCount();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }
}
