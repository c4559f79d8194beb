package dev.lake.source.football;

import dev.lake.exceptions.ValidationException;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.Paging;
import dev.lake.source.http.Quota;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RequestPlan;
import dev.lake.source.http.RestClient;
import dev.lake.source.http.RestRequest;
import dev.lake.source.http.RetryPolicy;
import dev.lake.source.http.Secret;
import dev.lake.source.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * API-Football v3: authentication (API-Sports or RapidAPI), the endpoints' requests, sources that capture their
 * responses for the raw zone, and parsers from a captured {@link RawResponse} to typed rows. The free tier allows 100
 * requests a day: the default {@link Quota} says so, and is corrected from {@code x-ratelimit-requests-remaining}.
 *
 * <pre>{@code
 * // given: Lake lake, LocalDate start, LocalDate end
 * ApiFootball api = ApiFootball.apiSports(Secret.fromEnv("API_FOOTBALL_KEY"));
 * Pipeline.from(api.source(ApiFootball.fixturesByWeek(39, 2020, start, end))).named("epl-fixtures")
 *     .to(lake.raw("api-football", "fixtures")).run();                              // capture (spends quota)
 * Pipeline.from(HttpSource.replay(lake, "api-football", "fixtures"))
 *     .flatMap("parse", ApiFootball::fixtures).to(lake.processed("fixtures")).run(); // parse (no network)
 * }</pre>
 */
public final class ApiFootball {
  /** The API-Sports host. */
  public static final String API_SPORTS_URI = "https://v3.football.api-sports.io";
  /** The RapidAPI host. */
  public static final String RAPIDAPI_HOST = "api-football-v1.p.rapidapi.com";
  /** The cursor {@link #fixturesByWeek} keeps: the last day fetched. */
  public static final String LAST_DATE = "fixtures.last_date";

  private final boolean rapid;
  private final Secret key;
  private final String baseUri;
  private final Quota quota;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;

  private ApiFootball(boolean rapid, Secret key, String baseUri, Quota quota, RetryPolicy retry, Duration timeout,
      HttpClient http, Clock clock, Sleeper sleeper) {
    this.rapid = rapid;
    this.key = key;
    this.baseUri = baseUri;
    this.quota = quota;
    this.retry = retry;
    this.timeout = timeout;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Direct API-Sports access: the key goes in {@code x-apisports-key}. */
  public static ApiFootball apiSports(Secret key) {
    return new ApiFootball(false, checked(key), API_SPORTS_URI, freeTier(), RetryPolicy.defaults(),
        Duration.ofSeconds(30), null, Clock.systemUTC(), Sleeper.system());
  }

  /** Access through RapidAPI: the key goes in {@code x-rapidapi-key}, with {@code x-rapidapi-host}. */
  public static ApiFootball rapidApi(Secret key) {
    return new ApiFootball(true, checked(key), "https://" + RAPIDAPI_HOST + "/v3", freeTier(),
        RetryPolicy.defaults(), Duration.ofSeconds(30), null, Clock.systemUTC(), Sleeper.system());
  }

  private static Secret checked(Secret key) {
    ValidationException.check(key != null, "An API key is required: ApiFootball.apiSports(Secret.fromEnv(\"...\"))");
    return key;
  }

  /** 100 requests a day, 10 a minute: the free plan. */
  public static Quota freeTier() {
    return Quota.builder().daily(100).dailyRemainingHeader("x-ratelimit-requests-remaining")
        .perMinute(10).windowRemainingHeader("x-ratelimit-remaining").build();
  }

  /** Another base URI (a proxy, or a test server). */
  public ApiFootball withBaseUri(String uri) {
    return copy(c -> c.baseUri = uri);
  }

  /** Another budget (a paid plan); share one instance between everything using the same key. */
  public ApiFootball withQuota(Quota q) {
    return copy(c -> c.quota = q);
  }

  public ApiFootball withRetry(RetryPolicy policy) {
    return copy(c -> c.retry = policy);
  }

  public ApiFootball withRequestTimeout(Duration t) {
    return copy(c -> c.timeout = t);
  }

  /** A caller-owned HTTP client. */
  public ApiFootball withHttpClient(HttpClient client) {
    return copy(c -> c.http = client);
  }

  /** The clock and the way to wait (tests pass a fake clock whose sleeper advances it). */
  public ApiFootball withTiming(Clock c, Sleeper s) {
    return copy(next -> {
      next.clock = c;
      next.sleeper = s;
    });
  }

  /** The configured REST client. */
  public RestClient client() {
    RestClient.Builder b = RestClient.builder().connector("api-football").baseUri(baseUri).quota(quota).retry(retry)
        .requestTimeout(timeout).clock(clock).sleeper(sleeper);
    if (http != null) {
      b.httpClient(http);
    }
    if (rapid) {
      b.secretHeader("x-rapidapi-key", key).header("x-rapidapi-host", RAPIDAPI_HOST);
    } else {
      b.secretHeader("x-apisports-key", key);
    }
    return b.build();
  }

  /** A live source of the responses to {@code plan}'s requests. */
  public HttpSource source(RequestPlan plan) {
    return HttpSource.live(client(), plan);
  }

  /** A live source of the responses to {@code requests}. */
  public HttpSource source(RestRequest... requests) {
    return HttpSource.live(client(), List.of(requests));
  }

  // ---- requests ---------------------------------------------------------------------------------------------------

  /** {@code /leagues?id=..}. */
  public static RestRequest league(int id) {
    return RestRequest.get("leagues", "/leagues").param("id", id);
  }

  /** {@code /leagues?country=..&season=..}. */
  public static RestRequest leagues(String country, int season) {
    return RestRequest.get("leagues", "/leagues").param("country", country).param("season", season);
  }

  /** {@code /teams?league=..&season=..}. */
  public static RestRequest teams(int league, int season) {
    return RestRequest.get("teams", "/teams").param("league", league).param("season", season);
  }

  /** {@code /fixtures/statistics?fixture=..}. */
  public static RestRequest fixtureStatistics(long fixture) {
    return RestRequest.get("fixture_statistics", "/fixtures/statistics").param("fixture", fixture);
  }

  /** {@code /fixtures/events?fixture=..}. */
  public static RestRequest fixtureEvents(long fixture) {
    return RestRequest.get("fixture_events", "/fixtures/events").param("fixture", fixture);
  }

  /** {@code /fixtures/lineups?fixture=..}. */
  public static RestRequest fixtureLineups(long fixture) {
    return RestRequest.get("fixture_lineups", "/fixtures/lineups").param("fixture", fixture);
  }

  /** {@code /players?league=..&season=..}, every page. */
  public static RestRequest players(int league, int season) {
    return RestRequest.get("players", "/players").param("league", league).param("season", season)
        .paging(Paging.pageNumbers("page", "/paging/current", "/paging/total"));
  }

  /** {@code /standings?league=..&season=..}. */
  public static RestRequest standings(int league, int season) {
    return RestRequest.get("standings", "/standings").param("league", league).param("season", season);
  }

  /**
   * A league's fixtures week by week from {@code start} (or the day after the committed {@link #LAST_DATE}) through
   * {@code end}: one request a week, each advancing the cursor once it and the run have committed.
   */
  public static RequestPlan fixturesByWeek(int league, int season, LocalDate start, LocalDate end) {
    return cursor -> {
      LocalDate from = cursor.apply(LAST_DATE).map(d -> LocalDate.parse(d).plusDays(1)).orElse(start);
      List<RestRequest> out = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(end); d = d.plusWeeks(1)) {
        LocalDate to = d.plusDays(6).isAfter(end) ? end : d.plusDays(6);
        out.add(FixtureQuery.create().league(league).season(season).from(d).to(to).request()
            .cursor(LAST_DATE, to.toString()));
      }
      return out;
    };
  }

