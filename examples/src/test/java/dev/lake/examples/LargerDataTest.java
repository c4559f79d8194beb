package dev.lake.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.ecommerce.RetailAnswers;
import dev.lake.examples.ecommerce.RetailAnswersTestAccess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command on {@code --data} pointing at a larger folder of the bundled data's shape (built by
 * {@link LargerData} in a temporary directory), checked against facts computed from that folder.
 */
class LargerDataTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  @TempDir
  Path data;

  @TempDir
  Path lake;

  @Test
  void ecommerce_twiceTheOnlineRetailFiles_everyRowWrittenAndEveryAnswerMatches() throws Exception {
    LargerData.onlineRetail(DATA, data);

    int status = LakeExamples.run("ecommerce", "--lake", lake.toString(), "--data", data.toString());

    assertThat(status).isZero();
    RetailAnswersTestAccess.assertAnswersFrom(data.resolve("online_retail/by-day"),
        new RetailAnswers(Warehouse.of("jdbc:duckdb:" + lake.resolve("warehouse.duckdb"))), lake);
  }

  @Test
  void sparkify_logsOfTwoMonths_everyPlayAndUserOnce() throws Exception {
    LargerData.sparkify(DATA, data);

    int status = LakeExamples.run("sparkify", "--lake", lake.toString(), "--data", data.toString());

    assertThat(status).isZero();
    dev.lake.examples.sparkify.SparkifyTestAccess.assertStarSchema(data.resolve("sparkify"), lake);
  }

  @Test
  void xg_twoSeasons_everyMatchAndTeamTotal() throws Exception {
    LargerData.understat(DATA, data);

    int status = LakeExamples.run("xg", "--lake", lake.toString(), "--data", data.toString());

    assertThat(status).isZero();
    Map<String, long[]> facts = dev.lake.examples.xg.XgTestAccess.facts(data.resolve("epl_2020_21_xg/understat"));
    long matches = facts.values().stream().mapToLong(f -> f[3]).sum();
    assertThat(matches).isEqualTo(1520);
    try (Duck duck = new Duck()) {
      String m = Duck.parquet(lake.resolve("processed/team_matches"));
      String season = Duck.parquet(lake.resolve("processed/team_season"));
      assertThat(duck.one("SELECT count(*) FROM " + m)).isEqualTo(matches);
      assertThat(duck.one("SELECT count(*) FROM " + m + " WHERE opponent IS NULL")).isEqualTo(0L);
      for (List<Object> r : duck.query("SELECT team, points, goals_for, goals_against, played FROM " + season)) {
        long[] f = facts.get((String) r.get(0));
        assertThat(List.of(((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue(),
            ((Number) r.get(3)).longValue(), ((Number) r.get(4)).longValue()))
            .as("points, goals, played of %s", r.get(0)).containsExactly(f[0], f[1], f[2], f[3]);
      }
    }
  }
}
