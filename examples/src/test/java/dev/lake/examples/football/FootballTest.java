package dev.lake.examples.football;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.Lake;
import dev.lake.examples.Duck;
import dev.lake.examples.Printed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The football example on the bundled raw zone, checked with DuckDB against facts read from the JSON with Jackson. */
class FootballTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static FootballFacts facts;

  @TempDir
  Path lake;

  @TempDir
  Path data;

  @BeforeAll
  static void computeFacts() throws IOException {
    facts = FootballFacts.of(DATA.resolve("api_football"));
  }

  private String table(String dataset) {
    return Duck.parquet(lake.resolve("processed").resolve(dataset));
  }

  @Test
  void football_bundledData_writesFixturesAndStatisticsMatchingTheResponses() throws Exception {
    Printed.byExample("football", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(facts.fixtures()).hasSize(27);
    try (Duck duck = new Duck()) {
      List<List<Object>> rows = duck.query("SELECT fixture_id, home_team, away_team, home_goals, away_goals, status, "
          + "venue, round, epoch_ms(date) FROM " + table("fixtures"));
      assertThat(rows).hasSize(facts.fixtures().size());
      for (List<Object> r : rows) {
        JsonNode f = facts.fixtures().get(((Number) r.get(0)).longValue());
        assertThat(f).as("fixture %s", r.get(0)).isNotNull();
        assertThat(r.subList(1, 8)).as("fixture %s", r.get(0)).containsExactly(f.at("/teams/home/name").asText(),
            f.at("/teams/away/name").asText(), goals(f.at("/goals/home")), goals(f.at("/goals/away")),
            f.at("/fixture/status/short").asText(), f.at("/fixture/venue/name").asText(),
            f.at("/league/round").asText());
        assertThat(((Number) r.get(8)).longValue()).isEqualTo(f.at("/fixture/timestamp").asLong() * 1000);
      }
      List<List<Object>> stats = duck.query("SELECT fixture_id, team_id, statistic, value FROM "
          + table("fixture_statistics"));
      assertThat(stats).hasSize(facts.statistics().size());
      for (Map.Entry<String, JsonNode> e : facts.statistics().entrySet()) {
        String[] k = e.getKey().split("/");
        String name = k[2].toLowerCase().replace("%", "pct").replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        Object v = duck.one("SELECT value FROM " + table("fixture_statistics") + " WHERE fixture_id = " + k[0]
            + " AND team_id = " + k[1] + " AND statistic = '" + name + "'");
        assertThat(((Number) v).doubleValue()).as(e.getKey()).isCloseTo(FootballFacts.number(e.getValue()),
            within(1e-9));
      }
      assertThat(((Number) duck.one("SELECT sum(value) FROM " + table("fixture_statistics")
          + " WHERE statistic = 'ball_possession' AND fixture_id = 592251")).doubleValue()).isCloseTo(1.0,
          within(1e-9));
      for (Map.Entry<Long, String> t : facts.teams().entrySet()) {
        assertThat(duck.one("SELECT count(*) FROM " + table("team_codes") + " WHERE team_id = " + t.getKey()
            + " AND ((kind = 'name' AND term = '" + t.getValue().replace("'", "''") + "') OR kind = 'code')"))
            .as("name and code of %s", t.getValue()).isEqualTo(2L);
      }
    }
  }

  @Test
  void football_bundledData_scoresEveryTweetThatNamesATeam() throws Exception {
    Printed.byExample("football", "--lake", lake.toString(), "--data", DATA.toString());

    try (Duck duck = new Duck()) {
      for (List<Object> r : duck.query("SELECT text, matched, compound, label FROM " + table("tweets_sentiment"))) {
        assertThat(((String) r.get(0)).toLowerCase()).contains(((String) r.get(1)).toLowerCase());
        double compound = ((Number) r.get(2)).doubleValue();
        assertThat(compound).isBetween(-1.0, 1.0);
        assertThat(r.get(3)).isEqualTo(compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral");
      }
      Set<String> scored = new HashSet<>();
      for (List<Object> r : duck.query("SELECT tweet_id || '/' || team_id FROM " + table("tweets_sentiment"))) {
        scored.add((String) r.get(0));
      }
      long expected = 0;
      for (List<Object> r : duck.query("SELECT tweet_id, text FROM " + table("tweets"))) {
        for (Map.Entry<Long, String> t : facts.teams().entrySet()) {
          if (Pattern.compile("\\b" + Pattern.quote(t.getValue()) + "\\b", Pattern.CASE_INSENSITIVE)
              .matcher((String) r.get(1)).find()) {
            expected++;
            assertThat(scored).as("tweet %s names %s", r.get(0), t.getValue()).contains(r.get(0) + "/" + t.getKey());
          }
        }
      }
      assertThat(expected).as("bundled tweets naming a club by its full name").isPositive();
    }
  }

  @Test
  void football_malformedResponse_rejectedWithFileAndReasonRestWritten() throws Exception {
    copyTree(DATA.resolve("api_football"), data.resolve("api_football"));
    copyTree(DATA.resolve("twitter_v2"), data.resolve("twitter_v2"));
    Path dirty = data.resolve("api_football/fixtures/premierLeagueFixtures20201218_compact.json");
    try (InputStream in = FootballTest.class.getResourceAsStream("/football/premierLeagueFixtures20201218_compact.json")) {
      Files.copy(in, dirty);
    }

    String out = Printed.byExample("football", "--lake", lake.toString(), "--data", data.toString());

    assertThat(out).contains("rejected " + dirty.toUri());
    List<org.apache.avro.generic.GenericRecord> rejected = Lake.at(lake.toString()).read("rejected/fixtures")
        .readAll();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("position").toString()).isEqualTo(dirty.toUri().toString());
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + table("fixtures"))).isEqualTo((long) facts.fixtures().size());
    }
  }

  @Test
  void football_largerFolderWithTheSameFixtureTwice_keepsItsFinishedState() throws Exception {
    copyTree(DATA.resolve("api_football"), data.resolve("api_football"));
    copyTree(DATA.resolve("twitter_v2"), data.resolve("twitter_v2"));
    String season = "fixtures_league39_season2020_TRUNCATED_by_repo_author.json";
    try (InputStream in = FootballTest.class.getResourceAsStream("/football/" + season)) {
      Files.copy(in, data.resolve("api_football/fixtures/" + season));
    }
    FootballFacts larger = FootballFacts.of(data.resolve("api_football"));

    Printed.byExample("football", "--lake", lake.toString(), "--data", data.toString());

    assertThat(larger.fixtures().size()).isGreaterThan(facts.fixtures().size());
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + table("fixtures"))).isEqualTo((long) larger.fixtures().size());
      for (List<Object> r : duck.query("SELECT fixture_id, status, home_goals, away_goals FROM " + table("fixtures"))) {
        JsonNode f = larger.fixtures().get(((Number) r.get(0)).longValue());
        assertThat(r.subList(1, 4)).as("fixture %s", r.get(0)).containsExactly(f.at("/fixture/status/short").asText(),
            goals(f.at("/goals/home")), goals(f.at("/goals/away")));
      }
      // 592145 is "NS" in the week's list and "FT" 2-0 in the season's: the finished state is kept
      assertThat(duck.query("SELECT status, home_goals, away_goals FROM " + table("fixtures")
          + " WHERE fixture_id = 592145")).containsExactly(List.of("FT", 2, 0));
    }
  }

  @Test
  void football_runTwice_replacesInsteadOfAdding() throws Exception {
    Printed.byExample("football", "--lake", lake.toString(), "--data", DATA.toString());

    Printed.byExample("football", "--lake", lake.toString(), "--data", DATA.toString());

    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + table("fixtures"))).isEqualTo((long) facts.fixtures().size());
      assertThat(duck.one("SELECT count(*) FROM " + table("fixture_statistics")))
          .isEqualTo((long) facts.statistics().size());
      assertThat(duck.one("SELECT count(*) - count(DISTINCT tweet_id || '/' || team_id) FROM "
          + table("tweets_sentiment"))).isEqualTo(0L);
    }
  }

  private static Integer goals(JsonNode n) {
    return n.isNull() ? null : n.asInt();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
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
