package dev.lake.examples.xg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.StepReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * team_season as the aggregate writes it, every column against the Understat CSVs totalled with plain string
 * splitting: won / drawn / lost from the result column, xG, xGA and xPts summed as decimals and rounded to 2 places.
 */
class TeamSeasonTest {
  @TempDir
  Path dir;

  /** team -> the season row, from the CSV text. */
  static Map<String, TeamSeason> fromCsv() throws IOException {
    Map<String, TeamSeason> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(XgTest.DATA.resolve("epl_2020_21_xg/understat"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String team = name.substring("understat_".length(), name.length() - ".csv".length()).replace('_', ' ');
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int[] counts = new int[7]; // played, won, drawn, lost, for, against, points
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}; // xG, xGA, xpts
        for (String line : lines.subList(1, lines.size())) {
          String[] v = line.replaceAll("\"\\{[^}]*}\"", "x").split(",");
          counts[0]++;
          counts["wdl".indexOf(v[header.indexOf("result")]) + 1]++;
          counts[4] += Integer.parseInt(v[header.indexOf("scored")]);
          counts[5] += Integer.parseInt(v[header.indexOf("missed")]);
          counts[6] += Integer.parseInt(v[header.indexOf("pts")]);
          sums[0] = sums[0].add(new BigDecimal(v[header.indexOf("xG")]));
          sums[1] = sums[1].add(new BigDecimal(v[header.indexOf("xGA")]));
          sums[2] = sums[2].add(new BigDecimal(v[header.indexOf("xpts")]));
        }
        out.put(team, new TeamSeason(team, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
            counts[6], round(sums[0]), round(sums[1]), round(sums[2])));
      }
    }
    return out;
  }

  private static double round(BigDecimal x) {
    return x.setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  @Test
  void teamSeason_aggregatesTheCommittedMatches_everyColumnEqualsTheCsvTotals() throws IOException {
    Lake lake = Lake.at(dir.toString());
    ExpectedPoints xg = new ExpectedPoints(XgTest.DATA.toUri(), lake);
    xg.teamMatches().run();

    PipelineResult result = xg.teamSeason().run();

    Map<String, TeamSeason> written = new TreeMap<>();
    lake.read(ExpectedPoints.SEASON, TeamSeason.class).readAll().forEach(s -> written.put(s.team(), s));
    assertThat(written).isEqualTo(fromCsv()).hasSize(20);
    StepReport aggregate = result.steps().get(0);
    assertThat(aggregate.in()).isEqualTo(760);
    assertThat(aggregate.out()).isEqualTo(20);
    assertThat(result.rowsGrouped()).isEqualTo(740);
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void season_returnsTheTableBestFirst_andOf_givesTheAggregatesRow() throws IOException {
    Lake lake = Lake.at(dir.toString());
    ExpectedPoints xg = new ExpectedPoints(XgTest.DATA.toUri(), lake);
    xg.teamMatches().run();

    List<TeamSeason> table = xg.season();

    assertThat(table).extracting(TeamSeason::points).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(table.get(0).team()).isEqualTo("Manchester City");
    List<TeamMatch> arsenal = lake.read(ExpectedPoints.MATCHES, TeamMatch.class).readAll().stream()
        .filter(m -> m.team().equals("Arsenal")).toList();
    assertThat(TeamSeason.of("Arsenal", arsenal)).isEqualTo(fromCsv().get("Arsenal"));
  }
}
