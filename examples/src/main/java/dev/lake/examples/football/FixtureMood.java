package dev.lake.examples.football;

import dev.lake.Lake;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The football answer: per fixture, the match statistics of both teams beside the sentiment of the tweets that named
 * either team within a window around kick-off. Read from the committed {@code fixtures}, {@code fixture_statistics}
 * and {@code tweets_sentiment}.
 *
 * <pre>{@code
 * for (FixtureMood m : FixtureMood.of(lake, Duration.ofHours(24))) {
 *   System.out.println(m.fixture().homeTeam() + " " + m.homePossession() + " " + m.tweets() + " " + m.meanCompound());
 * }
 * }</pre>
 *
 * @param homePossession ball possession of the home team as a fraction, null without statistics
 * @param homeShotsOnGoal shots on goal of the home team, null without statistics
 * @param tweets tweet mentions of either team within the window
 * @param meanCompound their mean VADER compound score, null without tweets
 */
public record FixtureMood(FixtureRow fixture, Double homePossession, Double awayPossession, Double homeShotsOnGoal,
    Double awayShotsOnGoal, int tweets, Double meanCompound) {

  /** Every committed fixture, by kick-off, with tweets from {@code window} before to {@code window} after it. */
  public static List<FixtureMood> of(Lake lake, Duration window) {
    Map<String, Double> stats = new HashMap<>();
    for (StatisticRow s : lake.read(Football.STATISTICS, StatisticRow.class).readAll()) {
      stats.put(s.fixtureId() + "/" + s.teamId() + "/" + s.statistic(), s.value());
    }
    List<TweetSentiment> sentiment = lake.latest(Football.SENTIMENT).isPresent()
        ? lake.read(Football.SENTIMENT, TweetSentiment.class).readAll() : List.of();
    List<FixtureMood> rows = new ArrayList<>();
    for (FixtureRow f : lake.read(Football.FIXTURES, FixtureRow.class).readAll()) {
      Instant from = f.date().minus(window);
      Instant to = f.date().plus(window);
      int n = 0;
      double sum = 0;
      for (TweetSentiment t : sentiment) {
        boolean team = t.teamId() == f.homeTeamId() || t.teamId() == f.awayTeamId();
        if (team && !t.createdAt().isBefore(from) && !t.createdAt().isAfter(to)) {
          n++;
          sum += t.compound();
        }
      }
      String home = f.fixtureId() + "/" + f.homeTeamId() + "/";
      String away = f.fixtureId() + "/" + f.awayTeamId() + "/";
      rows.add(new FixtureMood(f, stats.get(home + "ball_possession"), stats.get(away + "ball_possession"),
          stats.get(home + "shots_on_goal"), stats.get(away + "shots_on_goal"), n, n == 0 ? null : sum / n));
    }
    rows.sort(Comparator.comparing((FixtureMood m) -> m.fixture().date())
        .thenComparingLong(m -> m.fixture().fixtureId()));
    return rows;
  }
}
