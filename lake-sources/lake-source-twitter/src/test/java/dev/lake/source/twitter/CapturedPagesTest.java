package dev.lake.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.BadRowPolicy;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.source.http.RawResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real recorded search pages (100 + 100 + 100 + 10 + 1 tweets; the third carries an error beside its data: a
 * mentioned user is suspended) joined in one capture, one page per line, and with a {@code result_count} that
 * differs from the page's tweets.
 */
class CapturedPagesTest {
  static final List<String> PAGES = List.of("brexit_page0.json.gz", "media_policy_violation_off_page0.json.gz",
      "noflat_page0.json.gz", "test_client_search_recent_tweets_0.json", "two_tweets_page0.json");
  static final ObjectMapper JSON = new ObjectMapper();

  static String oneLine(String page) {
    try {
      return JSON.writeValueAsString(JSON.readTree(page));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static RawResponse file(String body) {
    return new RawResponse("twitter", "tweets", "pages.jsonl", 1, "GET", "file:///raw/tweets/pages.jsonl", 200,
        Map.of(), body, Instant.parse("2021-09-22T16:00:00Z"));
  }

  static String joined(List<String> pages) {
    return String.join("\n", pages.stream().map(CapturedPagesTest::oneLine).toList()) + "\n";
  }

  static PipelineResult parse(RawResponse raw, InMemorySink<Tweet> sink) {
    return Pipeline.from(InMemorySource.of("recorded", List.of(raw))).named("tweets-parse")
        .flatMap("parse", RecentSearch::tweets).to(sink).onBadRows(BadRowPolicy.collect(10)).run();
  }

  @Test
  void run_fivePagesOnePerLine_everyTweetWrittenAndThePageErrorCounted() {
    List<String> pages = PAGES.stream().map(RecentSearchTest::text).toList();
    InMemorySink<Tweet> sink = InMemorySink.create();

    PipelineResult result = parse(file(joined(pages)), sink);

    assertThat(result.rowsWritten()).isEqualTo(311);
    assertThat(result.badRows()).isEmpty();
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.step()).isEqualTo("parse");
      assertThat(w.kind()).isEqualTo("page errors");
      assertThat(w.count()).isEqualTo(1);
      assertThat(w.examples()).containsExactly("1 error(s) beside the page's 100 tweets, which are kept: Forbidden: "
          + "User has been suspended: [gatewaypundit]. (entities.mentions.username) "
          + "(file:///raw/tweets/pages.jsonl (page 3 of 5)) (at memory:recorded:1)");
    });
  }

  @Test
  void run_resultCountDiffersFromTweets_countMismatchCountedTweetsKept() {
    String brexit = RecentSearchTest.text("brexit_page0.json.gz")
        .replaceFirst("\"result_count\": ?100", "\"result_count\": 101");
    InMemorySink<Tweet> sink = InMemorySink.create();

    PipelineResult result = parse(file(brexit), sink);

    assertThat(result.rowsWritten()).isEqualTo(100);
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo("count mismatch");
      assertThat(w.examples()).containsExactly("meta.result_count is 101 but $.data holds 100 tweets "
          + "(file:///raw/tweets/pages.jsonl) (at memory:recorded:1)");
    });
    assertThat(result.summary()).contains("; warnings: 1 count mismatch (parse)");
  }

  @Test
  void tweets_pagesJoinedPrettyPrinted_readsEveryPage() {
    String joined = String.join("\n", PAGES.stream().map(RecentSearchTest::text).toList());

    assertThat(RecentSearch.tweets(file(joined))).hasSize(311);
  }
}
