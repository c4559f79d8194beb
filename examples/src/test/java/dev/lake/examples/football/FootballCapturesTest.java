package dev.lake.examples.football;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lake.Lake;
import dev.lake.examples.Duck;
import dev.lake.examples.Printed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The football example on a copy of the bundled raw zone with two captures a user might add: a week's fixtures as
 * API-Football v2 answered them, and a copy of the other week with a byte that is not UTF-8. Each is one rejected
 * row naming what it is; the bundled fixtures are all written.
 */
class FootballCapturesTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();
  static final String WEEK1 = "fixtures_league39_season2020_from2020-12-11_to2020-12-18.json";
  static final String WEEK2 = "fixtures_league39_season2020_from2021-01-19_to2021-01-25.json";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path lake;

  @TempDir
  Path data;

  /** The week's fixtures in API-Football v2's shape: {"api": {"results": n, "fixtures": [...]}}. */
  static String asVersion2(String v3) throws Exception {
    ArrayNode fixtures = JSON.createArrayNode();
    for (JsonNode f : JSON.readTree(v3).path("response")) {
      ObjectNode v2 = fixtures.addObject();
      v2.put("fixture_id", f.at("/fixture/id").asLong());
      v2.put("event_date", f.at("/fixture/date").asText());
      v2.put("statusShort", f.at("/fixture/status/short").asText());
      v2.set("goalsHomeTeam", f.at("/goals/home"));
      v2.set("goalsAwayTeam", f.at("/goals/away"));
    }
    ObjectNode api = JSON.createObjectNode();
    api.putObject("api").put("results", fixtures.size()).set("fixtures", fixtures);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api);
  }

  @Test
  void football_version2AndNonUtf8Captures_eachRejectedNamingWhatItIs() throws Exception {
    copyTree(DATA.resolve("api_football"), data.resolve("api_football"));
    copyTree(DATA.resolve("twitter_v2"), data.resolve("twitter_v2"));
    Path fixtures = data.resolve("api_football/fixtures");
    Path v2 = fixtures.resolve("v2_" + WEEK1);
    Files.writeString(v2, asVersion2(Files.readString(fixtures.resolve(WEEK1))));
    String week2 = Files.readString(fixtures.resolve(WEEK2));
    int at = week2.indexOf("Manchester");
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    bad.writeBytes(week2.substring(0, at).getBytes(StandardCharsets.UTF_8));
    bad.write(0xC3); // a lead byte followed by 'M': not UTF-8
    bad.writeBytes(week2.substring(at).getBytes(StandardCharsets.UTF_8));
    Path nonUtf8 = Files.write(fixtures.resolve("copy_" + WEEK2), bad.toByteArray());
    String before = week2.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;

    String out = Printed.byExample("football", "--lake", lake.toString(), "--data", data.toString());

    assertThat(out).contains("rejected " + v2.toUri()).contains("rejected " + nonUtf8.toUri());
    List<GenericRecord> rejected = Lake.at(lake.toString()).read("rejected/fixtures").readAll();
    assertThat(rejected).hasSize(2);
    assertThat(rejected).anySatisfy(r -> {
      assertThat(r.get("position").toString()).isEqualTo(v2.toUri().toString());
      assertThat(r.get("reason").toString()).contains("This is an API-Football v2 response")
          .contains("Capture it again from v3");
    });
    assertThat(rejected).anySatisfy(r -> {
      assertThat(r.get("position").toString()).isEqualTo(nonUtf8.toUri().toString());
      assertThat(r.get("reason").toString()).startsWith("invalid UTF-8 at byte " + column + " of line " + line);
    });
    FootballFacts facts = FootballFacts.of(DATA.resolve("api_football"));
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/fixtures"))))
          .isEqualTo((long) facts.fixtures().size());
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
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
