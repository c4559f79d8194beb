package dev.lake.examples.xg;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lake-examples xg}: Premier League 2020/21 expected goals and points (Understat) against the real table.
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar xg --lake ./lake
 * }</pre>
 */
@Command(name = "xg", mixinStandardHelpOptions = true,
    description = "Understat xG per club and match -> processed/team_matches and processed/team_season, then "
        + "expected vs actual points.")
public final class XgCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Override
  public Integer call() {
    Lake lake = options.lake();
    ExpectedPoints xg = new ExpectedPoints(options.data(), lake);
    PipelineResult matches = xg.teamMatches().run();
    List<TeamSeason> table = xg.season();
    System.out.printf("%-13s %,6d rows written, %,d rejected -> %s%n", ExpectedPoints.MATCHES, matches.rowsWritten(),
        matches.rowsRejected(), lake.uri("processed/" + ExpectedPoints.MATCHES + "/"));
    System.out.printf("%-13s %,6d rows written -> %s%n%n", ExpectedPoints.SEASON, table.size(),
        lake.uri("processed/" + ExpectedPoints.SEASON + "/"));
    System.out.println("Premier League 2020/21, actual vs expected points:");
    List<List<?>> rows = new ArrayList<>();
    int rank = 1;
    for (TeamSeason s : table) {
      rows.add(List.of(rank++, s.team(), s.played(), s.goalsFor() + ":" + s.goalsAgainst(),
          String.format("%.1f:%.1f", s.xg(), s.xga()), s.points(), String.format("%.1f", s.xpts()),
          String.format("%+.1f", s.points() - s.xpts())));
    }
    System.out.print(TextTable.format(List.of("#", "team", "P", "goals", "xG", "pts", "xpts", "pts-xpts"), rows));
    return matches.reconciles() ? 0 : 1;
  }
}
