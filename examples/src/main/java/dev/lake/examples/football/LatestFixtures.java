package dev.lake.examples.football;

import dev.lake.io.BadRow;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.source.football.ApiFootball;
import dev.lake.source.http.RawResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The most advanced state of each fixture over a set of responses: finished (FT, AET, PEN) over under way or
 * decided otherwise (goals known) over not started, then the response whose request key sorts last. A response that
 * does not parse is skipped here: the fixtures pipeline rejects it with its reason.
 *
 * <pre>{@code
 * Map<Long, FixtureRow> latest = LatestFixtures.of(RecordedResponses.of("api-football", "fixtures", folder));
 * }</pre>
 */
final class LatestFixtures {
  /**
   * What a response the source rejects (or a file it warns about) does here: nothing; the pipeline that reads the same
   * responses afterwards rejects it with its reason.
   */
  private static final SourceContext QUIET = new SourceContext() {
    @Override
    public void reject(BadRow row) {}

    @Override
    public void warn(String kind, String message) {}

    @Override
    public java.util.Optional<String> cursor(String key) {
      return java.util.Optional.empty();
    }

    @Override
    public void proposeCursor(String key, String value) {}
  };

  private LatestFixtures() {}

  static Map<Long, FixtureRow> of(Source<RawResponse> responses) {
    Map<Long, FixtureRow> best = new HashMap<>();
    Map<Long, String> bestFrom = new HashMap<>();
    try {
      for (Source<RawResponse> split : responses.split(QUIET)) {
        try (SourceReader<RawResponse> reader = split.open(QUIET)) {
          while (reader.hasNext()) {
            RawResponse r = reader.next();
            for (FixtureRow f : parsed(r)) {
              FixtureRow current = best.get(f.fixtureId());
              String from = r.request() + "#" + r.page();
              if (current == null || rank(f) > rank(current)
                  || rank(f) == rank(current) && from.compareTo(bestFrom.get(f.fixtureId())) > 0) {
                best.put(f.fixtureId(), f);
                bestFrom.put(f.fixtureId(), from);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return best;
  }

  private static java.util.List<FixtureRow> parsed(RawResponse r) {
    try {
      return ApiFootball.fixtures(r).stream().map(FixtureRow::of).toList();
    } catch (RuntimeException e) {
      return java.util.List.of();
    }
  }

  private static int rank(FixtureRow f) {
    if ("FT".equals(f.status()) || "AET".equals(f.status()) || "PEN".equals(f.status())) {
      return 2;
    }
    return f.homeGoals() != null ? 1 : 0;
  }
}
