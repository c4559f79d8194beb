package dev.lake.examples.football;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Facts about a folder of API-Football responses, read with plain Jackson trees: the fixtures by id (of several
 * responses naming one, the most advanced state: finished, then goals known, then the later file), the non-null statistics, and the CSV of team codes.
 *
 * @param fixtures fixture id -> its JSON node
 * @param statistics "fixture/team/type" -> the raw value (a number or text such as "64%")
 * @param teams team id -> full name, from teamcodes.csv
 */
record FootballFacts(Map<Long, JsonNode> fixtures, Map<String, JsonNode> statistics, Map<Long, String> teams) {

  static FootballFacts of(Path apiFootball) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<Long, JsonNode> fixtures = new LinkedHashMap<>();
    for (Path f : files(apiFootball.resolve("fixtures"))) { // sorted by name: on a tie the later file wins
      for (JsonNode n : json.readTree(f.toFile()).path("response")) {
        JsonNode seen = fixtures.get(n.at("/fixture/id").asLong());
        if (seen == null || stage(n) >= stage(seen)) {
          fixtures.put(n.at("/fixture/id").asLong(), n);
        }
      }
    }
    Map<String, JsonNode> stats = new LinkedHashMap<>();
    for (Path f : files(apiFootball.resolve("fixture_statistics"))) {
      JsonNode root = json.readTree(f.toFile());
      long fixture = root.at("/parameters/fixture").asLong();
      for (JsonNode team : root.path("response")) {
        for (JsonNode s : team.path("statistics")) {
          if (!s.path("value").isNull() && !s.path("value").asText().isEmpty()) {
            stats.put(fixture + "/" + team.at("/team/id").asLong() + "/" + s.get("type").asText(), s.get("value"));
          }
        }
      }
    }
    Map<Long, String> teams = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(apiFootball.resolve("teamcodes.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",");
      teams.put(Long.parseLong(v[0]), v[2]);
    }
    return new FootballFacts(fixtures, stats, teams);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** 2 finished, 1 goals known, 0 not started. */
  static int stage(JsonNode fixture) {
    String status = fixture.at("/fixture/status/short").asText();
    return List.of("FT", "AET", "PEN").contains(status) ? 2 : fixture.at("/goals/home").isNull() ? 0 : 1;
  }

  /** "64%" -> 0.64, 6 -> 6.0. */
  static double number(JsonNode v) {
    String s = v.asText().trim();
    return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
  }
}
