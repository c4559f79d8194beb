package dev.lake.examples.football;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lake.Lake;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Quota;
import dev.lake.source.http.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The football example's live path ({@code --live}) against WireMock serving the bundled recorded responses, on a
 * two-request daily quota: one week of fixtures, then the statistics of the first finished fixture; the capture ends
 * cleanly when the quota is spent and the pipelines replay what arrived.
 */
class LiveFootballTest {
  static final Path API = FootballTest.DATA.resolve("api_football");

  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("from", equalTo("2020-12-11"))
        .willReturn(okJson(Files.readString(API.resolve(
            "fixtures/fixtures_league39_season2020_from2020-12-11_to2020-12-18.json")))));
    server.stubFor(get(urlPathEqualTo("/fixtures/statistics")).withQueryParam("fixture", equalTo("592251"))
        .willReturn(okJson(Files.readString(API.resolve(
            "fixture_statistics/fixtures_statistics_fixture592251.json")))));
  }

  @Test
  void capture_twoRequestQuota_fixturesAndFirstStatisticsThenTheReplayedPipelines() throws Exception {
    Lake lake = Lake.at(dir.resolve("lake").toString());
    ApiFootball api = ApiFootball.apiSports(Secret.ofValue("test-key")).withBaseUri(server.baseUrl())
        .withQuota(Quota.builder().daily(2).build());

    LiveFootball.captureFixtures(api, 39, 2020, LocalDate.parse("2020-12-11"), LocalDate.parse("2020-12-17"), lake)
        .run();
    LiveFootball.captureStatistics(api, lake).run();
    Football football = LiveFootball.football(API.resolve("teamcodes.csv").toUri(), lake);

    FootballFacts facts = FootballFacts.of(API);
    com.fasterxml.jackson.databind.JsonNode week = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        API.resolve("fixtures/fixtures_league39_season2020_from2020-12-11_to2020-12-18.json").toFile());
    assertThat(football.fixtures().run().rowsWritten()).isEqualTo(week.path("response").size());
    assertThat(football.statistics().run().rowsWritten()).isEqualTo(facts.statistics().keySet().stream()
        .filter(k -> k.startsWith("592251/")).count());
    server.verify(1, getRequestedFor(urlPathEqualTo("/fixtures/statistics")));
    assertThat(HttpSource.replay(lake, "api-football", "fixtures").readAll())
        .allSatisfy(r -> assertThat(r.headers().toString() + r.url()).doesNotContain("test-key"));
    assertThat(lake.cursors("football-capture-fixtures")).containsEntry(ApiFootball.LAST_DATE, "2020-12-17");
  }
}
