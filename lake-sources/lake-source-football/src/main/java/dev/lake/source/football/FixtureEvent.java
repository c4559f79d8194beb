package dev.lake.source.football;

/**
 * An event of a fixture ({@code /fixtures/events}): a goal, card, substitution or VAR decision.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * long goals = ApiFootball.events(raw).stream().filter(e -> e.type().equals("Goal")).count();
 * }</pre>
 *
 * @param fixtureId the fixture
 * @param elapsed the minute
 * @param extra added time, or null
 * @param teamId the team
 * @param teamName the team's name
 * @param playerId the player, or null
 * @param playerName the player's name, or null
 * @param assistId the assisting (or substituted) player, or null
 * @param assistName their name, or null
 * @param type Goal, Card, subst, Var
 * @param detail e.g. Normal Goal, Yellow Card
 * @param comments e.g. Foul, or null
 */
public record FixtureEvent(long fixtureId, Integer elapsed, Integer extra, Long teamId, String teamName,
    Long playerId, String playerName, Long assistId, String assistName, String type, String detail,
    String comments) {}
