package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Envelope items to typed rows; unknown fields are ignored. */
final class Parsers {
  private Parsers() {}

  static List<Fixture> fixtures(Envelope env) {
    List<Fixture> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : env.items()) {
      if (!n.at("/fixture/id").canConvertToLong()) {
        throw new ApiFootballException("Expected a number at $.response[" + i + "].fixture.id but was "
            + n.at("/fixture/id").getNodeType() + " in the response to " + env.url);
      }
      out.add(Fixture.of(n));
      i++;
    }
    return out;
  }

  static List<TeamStatistics> statistics(Envelope env) {
    List<TeamStatistics> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : env.items()) {
      out.add(TeamStatistics.of(env.param("fixture"), n, env.where(i++)));
    }
    return out;
  }

  static List<FixtureEvent> events(Envelope env) {
    List<FixtureEvent> out = new ArrayList<>();
    long fixture = env.param("fixture");
    for (JsonNode n : env.items()) {
      out.add(new FixtureEvent(fixture, Json.integer(n, "/time/elapsed"), Json.integer(n, "/time/extra"),
          Json.number(n, "/team/id"), Json.text(n, "/team/name"), Json.number(n, "/player/id"),
          Json.text(n, "/player/name"), Json.number(n, "/assist/id"), Json.text(n, "/assist/name"),
          Json.text(n, "/type"), Json.text(n, "/detail"), Json.text(n, "/comments")));
    }
    return out;
  }

  static List<Lineup> lineups(Envelope env) {
    List<Lineup> out = new ArrayList<>();
    long fixture = env.param("fixture");
    for (JsonNode n : env.items()) {
      out.add(new Lineup(fixture, n.at("/team/id").asLong(), Json.text(n, "/team/name"), Json.text(n, "/formation"),
          Json.text(n, "/coach/name"), players(n.path("startXI")), players(n.path("substitutes"))));
    }
    return out;
  }

  private static List<Lineup.Player> players(JsonNode list) {
    List<Lineup.Player> out = new ArrayList<>();
    for (JsonNode p : list) {
      JsonNode q = p.path("player");
      out.add(new Lineup.Player(q.path("id").asLong(), Json.text(q, "/name"), Json.integer(q, "/number"),
          Json.text(q, "/pos"), Json.text(q, "/grid")));
    }
    return out;
  }

  static List<PlayerSeason> players(Envelope env) {
    List<PlayerSeason> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      JsonNode p = n.path("player");
      String birth = Json.text(p, "/birth/date");
      for (JsonNode s : n.path("statistics")) {
        String rating = Json.text(s, "/games/rating");
        out.add(new PlayerSeason(p.path("id").asLong(), Json.text(p, "/name"), Json.text(p, "/firstname"),
            Json.text(p, "/lastname"), Json.integer(p, "/age"), birth == null ? null : LocalDate.parse(birth),
            Json.text(p, "/nationality"), Json.bool(p, "/injured"), Json.number(s, "/team/id"),
            Json.text(s, "/team/name"), Json.number(s, "/league/id"), Json.integer(s, "/league/season"),
            Json.integer(s, "/games/appearences"), Json.integer(s, "/games/minutes"), Json.integer(s, "/goals/total"),
            Json.integer(s, "/goals/assists"), rating == null ? null : Double.valueOf(rating)));
      }
    }
    return out;
  }

  static List<Standing> standings(Envelope env) {
    List<Standing> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      JsonNode league = n.path("league");
      for (JsonNode group : league.path("standings")) {
        for (JsonNode r : group) {
          JsonNode all = r.path("all");
          out.add(new Standing(league.path("id").asLong(), league.path("season").asInt(), Json.text(r, "/group"),
              r.path("rank").asInt(), r.at("/team/id").asLong(), Json.text(r, "/team/name"), r.path("points").asInt(),
              r.path("goalsDiff").asInt(), Json.text(r, "/form"), Json.text(r, "/description"),
              all.path("played").asInt(), all.path("win").asInt(), all.path("draw").asInt(),
              all.path("lose").asInt(), all.at("/goals/for").asInt(), all.at("/goals/against").asInt()));
        }
      }
    }
    return out;
  }

  static List<LeagueInfo> leagues(Envelope env) {
    List<LeagueInfo> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      List<Integer> seasons = new ArrayList<>();
      n.path("seasons").forEach(s -> seasons.add(s.path("year").asInt()));
      out.add(new LeagueInfo(n.at("/league/id").asLong(), Json.text(n, "/league/name"), Json.text(n, "/league/type"),
          Json.text(n, "/country/name"), seasons));
    }
    return out;
  }

  static List<TeamInfo> teams(Envelope env) {
    List<TeamInfo> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      out.add(new TeamInfo(n.at("/team/id").asLong(), Json.text(n, "/team/name"), Json.text(n, "/team/code"),
          Json.text(n, "/team/country"), Json.integer(n, "/team/founded"), Json.bool(n, "/team/national"),
          Json.number(n, "/venue/id"), Json.text(n, "/venue/name"), Json.text(n, "/venue/city"),
          Json.integer(n, "/venue/capacity")));
    }
    return out;
  }
}
