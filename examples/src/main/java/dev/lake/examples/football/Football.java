package dev.lake.examples.football;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.WriteMode;
import dev.lake.examples.Destination;
import dev.lake.examples.tweets.TweetRow;
import dev.lake.examples.tweets.Tweets;
import dev.lake.io.Source;
import dev.lake.sentiment.SentimentScorer;
import dev.lake.sentiment.VaderScorer;
import dev.lake.source.files.CsvSource;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.http.RawResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The football use case's pipelines: API-Football responses (replayed from the raw zone) into {@code fixtures} and
 * {@code fixture_statistics}; the team codes into {@code team_codes} (names, API names, codes and hashtags → team
 * id); and the tweets of {@code processed/tweets} that name a team, scored with VADER, into
 * {@code tweets_sentiment}. Each replaces its previous load. Build and run them in this order: team codes read the
 * committed fixtures (for the API's team names), sentiment reads the committed team codes and tweets.
 *
 * <pre>{@code
 * Football football = Football.replay(URI.create("file:///repo/data/"), Lake.at("./lake"));
 * football.fixtures().run();
 * football.statistics().run();
 * football.teamCodes().run();
 * football.tweetsSentiment().run();   // needs processed/tweets (the tweets example)
 * }</pre>
 */
public final class Football {
  public static final String FIXTURES = "fixtures";
  public static final String STATISTICS = "fixture_statistics";
  public static final String TEAM_CODES = "team_codes";
  public static final String SENTIMENT = "tweets_sentiment";

  private final Source<RawResponse> fixtureResponses;
  private final Source<RawResponse> statisticsResponses;
  private final URI teamCodesCsv;
  private final Lake lake;
  private final Destination to;

  /** Pipelines over these raw responses, writing into {@code lake}. */
  public Football(Source<RawResponse> fixtureResponses, Source<RawResponse> statisticsResponses, URI teamCodesCsv,
      Lake lake) {
    this(fixtureResponses, statisticsResponses, teamCodesCsv, Destination.processed(lake));
  }

  /**
   * The same into {@code to}. Iceberg tables are not read back here: the team codes then take the API's names from
   * the fixture responses, and {@link #tweetsSentiment(Source, SentimentScorer)} takes the tweets.
   */
  public Football(Source<RawResponse> fixtureResponses, Source<RawResponse> statisticsResponses, URI teamCodesCsv,
      Destination to) {
    this.fixtureResponses = fixtureResponses;
    this.statisticsResponses = statisticsResponses;
    this.teamCodesCsv = teamCodesCsv;
    this.lake = to.lake();
    this.to = to;
  }

  /** Offline: the recorded responses bundled under {@code data} (a folder URI ending in '/'). */
  public static Football replay(URI data, Lake lake) {
    return replay(data, Destination.processed(lake));
  }

  /** The same into {@code to}. */
  public static Football replay(URI data, Destination to) {
    return new Football(
        dev.lake.examples.replay.RecordedResponses.of("api-football", "fixtures",
            URI.create(data + "api_football/fixtures/")),
        dev.lake.examples.replay.RecordedResponses.of("api-football", "fixture_statistics",
            URI.create(data + "api_football/fixture_statistics/")),
        URI.create(data + "api_football/teamcodes.csv"), to);
  }

  /**
   * {@code fixtures}: one row per fixture id, partitioned by season. When several responses hold the same fixture
   * (a week's list before the match and a season's list after it), the most advanced state wins: finished over
   * started over not started, then the response (file or request) that sorts last.
   */
  public Pipeline<FixtureRow> fixtures() {
    Map<Long, FixtureRow> latest = LatestFixtures.of(fixtureResponses);
    return Pipeline.from(fixtureResponses)
        .named("football-fixtures")
        .flatMap("parse-fixtures", (RawResponse r) -> ApiFootball.fixtures(r).stream().map(FixtureRow::of).toList())
        .filter("latest-state", (FixtureRow f) -> f.equals(latest.get(f.fixtureId())))
        .deduplicate(FixtureRow::fixtureId)
        .to(to.<FixtureRow>sink(FIXTURES, WriteMode.OVERWRITE, "season"))
        .withLake(lake)
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** {@code fixture_statistics}: one row per fixture, team and statistic, partitioned by statistic. */
  public Pipeline<StatisticRow> statistics() {
    return Pipeline.from(statisticsResponses)
        .named("football-statistics")
        .flatMap("parse-statistics", (RawResponse r) -> ApiFootball.statistics(r).stream()
            .flatMap(s -> StatisticRow.of(s).stream()).toList())
        .to(to.<StatisticRow>sink(STATISTICS, WriteMode.OVERWRITE, "statistic"))
        .withLake(lake)
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** {@code team_codes}: every term naming each team of the CSV, with the API's name from the committed fixtures. */
  public Pipeline<TeamCode> teamCodes() {
    Map<Long, String> apiNames = new HashMap<>();
    Iterable<FixtureRow> fixtures = !to.inLake() ? LatestFixtures.of(fixtureResponses).values()
        : lake.latest(FIXTURES).isPresent() ? lake.read(FIXTURES, FixtureRow.class).readAll() : List.of();
    for (FixtureRow f : fixtures) {
      apiNames.put(f.homeTeamId(), f.homeTeam());
      apiNames.put(f.awayTeamId(), f.awayTeam());
    }
    return Pipeline.from(CsvSource.of(TeamCodeCsv.class).from(teamCodesCsv.toString()))
        .named("football-team-codes")
        .flatMap("terms", (TeamCodeCsv t) -> TeamCode.of(t, apiNames.get(t.idTeam())))
        .to(to.<TeamCode>sink(TEAM_CODES, WriteMode.OVERWRITE))
        .withLake(lake)
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** {@code tweets_sentiment}: every stored tweet naming a team, scored with VADER, partitioned by day. */
  public Pipeline<TweetSentiment> tweetsSentiment() {
    return tweetsSentiment(VaderScorer.create());
  }

  /** The same with another scorer (e.g. {@code ComprehendScorer}). */
  public Pipeline<TweetSentiment> tweetsSentiment(SentimentScorer scorer) {
    Source<TweetRow> tweets = lake.latest(Tweets.DATASET).isPresent()
        ? lake.read(Tweets.DATASET, TweetRow.class) : Source.empty("no-tweets");
    return tweetsSentiment(tweets, scorer);
  }

  /** The tweets of {@code tweets} naming a team, scored with {@code scorer}. */
  public Pipeline<TweetSentiment> tweetsSentiment(Source<TweetRow> tweets, SentimentScorer scorer) {
    List<TeamCode> terms = new ArrayList<>();
    if (!to.inLake()) {
      teamCodeTerms().forEach(terms::add);
    } else if (lake.latest(TEAM_CODES).isPresent()) {
      terms.addAll(lake.read(TEAM_CODES, TeamCode.class).readAll());
    }
    Map<TeamCode, java.util.regex.Pattern> patterns = new java.util.LinkedHashMap<>();
    terms.forEach(term -> patterns.put(term, term.pattern()));
    return Pipeline.from(tweets)
        .named("football-tweets-sentiment")
        .flatMap("match-and-score", (TweetRow t) -> score(t, patterns, scorer))
        .to(to.<TweetSentiment>sink(SENTIMENT, WriteMode.OVERWRITE, "date"))
        .withLake(lake)
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /** What {@link #teamCodes()} writes, computed from its input (for a destination that is not read back). */
  private List<TeamCode> teamCodeTerms() {
    Map<Long, String> apiNames = new HashMap<>();
    for (FixtureRow f : LatestFixtures.of(fixtureResponses).values()) {
      apiNames.put(f.homeTeamId(), f.homeTeam());
      apiNames.put(f.awayTeamId(), f.awayTeam());
    }
    List<TeamCode> terms = new ArrayList<>();
    for (TeamCodeCsv t : CsvSource.of(TeamCodeCsv.class).from(teamCodesCsv.toString()).readAll()) {
      terms.addAll(TeamCode.of(t, apiNames.get(t.idTeam())));
    }
    return terms;
  }

  /** One row per team the tweet names (the first matching term of each team). */
  static List<TweetSentiment> score(TweetRow tweet, Map<TeamCode, java.util.regex.Pattern> terms,
      SentimentScorer scorer) {
    Map<Long, TeamCode> named = new java.util.LinkedHashMap<>();
    for (Map.Entry<TeamCode, java.util.regex.Pattern> term : terms.entrySet()) {
      java.util.regex.Pattern p = term.getValue();
      if (p != null && tweet.text() != null && !named.containsKey(term.getKey().teamId())
          && p.matcher(tweet.text()).find()) {
        named.put(term.getKey().teamId(), term.getKey());
      }
    }
    List<TweetSentiment> rows = new ArrayList<>();
    if (!named.isEmpty()) {
      dev.lake.sentiment.Sentiment s = scorer.score(tweet.text());
      named.values().forEach(term -> rows.add(TweetSentiment.of(tweet, term, s)));
    }
    return rows;
  }

  /** The lake the pipelines write into. */
  public Lake lake() {
    return lake;
  }
}
