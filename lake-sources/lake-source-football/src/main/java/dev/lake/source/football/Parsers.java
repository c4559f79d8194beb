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
      out.add(new FixtureEvent(fixture, JsonFields.integer(n, "/time/elapsed"), JsonFields.integer(n, "/time/extra"),
          JsonFields.number(n, "/team/id"), JsonFields.text(n, "/team/name"), JsonFields.number(n, "/player/id"),
          JsonFields.text(n, "/player/name"), JsonFields.number(n, "/assist/id"), JsonFields.text(n, "/assist/name"),
          JsonFields.text(n, "/type"), JsonFields.text(n, "/detail"), JsonFields.text(n, "/comments")));
    }
    return out;
  }

  static List<Lineup> lineups(Envelope env) {
    List<Lineup> out = new ArrayList<>();
    long fixture = env.param("fixture");
    for (JsonNode n : env.items()) {
      out.add(new Lineup(fixture, n.at("/team/id").asLong(), JsonFields.text(n, "/team/name"), JsonFields.text(n, "/formation"),
          JsonFields.text(n, "/coach/name"), players(n.path("startXI")), players(n.path("substitutes"))));
    }
    return out;
  }

  private static List<Lineup.Player> players(JsonNode list) {
    List<Lineup.Player> out = new ArrayList<>();
    for (JsonNode p : list) {
      JsonNode q = p.path("player");
      out.add(new Lineup.Player(q.path("id").asLong(), JsonFields.text(q, "/name"), JsonFields.integer(q, "/number"),
          JsonFields.text(q, "/pos"), JsonFields.text(q, "/grid")));
    }
    return out;
  }

  static List<PlayerSeason> players(Envelope env) {
    List<PlayerSeason> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      JsonNode p = n.path("player");
      String birth = JsonFields.text(p, "/birth/date");
      for (JsonNode s : n.path("statistics")) {
        String rating = JsonFields.text(s, "/games/rating");
        out.add(new PlayerSeason(p.path("id").asLong(), JsonFields.text(p, "/name"), JsonFields.text(p, "/firstname"),
            JsonFields.text(p, "/lastname"), JsonFields.integer(p, "/age"), birth == null ? null : LocalDate.parse(birth),
            JsonFields.text(p, "/nationality"), JsonFields.bool(p, "/injured"), JsonFields.number(s, "/team/id"),
            JsonFields.text(s, "/team/name"), JsonFields.number(s, "/league/id"), JsonFields.integer(s, "/league/season"),
            JsonFields.integer(s, "/games/appearences"), JsonFields.integer(s, "/games/minutes"), JsonFields.integer(s, "/goals/total"),
            JsonFields.integer(s, "/goals/assists"), rating == null ? null : Double.valueOf(rating)));
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
          out.add(new Standing(league.path("id").asLong(), league.path("season").asInt(), JsonFields.text(r, "/group"),
              r.path("rank").asInt(), r.at("/team/id").asLong(), JsonFields.text(r, "/team/name"), r.path("points").asInt(),
              r.path("goalsDiff").asInt(), JsonFields.text(r, "/form"), JsonFields.text(r, "/description"),
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
      out.add(new LeagueInfo(n.at("/league/id").asLong(), JsonFields.text(n, "/league/name"), JsonFields.text(n, "/league/type"),
          JsonFields.text(n, "/country/name"), seasons));
    }
    return out;
  }

  static List<TeamInfo> teams(Envelope env) {
    List<TeamInfo> out = new ArrayList<>();
    for (JsonNode n : env.items()) {
      out.add(new TeamInfo(n.at("/team/id").asLong(), JsonFields.text(n, "/team/name"), JsonFields.text(n, "/team/code"),
          JsonFields.text(n, "/team/country"), JsonFields.integer(n, "/team/founded"), JsonFields.bool(n, "/team/national"),
          JsonFields.number(n, "/venue/id"), JsonFields.text(n, "/venue/name"), JsonFields.text(n, "/venue/city"),
          JsonFields.integer(n, "/venue/capacity")));
    }
    return out;
  }
}
