package dev.lake.examples.tweets;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.Secret;
import dev.lake.source.twitter.RecentSearch;
import java.time.Instant;

/**
 * The tweets use case against the live API: recent search from the committed {@code since_id} on, the pages kept
 * verbatim in {@code raw/twitter/tweets/}, then the pages captured since a given instant parsed into
 * {@code processed/tweets} (a tweet already stored is not added again).
 *
 * <pre>{@code
 * Instant started = Instant.now();
 * LiveTweets.capture(RecentSearch.query("#PremierLeague").withBearerToken(token), lake).run();
 * LiveTweets.process(lake, started).run();
 * }</pre>
 */
public final class LiveTweets {
  /** The capture pipeline's name (its cursor is {@code since_id}). */
  public static final String CAPTURE = "tweets-capture";

  private LiveTweets() {}

  /** Captures new pages for {@code query} (token from {@code TWITTER_BEARER_TOKEN}) and processes them. */
  public static PipelineResult run(Lake lake, String query) {
    Instant started = Instant.now();
    capture(RecentSearch.query(query).withBearerToken(Secret.fromEnv("TWITTER_BEARER_TOKEN")), lake).run();
    return process(lake, started).run();
  }

  /** {@code raw/twitter/tweets}: the search's pages newer than the committed {@code since_id}. */
  public static Pipeline<RawResponse> capture(RecentSearch search, Lake lake) {
    return Pipeline.from(search.source()).named(CAPTURE).to(lake.raw("twitter", "tweets")).withLake(lake);
  }

  /** The raw pages fetched at or after {@code since} into {@code processed/tweets}. */
  public static Pipeline<TweetRow> process(Lake lake, Instant since) {
    return Tweets.pipeline(Pipeline.from(HttpSource.replay(lake, "twitter", "tweets")).named(Tweets.PIPELINE)
        .filter("captured-since", (RawResponse r) -> !r.fetchedAt().isBefore(since)), lake);
  }
}
