/**
 * API-Football v3: {@link dev.lake.source.football.ApiFootball} (authentication, requests, sources, parsers) and the
 * typed rows {@link dev.lake.source.football.Fixture}, {@link dev.lake.source.football.TeamStatistics},
 * {@link dev.lake.source.football.FixtureEvent}, {@link dev.lake.source.football.Lineup},
 * {@link dev.lake.source.football.PlayerSeason}, {@link dev.lake.source.football.Standing},
 * {@link dev.lake.source.football.LeagueInfo} and {@link dev.lake.source.football.TeamInfo}.
 *
 * <pre>{@code
 * List<Fixture> fixtures = ApiFootball.fixtures(rawResponse);
 * }</pre>
 */
package dev.lake.source.football;
