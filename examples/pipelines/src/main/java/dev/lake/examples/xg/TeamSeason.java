package dev.lake.examples.xg;

import dev.lake.Column;
import java.util.List;

/**
 * A row of {@code processed/team_season}: a club's season totals, actual and expected.
 *
 * <pre>{@code
 * TeamSeason s = TeamSeason.of("Arsenal", arsenalMatches);
 * double luck = s.points() - s.xpts();
 * }</pre>
 */
public record TeamSeason(
    String team,
    int played,
    int won,
    int drawn,
    int lost,
    @Column("goals_for") int goalsFor,
    @Column("goals_against") int goalsAgainst,
    int points,
    double xg,
    double xga,
    double xpts) {

  /** Totals over one team's matches. */
  public static TeamSeason of(String team, List<TeamMatch> matches) {
    int won = 0;
    int drawn = 0;
    int lost = 0;
    int goalsFor = 0;
    int goalsAgainst = 0;
    int points = 0;
    double xg = 0;
    double xga = 0;
    double xpts = 0;
    for (TeamMatch m : matches) {
      switch (m.result()) {
        case "w" -> won++;
        case "d" -> drawn++;
        default -> lost++;
      }
      goalsFor += m.goalsFor();
      goalsAgainst += m.goalsAgainst();
      points += m.points();
      xg += m.xg();
      xga += m.xga();
      xpts += m.xpts();
    }
    return new TeamSeason(team, matches.size(), won, drawn, lost, goalsFor, goalsAgainst, points, round(xg),
        round(xga), round(xpts));
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
