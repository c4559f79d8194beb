package dev.lake.cli;

import dev.lake.transforms.Aggregator;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.avro.generic.GenericRecord;

/**
 * A row of the test lake's {@code team_points}: a club's points and expected points, summed over the rows of its
 * Understat file ({@code pts} and {@code xpts}) by {@link #SUM}; also the aggregate's accumulator.
 *
 * <pre>{@code
 * pipeline.aggregate("points-by-team", TeamPoints::club, TeamPoints.SUM, (club, sum) -> sum.named(club));
 * }</pre>
 */
record TeamPoints(String team, long points, double xpts) implements Serializable {
  /** Sums a club's rows: points as longs, expected points as exact decimals, rounded to two places at the end. */
  static final Aggregator<GenericRecord, TeamPoints, TeamPoints> SUM = Aggregator.of(
      () -> new TeamPoints(null, 0, 0),
      (sum, row) -> sum.plus(new TeamPoints(null, (Long) row.get("pts"), (Double) row.get("xpts"))),
      TeamPoints::plus);

  /** The club of an Understat row, from its file's name: {@code …/understat_Aston_Villa.csv} is Aston Villa. */
  static String club(GenericRecord row) {
    String file = String.valueOf(row.get("source_file"));
    return file.substring(file.lastIndexOf("understat_") + "understat_".length(), file.lastIndexOf('.'))
        .replace('_', ' ');
  }

  TeamPoints plus(TeamPoints o) {
    return new TeamPoints(team, points + o.points, BigDecimal.valueOf(xpts).add(BigDecimal.valueOf(o.xpts))
        .doubleValue());
  }

  /** These totals as the row of {@code club}, expected points to two places. */
  TeamPoints named(String club) {
    return new TeamPoints(club, points, BigDecimal.valueOf(xpts).setScale(2, RoundingMode.HALF_UP).doubleValue());
  }
}
