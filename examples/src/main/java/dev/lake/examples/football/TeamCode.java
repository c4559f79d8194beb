package dev.lake.examples.football;

import dev.lake.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A row of {@code processed/team_codes}: one way a tweet can name a team, mapped to its team id. Kinds:
 * {@code name} (the club's full name), {@code api_name} (API-Football's shorter name when it differs, e.g. "Wolves"),
 * {@code code} (the three-letter code; matched only as a hashtag, since "NEW" or "EVE" are ordinary words) and
 * {@code hashtag} ({@code #ARS}, {@code #Arsenal}, {@code #ManchesterUnited}).
 *
 * <pre>{@code
 * List<TeamCode> terms = TeamCode.of(new TeamCodeCsv(39, "WLV", "Wolverhampton Wanderers"), "Wolves");
 * boolean hit = terms.get(0).matches("Wolverhampton Wanderers win again");
 * }</pre>
 *
 * @param term the text looked for
 * @param kind name, api_name, code or hashtag
 */
public record TeamCode(
    @Column("team_id") long teamId,
    String code,
    String name,
    String term,
    String kind) implements java.io.Serializable {

  /** Every term naming one team; {@code apiName} is the name fixtures use for it (null when unknown). */
  public static List<TeamCode> of(TeamCodeCsv team, String apiName) {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put(team.teamName(), "name");
    if (apiName != null && !apiName.equalsIgnoreCase(team.teamName())) {
      terms.put(apiName, "api_name");
    }
    terms.put(team.teamCode(), "code");
    terms.putIfAbsent("#" + team.teamCode(), "hashtag");
    terms.putIfAbsent("#" + squeeze(team.teamName()), "hashtag");
    if (apiName != null) {
      terms.putIfAbsent("#" + squeeze(apiName), "hashtag");
    }
    List<TeamCode> rows = new ArrayList<>();
    terms.forEach((term, kind) -> rows.add(new TeamCode(team.idTeam(), team.teamCode(), team.teamName(), term, kind)));
    return rows;
  }

  private static String squeeze(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "");
  }

  /** The pattern this term is found with in a tweet, or null for a code (found through its hashtag only). */
  Pattern pattern() {
    return switch (kind) {
      case "code" -> null;
      case "hashtag" -> Pattern.compile("(?<![\\w#])" + Pattern.quote(term) + "(?!\\w)", Pattern.CASE_INSENSITIVE);
      default -> Pattern.compile("(?<![\\w#])" + Pattern.quote(term) + "(?!\\w)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    };
  }

  /** True when {@code text} names the team with this term. */
  public boolean matches(String text) {
    Pattern p = pattern();
    return p != null && text != null && p.matcher(text).find();
  }

  @Override
  public String toString() {
    return term.toLowerCase(Locale.ROOT) + " -> " + teamId;
  }
}
