package dev.lake.source.football;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.source.http.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Captured responses that are not one v3 response of the parser's endpoint, made from the real recorded fixtures of
 * 2020-12-11..18 (20) and 2021-01-19..25 (7): two pages joined in one capture, the same fixtures in API-Football v2's
 * shape, and a statistics response handed to the fixtures parser.
 */
class CapturedResponsesTest {
  static final String WEEK1 = "fixtures_league39_season2020_from2020-12-11_to2020-12-18.json";
  static final String WEEK2 = "fixtures_league39_season2020_from2021-01-19_to2021-01-25.json";
  static final ObjectMapper JSON = new ObjectMapper();

  static RawResponse file(String name, String body) {
    return new RawResponse("api-football", "fixtures", name, 1, "GET", "file:///raw/fixtures/" + name, 200,
        java.util.Map.of(), body, java.time.Instant.parse("2021-01-26T00:00:00Z"));
  }

  /** The week's fixtures as API-Football v2 answered: {"api": {"results": n, "fixtures": [...]}} with v2's names. */
  static String asVersion2(String v3) throws Exception {
    JsonNode root = JSON.readTree(v3);
    ArrayNode fixtures = JSON.createArrayNode();
    for (JsonNode f : root.path("response")) {
      ObjectNode v2 = fixtures.addObject();
      v2.put("fixture_id", f.at("/fixture/id").asLong());
      v2.put("league_id", f.at("/league/id").asLong());
      v2.put("event_date", f.at("/fixture/date").asText());
      v2.put("statusShort", f.at("/fixture/status/short").asText());
      v2.putObject("homeTeam").put("team_id", f.at("/teams/home/id").asLong())
          .put("team_name", f.at("/teams/home/name").asText());
      v2.putObject("awayTeam").put("team_id", f.at("/teams/away/id").asLong())
          .put("team_name", f.at("/teams/away/name").asText());
      v2.set("goalsHomeTeam", f.at("/goals/home"));
      v2.set("goalsAwayTeam", f.at("/goals/away"));
    }
    ObjectNode api = JSON.createObjectNode();
    api.putObject("api").put("results", fixtures.size()).set("fixtures", fixtures);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api);
  }

  @Test
  void fixtures_twoWeeksJoinedInOneCapture_readsBoth() {
    String joined = Responses.text(WEEK1) + "\n" + Responses.text(WEEK2);

    List<Fixture> fixtures = ApiFootball.fixtures(file("weeks.json", joined));

    assertThat(fixtures).hasSize(27);
    assertThat(fixtures.get(20).id()).isNotEqualTo(fixtures.get(0).id());
  }

  @Test
  void fixtures_version2Response_namedAsSuchWithTheFix() throws Exception {
    RawResponse v2 = file("v2.json", asVersion2(Responses.text(WEEK1)));

    assertThatThrownBy(() -> ApiFootball.fixtures(v2)).isInstanceOf(ApiFootballException.class)
        .hasMessage("This is an API-Football v2 response ({\"api\": {\"results\": 20, api.fixtures}}) at "
            + "file:///raw/fixtures/v2.json; Lake reads API-Football v3 ({\"get\": ..., \"response\": [...]}), whose "
            + "fields differ. Capture it again from v3 with ApiFootball.apiSports(key) or ApiFootball.rapidApi(key)");
  }

  @Test
  void fixtures_statisticsResponse_namesTheParserToUse() {
    RawResponse stats = file("stats.json", Responses.text("fixtures_statistics_fixture592251.json"));

    assertThatThrownBy(() -> ApiFootball.fixtures(stats)).isInstanceOf(ApiFootballException.class)
        .hasMessage("Expected a response to 'fixtures' but got one to 'fixtures/statistics' at "
            + "file:///raw/fixtures/stats.json: parse it with ApiFootball::statistics");
  }

  @Test
  void run_version2AmongVersion3_rejectedWithItsReasonOthersWritten() throws Exception {
    List<RawResponse> raw = List.of(file("week1.json", Responses.text(WEEK1)),
        file("v2.json", asVersion2(Responses.text(WEEK2))));
    InMemorySink<Fixture> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("recorded", raw)).named("parse-fixtures")
        .flatMap("parse", ApiFootball::fixtures).to(sink).onBadRows(BadRowPolicy.collect(10)).run();

    assertThat(result.rowsWritten()).isEqualTo(20);
    assertThat(result.badRows()).singleElement().satisfies(bad -> {
      assertThat(bad.step()).isEqualTo("parse");
      assertThat(bad.reason()).startsWith("ApiFootballException: This is an API-Football v2 response");
    });
  }
}
