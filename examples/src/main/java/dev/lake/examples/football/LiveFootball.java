package dev.lake.examples.football;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.football.Fixture;
import dev.lake.source.http.HttpSource;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestRequest;
import dev.lake.source.http.Secret;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The football use case against the live API-Football: a league's fixtures of the last days, week by week from the
 * committed {@link ApiFootball#LAST_DATE} cursor, and the statistics of the finished ones, captured verbatim into
 * {@code raw/api-football/...}; the {@link Football} pipelines then replay that raw zone. The free plan allows 100
 * requests a day: one per week of fixtures plus one per finished match.
 *
 * <pre>{@code
 * Football football = LiveFootball.capture(ApiFootball.apiSports(Secret.fromEnv("API_FOOTBALL_KEY")), 39, 2024,
 *     LocalDate.now().minusDays(7), LocalDate.now(), data.resolve("api_football/teamcodes.csv"), lake);
 * }</pre>
 */
public final class LiveFootball {
  private LiveFootball() {}

  /** Captures with the key in {@code API_FOOTBALL_KEY} (API-Sports). */
  public static Football capture(int league, int season, LocalDate from, LocalDate to, URI teamCodesCsv, Lake lake) {
    return capture(ApiFootball.apiSports(Secret.fromEnv("API_FOOTBALL_KEY")), league, season, from, to, teamCodesCsv,
        lake);
  }

  /** Captures new fixtures and their statistics, and returns the pipelines over the whole raw zone. */
  public static Football capture(ApiFootball api, int league, int season, LocalDate from, LocalDate to,
      URI teamCodesCsv, Lake lake) {
    Pipeline.from(api.source(ApiFootball.fixturesByWeek(league, season, from, to))).named("football-capture-fixtures")
        .to(lake.raw("api-football", "fixtures")).withLake(lake).run();
    List<RestRequest> stats = new ArrayList<>();
    java.util.Set<Long> captured = new java.util.HashSet<>();
    if (lake.latest("raw/api-football/fixture_statistics").isPresent()) {
      for (RawResponse r : HttpSource.replay(lake, "api-football", "fixture_statistics").readAll()) {
        ApiFootball.statistics(r).forEach(s -> captured.add(s.fixtureId()));
      }
    }
    for (RawResponse r : HttpSource.replay(lake, "api-football", "fixtures").readAll()) {
      for (Fixture f : ApiFootball.fixtures(r)) {
        if (f.status().finished() && captured.add(f.id())) {
          stats.add(ApiFootball.fixtureStatistics(f.id()));
        }
      }
    }
    if (!stats.isEmpty()) {
      Pipeline.from(api.source(stats.toArray(RestRequest[]::new))).named("football-capture-statistics")
          .to(lake.raw("api-football", "fixture_statistics")).withLake(lake).run();
    }
    return new Football(HttpSource.replay(lake, "api-football", "fixtures"),
        HttpSource.replay(lake, "api-football", "fixture_statistics"), teamCodesCsv, lake);
  }
}
