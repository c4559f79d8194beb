package dev.lake.examples.xg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import dev.lake.examples.LakeExamples;
import dev.lake.examples.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xg example on the bundled Understat files, checked with DuckDB against totals computed from the CSVs. */
class XgTest {
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  @TempDir
  Path lake;

  /** team -> {points, goals for, goals against, matches}, from the CSVs with plain string splitting. */
  static Map<String, long[]> facts() throws IOException {
    return facts(DATA.resolve("epl_2020_21_xg/understat"));
  }

  /** The same totals from another folder of Understat files. */
  static Map<String, long[]> facts(Path understat) throws IOException {
    Map<String, long[]> totals = new TreeMap<>();
    try (Stream<Path> files = Files.list(understat)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String team = name.substring("understat_".length(), name.length() - ".csv".length()).replace('_', ' ');
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        long[] t = totals.computeIfAbsent(team, k -> new long[4]);
        for (String line : lines.subList(1, lines.size())) {
          // ppda columns hold quoted "{'att': 307, 'def': 14}" with commas: drop them before splitting
          String[] v = line.replaceAll("\"\\{[^}]*}\"", "x").split(",");
          t[0] += Long.parseLong(v[header.indexOf("pts")]);
          t[1] += Long.parseLong(v[header.indexOf("scored")]);
          t[2] += Long.parseLong(v[header.indexOf("missed")]);
          t[3]++;
        }
      }
    }
    return totals;
  }

  @Test
  void xg_bundledData_writesMatchesWithOpponentsAndTheSeasonTable() throws Exception {
    int status = LakeExamples.run("xg", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(status).isZero();
    Map<String, long[]> facts = facts();
    assertThat(facts).hasSize(20);
    try (Duck duck = new Duck()) {
      String matches = Duck.parquet(lake.resolve("processed/team_matches"));
      String season = Duck.parquet(lake.resolve("processed/team_season"));
      assertThat(duck.one("SELECT count(*) FROM " + matches)).isEqualTo(760L);
      assertThat(duck.one("SELECT count(*) FROM " + matches + " WHERE opponent IS NULL")).isEqualTo(0L);
      assertThat(duck.one("SELECT count(*) FROM " + matches + " a JOIN " + matches + " b ON a.opponent = b.team "
          + "AND b.opponent = a.team AND a.kickoff = b.kickoff AND a.goals_for = b.goals_against")).isEqualTo(760L);
      for (List<Object> r : duck.query("SELECT team, points, goals_for, goals_against, played FROM " + season)) {
        long[] f = facts.get((String) r.get(0));
        assertThat(f).as("team %s", r.get(0)).isNotNull();
        assertThat(List.of(((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue(),
            ((Number) r.get(3)).longValue(), ((Number) r.get(4)).longValue()))
            .as("points, goals for, goals against, played of %s", r.get(0)).containsExactly(f[0], f[1], f[2], f[3]);
      }
      assertThat(duck.one("SELECT team FROM " + season + " ORDER BY points DESC LIMIT 1"))
          .isEqualTo("Manchester City");
    }
    List<List<Object>> standings =
        XgCommand.standings(Warehouse.of("jdbc:duckdb:" + lake.resolve("warehouse.duckdb")));
    assertThat(standings).hasSize(20);
    for (List<Object> r : standings) {
      long[] f = facts.get((String) r.get(0));
      assertThat(List.of(((Number) r.get(5)).longValue(), ((Number) r.get(2)).longValue(),
          ((Number) r.get(3)).longValue(), ((Number) r.get(1)).longValue()))
          .as("warehouse row of %s", r.get(0)).containsExactly(f[0], f[1], f[2], f[3]);
    }
    assertThat(standings.stream().map(r -> ((Number) r.get(5)).longValue()).toList())
        .isSortedAccordingTo(java.util.Comparator.<Long>reverseOrder());
  }

  @Test
  void xg_runTwice_replacesInsteadOfAdding() throws Exception {
    LakeExamples.run("xg", "--lake", lake.toString(), "--data", DATA.toString());

    int status = LakeExamples.run("xg", "--lake", lake.toString(), "--data", DATA.toString());

    assertThat(status).isZero();
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/team_matches"))))
          .isEqualTo(760L);
      assertThat(duck.one("SELECT count(*) FROM " + Duck.parquet(lake.resolve("processed/team_season"))))
          .isEqualTo(20L);
    }
  }
}
