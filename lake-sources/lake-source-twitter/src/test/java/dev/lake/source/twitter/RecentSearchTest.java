package dev.lake.source.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RecentSearchTest {
  static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAbearer-token-for-tests";
  static final String BREXIT = text("brexit_page0.json.gz");
  static final String MARIAM = text("media_policy_violation_off_page0.json.gz");
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir
  Path dir;
  Lake lake;
  final List<Duration> sleeps = new ArrayList<>();
  Instant now = Instant.parse("2021-09-22T16:00:00Z");

  static String text(String name) {
    try (InputStream raw = RecentSearchTest.class.getResourceAsStream("/twitter_v2/" + name)) {
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawResponse raw(String body) {
    return new RawResponse("twitter", "tweets", "/2/tweets/search/recent", 1, "GET",
        "https://api.twitter.com/2/tweets/search/recent?query=x", 200, Map.of(), body, Instant.EPOCH);
  }

  @BeforeEach
  void reset() {
    lake = Lake.at(dir.resolve("lake").toString());
  }

  RecentSearch search() {
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    return RecentSearch.query("#brexit").withBearerToken(Secret.ofValue(TOKEN)).withBaseUri(server.baseUrl())
        .maxPages(2).withTiming(clock, d -> {
          sleeps.add(d);
          now = now.plus(d);
        });
  }

  @Test
  void tweets_fullExpansions_authorsAndMediaJoined() {
    List<Tweet> tweets = RecentSearch.tweets(raw(BREXIT));

    assertThat(tweets).hasSize(100).allSatisfy(t -> assertThat(t.author()).isNotNull());
    Tweet gif = tweets.stream().filter(t -> !t.media().isEmpty()).findFirst().orElseThrow();
    assertThat(gif.media().get(0).mediaKey()).isEqualTo("16_1440716736051830786");
    assertThat(gif.media().get(0).type()).isEqualTo("animated_gif");
    assertThat(gif.hashtags()).contains("Brexit");
    assertThat(gif.mentions()).containsExactly("AndrewKnight226");
    assertThat(gif.referenced()).containsExactly(new Tweet.Reference("replied_to", "1440621713281093641"));
    assertThat(gif.author().id()).isEqualTo(gif.authorId());
  }

  @Test
  void tweets_defaultFields_noAuthorNoTimes() {
    List<Tweet> tweets = RecentSearch.tweets(raw(text("test_client_search_recent_tweets_0.json")));

    assertThat(tweets).hasSize(10).allSatisfy(t -> {
      assertThat(t.author()).isNull();
      assertThat(t.createdAt()).isNull();
      assertThat(t.media()).isEmpty();
    });
  }

  @Test
  void tweets_partialErrors_tolerated_errorsOnly_rejectedNamingTheParameter() {
    assertThat(RecentSearch.tweets(raw(text("noflat_page0.json.gz")))).hasSize(100);
    assertThatThrownBy(() -> RecentSearch.tweets(raw("{\"errors\":[{\"parameters\":{\"max_results\":[\"5\"]},"
        + "\"message\":\"The `max_results` query parameter value [5] is not between 10 and 100\"}],"
        + "\"title\":\"Invalid Request\"}")))
        .isInstanceOf(TwitterException.class)
        .hasMessage("Twitter rejected parameter 'max_results': The `max_results` query parameter value [5] is not "
            + "between 10 and 100 (request https://api.twitter.com/2/tweets/search/recent?query=x)");
    assertThat(RecentSearch.tweets(raw("{\"meta\":{\"result_count\":0}}"))).isEmpty();
  }

  @Test
  void source_pagesSinceIdAndRateLimitReset_thenReplayParses() throws IOException {
    long reset = now.plusSeconds(120).getEpochSecond();
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("next_token", absent())
        .inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("limited")
        .willReturn(aResponse().withStatus(429).withHeader("x-rate-limit-remaining", "0")
            .withHeader("x-rate-limit-reset", Long.toString(reset)).withBody("{\"title\":\"Too Many Requests\"}")));
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("next_token", absent())
        .inScenario("s").whenScenarioStateIs("limited")
        .willReturn(okJson(BREXIT).withHeader("x-rate-limit-remaining", "448")));
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent"))
        .withQueryParam("next_token", equalTo("b26v89c19zqg8o3fpds60ssjif02fq74br3502of8hmrh"))
        .willReturn(okJson(MARIAM)));

    PipelineResult first = Pipeline.from(search().source()).named("tweets").to(lake.raw("twitter", "tweets"))
        .withLake(lake).run();

    assertThat(first.rowsWritten()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(120));
    server.verify(3, getRequestedFor(urlPathEqualTo("/2/tweets/search/recent"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)).withQueryParam("query", equalTo("#brexit"))
        .withQueryParam("expansions", equalTo(RecentSearch.DEFAULT_EXPANSIONS)));
    String newest = lake.cursors("tweets").get(RecentSearch.SINCE_ID);
    assertThat(newest).isEqualTo("1440716895355764743");

    server.resetRequests();
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("since_id", equalTo(newest))
        .willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
    Pipeline.from(search().source()).named("tweets").to(lake.raw("twitter", "tweets")).withLake(lake).run();
    server.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets/search/recent"))
        .withQueryParam("since_id", equalTo(newest)));
    assertThat(lake.cursors("tweets")).containsEntry(RecentSearch.SINCE_ID, newest);

    server.resetRequests();
    PipelineResult parsed = Pipeline.from(HttpSource.replay(lake, "twitter", "tweets"))
        .flatMap("parse-tweets", RecentSearch::tweets).to(lake.processed("tweets")).withLake(lake).run();
    assertThat(parsed.rowsWritten()).isEqualTo(200);
    assertThat(server.getAllServeEvents()).isEmpty();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(f);
        String t = f.toString().endsWith(".gz")
            ? new String(new GZIPInputStream(Files.newInputStream(f)).readAllBytes(), StandardCharsets.UTF_8)
            : new String(b, StandardCharsets.ISO_8859_1);
        assertThat(t).as(f.toString()).doesNotContain(TOKEN);
      }
    }
    assertThat(search().toString()).doesNotContain(TOKEN);
  }

  @Test
  void client_withoutToken_namesTheMissingCall() {
    assertThatThrownBy(() -> RecentSearch.query("x").source()).hasMessageContaining("withBearerToken(");
    assertThatThrownBy(() -> RecentSearch.query("x").maxResults(5)).hasMessageContaining("Invalid max_results: 5");
  }
}
