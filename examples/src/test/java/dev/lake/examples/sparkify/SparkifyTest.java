package dev.lake.examples.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.examples.Duck;
import dev.lake.examples.LakeExamples;
import dev.lake.examples.Printed;
import dev.lake.examples.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sparkify example end to end on the bundled data, checked with DuckDB against facts from the raw JSON. */
class SparkifyTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static final List<String> DATASETS = List.of("songs", "artists", "users", "time", "songplays");
  static SparkifyFacts facts;

  @TempDir
  Path lake;

  @BeforeAll
  static void computeFacts() throws IOException {
    facts = SparkifyFacts.of(DATA.resolve("sparkify"));
  }

  private String table(String dataset) {
    return Duck.parquet(lake.resolve("processed").resolve(dataset));
  }

  private int runSparkify(Path data) {
    return LakeExamples.run("sparkify", "--lake", lake.toString(), "--data", data.toString());
  }

  private Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new HashMap<>();
    try (Duck duck = new Duck()) {
      for (String d : DATASETS) {
        counts.put(d, (Long) duck.one("SELECT count(*) FROM " + table(d)));
      }
    }
    return counts;
  }

  @Test
  void sparkify_bundledData_writesStarSchemaMatchingRawFiles() throws Exception {
    String printed = Printed.byExample("sparkify", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(facts.songFiles).isEqualTo(71);
    assertThat(facts.songPlays).isEqualTo(6_820);
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + table("songplays"))).isEqualTo(facts.songPlays);
      assertThat(duck.one("SELECT count(DISTINCT songplay_id) FROM " + table("songplays"))).isEqualTo(facts.songPlays);
      assertThat(duck.one("SELECT count(*) FROM " + table("users"))).isEqualTo((long) facts.playUsers.size());
      assertThat(duck.one("SELECT count(DISTINCT user_id) FROM " + table("users")))
          .isEqualTo((long) facts.playUsers.size());
      assertThat(duck.one("SELECT count(*) FROM " + table("songs"))).isEqualTo((long) facts.songIds.size());
      assertThat(duck.one("SELECT count(*) FROM " + table("artists"))).isEqualTo((long) facts.artistIds.size());
      assertThat(duck.one("SELECT count(*) FROM " + table("time"))).isEqualTo((long) facts.playTimestamps.size());
      assertThat(duck.one("SELECT count(*) FROM " + table("songplays") + " p JOIN " + table("time")
          + " t USING (start_time)")).as("every play has its time row").isEqualTo(facts.songPlays);
      assertThat(duck.one("SELECT count(*) FROM " + table("songplays") + " WHERE year <> 2018 OR month <> 11"))
          .isEqualTo(0L);
    }
    Path processed = lake.resolve("processed");
    assertThat(processed.resolve("songs/year=2005/artist_id=AR62SOJ1187FB47BB5")).isDirectory();
    assertThat(processed.resolve("songplays/year=2018/month=11")).isDirectory();
    assertThat(processed.resolve("time/year=2018/month=11")).isDirectory();
    assertThat(printed)
        .contains("songplays    6,820 rows written, 0 rejected")
        .contains("Top 5 users by plays:").contains("Plays per level:").contains("Busiest hours (UTC):");
  }

  @Test
  void sparkify_warehouseAnswers_matchCountsFromTheEventLogs() throws Exception {
    assertThat(runSparkify(DATA)).isZero();

    SparkifyQueries q = new SparkifyQueries(Warehouse.of("jdbc:duckdb:" + lake.resolve("warehouse.duckdb")));

    List<Map.Entry<Long, Long>> top = facts.playsPerUser.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(5).toList();
    assertThat(q.topUsers().stream().map(r -> List.of(((Number) r.get(0)).longValue(), ((Number) r.get(3))
        .longValue())).toList()).isEqualTo(top.stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    assertThat(q.playsPerLevel().stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get(0),
        r -> ((Number) r.get(1)).longValue()))).isEqualTo(facts.playsPerLevel);
    List<Map.Entry<Integer, Long>> hours = facts.playsPerHour.entrySet().stream()
        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).toList();
    assertThat(q.busiestHours().stream().map(r -> List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1))
        .longValue())).toList())
        .isEqualTo(hours.stream().map(e -> List.of((long) e.getKey(), e.getValue())).toList());
    assertThat(((Number) q.matchedPlays().get(1)).longValue()).isEqualTo(facts.songPlays);
  }

  @Test
  void sparkify_userWhoChangedLevel_hasLevelOfLatestPlay() throws Exception {
    int status = runSparkify(DATA);

    assertThat(status).isZero();
    assertThat(facts.usersWithBothLevels).as("users whose level changed during the month").isNotEmpty();
    String spot = facts.usersWithBothLevels.stream().sorted().findFirst().orElseThrow();
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT level FROM " + table("users") + " WHERE user_id = " + spot))
          .isEqualTo(facts.latestPlay.get(spot)[1]);
      List<String> wrong = new ArrayList<>();
      for (List<Object> r : duck.query("SELECT user_id, level FROM " + table("users"))) {
        Object[] latest = facts.latestPlay.get(r.get(0).toString());
        if (latest == null || !latest[1].equals(r.get(1))) {
          wrong.add(r.get(0) + ":" + r.get(1));
        }
      }
      assertThat(wrong).as("users whose level is not that of their latest play").isEmpty();
    }
  }

  @Test
  void sparkify_runTwice_sameRowsAndIds() throws Exception {
    runSparkify(DATA);
    Map<String, Long> first = rowCounts();
    List<List<Object>> firstIds;
    try (Duck duck = new Duck()) {
      firstIds = duck.query("SELECT songplay_id FROM " + table("songplays") + " ORDER BY 1");
    }

    int status = runSparkify(DATA);

    assertThat(status).isZero();
    assertThat(rowCounts()).isEqualTo(first);
    try (Duck duck = new Duck()) {
      assertThat(duck.query("SELECT songplay_id FROM " + table("songplays") + " ORDER BY 1")).isEqualTo(firstIds);
    }
    for (String d : DATASETS) {
      assertThat(Lake.at(lake.toString()).history(d)).as(d).hasSize(2);
    }
  }

  @Test
  void sparkify_malformedEventLine_rejectedWithPositionRestWritten(@TempDir Path data) throws Exception {
    Path sparkify = data.resolve("sparkify");
    copyTree(DATA.resolve("sparkify/song_data"), sparkify.resolve("song_data"));
    copyTree(DATA.resolve("sparkify/log_data"), sparkify.resolve("log_data"));
    Path log = sparkify.resolve("log_data/2018/11/2018-11-01-events.json");
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    int bad = -1;
    for (int i = 0; i < lines.size() && bad < 0; i++) {
      if (lines.get(i).contains("\"page\":\"NextSong\"")) {
        bad = i;
      }
    }
    lines.set(bad, lines.get(bad).substring(0, 40)); // a NextSong line cut short: malformed JSON
    Files.write(log, lines);

    int status = runSparkify(data);

    assertThat(status).isZero();
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + table("songplays"))).isEqualTo(facts.songPlays - 1);
      List<List<Object>> rejected = duck.query("SELECT position FROM read_json_auto('"
          + lake.resolve("rejected/songplays") + "/**/*.jsonl.gz')");
      assertThat(rejected).hasSize(1);
      assertThat(rejected.get(0).get(0).toString()).isEqualTo(log.toUri() + ":" + (bad + 1));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
