package dev.lake.source.football;

/**
 * A team's row in a league table ({@code /standings}).
 *
 * <pre>{@code
 * // given: RawResponse raw
 * Standing top = ApiFootball.standings(raw).get(0);   // rank 1, Manchester City, 89 points
 * }</pre>
 *
 * @param leagueId the league
 * @param season the season
 * @param group the group (the league's name for a single table)
 * @param rank the position
 * @param teamId the team
 * @param teamName the team's name
 * @param points points
 * @param goalsDiff goal difference
 * @param form the last results, e.g. LDWWW
 * @param description e.g. Promotion - Champions League, or null
 * @param played matches played
 * @param win wins
 * @param draw draws
 * @param lose defeats
 * @param goalsFor goals scored
 * @param goalsAgainst goals conceded
 */
public record Standing(long leagueId, int season, String group, int rank, long teamId, String teamName, int points,
    int goalsDiff, String form, String description, int played, int win, int draw, int lose, int goalsFor,
    int goalsAgainst) {}
