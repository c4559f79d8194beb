package dev.lake.examples.tweets;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Secret;
import dev.lake.source.twitter.RecentSearch;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tweets example's live path ({@code --live}) against WireMock serving the bundled recorded pages: capture into
 * the raw zone from the committed {@code since_id}, then only this run's pages into {@code processed/tweets}.
 */
class LiveTweetsTest {
  static final String FIRST = "brexit_page0.json.gz";
  static final String NEXT = "test_client_search_recent_tweets_0.json";

  @RegisterExtension
  final WireMockExtension server = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true)).build();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("next_token", absent())
        .withQueryParam("since_id", absent()).willReturn(okJson(page(FIRST))));
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("next_token", matching(".+"))
        .willReturn(okJson(page(NEXT))));
    server.stubFor(get(urlPathEqualTo("/2/tweets/search/recent")).withQueryParam("since_id", matching(".+"))
        .withQueryParam("next_token", absent()).willReturn(okJson(page(NEXT))));
  }

  static String page(String name) throws Exception {
    Path p = TweetsTest.PAGES.resolve(name);
    try (InputStream in = Files.newInputStream(p);
        InputStream plain = name.endsWith(".gz") ? new GZIPInputStream(in) : in) {
      return new String(plain.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private RecentSearch search() {
    return RecentSearch.query("#brexit").withBearerToken(Secret.ofValue("test-token")).withBaseUri(server.baseUrl())
        .maxPages(2);
  }

  private static Set<String> ids(String... pages) throws Exception {
    Set<String> ids = new HashSet<>();
    for (String p : pages) {
      new ObjectMapper().readTree(page(p)).path("data").forEach(t -> ids.add(t.get("id").asText()));
    }
    return ids;
  }

  @Test
  void liveRuns_captureFromSinceIdAndStoreEachTweetOnce() throws Exception {
    Lake lake = Lake.at(dir.resolve("lake").toString());

    Instant started = Instant.now();
    PipelineResult capture = LiveTweets.capture(search(), lake).run();
    PipelineResult first = LiveTweets.process(lake, started).run();

    Set<String> expected = ids(FIRST, NEXT);
    assertThat(capture.rowsWritten()).isEqualTo(2);
    assertThat(first.rowsWritten()).isEqualTo(expected.size());
    Set<String> stored = new HashSet<>();
    lake.read(Tweets.DATASET, TweetRow.class).readAll().forEach(t -> stored.add(t.tweetId()));
    assertThat(stored).isEqualTo(expected);
    BigInteger newest = new BigInteger(new ObjectMapper().readTree(page(FIRST)).at("/meta/newest_id").asText())
        .max(new BigInteger(new ObjectMapper().readTree(page(NEXT)).at("/meta/newest_id").asText()));
    assertThat(lake.cursors(LiveTweets.CAPTURE)).containsEntry(RecentSearch.SINCE_ID, newest.toString());

    Instant again = Instant.now();
    LiveTweets.capture(search(), lake).run();
    PipelineResult second = LiveTweets.process(lake, again).run();

    server.verify(getRequestedFor(urlPathEqualTo("/2/tweets/search/recent"))
        .withQueryParam("since_id", equalTo(newest.toString())));
    // the raw zone holds both runs' pages; the first run's file is in the dataset's split ledger and is skipped, so
    // only this run's two pages are read, and their tweets are all stored already
    assertThat(second.splitsSkipped()).isEqualTo(1);
    assertThat(second.rowsRead()).isEqualTo(2);
    assertThat(second.steps()).filteredOn(st -> st.name().equals("captured-since"))
        .singleElement().satisfies(st -> assertThat(st.out()).isEqualTo(2));
    assertThat(second.rowsWritten()).isZero();
    assertThat(HttpSource.replay(lake, "twitter", "tweets").readAll()).hasSize(4);
    assertThat(HttpSource.replay(lake, "twitter", "tweets").readAll())
        .allSatisfy(r -> assertThat(r.url()).doesNotContain("test-token"));
  }
}
