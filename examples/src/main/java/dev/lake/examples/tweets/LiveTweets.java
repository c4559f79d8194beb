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
 * verbatim in {@code raw/twitter/tweets/}, then the pages this run captured parsed into {@code processed/tweets}.
 *
 * <pre>{@code
 * PipelineResult r = LiveTweets.run(Lake.at("s3://bucket/lake"), "#PremierLeague -is:retweet");
 * }</pre>
 */
public final class LiveTweets {
  /** The capture pipeline's name (its cursor is {@code since_id}). */
  public static final String CAPTURE = "tweets-capture";

  private LiveTweets() {}

  /** Captures new pages for {@code query} (token from {@code TWITTER_BEARER_TOKEN}) and processes them. */
  public static PipelineResult run(Lake lake, String query) {
    RecentSearch search = RecentSearch.query(query).withBearerToken(Secret.fromEnv("TWITTER_BEARER_TOKEN"));
    return run(lake, search);
  }

  /** The same with a configured search (another host, quota or timing). */
  public static PipelineResult run(Lake lake, RecentSearch search) {
    Instant started = Instant.now();
    Pipeline.from(search.source()).named(CAPTURE).to(lake.raw("twitter", "tweets")).withLake(lake).run();
    return Tweets.pipeline(Pipeline.from(HttpSource.replay(lake, "twitter", "tweets")).named(Tweets.PIPELINE)
        .filter("captured-this-run", (RawResponse r) -> !r.fetchedAt().isBefore(started)), lake).run();
  }
}
