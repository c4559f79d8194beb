package dev.lake.source.football;

import dev.lake.exceptions.ValidationException;
import dev.lake.source.http.RestRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The filters of {@code /fixtures}: league and season, a date or a date range, a round, the next or last N, or up to
 * 20 ids. Immutable; {@link #request()} validates the combination before any I/O.
 *
 * <pre>{@code
 * RestRequest week = FixtureQuery.create().league(39).season(2020)
 *     .from(LocalDate.parse("2020-12-11")).to(LocalDate.parse("2020-12-18")).request();
 * RestRequest next = FixtureQuery.create().league(39).next(10).request();
 * }</pre>
 */
public final class FixtureQuery {
  private final Integer league;
  private final Integer season;
  private final LocalDate date;
  private final LocalDate from;
  private final LocalDate to;
  private final String round;
  private final Integer next;
  private final Integer last;
  private final long[] ids;

  private FixtureQuery(Integer league, Integer season, LocalDate date, LocalDate from, LocalDate to, String round,
      Integer next, Integer last, long[] ids) {
    this.league = league;
    this.season = season;
    this.date = date;
    this.from = from;
    this.to = to;
    this.round = round;
    this.next = next;
    this.last = last;
    this.ids = ids;
  }

  /** No filter yet. */
  public static FixtureQuery create() {
    return new FixtureQuery(null, null, null, null, null, null, null, null, null);
  }

  public FixtureQuery league(int id) {
    return copy(c -> c.league = id);
  }

  public FixtureQuery season(int year) {
    ValidationException.check(year >= 1900 && year <= 2100, "Invalid season: %s (use the starting year, e.g. 2020)",
        year);
    return copy(c -> c.season = year);
  }

  public FixtureQuery date(LocalDate day) {
    return copy(c -> c.date = day);
  }

  public FixtureQuery from(LocalDate day) {
    return copy(c -> c.from = day);
  }

  public FixtureQuery to(LocalDate day) {
    return copy(c -> c.to = day);
  }

  /** A round as the API names it, e.g. {@code "Regular Season - 12"}. */
  public FixtureQuery round(String name) {
    return copy(c -> c.round = name);
  }

  /** The next {@code n} fixtures (1-99). */
  public FixtureQuery next(int n) {
    ValidationException.check(n >= 1 && n <= 99, "Invalid next: %s (1-99)", n);
    return copy(c -> c.next = n);
  }

  /** The last {@code n} fixtures (1-99). */
  public FixtureQuery last(int n) {
    ValidationException.check(n >= 1 && n <= 99, "Invalid last: %s (1-99)", n);
    return copy(c -> c.last = n);
  }

  /** Up to 20 fixtures by id (their events, lineups, statistics and players come embedded). */
  public FixtureQuery ids(long... fixtureIds) {
    ValidationException.check(fixtureIds.length >= 1 && fixtureIds.length <= 20,
        "Between 1 and 20 fixture ids are allowed, not %s", fixtureIds.length);
    return copy(c -> c.ids = fixtureIds.clone());
  }

  /** The request, validated: at least one filter; {@code from} and {@code to} together, with a season. */
  public RestRequest request() {
    ValidationException.check(league != null || season != null || date != null || from != null || round != null
        || next != null || last != null || ids != null, "A fixtures query needs a filter: call league(..), "
        + "date(..), ids(..) ...");
    ValidationException.check((from == null) == (to == null), "from(..) and to(..) go together");
    ValidationException.check(from == null || !from.isAfter(to), "from %s is after to %s", from, to);
    ValidationException.check(from == null || season != null, "A date range needs season(..) too");
    ValidationException.check(round == null || (league != null && season != null),
        "round(..) needs league(..) and season(..)");
    ValidationException.check(next == null || last == null, "next(..) and last(..) exclude each other");
    ValidationException.check(ids == null || (league == null && season == null && date == null && from == null
        && round == null && next == null && last == null), "ids(..) cannot be combined with other filters");
    return RestRequest.get("fixtures", "/fixtures")
        .param("ids", ids == null ? null : Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining("-")))
        .param("league", league).param("season", season).param("date", date).param("from", from).param("to", to)
        .param("round", round).param("next", next).param("last", last);
  }

  private FixtureQuery copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a FixtureQuery, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy {
    private Integer league;
    private Integer season;
    private LocalDate date;
    private LocalDate from;
    private LocalDate to;
    private String round;
    private Integer next;
    private Integer last;
    private long[] ids;

    private Copy(FixtureQuery original) {
      league = original.league;
      season = original.season;
      date = original.date;
      from = original.from;
      to = original.to;
      round = original.round;
      next = original.next;
      last = original.last;
      ids = original.ids;
    }

    private FixtureQuery build() {
      return new FixtureQuery(league, season, date, from, to, round, next, last, ids);
    }
  }
}
