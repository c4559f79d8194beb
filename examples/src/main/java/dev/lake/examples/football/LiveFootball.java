package dev.lake.examples.football;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.io.Source;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.football.Fixture;
import dev.lake.source.football.TeamStatistics;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestRequest;
import dev.lake.source.http.Secret;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The football use case against the live API-Football: a league's fixtures week by week from the committed
 * {@link ApiFootball#LAST_DATE} cursor, and the statistics of finished fixtures not captured yet, kept verbatim in
 * {@code raw/api-football/...}; the {@link Football} pipelines then replay that raw zone. The free plan allows 100
 * requests a day: one per week of fixtures plus one per finished match.
 *
 * <pre>{@code
 * ApiFootball api = ApiFootball.apiSports(Secret.fromEnv("API_FOOTBALL_KEY"));
 * LiveFootball.captureFixtures(api, 39, 2024, LocalDate.now().minusDays(7), LocalDate.now(), lake).run();
 * LiveFootball.captureStatistics(api, lake).run();
 * Football football = LiveFootball.football(teamCodesCsv, lake);
 * }</pre>
 */
public final class LiveFootball {
  private LiveFootball() {}

  /** Captures with the key in {@code API_FOOTBALL_KEY} (API-Sports) and returns the pipelines over the raw zone. */
  public static Football capture(int league, int season, LocalDate from, LocalDate to, URI teamCodesCsv, Lake lake) {
    ApiFootball api = ApiFootball.apiSports(Secret.fromEnv("API_FOOTBALL_KEY"));
    captureFixtures(api, league, season, from, to, lake).run();
    captureStatistics(api, lake).run();
    return football(teamCodesCsv, lake);
  }

  /** {@code raw/api-football/fixtures}: the league's fixtures, a request per week not captured yet. */
  public static Pipeline<RawResponse> captureFixtures(ApiFootball api, int league, int season, LocalDate from,
      LocalDate to, Lake lake) {
    return Pipeline.from(api.source(ApiFootball.fixturesByWeek(league, season, from, to)))
        .named("football-capture-fixtures").to(lake.raw("api-football", "fixtures")).withLake(lake);
  }

  /**
   * {@code raw/api-football/fixture_statistics}: a request per finished fixture of the raw zone whose statistics are
   * not captured yet (none when all are).
   */
  public static Pipeline<RawResponse> captureStatistics(ApiFootball api, Lake lake) {
    Set<Long> captured = new HashSet<>();
    if (lake.latest("raw/api-football/fixture_statistics").isPresent()) {
      for (RawResponse r : HttpSource.replay(lake, "api-football", "fixture_statistics").readAll()) {
        ApiFootball.statistics(r).stream().map(TeamStatistics::fixtureId).forEach(captured::add);
      }
    }
    List<RestRequest> requests = new ArrayList<>();
    if (lake.latest("raw/api-football/fixtures").isPresent()) {
      for (RawResponse r : HttpSource.replay(lake, "api-football", "fixtures").readAll()) {
        for (Fixture f : ApiFootball.fixtures(r)) {
          if (f.status().finished() && captured.add(f.id())) {
            requests.add(ApiFootball.fixtureStatistics(f.id()));
          }
        }
      }
    }
    return Pipeline.from(requests.isEmpty() ? Source.<RawResponse>empty("no-new-fixtures")
            : api.source(requests.toArray(RestRequest[]::new)))
        .named("football-capture-statistics").to(lake.raw("api-football", "fixture_statistics")).withLake(lake);
  }

  /** The football pipelines over the captured raw zone. */
  public static Football football(URI teamCodesCsv, Lake lake) {
    return new Football(HttpSource.replay(lake, "api-football", "fixtures"),
        HttpSource.replay(lake, "api-football", "fixture_statistics"), teamCodesCsv, lake);
  }
}
