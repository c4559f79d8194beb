package dev.lake.cli.lakes.xg;

import dev.lake.Column;
import java.time.LocalDateTime;

/**
 * A row of {@code processed/team_matches}: one team's league match with its opponent, goals, expected goals and
 * points.
 *
 * <pre>{@code
 * TeamMatch m = TeamMatch.of(understatRow, "Arsenal");
 * }</pre>
 */
public record TeamMatch(
    String team,
    String opponent,
    @Column("kickoff") LocalDateTime kickoff,
    String venue,
    @Column("goals_for") int goalsFor,
    @Column("goals_against") int goalsAgainst,
    String result,
    int points,
    double xg,
    double xga,
    double npxg,
    double npxga,
    double xpts) {

  /** The Understat row with its opponent's name (null when the opponent's row is missing). */
  public static TeamMatch of(UnderstatMatch m, String opponent) {
    return new TeamMatch(m.team(), opponent, m.date(), "h".equals(m.hA()) ? "home" : "away", m.scored(),
        m.missed(), m.result(), m.pts(), m.xG(), m.xGA(), m.npxG(), m.npxGA(), m.xpts());
  }
}
