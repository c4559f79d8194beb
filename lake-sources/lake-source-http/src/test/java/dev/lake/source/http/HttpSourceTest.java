package dev.lake.source.http;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceTest {
  static final String KEY = "s3cr3t-api-key-0123456789";
  static final String FIXTURES = TestData.text(
      "api_football/fixtures_league39_season2020_from2020-12-11_to2020-12-18_compact.json");
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir
  Path dir;
  FakeTime time;
  Lake lake;

  @BeforeEach
  void reset() {
    time = new FakeTime();
    lake = Lake.at(dir.resolve("lake").toString());
  }

  RestClient client(Quota quota) {
    return RestClient.builder().connector("api-football").baseUri(server.baseUrl())
        .secretHeader("x-apisports-key", Secret.ofValue(KEY)).quota(quota)
        .retry(RetryPolicy.defaults().maxAttempts(2).baseDelay(Duration.ofMillis(10)))
        .clock(time).sleeper(time).seed(7).build();
  }

  /** One request per day from the day after the committed cursor through 2020-12-15. */
  static RequestPlan days() {
    return cursor -> {
      LocalDate from = cursor.apply("last_date").map(d -> LocalDate.parse(d).plusDays(1))
          .orElse(LocalDate.parse("2020-12-11"));
      return from.datesUntil(LocalDate.parse("2020-12-16")).map(d -> RestRequest.get("fixtures", "/fixtures")
          .param("league", 39).param("season", 2020).param("date", d).cursor("last_date", d.toString())).toList();
    };
  }

  PipelineResult capture(HttpSource source) {
    return Pipeline.from(source).named("fixtures-capture").to(lake.raw("api-football", "fixtures"))
        .onBadRows(BadRowPolicy.toRejectedZone()).withLake(lake).run();
  }

  @Test
  void run_quotaSpent_stopsCleanlyAndNextRunResumes() {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES)));

    PipelineResult first = capture(HttpSource.live(client(Quota.builder().daily(2).build()), days()));

    assertThat(first.rowsWritten()).isEqualTo(2);
    assertThat(lake.cursors("fixtures-capture")).containsEntry("last_date", "2020-12-12");
    server.verify(2, getRequestedFor(urlPathEqualTo("/fixtures")));

    server.resetRequests();
    PipelineResult second = capture(HttpSource.live(client(Quota.builder().daily(100).build()), days()));

    assertThat(second.rowsWritten()).isEqualTo(3);
    assertThat(lake.cursors("fixtures-capture")).containsEntry("last_date", "2020-12-15");
    server.verify(3, getRequestedFor(urlPathEqualTo("/fixtures")));
    server.verify(0, getRequestedFor(urlPathEqualTo("/fixtures")).withQueryParam("date", equalTo("2020-12-11")));
    server.verify(0, getRequestedFor(urlPathEqualTo("/fixtures")).withQueryParam("date", equalTo("2020-12-12")));
    assertThat(HttpSource.replay(lake, "api-football", "fixtures").readAll()).hasSize(5);
  }

  @Test
  void replay_fromRawZone_makesNoRequestsAndReturnsTheSameResponses() {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES)
        .withHeader("x-ratelimit-requests-remaining", "98")));
    capture(HttpSource.live(client(Quota.unlimited()), days()));
    server.resetRequests();

    List<RawResponse> replayed = new ArrayList<>(HttpSource.replay(lake, "api-football", "fixtures").readAll());
    replayed.sort(Comparator.comparing(RawResponse::url));

    server.verify(0, getRequestedFor(urlPathEqualTo("/fixtures")));
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(replayed).hasSize(5);
    RawResponse r = replayed.get(0);
    assertThat(r.body()).isEqualTo(FIXTURES);
    assertThat(r.url()).isEqualTo(server.baseUrl() + "/fixtures?league=39&season=2020&date=2020-12-11");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("x-ratelimit-requests-remaining")).isEqualTo("98");
    assertThat(r.source()).isEqualTo("api-football");
    assertThat(r.dataset()).isEqualTo("fixtures");
    assertThat(r.fetchedAt()).isEqualTo(time.instant());
  }

  @Test
  void run_pageNumbers_fetchesEveryPage() {
    for (int p = 1; p <= 3; p++) {
      server.stubFor(get(urlPathEqualTo("/players")).withQueryParam("page", equalTo(Integer.toString(p)))
          .willReturn(okJson("{\"paging\":{\"current\":" + p + ",\"total\":3},\"response\":[" + p + "]}")));
    }
    RestRequest players = RestRequest.get("players", "/players").param("league", 39).param("page", 1)
        .paging(Paging.pageNumbers("page", "/paging/current", "/paging/total"));

    List<RawResponse> pages = HttpSource.live(client(Quota.unlimited()), List.of(players)).readAll();

    assertThat(pages).extracting(RawResponse::page).containsExactly(1, 2, 3);
    assertThat(pages).extracting(RawResponse::request).containsOnly("/players?league=39&page=1");
  }

  @Test
  void run_nextTokens_fetchesEveryPageAndProposesTheNewestId() {
    server.stubFor(get(urlPathEqualTo("/search")).willReturn(
        okJson("{\"data\":[],\"meta\":{\"newest_id\":\"1440\",\"next_token\":\"abc\"}}")));
    server.stubFor(get(urlPathEqualTo("/search")).withQueryParam("next_token", equalTo("abc")).willReturn(
        okJson("{\"data\":[],\"meta\":{\"newest_id\":\"999\"}}")));
    RestRequest search = RestRequest.get("tweets", "/search").param("query", "#brexit")
        .paging(Paging.nextToken("next_token", "/meta/next_token"));

    PipelineResult r = Pipeline.from(HttpSource.live(client(Quota.unlimited()), List.of(search))
            .withCursorMax("since_id", "/meta/newest_id"))
        .named("tweets").to(lake.raw("twitter", "tweets")).run();

    assertThat(r.rowsWritten()).isEqualTo(2);
    assertThat(lake.cursors("tweets")).containsEntry("since_id", "1440");
  }

  @Test
  void run_truncatedBody_rejectedWithUrlAndCursorHeldBeforeIt() {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES)));
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("date", equalTo("2020-12-13"))
        .willReturn(okJson(FIXTURES.substring(0, 500))));

    PipelineResult r = capture(HttpSource.live(client(Quota.unlimited()), days()));

    assertThat(r.rowsWritten()).isEqualTo(4);
    assertThat(r.badRows()).singleElement().satisfies(b -> {
      assertThat(b.position()).isEqualTo(server.baseUrl() + "/fixtures?league=39&season=2020&date=2020-12-13");
      assertThat(b.reason()).contains("Unexpected end-of-input").contains("after 2 attempt(s)");
      assertThat(b.value()).hasSize(500);
    });
    assertThat(lake.cursors("fixtures-capture")).containsEntry("last_date", "2020-12-12");
  }

  @Test
  void run_secrets_neverInLogsToStringOrLakeFiles() throws IOException {
    server.stubFor(get(urlPathEqualTo("/fixtures")).willReturn(okJson(FIXTURES.replace("\"league\"", "\"k\":\""
        + KEY + "\",\"league\"")).withHeader("x-apisports-key", KEY)));
    server.stubFor(get(urlPathEqualTo("/fixtures")).withQueryParam("date", equalTo("2020-12-14"))
        .willReturn(okJson("{}").withStatus(500)).atPriority(1));
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    HttpSource source = HttpSource.live(client(Quota.unlimited()), days());
    try {
      capture(source);
    } catch (RestException e) {
      assertThat(e.getMessage()).doesNotContain(KEY);
    } finally {
      System.setErr(err);
    }

    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("HTTP 500").doesNotContain(KEY);
    assertThat(source.toString()).doesNotContain(KEY);
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      String text = f.toString().endsWith(".gz")
          ? new String(new GZIPInputStream(Files.newInputStream(f)).readAllBytes(), StandardCharsets.UTF_8)
          : new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).as(f.toString()).doesNotContain(KEY);
    }
  }
}
