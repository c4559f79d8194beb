package dev.lake.examples.football;

import dev.lake.Column;
import dev.lake.source.football.Fixture;
import java.time.Instant;

/**
 * A row of {@code processed/fixtures}: one match, partitioned by season. Goals are null until the match is played.
 *
 * <pre>{@code
 * ApiFootball.fixtures(raw).stream().map(FixtureRow::of).toList();
 * }</pre>
 *
 * @param fixtureId API-Football's fixture id
 * @param date the kick-off, UTC
 * @param round e.g. "Regular Season - 12"
 * @param status FT, NS, PST...
 * @param venue the stadium
 */
public record FixtureRow(
    @Column("fixture_id") long fixtureId,
    Instant date,
    String round,
    String status,
    @Column("home_team") String homeTeam,
    @Column("away_team") String awayTeam,
    @Column("home_goals") Integer homeGoals,
    @Column("away_goals") Integer awayGoals,
    String venue,
    @Column("home_team_id") long homeTeamId,
    @Column("away_team_id") long awayTeamId,
    int season) implements java.io.Serializable {

  /** The row of a parsed fixture. */
  public static FixtureRow of(Fixture f) {
    return new FixtureRow(f.id(), f.date(), f.league().round(), f.status().code(), f.home().name(), f.away().name(),
        f.goals().home(), f.goals().away(), f.venue().name(), f.home().id(), f.away().id(), f.league().season());
  }
}
