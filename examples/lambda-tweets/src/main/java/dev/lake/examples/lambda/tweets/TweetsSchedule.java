package dev.lake.examples.lambda.tweets;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.Destination;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.examples.tweets.LiveTweets;
import dev.lake.examples.tweets.Tweets;
import dev.lake.examples.tweets.TweetsTable;
import dev.lake.lambda.LambdaBudget;
import dev.lake.lambda.StageSchedule;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.Secret;
import dev.lake.source.twitter.RecentSearch;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one scheduled tweets run does, from the function's environment:
 * <ul>
 *   <li>{@code LAKE_URI} (required): the lake, e.g. {@code s3://my-bucket/lake}</li>
 *   <li>live (default): {@code TWITTER_BEARER_TOKEN} (an environment variable: Lambda encrypts it at rest with KMS),
 *       {@code QUERY} (default {@code #PremierLeague -is:retweet}), {@code MAX_PAGES} (default 10)</li>
 *   <li>replay: {@code REPLAY_DATA}, a folder shaped like the repository's {@code data/}: only the files of
 *       {@code twitter_v2/tweets/} no earlier run read</li>
 * </ul>
 * Live, the stages are: capture the pages newer than the committed {@code since_id} into {@code raw/twitter/tweets},
 * then parse the pages captured since the invocation started into {@code processed/tweets}.
 *
 * <p>{@code LAKE_FORMAT=iceberg} lands the tweets in the Iceberg table {@code twitter.tweets} instead, upserted by
 * {@code tweet_id} (a tweet found again replaces its row), as {@code tweets --format iceberg} does: tables under
 * {@code LAKE_ICEBERG_WAREHOUSE} (default {@code <LAKE_URI>/iceberg/}) in the catalog {@code LAKE_ICEBERG_CATALOG}
 * (see {@link HandlerSettings}). The raw pages, cursors and run reports stay in the lake.
 *
 * <pre>{@code
 * TweetsSchedule schedule = TweetsSchedule.fromEnv(System.getenv());
 * }</pre>
 */
public record TweetsSchedule(Lake lake, Destination to, URI replayData, String query, int maxPages, Secret token)
    implements StageSchedule {

  /** The schedule the environment describes. */
  public static TweetsSchedule fromEnv(Map<String, String> env) {
    String lakeUri = env.get("LAKE_URI");
    if (lakeUri == null || lakeUri.isBlank()) {
      throw new IllegalArgumentException("Set LAKE_URI to the lake's root, e.g. s3://my-bucket/lake");
    }
    String replay = env.get("REPLAY_DATA");
    Lake lake = Lake.at(lakeUri);
    return new TweetsSchedule(lake, HandlerSettings.of(env).destination(lake), replay == null ? null
        : URI.create(replay.endsWith("/") ? replay : replay + "/"),
        env.getOrDefault("QUERY", "#PremierLeague -is:retweet"), Integer.parseInt(env.getOrDefault("MAX_PAGES", "10")),
        replay == null ? Secret.fromEnv("TWITTER_BEARER_TOKEN") : null);
  }

  /**
   * The stages, in order; each builds its pipeline when called, bounded by the invocation's budget. Their policy is
   * {@link StageSchedule#requiredPermissions}'s: the tweets pipeline declares the stored tweet ids it reads while it
   * is built.
   */
  @Override
  public List<Function<LambdaBudget, Pipeline<?>>> stages() {
    List<Function<LambdaBudget, Pipeline<?>>> stages = new ArrayList<>();
    if (replayData != null) {
      stages.add(b -> {
        var pages = RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(replayData)).incremental();
        return to.inLake() ? Tweets.pipeline(pages, lake) : TweetsTable.pipeline(pages, to);
      });
      return stages;
    }
    Instant started = Instant.now();
    RecentSearch search = RecentSearch.query(query).withBearerToken(token).maxPages(maxPages);
    stages.add(b -> LiveTweets.capture(search, lake).withDeadline(b.deadline()));
    stages.add(b -> to.inLake() ? LiveTweets.process(lake, started)
        : TweetsTable.pipeline(Pipeline.from(HttpSource.replay(lake, "twitter", "tweets")).named(TweetsTable.PIPELINE)
            .filter("captured-since", (RawResponse r) -> !r.fetchedAt().isBefore(started)), to));
    return stages;
  }
}
