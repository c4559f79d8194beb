package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryCommandTest {
  private final Path root = TestLakes.small();
  private final Lake lake = Lake.at(root.toString());
  /** The club with the most points in team_points, as Lake reads it back. */
  private final TeamPoints top = lake.read("team_points", TeamPoints.class).readAll().stream()
      .min(java.util.Comparator.comparingLong(TeamPoints::points).reversed().thenComparing(TeamPoints::team))
      .orElseThrow();

  @Test
  void query_countPerDataset_matchesTheManifests() {
    String out = lake("query", "--lake", root.toString(), "SELECT (SELECT count(*) FROM songplays) AS plays, "
        + "(SELECT count(*) FROM songs) AS songs, (SELECT count(*) FROM team_points) AS teams").ok().out();

    assertThat(out).containsPattern("(?m)^\\s*" + lake.latest("songplays").orElseThrow().rows() + "\\s+"
        + lake.latest("songs").orElseThrow().rows() + "\\s+" + lake.latest("team_points").orElseThrow().rows() + "$");
    assertThat(out).contains("(1 row)");
  }

  @Test
  void query_table_alignedWithHeader() {
    String out = lake("query", "--lake", root.toString(),
        "SELECT level, count(*) AS plays FROM songplays GROUP BY ALL ORDER BY plays DESC").ok().out();

    assertThat(out).isEqualTo("""
        level  plays
        -----  -----
        paid    5591
        free    1229
        (2 rows)
        """);
  }

  @Test
  void query_partitionColumns_typedFromTheSchema() {
    // int in the schema: DuckDB alone would read the directory names 2011 and 12 as BIGINT
    String out = lake("query", "--lake", TestLakes.ecommerce().toString(), "SELECT column_name, column_type FROM "
        + "(DESCRIBE online_retail) WHERE column_name IN ('year', 'month') ORDER BY 1").ok().out();

    assertThat(out).containsPattern("month\\s+INTEGER").containsPattern("year\\s+INTEGER");
  }

  @Test
  void query_csvToFile_writesRowsAndSaysWhere() throws Exception {
    Path file = TestLakes.temp("lake-cli-query-").resolve("teams.csv");

    String out = lake("query", "--lake", root.toString(), "--format", "csv", "--output", file.toString(),
        "SELECT team, points FROM team_points ORDER BY points DESC, team").ok().out();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(21);
    assertThat(lines.get(0)).isEqualTo("team,points");
    assertThat(lines.get(1)).isEqualTo(top.team() + "," + top.points());
    assertThat(out).isEqualTo("20 rows written to " + file + "\n");
  }

  @Test
  void query_failingMidway_leavesTheOutputFileAsItWas() throws Exception {
    Path file = TestLakes.temp("lake-cli-query-").resolve("rows.csv");
    Files.writeString(file, "kept\n");

    TestLakes.Result r = lake("query", "--lake", root.toString(), "--format", "csv", "--output", file.toString(),
        "SELECT i, CASE WHEN i < 300000 THEN i ELSE error('no row ' || i) END AS v FROM range(400000) t(i)");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no row 3");
    assertThat(Files.readString(file)).isEqualTo("kept\n");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.toList()).containsExactly(file); // no partial file left beside it
    }
  }

  @Test
  void query_tableLongerThanMaxRows_showsTheFirstAndCountsAll() {
    String out = lake("query", "--lake", root.toString(), "--max-rows", "2",
        "SELECT team, points FROM team_points ORDER BY points DESC, team").ok().out();

    // the clubs of the Understat files with the most points (read back by Lake, not by the command line)
    assertThat(top).isEqualTo(new TeamPoints("Manchester City", 86, top.xpts()));
    assertThat(out).isEqualTo("""
        team               points
        -----------------  ------
        Manchester City        86
        Manchester United      74
        (20 rows, the first 2 shown; --max-rows shows more, --format csv or json writes all)
        """);
  }

  @Test
  void query_maxRowsBelowOne_usageErrorNamingTheFix() {
    TestLakes.Result r = lake("query", "--lake", root.toString(), "--max-rows", "0", "SELECT 1");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--max-rows must be at least 1, not 0; for every row use --format csv or json.");
  }

  @Test
  void query_json_numbersStayNumbers() throws Exception {
    String out = lake("query", "--lake", root.toString(), "-f", "json",
        "SELECT team, points, xpts FROM team_points ORDER BY points DESC LIMIT 2").ok().out();

    JsonNode rows = new ObjectMapper().readTree(out);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("team").asText()).isEqualTo(top.team());
    assertThat(rows.get(0).get("points").isNumber()).isTrue();
    assertThat(rows.get(0).get("points").asLong()).isEqualTo(top.points());
    assertThat(rows.get(0).get("xpts").isNumber()).isTrue();
    assertThat(rows.get(0).get("xpts").asDouble()).isEqualTo(top.xpts());
  }

  @Test
  void query_invalidSql_showsDuckDbMessageWithPosition() {
    TestLakes.Result r = lake("query", "--lake", root.toString(), "SELECT * FORM songs");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Parser Error: syntax error at or near \"songs\"")
        .contains("LINE 1: SELECT * FORM songs")
        .containsPattern("\\n\\s+\\^+")
        .contains("Views: matches, songplays, songs, team_points");
  }

  @Test
  void query_unknownTable_duckDbSuggests() {
    TestLakes.Result r = lake("query", "--lake", root.toString(), "SELECT count(*) FROM songplay");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("songplay does not exist").contains("Did you mean \"songplays\"");
  }
}