  // ---- parsers ----------------------------------------------------------------------------------------------------
  // Each reads every envelope of a response (several when a capture joined pages); a v2 response, or one to another
  // endpoint, fails naming it and the fix.

  /** The fixtures in a {@code /fixtures} response ({@code results: 0} gives an empty list). */
  public static List<Fixture> fixtures(RawResponse raw) {
    return Envelope.parse(raw, "fixtures", Parsers::fixtures);
  }

  /** The per-team statistics in a {@code /fixtures/statistics} response. */
  public static List<TeamStatistics> statistics(RawResponse raw) {
    return Envelope.parse(raw, "fixtures/statistics", Parsers::statistics);
  }

  /** The events in a {@code /fixtures/events} response. */
  public static List<FixtureEvent> events(RawResponse raw) {
    return Envelope.parse(raw, "fixtures/events", Parsers::events);
  }

  /** The lineups in a {@code /fixtures/lineups} response. */
  public static List<Lineup> lineups(RawResponse raw) {
    return Envelope.parse(raw, "fixtures/lineups", Parsers::lineups);
  }

  /** The player seasons in a {@code /players} page. */
  public static List<PlayerSeason> players(RawResponse raw) {
    return Envelope.parse(raw, "players", Parsers::players);
  }

  /** The table rows in a {@code /standings} response. */
  public static List<Standing> standings(RawResponse raw) {
    return Envelope.parse(raw, "standings", Parsers::standings);
  }

  /** The competitions in a {@code /leagues} response. */
  public static List<LeagueInfo> leagues(RawResponse raw) {
    return Envelope.parse(raw, "leagues", Parsers::leagues);
  }

  /** The teams in a {@code /teams} response. */
  public static List<TeamInfo> teams(RawResponse raw) {
    return Envelope.parse(raw, "teams", Parsers::teams);
  }

  @Override
  public String toString() {
    return "ApiFootball(" + (rapid ? "RapidAPI" : "API-Sports") + " " + baseUri + ", key " + key + ", " + quota + ")";
  }

  private ApiFootball copy(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** Every component of a ApiFootball, once: each {@code with*} method changes one and builds a copy. */
  private static final class Copy {
    private boolean rapid;
    private Secret key;
    private String baseUri;
    private Quota quota;
    private RetryPolicy retry;
    private Duration timeout;
    private HttpClient http;
    private Clock clock;
    private Sleeper sleeper;

    private Copy(ApiFootball original) {
      rapid = original.rapid;
      key = original.key;
      baseUri = original.baseUri;
      quota = original.quota;
      retry = original.retry;
      timeout = original.timeout;
      http = original.http;
      clock = original.clock;
      sleeper = original.sleeper;
    }

    private ApiFootball build() {
      return new ApiFootball(rapid, key, baseUri, quota, retry, timeout, http, clock, sleeper);
    }
  }
}
