package dev.lake.cli.lakes.xg;

import dev.lake.Column;
import dev.lake.transforms.Aggregator;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A row of {@code processed/team_season}: a club's season totals, actual and expected, built from its
 * {@code team_matches} rows by {@link #TOTALS} (the aggregate of {@link ExpectedPoints#teamSeason()}).
 *
 * <pre>{@code
 * pipeline.aggregate("season-totals", TeamMatch::team, TeamSeason.TOTALS, (team, t) -> t.toSeason(team));
 * double luck = s.points() - s.xpts();
 * }</pre>
 */
public record TeamSeason(
    String team,
    int played,
    int won,
    int drawn,
    int lost,
    @Column("goals_for") int goalsFor,
    @Column("goals_against") int goalsAgainst,
    int points,
    double xg,
    double xga,
    double xpts) {

  /** One club's matches totalled: expected values summed as decimals, so the order of the matches never matters. */
  public static final Aggregator<TeamMatch, Totals, Totals> TOTALS =
      Aggregator.of(Totals::new, Totals::add, Totals::merge);

  /** Totals over one team's matches (what the aggregate computes, in one pass). */
  public static TeamSeason of(String team, List<TeamMatch> matches) {
    Totals t = TOTALS.create();
    for (TeamMatch m : matches) {
      t = TOTALS.add(t, m);
    }
    return t.toSeason(team);
  }

  /**
   * The running totals of a club's matches: counts and goals as ints, xG, xGA and xPts as exact decimals (each
   * match's value as Understat prints it), rounded to two places only in the season row.
   */
  public static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    private int played;
    private int won;
    private int drawn;
    private int lost;
    private int goalsFor;
    private int goalsAgainst;
    private int points;
    private BigDecimal xg = BigDecimal.ZERO;
    private BigDecimal xga = BigDecimal.ZERO;
    private BigDecimal xpts = BigDecimal.ZERO;

    Totals add(TeamMatch m) {
      int[] wdl = switch (m.result()) {
        case "w" -> new int[] {1, 0, 0};
        case "d" -> new int[] {0, 1, 0};
        case "l" -> new int[] {0, 0, 1};
        default -> throw new IllegalArgumentException("result must be w, d or l but was '" + m.result() + "'");
      };
      played++;
      won += wdl[0];
      drawn += wdl[1];
      lost += wdl[2];
      goalsFor += m.goalsFor();
      goalsAgainst += m.goalsAgainst();
      points += m.points();
      xg = xg.add(BigDecimal.valueOf(m.xg()));
      xga = xga.add(BigDecimal.valueOf(m.xga()));
      xpts = xpts.add(BigDecimal.valueOf(m.xpts()));
      return this;
    }

    Totals merge(Totals o) {
      played += o.played;
      won += o.won;
      drawn += o.drawn;
      lost += o.lost;
      goalsFor += o.goalsFor;
      goalsAgainst += o.goalsAgainst;
      points += o.points;
      xg = xg.add(o.xg);
      xga = xga.add(o.xga);
      xpts = xpts.add(o.xpts);
      return this;
    }

    /** The season row of {@code team}. */
    public TeamSeason toSeason(String team) {
      return new TeamSeason(team, played, won, drawn, lost, goalsFor, goalsAgainst, points, round(xg), round(xga),
          round(xpts));
    }

    private static double round(BigDecimal x) {
      return x.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
  }
}
