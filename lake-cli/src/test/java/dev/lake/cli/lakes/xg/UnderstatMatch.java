package dev.lake.cli.lakes.xg;

import java.time.LocalDateTime;

/**
 * One team's match as Understat records it ({@code understat_<Team>.csv}: one file per club, one row per league
 * match). The club is not in the row: it comes from the file name, through
 * {@code CsvSource.withFileColumn("source_file")}.
 *
 * <pre>{@code
 * Source<UnderstatMatch> m = CsvSource.of(UnderstatMatch.class).withFileColumn("source_file").from(dir + "*.csv");
 * }</pre>
 *
 * @param sourceFile the file the row came from
 * @param hA "h" at home, "a" away
 * @param xG expected goals for
 * @param xGA expected goals against
 * @param npxG non-penalty expected goals for
 * @param npxGA non-penalty expected goals against
 * @param deep passes completed within 20 yards of the opponent's goal
 * @param deepAllowed the opponent's deep passes
 * @param scored goals scored
 * @param missed goals conceded
 * @param xpts expected points
 * @param result w, d or l
 * @param date kick-off, UTC
 * @param pts points won (3, 1 or 0)
 */
public record UnderstatMatch(String sourceFile, String hA, double xG, double xGA, double npxG, double npxGA,
    int deep, int deepAllowed, int scored, int missed, double xpts, String result, LocalDateTime date, int pts) {

  /** The club's name from the file name: {@code …/understat_Manchester_United.csv} → {@code Manchester United}. */
  public String team() {
    String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
    name = name.substring(name.indexOf('_') + 1, name.lastIndexOf('.'));
    return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8).replace('_', ' ');
  }

  /** The key under which the opponent's row of the same match is found. */
  String ownKey() {
    return date + "|" + hA + "|" + xG + "|" + xGA;
  }

  /** The opponent's {@link #ownKey()}: same kick-off, other side, expected goals mirrored. */
  String opponentKey() {
    return date + "|" + ("h".equals(hA) ? "a" : "h") + "|" + xGA + "|" + xG;
  }
}
