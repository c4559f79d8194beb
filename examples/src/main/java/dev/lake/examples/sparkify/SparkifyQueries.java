package dev.lake.examples.sparkify;

import dev.lake.Lake;
import dev.lake.examples.TextTable;
import dev.lake.io.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Example questions answered from the star schema, reading the lake's committed Parquet back with
 * {@link Lake#read(String, Class)}: the most active users, plays per level, and the busiest hours of the day.
 *
 * <pre>{@code
 * System.out.print(new SparkifyQueries(Lake.at("./lake")).report());
 * }</pre>
 */
public final class SparkifyQueries {
  private final List<Songplay> plays;
  private final Map<Long, UserRow> users = new HashMap<>();
  private final Map<Instant, TimeRow> times = new HashMap<>();

  public SparkifyQueries(Lake lake) {
    plays = all(lake.read(Sparkify.SONGPLAYS, Songplay.class));
    all(lake.read(Sparkify.USERS, UserRow.class)).forEach(u -> users.put(u.userId(), u));
    all(lake.read(Sparkify.TIME, TimeRow.class)).forEach(t -> times.put(t.startTime(), t));
  }

  /** The five users with the most plays: user_id, name, current level, plays. */
  public List<List<Object>> topUsers() {
    Map<Long, Long> perUser = plays.stream().collect(Collectors.groupingBy(Songplay::userId, Collectors.counting()));
    List<List<Object>> rows = new ArrayList<>();
    perUser.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(5)
        .forEach(e -> {
          UserRow u = users.get(e.getKey());
          rows.add(List.of(e.getKey(), u == null ? "?" : u.firstName() + " " + u.lastName(),
              u == null ? "?" : u.level(), e.getValue()));
        });
    return rows;
  }

  /** Plays per level at the time of the play: level, plays, share in percent. */
  public List<List<Object>> playsPerLevel() {
    Map<String, Long> perLevel = new TreeMap<>(plays.stream()
        .collect(Collectors.groupingBy(Songplay::level, Collectors.counting())));
    List<List<Object>> rows = new ArrayList<>();
    perLevel.forEach((level, n) -> rows.add(List.of(level, n, 100.0 * n / plays.size())));
    return rows;
  }

  /** The three busiest hours of the day (UTC), through the time dimension: hour, plays. */
  public List<List<Object>> busiestHours() {
    Map<Integer, Long> perHour = plays.stream()
        .collect(Collectors.groupingBy(p -> times.get(p.startTime()).hour(), Collectors.counting()));
    List<List<Object>> rows = new ArrayList<>();
    perHour.entrySet().stream()
        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .forEach(e -> rows.add(List.of(e.getKey(), e.getValue())));
    return rows;
  }

  /** Plays whose song is in the song files. */
  public long matchedPlays() {
    return plays.stream().filter(p -> p.songId() != null).count();
  }

  /** All answers as text tables. */
  public String report() {
    String nl = System.lineSeparator();
    return "Top 5 users by plays:" + nl
        + TextTable.format(List.of("user_id", "name", "level", "plays"), topUsers()) + nl
        + "Plays per level:" + nl
        + TextTable.format(List.of("level", "plays", "%"), playsPerLevel()) + nl
        + "Busiest hours (UTC):" + nl
        + TextTable.format(List.of("hour", "plays"), busiestHours()) + nl
        + String.format("Plays matched to a song in the song files: %,d of %,d%n", matchedPlays(), plays.size());
  }

  /** Every committed row of a dataset (small tables only). */
  static <T> List<T> all(Source<T> source) {
    List<T> rows = new ArrayList<>(source.readAll());
    rows.sort(Comparator.comparing(Object::toString)); // splits are read in manifest order; make output stable
    return rows;
  }
}
