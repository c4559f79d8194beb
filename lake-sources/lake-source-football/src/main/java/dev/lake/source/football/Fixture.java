package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A fixture (match) from {@code /fixtures}: when and where, its status, league and round, the two teams, the goals and
 * the score by period. Absent values (a match not started has no goals) are null.
 *
 * <pre>{@code
 * // given: RawResponse rawResponse
 * List<Fixture> fixtures = ApiFootball.fixtures(rawResponse);
 * fixtures.stream().filter(f -> f.status().finished()).forEach(f -> System.out.println(f.home().name()));
 * }</pre>
 *
 * @param id the fixture id
 * @param referee the referee, or null
 * @param timezone the timezone of {@code date}
 * @param date the kick-off
 * @param venue where it is played
 * @param status e.g. FT, NS, PST
 * @param league the league, season and round
 * @param home the home team
 * @param away the away team
 * @param goals goals at the end (null before kick-off)
 * @param score goals by period
 */
public record Fixture(long id, String referee, String timezone, Instant date, Venue venue, Status status,
    League league, Team home, Team away, Goals goals, Score score) {

  /** A venue; {@code id} is null for some venues. */
  public record Venue(Long id, String name, String city) {}

  /** The status: {@code code} is the short form (FT, NS, PST, AET, PEN...), {@code elapsed} the minutes played. */
  public record Status(String code, String description, Integer elapsed) {
    /** True for the finished codes FT, AET and PEN. */
    public boolean finished() {
      return "FT".equals(code) || "AET".equals(code) || "PEN".equals(code);
    }
  }

  /** The competition as the fixture names it. */
  public record League(long id, String name, String country, int season, String round) {}

  /** A team; {@code winner} is null for a draw or a match not finished. */
  public record Team(long id, String name, Boolean winner) {}

  /** Home and away goals, null where unknown. */
  public record Goals(Integer home, Integer away) {}

  /** The score by period. */
  public record Score(Goals halftime, Goals fulltime, Goals extratime, Goals penalty) {}

  static Fixture of(JsonNode n) {
    String date = JsonFields.text(n, "/fixture/date");
    return new Fixture(n.at("/fixture/id").asLong(), JsonFields.text(n, "/fixture/referee"),
        JsonFields.text(n, "/fixture/timezone"), date == null ? null : OffsetDateTime.parse(date).toInstant(),
        new Venue(JsonFields.number(n, "/fixture/venue/id"), JsonFields.text(n, "/fixture/venue/name"),
            JsonFields.text(n, "/fixture/venue/city")),
        new Status(JsonFields.text(n, "/fixture/status/short"), JsonFields.text(n, "/fixture/status/long"),
            JsonFields.integer(n, "/fixture/status/elapsed")),
        new League(n.at("/league/id").asLong(), JsonFields.text(n, "/league/name"), JsonFields.text(n, "/league/country"),
            n.at("/league/season").asInt(), JsonFields.text(n, "/league/round")),
        team(n.at("/teams/home")), team(n.at("/teams/away")), goals(n.at("/goals")),
        new Score(goals(n.at("/score/halftime")), goals(n.at("/score/fulltime")), goals(n.at("/score/extratime")),
            goals(n.at("/score/penalty"))));
  }

  private static Team team(JsonNode t) {
    return new Team(t.at("/id").asLong(), JsonFields.text(t, "/name"), JsonFields.bool(t, "/winner"));
  }

  private static Goals goals(JsonNode g) {
    return new Goals(JsonFields.integer(g, "/home"), JsonFields.integer(g, "/away"));
  }
}
