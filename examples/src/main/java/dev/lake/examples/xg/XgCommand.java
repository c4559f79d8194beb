package dev.lake.examples.xg;

import dev.lake.Lake;
import dev.lake.PipelineResult;
import dev.lake.examples.CommonOptions;
import dev.lake.examples.Destination;
import dev.lake.examples.IcebergDestination;
import dev.lake.examples.IcebergLines;
import dev.lake.examples.RunLines;
import dev.lake.examples.AnswerTable;
import dev.lake.examples.Warehouse;
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
    java.net.URI data = options.data("epl_2020_21_xg/understat/"); // options checked before any write
    Destination to = options.destination();
    Lake lake = to.lake();
    if (options.iceberg()) {
      ExpectedPoints xg = new ExpectedPoints(data, to);
      PipelineResult matches = xg.teamMatches().run();
      PipelineResult season = xg.teamSeason().run();
      System.out.printf("%-13s %,6d rows written, %,d rejected -> %s%n", ExpectedPoints.MATCHES,
          matches.rowsWritten(), matches.rowsRejected(), to.describe(ExpectedPoints.MATCHES));
      System.out.printf("%-13s %,6d rows written -> %s%n", ExpectedPoints.SEASON, season.rowsWritten(),
          to.describe(ExpectedPoints.SEASON));
      System.out.println(IcebergLines.where((IcebergDestination) to));
      System.out.println("The warehouse load and the points table read the Hive-style datasets: run without "
          + "--format iceberg for them.");
      return matches.reconciles() && season.reconciles() ? 0 : 1;
    }
    Warehouse warehouse = options.warehouse();
    ExpectedPoints xg = new ExpectedPoints(data, lake);
    PipelineResult matches = xg.teamMatches().run();
    List<TeamSeason> table = xg.season();
    System.out.printf("%-13s %,6d rows written, %,d rejected -> %s%s%n", ExpectedPoints.MATCHES,
        matches.rowsWritten(), matches.rowsRejected(), lake.uri("processed/" + ExpectedPoints.MATCHES + "/"),
        RunLines.replaced(matches));
    System.out.printf("%-13s %,6d rows written -> %s%n%n", ExpectedPoints.SEASON, table.size(),
        lake.uri("processed/" + ExpectedPoints.SEASON + "/"));
    long loaded = warehouse.load(lake, ExpectedPoints.MATCHES).rows() + warehouse.load(lake, ExpectedPoints.SEASON)
        .rows();
    System.out.printf("Warehouse %s: team_matches and team_season, %,d rows loaded%n%n", warehouse.describe(),
        loaded);
    System.out.println("Premier League, actual vs expected points (from the warehouse):");
    List<List<?>> rows = new ArrayList<>();
    int rank = 1;
    for (List<Object> s : standings(warehouse)) {
      int points = ((Number) s.get(5)).intValue();
      double xpts = ((Number) s.get(6)).doubleValue();
      rows.add(List.of(rank++, s.get(0), ((Number) s.get(1)).intValue(), s.get(2) + ":" + s.get(3),
          String.format("%.1f:%.1f", ((Number) s.get(4)).doubleValue(), ((Number) s.get(7)).doubleValue()), points,
          String.format("%.1f", xpts), String.format("%+.1f", points - xpts)));
    }
    System.out.print(AnswerTable.format(List.of("#", "team", "P", "goals", "xG", "pts", "xpts", "pts-xpts"), rows));
    return matches.reconciles() && table.size() == rows.size() ? 0 : 1;
  }

  /** team, played, goals for, goals against, xg, points, xpts, xga; by points, then goal difference, then team. */
  static List<List<Object>> standings(Warehouse warehouse) {
    return warehouse.query("SELECT team, played, goals_for, goals_against, xg, points, xpts, xga FROM team_season "
        + "ORDER BY points DESC, goals_for - goals_against DESC, team");
  }
}
