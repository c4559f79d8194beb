package dev.lake.examples.lambda.football;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.examples.Destination;
import dev.lake.examples.HandlerSettings;
import dev.lake.examples.football.Football;
import dev.lake.examples.football.LiveFootball;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.examples.tweets.Tweets;
import dev.lake.examples.tweets.TweetsTable;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.lambda.LambdaBudget;
import dev.lake.lambda.ScheduledStages;
import dev.lake.lambda.StageSchedule;
import dev.lake.sentiment.VaderScorer;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one scheduled football run does, from the function's environment:
 * <ul>
 *   <li>{@code LAKE_URI} (required): the lake, e.g. {@code s3://my-bucket/lake}</li>
 *   <li>{@code TEAM_CODES_URI}: the team codes CSV (default {@code <LAKE_URI>/reference/teamcodes.csv})</li>
 *   <li>live (default): {@code API_FOOTBALL_KEY} (an environment variable: Lambda encrypts it at rest with KMS);
 *       {@code LEAGUE} (39), {@code SEASON} (the current year), {@code DAYS} (7)</li>
 *   <li>replay: {@code REPLAY_DATA}, a folder shaped like the repository's {@code data/} (recorded responses)</li>
 * </ul>
 * The stages are built one after the other, each when the previous one has committed (later stages read what
 * earlier ones wrote): capture fixtures, capture statistics (live only), fixtures, statistics, team codes,
 * tweets sentiment (over the tweets the tweets function stores in the same lake).
 *
 * <p>{@code LAKE_FORMAT=iceberg} writes the Iceberg tables {@code football.fixtures}, {@code fixture_statistics},
 * {@code team_codes} and {@code tweets_sentiment} instead, as {@code football --format iceberg} does: tables under
 * {@code LAKE_ICEBERG_WAREHOUSE} (default {@code <LAKE_URI>/iceberg/}) in the catalog {@code LAKE_ICEBERG_CATALOG}
 * (see {@link HandlerSettings}). Nothing is read back from the tables: the team codes take the API's names from the
 * fixture responses, and the sentiment scores every tweet of the raw tweet pages (replay: also upserted into
 * {@code twitter.tweets}; live: the pages the tweets function captured into the same lake's raw zone).
 *
 * <pre>{@code
 * FootballSchedule schedule = FootballSchedule.fromEnv(System.getenv());
 * for (Function<LambdaBudget, Pipeline<?>> stage : schedule.stages()) { ... }
 * }</pre>
 */
public record FootballSchedule(Lake lake, Destination to, URI teamCodes, URI replayData, int league, int season,
    int days, Secret key, Clock clock) implements StageSchedule {

  /** The schedule the environment describes. */
  public static FootballSchedule fromEnv(Map<String, String> env) {
    String lakeUri = env.get("LAKE_URI");
    if (lakeUri == null || lakeUri.isBlank()) {
      throw new IllegalArgumentException("Set LAKE_URI to the lake's root, e.g. s3://my-bucket/lake");
    }
    Lake lake = Lake.at(lakeUri);
    URI codes = env.containsKey("TEAM_CODES_URI") ? URI.create(env.get("TEAM_CODES_URI"))
        : lake.uri("reference/teamcodes.csv");
    URI replay = env.containsKey("REPLAY_DATA") ? URI.create(folder(env.get("REPLAY_DATA"))) : null;
    Clock clock = Clock.systemUTC();
    Secret key = replay == null ? Secret.fromEnv("API_FOOTBALL_KEY") : null;
    return new FootballSchedule(lake, HandlerSettings.of(env).destination(lake), codes, replay, Integer.parseInt(env.getOrDefault("LEAGUE", "39")),
        Integer.parseInt(env.getOrDefault("SEASON", Integer.toString(LocalDate.now(clock).getYear()))),
        Integer.parseInt(env.getOrDefault("DAYS", "7")), key, clock);
  }

  private static String folder(String uri) {
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** The stages, in order; each builds its pipeline when called, bounded by the invocation's budget. */
  @Override
  public List<Function<LambdaBudget, Pipeline<?>>> stages() {
    List<Function<LambdaBudget, Pipeline<?>>> stages = new ArrayList<>();
    Football football;
    if (replayData == null) {
      ApiFootball api = ApiFootball.apiSports(key);
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      stages.add(b -> LiveFootball.captureFixtures(api, league, season, today.minusDays(days), today, lake)
          .withDeadline(b.deadline()));
      stages.add(b -> LiveFootball.captureStatistics(api, lake).withDeadline(b.deadline()));
      football = new Football(HttpSource.replay(lake, "api-football", "fixtures"),
          HttpSource.replay(lake, "api-football", "fixture_statistics"), teamCodes, to);
    } else {
      football = new Football(RecordedResponses.of("api-football", "fixtures", replayData.resolve("api_football/fixtures/")),
          RecordedResponses.of("api-football", "fixture_statistics",
              replayData.resolve("api_football/fixture_statistics/")), teamCodes, to);
      stages.add(b -> {
        var pages = RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(replayData)).incremental();
        return to.inLake() ? Tweets.pipeline(pages, lake) : TweetsTable.pipeline(pages, to);
      });
    }
    stages.add(b -> football.fixtures());
    stages.add(b -> football.statistics());
    stages.add(b -> football.teamCodes());
    stages.add(b -> to.inLake() ? football.tweetsSentiment()
        : football.tweetsSentiment(TweetsTable.tweetsOf(rawTweets()), VaderScorer.create()));
    return stages;
  }

  /** The tweet pages the Iceberg sentiment scores: the replayed ones, or those captured into the raw zone. */
  private dev.lake.io.Source<dev.lake.source.http.RawResponse> rawTweets() {
    if (replayData != null) {
      return RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(replayData));
    }
    return lake.latest(RAW_TWEETS).isPresent() ? HttpSource.replay(lake, "twitter", "tweets")
        : dev.lake.io.Source.empty("no-tweets");
  }

  /** The raw zone the tweets function captures into. */
  private static final String RAW_TWEETS = "raw/twitter/tweets";

  /**
   * What the stages need: each stage's pipeline, built as an invocation builds it (so the lake is read now), and the
   * datasets the stages read while they are built, outside their pipelines: {@code processed/fixtures} (team names
   * for team_codes), {@code team_codes} and {@code tweets} (tweets_sentiment) and, live, the raw fixtures and
   * statistics (which fixtures still lack statistics). The reads are declared whether or not the datasets exist yet,
   * so the policy does not depend on the lake's state.
   */
  @Override
  public IamPolicy requiredPermissions(IamScope scope) {
    IamPolicy policy = ScheduledStages.of(stages()).requiredPermissions(scope);
    if (to.inLake()) {
      policy = policy.and(lake.read(Football.FIXTURES).permissions(scope))
          .and(lake.read(Football.TEAM_CODES).permissions(scope))
          .and(lake.read(Tweets.DATASET).permissions(scope));
    } else if (replayData == null) { // Iceberg: the sentiment reads the tweet pages of the raw zone
      policy = policy.and(HttpSource.replay(lake, "twitter", "tweets").permissions(scope));
    }
    if (replayData == null) {
      policy = policy.and(HttpSource.replay(lake, "api-football", "fixtures").permissions(scope))
          .and(HttpSource.replay(lake, "api-football", "fixture_statistics").permissions(scope));
    }
    return policy;
  }
}
