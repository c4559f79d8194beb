package dev.lake.examples.football;

/**
 * A line of the bundled {@code api_football/teamcodes.csv}: {@code idTeam,teamCode,teamName}, e.g.
 * {@code 42,ARS,Arsenal} (API-Football's team id and a three-letter code).
 *
 * <pre>{@code
 * Source<TeamCodeCsv> codes = CsvSource.of(TeamCodeCsv.class).from(data + "api_football/teamcodes.csv");
 * }</pre>
 */
public record TeamCodeCsv(long idTeam, String teamCode, String teamName) {}
