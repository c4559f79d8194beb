package dev.lake.examples.sparkify;

import dev.lake.examples.AnswerTable;
import dev.lake.examples.Warehouse;
import java.util.ArrayList;
import java.util.List;

/**
 * Example questions answered in SQL from the star schema loaded into the warehouse (DuckDB, PostgreSQL or Redshift
 * alike): the most active users, plays per level, and the busiest hours of the day through the time dimension.
 *
 * <pre>{@code
 * System.out.print(new SparkifyQueries(Warehouse.of("jdbc:duckdb:lake/warehouse.duckdb")).report());
 * }</pre>
 */
public final class SparkifyQueries {
  private final Warehouse warehouse;

  public SparkifyQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The five users with the most plays: user_id, name, current level, plays. */
  public List<List<Object>> topUsers() {
    return warehouse.query("SELECT p.user_id, u.first_name || ' ' || u.last_name AS name, u.level, "
        + "COUNT(*) AS plays FROM songplays p LEFT JOIN users u ON u.user_id = p.user_id "
        + "GROUP BY p.user_id, u.first_name, u.last_name, u.level ORDER BY plays DESC, p.user_id LIMIT 5");
  }

  /** Plays per level at the time of the play: level, plays, share in percent. */
  public List<List<Object>> playsPerLevel() {
    List<List<Object>> counts = warehouse.query("SELECT level, COUNT(*) AS plays FROM songplays GROUP BY level "
        + "ORDER BY level");
    long total = counts.stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> r : counts) {
      long n = ((Number) r.get(1)).longValue();
      rows.add(List.of(r.get(0), n, 100.0 * n / total));
    }
    return rows;
  }

  /** The three busiest hours of the day (UTC), through the time dimension: hour, plays. */
  public List<List<Object>> busiestHours() {
    return warehouse.query("SELECT t.hour, COUNT(*) AS plays FROM songplays p JOIN \"time\" t "
        + "ON t.start_time = p.start_time GROUP BY t.hour ORDER BY plays DESC, t.hour LIMIT 3");
  }

  /** [plays whose song is in the song files, all plays]. */
  public List<Object> matchedPlays() {
    return warehouse.query("SELECT COUNT(song_id), COUNT(*) FROM songplays").get(0);
  }

  /** All answers as text tables. */
  public String report() {
    String nl = System.lineSeparator();
    List<Object> matched = matchedPlays();
    return "Top 5 users by plays:" + nl
        + AnswerTable.format(List.of("user_id", "name", "level", "plays"), topUsers()) + nl
        + "Plays per level:" + nl
        + AnswerTable.format(List.of("level", "plays", "%"), playsPerLevel()) + nl
        + "Busiest hours (UTC):" + nl
        + AnswerTable.format(List.of("hour", "plays"), busiestHours()) + nl
        + String.format("Plays matched to a song in the song files: %,d of %,d%n",
            ((Number) matched.get(0)).longValue(), ((Number) matched.get(1)).longValue());
  }
}
