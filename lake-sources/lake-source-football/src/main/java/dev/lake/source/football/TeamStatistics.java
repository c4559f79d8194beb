package dev.lake.source.football;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One team's statistics in one fixture ({@code /fixtures/statistics}), normalised: names in snake case
 * ({@code "Ball Possession"} → {@code ball_possession}, {@code "Passes %"} → {@code passes_pct}), percentages as
 * fractions ({@code "64%"} → 0.64), numbers in text ({@code "1.83"}) as numbers, and null values absent.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * TeamStatistics s = ApiFootball.statistics(raw).get(0);
 * double possession = s.value("Ball Possession").orElse(Double.NaN);   // 0.64
 * }</pre>
 *
 * @param fixtureId the fixture
 * @param teamId the team
 * @param teamName the team's name
 * @param values the statistics by normalised name; a statistic the API reported as null is absent
 */
public record TeamStatistics(long fixtureId, long teamId, String teamName, Map<String, Double> values) {

  public TeamStatistics {
    values = Map.copyOf(values);
  }

  /** A statistic by its API name or normalised name. */
  public OptionalDouble value(String type) {
    Double v = values.get(normalise(type));
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** {@code "Shots on Goal"} → {@code shots_on_goal}; {@code "Passes %"} → {@code passes_pct}. */
  static String normalise(String type) {
    return type.trim().toLowerCase(Locale.ROOT).replace("%", "pct").replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  /** A value as a number: int, "64%" (0.64), "1.83"; null, "" and anything else are absent. */
  static Double number(JsonNode v, String type, String where) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    String s = v.asText().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100
          : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ApiFootballException("Expected a number or a percentage for statistic '" + type + "' but was \""
          + s + "\" at " + where);
    }
  }

  static TeamStatistics of(long fixtureId, JsonNode n, String where) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (JsonNode s : n.path("statistics")) {
      String type = s.path("type").asText();
      Double v = number(s.get("value"), type, where);
      if (v != null) {
        values.put(normalise(type), v);
      }
    }
    return new TeamStatistics(fixtureId, n.at("/team/id").asLong(), JsonFields.text(n, "/team/name"), values);
  }
}
