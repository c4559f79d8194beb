package dev.lake.examples.football;

import dev.lake.Column;
import dev.lake.source.football.TeamStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row of {@code processed/fixture_statistics}: one statistic of one team in one match, as a number (percentages
 * as fractions: possession 64% is 0.64). A statistic the API reported as null has no row.
 *
 * <pre>{@code
 * ApiFootball.statistics(raw).stream().flatMap(s -> StatisticRow.of(s).stream()).toList();
 * }</pre>
 *
 * @param statistic the normalised name, e.g. {@code ball_possession}, {@code shots_on_goal}
 */
public record StatisticRow(
    @Column("fixture_id") long fixtureId,
    @Column("team_id") long teamId,
    String team,
    String statistic,
    double value) {

  /** One row per reported statistic, by name. */
  public static List<StatisticRow> of(TeamStatistics s) {
    List<StatisticRow> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(s.values()).entrySet()) {
      rows.add(new StatisticRow(s.fixtureId(), s.teamId(), s.teamName(), e.getKey(), e.getValue()));
    }
    return rows;
  }
}
