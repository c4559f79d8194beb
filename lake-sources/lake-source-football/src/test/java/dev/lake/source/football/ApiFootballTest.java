package dev.lake.source.football;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Quota;
import dev.lake.source.http.RetryPolicy;
import dev.lake.source.http.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ApiFootballTest {
  static final String KEY = "af-key-5f4dcc3b5aa765d61d8327deb882cf99";
  static final LocalDate START = LocalDate.parse("2020-12-11");
  static final LocalDate END = LocalDate.parse("2020-12-24");
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir
  Path dir;
  Lake lake;

  @BeforeEach
  void reset() {
    lake = Lake.at(dir.resolve("lake").toString());
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("from", equalTo("2020-12-11"))
        .willReturn(okJson(Responses.text("fixtures_league39_season2020_from2020-12-11_to2020-12-18_compact.json"))
            .withHeader("x-ratelimit-requests-remaining", "99")));
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("from", equalTo("2020-12-18"))
        .willReturn(okJson(Responses.text("fixtures_league39_season2020_from2021-01-19_to2021-01-25.json"))));
  }

  ApiFootball api(Quota quota) {
    return ApiFootball.apiSports(Secret.ofValue(KEY)).withBaseUri(server.baseUrl()).withQuota(quota)
        .withRetry(RetryPolicy.defaults().maxAttempts(2).baseDelay(Duration.ofMillis(1)))
        .withTiming(Clock.systemUTC(), d -> { });
  }

  PipelineResult capture(ApiFootball api) {
    return Pipeline.from(api.source(ApiFootball.fixturesByWeek(39, 2020, START, END))).named("epl-fixtures")
        .to(lake.raw("api-football", "fixtures")).onBadRows(BadRowPolicy.toRejectedZone()).withLake(lake).run();
  }

  PipelineResult parse() {
    return Pipeline.from(HttpSource.replay(lake, "api-football", "fixtures")).named("epl-fixtures-parse")
        .flatMap("parse-fixtures", ApiFootball::fixtures).to(lake.processed("fixtures"))
        .onBadRows(BadRowPolicy.toRejectedZone()).withLake(lake).run();
  }

  @Test
  void pipeline_captureRawThenParseFromRaw_typedRowsWithoutRequests() {
    PipelineResult captured = capture(api(ApiFootball.freeTier()));
    assertThat(captured.rowsWritten()).isEqualTo(2);
    assertThat(lake.cursors("epl-fixtures")).containsEntry(ApiFootball.LAST_DATE, "2020-12-24");
    server.verify(getRequestedFor(urlPathEqualTo("/fixtures")).withHeader("x-apisports-key", equalTo(KEY))
        .withQueryParam("to", equalTo("2020-12-17")).withQueryParam("season", equalTo("2020")));
    server.resetRequests();

    PipelineResult parsed = parse();

    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(parsed.rowsWritten()).isEqualTo(27);
    List<GenericRecord> rows = lake.read("fixtures").readAll();
    assertThat(rows).hasSize(27);
    GenericRecord ars = rows.stream().filter(r -> ((Number) r.get("id")).longValue() == 592251).findFirst()
        .orElseThrow();
    assertThat(((GenericRecord) ars.get("status")).get("code").toString()).isEqualTo("FT");
    assertThat(((GenericRecord) ((GenericRecord) ars.get("score")).get("fulltime")).get("away")).isEqualTo(1);
  }

  @Test
  void capture_quotaSpent_stopsCleanlyThenResumesWithTheNextWeek() {
    PipelineResult first = capture(api(Quota.builder().daily(1).build()));

    assertThat(first.rowsWritten()).isEqualTo(1);
    assertThat(lake.cursors("epl-fixtures")).containsEntry(ApiFootball.LAST_DATE, "2020-12-17");
    server.resetRequests();

    PipelineResult second = capture(api(ApiFootball.freeTier()));

    assertThat(second.rowsWritten()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlPathEqualTo("/fixtures")));
    server.verify(1, getRequestedFor(urlPathEqualTo("/fixtures")).withQueryParam("from", equalTo("2020-12-18")));
    assertThat(lake.cursors("epl-fixtures")).containsEntry(ApiFootball.LAST_DATE, "2020-12-24");
    assertThat(parse().rowsWritten()).isEqualTo(27);
  }

  @Test
  void rapidApi_sendsKeyAndHostHeaders() {
    server.stubFor(get(urlPathEqualTo("/leagues")).willReturn(okJson(Responses.text("leagues_id39.json"))));
    ApiFootball rapid = ApiFootball.rapidApi(Secret.ofValue(KEY)).withBaseUri(server.baseUrl());

    List<LeagueInfo> leagues = ApiFootball.leagues(rapid.client().get(ApiFootball.league(39)));

    assertThat(leagues).extracting(LeagueInfo::id).containsExactly(39L);
    server.verify(getRequestedFor(urlPathEqualTo("/leagues")).withHeader("x-rapidapi-key", equalTo(KEY))
        .withHeader("x-rapidapi-host", equalTo(ApiFootball.RAPIDAPI_HOST)).withHeader("x-apisports-key", absent()));
    assertThat(rapid.toString()).doesNotContain(KEY).contains("RapidAPI");
  }

  @Test
  void errorInside200_capturedVerbatimThenRejectedNamingTheParameter() {
    server.stubFor(get(urlPathEqualTo("/teams")).willReturn(okJson(Responses.text("team-leipzig-error.json"))));
    Pipeline.from(api(ApiFootball.freeTier()).source(ApiFootball.teams(39, 2020))).named("teams")
        .to(lake.raw("api-football", "teams")).withLake(lake).run();

    PipelineResult r = Pipeline.from(HttpSource.replay(lake, "api-football", "teams")).named("teams-parse")
        .flatMap("parse-teams", ApiFootball::teams).to(lake.processed("teams"))
        .onBadRows(BadRowPolicy.collect(10)).withLake(lake).run();

    assertThat(r.badRows()).singleElement().satisfies(b -> {
      assertThat(b.step()).isEqualTo("parse-teams");
      assertThat(b.reason()).contains("API-Football rejected parameter 'league': The League field cannot be used "
          + "with the Search field.");
    });
  }

  @Test
  void capture_dirtyResponse_rejectedWithUrlAndReason() {
    server.stubFor(get(urlPathEqualTo("/leagues"))
        .willReturn(okJson(Responses.text("raw_as_committed/premierLeagueId.json"))));

    PipelineResult r = Pipeline.from(api(ApiFootball.freeTier()).source(ApiFootball.league(39))).named("leagues")
        .to(lake.raw("api-football", "leagues")).onBadRows(BadRowPolicy.collect(10)).withLake(lake).run();

    assertThat(r.rowsWritten()).isZero();
    assertThat(r.badRows()).singleElement().satisfies(b -> {
      assertThat(b.position()).isEqualTo(server.baseUrl() + "/leagues?id=39");
      assertThat(b.reason()).startsWith("Malformed JSON body (Unrecognized token 'Command'").contains("line 1, column 2");
      assertThat(b.value()).startsWith("[Command: python -u");
    });
  }
}
