package dev.lake.examples.xg;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Lookup;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.io.InMemorySource;
import dev.lake.io.Source;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "expected vs actual" use case on Understat's Premier League 2020/21 data: every club's matches into
 * {@code processed/team_matches} (with the opponent found by mirroring the match's expected goals), then the season
 * table with expected goals and expected points into {@code processed/team_season}.
 *
 * <pre>{@code
 * ExpectedPoints xg = new ExpectedPoints(URI.create("file:///repo/data/"), Lake.at("./lake"));
 * xg.teamMatches().run();
 * List<TeamSeason> table = xg.season();
 * }</pre>
 */
public final class ExpectedPoints {
  public static final String MATCHES = "team_matches";
  public static final String SEASON = "team_season";

  private final URI data;
  private final Lake lake;

  /** {@code data} is the data folder (ending in '/'), holding {@code epl_2020_21_xg/understat/}. */
  public ExpectedPoints(URI data, Lake lake) {
    this.data = data;
    this.lake = lake;
  }

  private Source<UnderstatMatch> understat() {
    return CsvSource.of(UnderstatMatch.class).withFileColumn("sourceFile")
        .from(data + "epl_2020_21_xg/understat/understat_*.csv");
  }

  /** Every club's matches, each with its opponent, into {@code team_matches} (replacing the previous load). */
  public Pipeline<TeamMatch> teamMatches() {
    // A match appears in both clubs' files; the opponent's row is the one at the same kick-off, on the other side,
    // with the expected goals mirrored (kick-off alone is ambiguous: the last day's ten matches start together).
    Map<String, UnderstatMatch> byKey = Lookup.load(understat(), UnderstatMatch::ownKey);
    return Pipeline.from(understat())
        .named("xg-team-matches")
        .lookupJoin(byKey, UnderstatMatch::opponentKey, (m, opponent) -> TeamMatch.of(m,
            opponent == null ? null : opponent.team()))
        .to(lake.processed(MATCHES).mode(WriteMode.OVERWRITE))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  /**
   * The season table from the committed {@code team_matches}, written to {@code team_season}, best first. Lake has
   * no group-by step yet, so the 760 matches are totalled here in memory.
   */
  /**
   * What {@link #teamMatches()} and {@link #season()} need: the team_matches pipeline's policy, reading
   * {@code team_matches} back, and the policy of the pipeline that writes {@code team_season}.
   */
  public dev.lake.iam.IamPolicy requiredPermissions(dev.lake.iam.IamScope scope) {
    return teamMatches().requiredPermissions(scope)
        .and(lake.read(MATCHES, TeamMatch.class).permissions(scope))
        .and(seasonPipeline(List.of()).requiredPermissions(scope));
  }

  private Pipeline<TeamSeason> seasonPipeline(List<TeamSeason> table) {
    return Pipeline.from(InMemorySource.of("team-season", table))
        .named("xg-team-season")
        .to(lake.processed(SEASON).mode(WriteMode.OVERWRITE));
  }

  public List<TeamSeason> season() {
    Map<String, List<TeamMatch>> byTeam = new TreeMap<>();
    for (TeamMatch m : lake.read(MATCHES, TeamMatch.class).readAll()) {
      byTeam.computeIfAbsent(m.team(), t -> new ArrayList<>()).add(m);
    }
    List<TeamSeason> table = new ArrayList<>();
    byTeam.forEach((team, matches) -> table.add(TeamSeason.of(team, matches)));
    table.sort(Comparator.comparingInt(TeamSeason::points).reversed()
        .thenComparing(Comparator.comparingInt((TeamSeason s) -> s.goalsFor() - s.goalsAgainst()).reversed()));
    PipelineResult written = seasonPipeline(table).run();
    if (written.rowsWritten() != table.size()) {
      throw new IllegalStateException("team_season: wrote " + written.rowsWritten() + " of " + table.size());
    }
    return table;
  }
}
