package dev.lake.examples.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import java.nio.file.Path;

/** The Sparkify checks for tests in other packages. */
public final class SparkifyTestAccess {
  private SparkifyTestAccess() {}

  /** Every table of the star schema in {@code lake} holds what the files under {@code sparkify} say. */
  public static void assertStarSchema(Path sparkify, Path lake) throws Exception {
    SparkifyFacts facts = SparkifyFacts.of(sparkify);
    Path processed = lake.resolve("processed");
    try (Duck duck = new Duck()) {
      String plays = Duck.parquet(processed.resolve("songplays"));
      String users = Duck.parquet(processed.resolve("users"));
      assertThat(duck.one("SELECT count(*) FROM " + plays)).isEqualTo(facts.songPlays);
      assertThat(duck.one("SELECT count(DISTINCT songplay_id) FROM " + plays)).isEqualTo(facts.songPlays);
      assertThat(duck.one("SELECT count(*) FROM " + users)).isEqualTo((long) facts.playUsers.size());
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(processed.resolve("songs"))))
          .isEqualTo((long) facts.songIds.size());
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(processed.resolve("time"))))
          .isEqualTo((long) facts.playTimestamps.size());
      for (var e : facts.latestPlay.entrySet()) {
        assertThat(duck.one("SELECT level FROM " + users + " WHERE user_id = " + e.getKey()))
            .as("level of user %s at the latest play", e.getKey()).isEqualTo(e.getValue()[1]);
      }
    }
  }
}
