package dev.lake.cli.lakes.xg;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Lookup;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.WriteMode;
import dev.lake.io.Source;
import dev.lake.source.files.CsvSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * lake-cli's test copy of the example of the same name in {@code examples/pipelines}, writing to Lake's processed
 * zone only: the command line's tests build real lakes with it, without depending on the examples.
 *
 * <p>The "expected vs actual" use case on Understat's Premier League 2020/21 data: every club's matches into
 * {@code processed/team_matches} (with the opponent found by mirroring the match's expected goals), then the season
 * table with expected goals and expected points into {@code processed/team_season}, by an aggregate over the
 * committed matches.
 *
 * <pre>{@code
 * ExpectedPoints xg = new ExpectedPoints(URI.create("file:///repo/data/"), Lake.at("./lake"));
 * xg.teamMatches().run();
 * xg.teamSeason().run();                  // or xg.season(): runs it and returns the table, best first
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
    return matches().to(lake.processed(MATCHES).mode(WriteMode.OVERWRITE))
        .onBadRows(BadRowPolicy.toRejectedZone());
  }

  private Pipeline<TeamMatch> matches() {
    // A match appears in both clubs' files; the opponent's row is the one at the same kick-off, on the other side,
    // with the expected goals mirrored (kick-off alone is ambiguous: the last day's ten matches start together).
    Map<String, UnderstatMatch> byKey = Lookup.load(understat(), UnderstatMatch::ownKey);
    return Pipeline.from(understat())
        .named("xg-team-matches")
        .lookupJoin(byKey, UnderstatMatch::opponentKey, (m, opponent) -> TeamMatch.of(m,
            opponent == null ? null : opponent.team()));
  }

  /**
   * The season table: the committed {@code team_matches} grouped by club and totalled by {@link TeamSeason#TOTALS}
   * (each worker totals the files it reads; the partial totals are merged once all are read) into
   * {@code team_season}, replacing the previous table. Rows are written in club order.
   */
  public Pipeline<TeamSeason> teamSeason() {
    return Pipeline.from(lake.read(MATCHES, TeamMatch.class)).named("xg-team-season")
        .aggregate("season-totals", TeamMatch::team, TeamSeason.TOTALS, (team, totals) -> totals.toSeason(team))
        .to(lake.processed(SEASON).mode(WriteMode.OVERWRITE));
  }

  /** Runs {@link #teamSeason()} and returns the table it wrote, best first (points, then goal difference). */
  public List<TeamSeason> season() {
    PipelineResult written = teamSeason().run();
    if (!written.reconciles() || written.rowsRejected() > 0) {
      throw new IllegalStateException("team_season does not reconcile: " + written.summary());
    }
    List<TeamSeason> table = new ArrayList<>(lake.read(SEASON, TeamSeason.class).readAll());
    table.sort(Comparator.comparingInt(TeamSeason::points).reversed()
        .thenComparing(Comparator.comparingInt((TeamSeason s) -> s.goalsFor() - s.goalsAgainst()).reversed()));
    return table;
  }
}
