package dev.lake.source.football;

import java.util.List;

/**
 * A team's lineup in a fixture ({@code /fixtures/lineups}).
 *
 * <pre>{@code
 * // given: RawResponse raw
 * Lineup city = ApiFootball.lineups(raw).get(0);
 * System.out.println(city.formation() + " " + city.startXI().get(0).name());   // 4-3-3 Ederson
 * }</pre>
 *
 * @param fixtureId the fixture
 * @param teamId the team
 * @param teamName the team's name
 * @param formation e.g. 4-3-3
 * @param coach the coach's name, or null
 * @param startXI the starting eleven
 * @param substitutes the substitutes
 */
public record Lineup(long fixtureId, long teamId, String teamName, String formation, String coach,
    List<Player> startXI, List<Player> substitutes) {

  /** A player in a lineup; {@code grid} is "row:column" for starters, null for substitutes. */
  public record Player(long id, String name, Integer number, String position, String grid) {}
}
