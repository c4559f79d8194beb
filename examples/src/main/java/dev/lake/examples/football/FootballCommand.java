package dev.lake.examples.football;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.IcebergDestination;
import dev.lake.examples.IcebergLines;
import dev.lake.examples.UsageException;
import dev.lake.examples.tweets.TweetsTable;
import dev.lake.examples.RunLines;
import dev.lake.examples.AnswerTable;
import dev.lake.examples.replay.RecordedResponses;
import dev.lake.examples.tweets.LiveTweets;
import dev.lake.examples.tweets.Tweets;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lake-examples football}: Premier League fixtures and match statistics (API-Football), the team codes, and
 * the VADER sentiment of the tweets naming a team, then per fixture the statistics beside the tweets' mood.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar football --lake ./lake
 * API_FOOTBALL_KEY=... TWITTER_BEARER_TOKEN=... java -jar examples/target/lake-examples.jar football --live
 * }</pre>
 */
@Command(name = "football", mixinStandardHelpOptions = true,
    description = "API-Football fixtures and statistics (raw zone: data/api_football/) -> processed/fixtures, "
        + "fixture_statistics, team_codes; tweets naming a team -> tweets_sentiment (VADER); then per fixture the "
        + "stats beside the tweets' sentiment.")
public final class FootballCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Option(names = "--live", description = "Call API-Football (API_FOOTBALL_KEY) and Twitter (TWITTER_BEARER_TOKEN) "
      + "for the last --days instead of replaying the bundled raw zone.")
  boolean live;

  @Option(names = "--league", defaultValue = "39", description = "League with --live (default: ${DEFAULT-VALUE}).")
  int league;

  @Option(names = "--season", defaultValue = "2024", description = "Season with --live (default: ${DEFAULT-VALUE}).")
  int season;

  @Option(names = "--days", defaultValue = "7", description = "Days back with --live (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--window-hours", defaultValue = "24",
      description = "Tweets count for a fixture from this long before to this long after kick-off "
          + "(default: ${DEFAULT-VALUE}).")
  int windowHours;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    URI data = live ? options.data("api_football/") : options.data("api_football/fixtures/",
        "api_football/fixture_statistics/", "twitter_v2/tweets/");
    if (options.iceberg()) {
      return toIceberg(data, started);
    }
    Lake lake = options.lake();
    URI teamCodes = URI.create(data + "api_football/teamcodes.csv");
    Football football = live
        ? LiveFootball.capture(league, season, LocalDate.now().minusDays(days), LocalDate.now(), teamCodes, lake)
        : Football.replay(data, lake);
    List<PipelineResult> results = new ArrayList<>();
    results.add(football.fixtures().run());
    results.add(football.statistics().run());
    results.add(football.teamCodes().run());
    results.add(live ? LiveTweets.run(lake, "#PremierLeague -is:retweet")
        : Tweets.pipeline(RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(data)).incremental(), lake)
            .run());
    results.add(football.tweetsSentiment().run());
    String[] datasets = {Football.FIXTURES, Football.STATISTICS, Football.TEAM_CODES, Tweets.DATASET,
        Football.SENTIMENT};
    boolean ok = true;
    for (int i = 0; i < results.size(); i++) {
      PipelineResult r = results.get(i);
      System.out.printf("%-18s %,6d rows written, %,d rejected -> %s%s%n", datasets[i], r.rowsWritten(),
          r.rowsRejected(), lake.uri("processed/" + datasets[i] + "/"),
          Tweets.DATASET.equals(datasets[i]) ? "" : RunLines.replaced(r)); // tweets append; the others replace
      r.badRows().forEach(b -> System.out.println("  rejected " + b.position() + ": " + b.reason()));
      ok &= r.reconciles();
    }
    System.out.printf("in %.1f s%n%n", (System.nanoTime() - started) / 1e9);
    printFixtures(lake, Duration.ofHours(windowHours));
    return ok ? 0 : 1;
  }

  /**
   * {@code --format iceberg}: the same tables as Iceberg tables ({@code football.*}, the tweets in
   * {@code twitter.tweets}); the sentiment scores every tweet of the raw pages naming a team.
   */
  private int toIceberg(URI data, long started) {
    if (live) {
      throw new UsageException("--live writes the Hive-style datasets: leave out --format iceberg, or --live to "
          + "read the bundled raw zone into Iceberg tables");
    }
    IcebergDestination to = (IcebergDestination) options.destination();
    Football football = Football.replay(data, to);
    List<PipelineResult> results = new ArrayList<>();
    results.add(football.fixtures().run());
    results.add(football.statistics().run());
    results.add(football.teamCodes().run());
    results.add(TweetsTable.pipeline(RecordedResponses.of("twitter", "tweets", Tweets.rawFolder(data)).incremental(),
        to).run());
    results.add(football.tweetsSentiment(TweetsTable.tweetsOf(RecordedResponses.of("twitter", "tweets",
        Tweets.rawFolder(data))), dev.lake.sentiment.VaderScorer.create()).run());
    String[] datasets = {Football.FIXTURES, Football.STATISTICS, Football.TEAM_CODES, Tweets.DATASET,
        Football.SENTIMENT};
    boolean ok = true;
    for (int i = 0; i < results.size(); i++) {
      PipelineResult r = results.get(i);
      System.out.printf("%-18s %,6d rows written, %,d rejected -> %s%n", datasets[i], r.rowsWritten(),
          r.rowsRejected(), to.describe(datasets[i]));
      r.badRows().forEach(b -> System.out.println("  rejected " + b.position() + ": " + b.reason()));
      ok &= r.reconciles();
    }
    System.out.printf("in %.1f s%n", (System.nanoTime() - started) / 1e9);
    System.out.println(IcebergLines.where(to));
    System.out.println("The fixtures beside the tweets' mood read the Hive-style datasets: run without --format "
        + "iceberg for them.");
    return ok ? 0 : 1;
  }

  private static void printFixtures(Lake lake, Duration window) {
    List<List<?>> rows = new ArrayList<>();
    for (FixtureMood m : FixtureMood.of(lake, window)) {
      FixtureRow f = m.fixture();
      rows.add(List.of(f.date().toString().substring(0, 16).replace('T', ' '), f.homeTeam(),
          f.homeGoals() == null ? f.status() : f.homeGoals() + "-" + f.awayGoals(), f.awayTeam(),
          pair(m.homePossession(), m.awayPossession(), true), pair(m.homeShotsOnGoal(), m.awayShotsOnGoal(), false),
          m.tweets(), m.meanCompound() == null ? "" : String.format("%+.2f", m.meanCompound())));
    }
    System.out.println("Fixtures, match statistics and the sentiment of tweets naming either team within "
        + window.toHours() + " h of kick-off:");
    System.out.print(AnswerTable.format(List.of("kick-off (UTC)", "home", "score", "away", "possession",
        "shots on goal", "tweets", "mean compound"), rows));
    List<List<?>> teams = new ArrayList<>();
    java.util.Map<String, double[]> byTeam = new java.util.TreeMap<>();
    if (lake.latest(Football.SENTIMENT).isPresent()) {
      for (TweetSentiment t : lake.read(Football.SENTIMENT, TweetSentiment.class).readAll()) {
        double[] a = byTeam.computeIfAbsent(t.team(), k -> new double[2]);
        a[0]++;
        a[1] += t.compound();
      }
    }
    byTeam.forEach((team, a) -> teams.add(List.of(team, (long) a[0], String.format("%+.2f", a[1] / a[0]))));
    System.out.println();
    System.out.println("All stored tweets naming a team (tweets_sentiment), any date:");
    System.out.print(AnswerTable.format(List.of("team", "tweets", "mean compound"), teams));
  }

  private static String pair(Double home, Double away, boolean percent) {
    if (home == null || away == null) {
      return "";
    }
    return percent ? String.format("%.0f%%-%.0f%%", home * 100, away * 100)
        : String.format("%.0f-%.0f", home, away);
  }
}
